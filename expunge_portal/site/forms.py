"""The portal's form renderer.

Forms and fields render through our templates (templates/forms/). Widgets are the hot spot: a
select renders Django's option template once per option (58 counties), a radio list its input
templates once per choice, each with its own template context; and every field renders Django's
label template and its (mostly empty) error list's template besides. The renderer therefore
writes the HTML of Django's stock input, select and radio widgets, labels and error lists in
Python instead, producing exactly what Django's templates produce (tests/site/test_widgets.py
compares the two on every interview page and form). Any other widget, or a stock template that
a project template overrides, still renders through its template.
"""

from pathlib import Path
from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]

WIDGETS = "django/forms/widgets/"
DJANGO_FORM_TEMPLATES = Path(forms.__file__).parent / "templates"

# Widget templates that only include input.html (the <input> element).
INPUT_TEMPLATES = frozenset(
    WIDGETS + name
    for name in (
        "input.html",
        "text.html",
        "email.html",
        "password.html",
        "number.html",
        "url.html",
        "date.html",
        "datetime.html",
        "time.html",
        "hidden.html",
        "checkbox.html",
        "search.html",
        "color.html",
        "tel.html",
    )
)
SELECT = WIDGETS + "select.html"
SELECT_OPTION = WIDGETS + "select_option.html"
RADIO = WIDGETS + "radio.html"
RADIO_OPTION = WIDGETS + "radio_option.html"
# A field's label and its list of errors (rendered for every field, mostly empty).
LABEL = "django/forms/label.html"
ERRORS = "django/forms/errors/list/default.html"
# Every Django template the Python rendering stands in for (directly or through an include).
REPLACED = INPUT_TEMPLATES | {
    SELECT,
    SELECT_OPTION,
    RADIO,
    RADIO_OPTION,
    WIDGETS + "multiple_input.html",
    WIDGETS + "input_option.html",
    WIDGETS + "attrs.html",
    LABEL,
    "django/forms/attrs.html",
    ERRORS,
    "django/forms/errors/list/ul.html",
}


class PortalFormRenderer(TemplatesSetting):
    """Every form renders with an error summary linked to its fields, and each field with its
    label, hint and error tied to the input (aria-describedby is set by Django)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"

    def render(
        self, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
    ) -> str:
        if template_name in self._python_widgets:
            if template_name == LABEL:
                return _label(context)
            if template_name == ERRORS:
                return _errors(context)
            widget = context["widget"]
            if template_name in INPUT_TEMPLATES:
                return _input(widget)
            html = _select(widget) if template_name == SELECT else _radio(widget)
            if html is not None:
                return html
        return super().render(template_name, context, request=request)

    @cached_property
    def _python_widgets(self) -> frozenset[str]:
        """The templates rendered in Python: all of them, unless a template of ours overrides
        one of Django's (then everything goes through the templates)."""
        for name in REPLACED:
            template = self.get_template(name)
            if template is None:
                return frozenset()
            if Path(template.origin.name) != DJANGO_FORM_TEMPLATES / name:
                return frozenset()
        return frozenset(INPUT_TEMPLATES | {SELECT, RADIO, LABEL, ERRORS})


def _text(value: object) -> SafeString:
    """As `{{ value }}` renders in a template (localized, auto-escaped)."""
    return conditional_escape(localize(template_localtime(value)))


def _string(value: object) -> str:
    """As `{{ value|stringformat:'s' }}` renders in a template."""
    text = str(value)  # what "%s" % value gives, tuples included
    return text if isinstance(value, SafeData) else conditional_escape(text)


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_text(name)}")
        else:
            parts.append(f' {_text(name)}="{_string(value)}"')
    return "".join(parts)


def _input_html(widget: dict[str, Any]) -> str:
    """django/forms/widgets/input.html, without the template's final newline."""
    value = "" if widget["value"] is None else f' value="{_string(widget["value"])}"'
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}'
        f"{_attrs(widget['attrs'])}>"
    )


def _input(widget: dict[str, Any]) -> SafeString:
    return mark_safe(_input_html(widget))  # noqa: S308 - every value above is escaped


def _select(widget: dict[str, Any]) -> SafeString | None:
    """django/forms/widgets/select.html with select_option.html for each option."""
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            if option["template_name"] != SELECT_OPTION:
                return None
            parts.append(
                f'\n  <option value="{_string(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def _radio(widget: dict[str, Any]) -> SafeString | None:
    """django/forms/widgets/multiple_input.html with radio_option.html for each choice."""
    id_ = widget["attrs"].get("id")
    class_ = widget["attrs"].get("class")
    parts = [
        "<div",
        f' id="{_text(id_)}"' if id_ else "",
        f' class="{_text(class_)}"' if class_ else "",
        ">",
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{_text(group)}</label>")
        for option in options:
            if option["template_name"] != RADIO_OPTION:
                return None
            html = _input_html(option) + "\n"
            if option["wrap_label"]:
                option_id = option["attrs"].get("id")
                label_for = f' for="{_text(option_id)}"' if option_id else ""
                html = f"<label{label_for}>{html} {_text(option['label'])}</label>"
            parts.append(f"<div>\n    {html}\n\n</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def _label(context: dict[str, Any]) -> SafeString:
    """django/forms/label.html with django/forms/attrs.html (the renderer strips the template's
    final newline)."""
    label = _text(context["label"])
    if not context["use_tag"]:
        return label
    tag = _text(context["tag"])
    return mark_safe(f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>")  # noqa: S308 - escaped


def _errors(context: dict[str, Any]) -> SafeString:
    """django/forms/errors/list/default.html: ul.html, nothing when there is no error."""
    errors = context["errors"]
    if not errors:
        return mark_safe("")
    field_id = errors.field_id
    id_ = f' id="{_text(field_id)}_error"' if field_id else ""
    items = "".join(f"<li>{_text(error)}</li>" for error in errors)
    return mark_safe(f'<ul class="{_text(context["error_class"])}"{id_}>{items}</ul>')  # noqa: S308
