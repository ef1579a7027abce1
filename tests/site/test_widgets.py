"""The form renderer writes the stock input, select and radio widgets, labels and error lists in
Python (it is faster). The HTML must be exactly what Django's templates give: every interview
page, and forms with awkward values, are rendered both ways and compared byte for byte."""

import re

import pytest
from django import forms
from django.forms.renderers import get_default_renderer
from django.test import Client
from django.utils.safestring import mark_safe

from eligibility.forms import CountFormSet
from eligibility.wizard import STEPS
from expunge_portal.accounts.models import User
from expunge_portal.site.forms import PortalFormRenderer
from forms_filler import forms as filler_forms
from tests.eligibility.interview import NO_TROUBLE, probation_case

URL = "/screening/questions/{}/"
ANSWERS = [
    *probation_case(
        offense=("PC 484(a)", "felony"),
        more_offenses=[("PC 647(b)", "misdemeanor")],
        felony_steps=True,
        right_now={**NO_TROUBLE, "serving_sentence_now": "unknown"},
    ),
    ("trafficking", {"trafficking_victim": "unknown"}),
    ("about-you", {"full_name": 'Pat <b>"Q"</b> & Co', "city": "Sacramento"}),
    ("check", {}),
]
# What differs between two requests whatever the renderer: the CSRF token, the CSP nonce.
VARYING = re.compile(r'value="[A-Za-z0-9]{64}"|nonce="[^"]+"')


class TemplatesOnly(PortalFormRenderer):
    """The portal's renderer with every widget, label and error list rendered through Django's
    templates."""

    _python_widgets = frozenset()


def test_the_python_rendering_is_in_use():
    assert "django/forms/widgets/select.html" in get_default_renderer()._python_widgets
    assert "django/forms/widgets/radio.html" in get_default_renderer()._python_widgets
    assert "django/forms/label.html" in get_default_renderer()._python_widgets
    assert "django/forms/errors/list/default.html" in get_default_renderer()._python_widgets


def _interview_pages(language: str) -> dict[str, str]:
    """Every interview page: empty, refused with errors, answered and shown again."""
    client = Client()
    client.cookies["django_language"] = language
    pages = {}
    assert client.get("/screening/new/").status_code == 302
    for step, data in ANSWERS:
        pages[f"GET {step}"] = client.get(URL.format(step)).content.decode()
        if step not in {"case-number", "about-you", "check"}:
            refused = client.post(URL.format(step), {"interview-current_step": step})
            assert refused.status_code == 200
            pages[f"refused {step}"] = refused.content.decode()
        if step == "check":  # before saving, which ends the interview: each page answered
            for answered, _ in ANSWERS[:-1]:
                response = client.get(URL.format(answered))
                assert response.status_code == 200, answered
                pages[f"answered {answered}"] = response.content.decode()
        payload = {f"{step}-{key}": value for key, value in data.items()}
        response = client.post(URL.format(step), {"interview-current_step": step, **payload})
        assert response.status_code == 302, step
    return {name: VARYING.sub("", html) for name, html in pages.items()}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_interview_page_is_the_same_html_as_with_the_widget_templates(language, monkeypatch):
    fast = _interview_pages(language)
    monkeypatch.setattr(get_default_renderer(), "_python_widgets", frozenset())
    templated = _interview_pages(language)
    assert fast.keys() == templated.keys()
    assert len(fast) == 15 + 12 + 14
    for name in fast:
        assert fast[name] == templated[name], name
    assert 'aria-invalid="true"' in fast["refused county"]
    assert "checked" in fast["answered probation"]
    assert "selected" in fast["answered county"]


HOSTILE = "<script>alert(\"x\")</script> & 'quotes'"


class Awkward(forms.Form):
    """Widgets with values and labels that need escaping, groups, classes, no ids."""

    choice = forms.ChoiceField(
        choices=[("", "---"), ('a"b', HOSTILE), ("Group <1>", [("g1", "One"), ("g2", "Two")])],
        help_text="Help",
    )
    radio = forms.ChoiceField(
        choices=[("x", HOSTILE), ("y", mark_safe("<em>safe</em>"))],
        widget=forms.RadioSelect(attrs={"class": "inline <c>"}),
    )
    grouped_radio = forms.ChoiceField(
        choices=[("Group", [("1", "One"), ("2", "Two")]), ("3", "Three")],
        widget=forms.RadioSelect,
        required=False,
    )
    many = forms.MultipleChoiceField(choices=[(1, "One"), (2, "Two"), (3, HOSTILE)])
    maybe = forms.NullBooleanField()
    number = forms.IntegerField(widget=forms.NumberInput(attrs={"min": 0, "step": 1.5}))
    text = forms.CharField(widget=forms.TextInput(attrs={"data-x": HOSTILE, "disabled": True}))
    flag = forms.BooleanField(required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    email = forms.EmailField(required=False)
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    notes = forms.CharField(widget=forms.Textarea, required=False)


AWKWARD_DATA = {
    "choice": "g2",
    "radio": "x",
    "many": ["1", "3"],
    "maybe": "true",
    "number": "-3",
    "text": HOSTILE,
    "flag": "on",
    "hidden": HOSTILE,
    "email": "not an email",
    "date": "2020-02-30",
}


def _forms():
    """Every form of the interview and the packet pages, in the states people see."""
    for _step, form_class in STEPS:
        if form_class is CountFormSet:
            yield CountFormSet(prefix="offenses")
            yield CountFormSet(
                prefix="offenses",
                data={
                    "offenses-TOTAL_FORMS": "2",
                    "offenses-INITIAL_FORMS": "0",
                    "offenses-0-offense": "PC 459",
                    "offenses-1-level": "felony",
                },
            )
            continue
        yield form_class()
        yield form_class(data={})
    yield Awkward()
    yield Awkward(data={})
    yield Awkward(data=AWKWARD_DATA)
    yield Awkward(auto_id=False, initial={"choice": 'a"b', "many": [2], "flag": True})
    yield filler_forms.PersonDetailsForm()
    yield filler_forms.StatementForm(data={"statement": HOSTILE})
    yield filler_forms.QueueFilterForm(data={"status": "nonsense", "county": "Fresno"})
    yield filler_forms.ReviewDecisionForm(data={}, decisions=["approve", "message", "note"])
    yield filler_forms.AssignForm(staff_queryset=User.objects.all())
    yield filler_forms.ReplyForm(data={})
    yield filler_forms.ApprovedDayForm(data={"day": "not a date"})


@pytest.mark.django_db
def test_forms_render_the_same_as_with_the_widget_templates(clinic_staff, petitioner):
    fast, templated = PortalFormRenderer(), TemplatesOnly()
    count = 0
    for form in _forms():
        forms_ = form.forms if isinstance(form, forms.BaseFormSet) else [form]
        for each in forms_:
            each.renderer = fast
            html = str(each)
            each.renderer = templated
            assert html == str(each), type(each).__name__
            count += 1
    assert count > 40
