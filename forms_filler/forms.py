from collections.abc import Iterator
from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from eligibility.forms import AboutYouForm
from eligibility.models import STATEMENT_MAX_LENGTH, Person
from expunge_portal.accounts.models import User
from expunge_portal.counties import COUNTY_CHOICES

from .models import MESSAGE_MAX_LENGTH, ReviewStatus
from .selectors import QUEUE_STATUSES, QueueFilters


class PersonDetailsForm(forms.ModelForm[Person]):
    """The petitioner's details as the court papers print them (caption and signature)."""

    class Meta:
        model = Person
        fields = ("full_name", "street", "city", "state", "zip_code", "phone", "email")
        help_texts = {
            "full_name": _("Your full legal name, as it appears on your court case."),
            "street": _("The court mails papers here. You can leave it blank."),
            "email": _("Optional. The court may use it to contact you."),
        }
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "street": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "state": forms.TextInput(attrs={"autocomplete": "address-level1"}),
            "zip_code": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        # The same shapes as the interview's "about you" page: both doors accept the same details.
        for name in ("zip_code", "phone"):
            shapes = AboutYouForm.base_fields[name].validators
            self.fields[name].validators += [v for v in shapes if isinstance(v, RegexValidator)]

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Enter your full name."))
        return name


class StatementForm(forms.Form):
    statement = forms.CharField(
        label=_("Your statement to the judge (optional)"),
        required=False,
        max_length=STATEMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "In your own words: what has changed since the conviction, and how a dismissal would "
            "help you (work, housing, school, family). It is attached to your petition and signed "
            "under penalty of perjury, so write only what is true."
        ),
    )
    statement_english = forms.CharField(
        label=_("The English version for the court (optional)"),
        required=False,
        max_length=STATEMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "The court reads English. If you wrote above in another language, write or paste an "
            "English version here: it is what the court gets. If you leave this empty, attach an "
            "English translation to your papers before you file."
        ),
    )


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or case number"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("needs_review", _("Needs review")), ("all", _("All"))]
        + [(str(s), s.label) for s in QUEUE_STATUSES],
    )
    county = forms.ChoiceField(
        label=_("County"), required=False, choices=[("", _("All counties")), *COUNTY_CHOICES]
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[
            ("", _("Any outcome")),
            ("eligible", _("Eligible")),
            ("discretionary", _("Up to the judge")),
            ("wait", _("Wait")),
            ("blocked", _("Blocked for now")),
            ("not_eligible", _("Not eligible")),
        ],
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), ("en", _("English")), ("es", _("Spanish"))],
    )
    waiting = forms.ChoiceField(
        label=_("Waiting on"),
        required=False,
        choices=[("", _("Anyone")), ("us", _("Us (the clinic)")), ("person", _("The person"))],
    )
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("waiting", _("Waiting longest first")), ("newest", _("Newest first"))],
    )

    def filters(self) -> QueueFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return QueueFilters(
            status=data.get("status") or "needs_review",
            county=data.get("county") or "",
            outcome=data.get("outcome") or "",
            language=data.get("language") or "",
            waiting=data.get("waiting") or "",
            mine=bool(data.get("mine")),
            q=data.get("q") or "",
            order=data.get("order") or "waiting",
        )


DECISION_LABELS = {
    "approve": _("Approve: the papers can be filed"),
    "request_changes": _("Ask for changes"),
    "close": _("Close"),
    "mark_filed": _("Mark as filed with the court"),
    "message": _("Only write to the person"),
    "note": _("Internal note (staff only)"),
}


class ReviewDecisionForm(forms.Form):
    """The review page's one form: a decision and one message. `revision` is the packet as the
    reviewer saw it; a decision on a packet that changed since is refused."""

    decision = forms.ChoiceField(label=_("Your decision"), widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Shown to the person on their packet page (except internal notes). Required when "
            "asking for changes: say what to change. Their email only says there is news."
        ),
    )
    revision = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, decisions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["decision"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101  (declared just above)
        field.choices = [(name, DECISION_LABELS[name]) for name in decisions]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        needs_text = ("request_changes", "message", "note")
        if data.get("decision") in needs_text and not (data.get("message") or "").strip():
            self.add_error("message", _("Write the message first."))
        return data


class _StaffChoices(ModelChoiceIterator[User]):
    """The staff to choose from, read with one ordinary query. Django's iterator reads them
    through `QuerySet.iterator()`, which on PostgreSQL is a server-side cursor: four round trips
    (declare, fetch, fetch, close) for a handful of names, on every queue page."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for user in self.queryset:
            yield self.choice(user)


class _StaffField(forms.ModelChoiceField[User]):
    iterator = _StaffChoices


class AssignForm(forms.Form):
    assignee: "forms.ModelChoiceField[User]" = _StaffField(
        label=_("Reviewer"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(
        self, *args: Any, staff_queryset: "QuerySet[User] | None" = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101  (declared just above)
        field.queryset = staff_queryset


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply to the clinic"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your reply first.")},
        help_text=_("The clinic reads it on your papers' page. Do not send it by email."),
    )


class ApprovedDayForm(forms.Form):
    day = forms.DateField(label=_("Approved on"), widget=forms.DateInput(attrs={"type": "date"}))


REVIEW_STATUS_LABELS = dict(ReviewStatus.choices)
