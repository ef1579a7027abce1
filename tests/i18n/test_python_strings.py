"""Labels, help texts, choices and error messages defined in Python are lazy translations.

A plain string in a form field or model choice is evaluated once, at import, in English; only a
lazy proxy (gettext_lazy) follows the language of each request.
"""

import importlib
import inspect
from collections.abc import Iterator

from django import forms
from django.apps import apps
from django.db import models
from django.utils.functional import Promise
from django.utils.text import camel_case_to_spaces

from expunge_portal.counties import COUNTIES

OUR_APPS = ("expunge_portal.", "eligibility", "forms_filler")

# Choice labels that are proper names, the same in every language.
PROPER_NAME_CHOICES = set(COUNTIES)

# (model or form, field, what): plain strings that only developers or the admin see.
ALLOWED = {
    ("Determination", "result", "help_text"),  # admin-only note naming the engine's JSON schema
}


def our_app_configs():
    return [config for config in apps.get_app_configs() if config.name.startswith(OUR_APPS)]


def our_forms() -> list[type[forms.BaseForm]]:
    found: dict[str, type[forms.BaseForm]] = {}
    for config in our_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__.startswith(OUR_APPS):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return list(found.values())


def _labels(choices) -> Iterator[object]:
    for _, label in choices:
        if isinstance(label, list | tuple):  # an optgroup
            yield from _labels(label)
        else:
            yield label


def _plain(value: object) -> bool:
    """True for a non-empty string that is not a lazy translation."""
    return bool(value) and isinstance(value, str) and not isinstance(value, Promise)


def test_our_forms_are_found():
    names = {cls.__name__ for cls in our_forms()}
    assert {"CountyForm", "AboutYouForm", "DeleteAccountForm"} <= names


def test_form_fields_have_translated_labels_help_texts_errors_and_choices():
    problems = []
    for form in our_forms():
        for name, field in form.base_fields.items():
            where = f"{form.__module__}.{form.__name__}.{name}"
            if field.label is None and not field.widget.is_hidden:
                problems.append(f"{where}: no label, so Django shows the English field name")
            for attribute in ("label", "help_text"):
                if _plain(getattr(field, attribute)):
                    problems.append(f"{where}.{attribute} = {getattr(field, attribute)!r}")
            for code, message in field.error_messages.items():
                if _plain(message):
                    problems.append(f"{where}.error_messages[{code!r}] = {message!r}")
            if isinstance(field, forms.ModelChoiceField):
                continue  # labels come from the objects themselves
            for label in _labels(getattr(field, "choices", None) or []):
                if _plain(label) and label not in PROPER_NAME_CHOICES:
                    problems.append(f"{where}: choice {label!r}")
    assert not problems, "\n".join(problems)


def _explicit_verbose_name(field: models.Field) -> bool:
    return field.verbose_name != field.name.replace("_", " ")


def test_model_fields_have_translated_names_help_texts_and_choices():
    """verbose_name is checked when it was written by hand: the automatic one is the field's name,
    seen only in the admin. Models made by django-simple-history copy these from the originals."""
    problems = []
    for config in our_app_configs():
        for model in config.get_models():
            if model.__name__.startswith("Historical"):
                continue
            meta = model._meta
            default_name = camel_case_to_spaces(meta.object_name)
            if _plain(meta.verbose_name) and meta.verbose_name != default_name:
                problems.append(f"{model.__name__}.Meta.verbose_name = {meta.verbose_name!r}")
            for field in meta.get_fields():
                if not isinstance(field, models.Field) or field.auto_created:
                    continue  # relations seen from the other side, and the automatic "ID"
                where = f"{model.__name__}.{field.name}"
                if _explicit_verbose_name(field) and _plain(field.verbose_name):
                    problems.append(f"{where}.verbose_name = {field.verbose_name!r}")
                if _plain(field.help_text) and (model.__name__, field.name, "help_text") not in (
                    ALLOWED
                ):
                    problems.append(f"{where}.help_text = {field.help_text!r}")
                for label in _labels(field.choices or []):
                    if _plain(label) and label not in PROPER_NAME_CHOICES:
                        problems.append(f"{where}: choice {label!r}")
                        break
    assert not problems, "\n".join(problems)
