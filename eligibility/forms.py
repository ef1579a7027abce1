"""One form per interview question (or tight group of questions)."""

import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from eligibility.engine import offense_names
from expunge_portal.counties import COUNTY_CHOICES

from .calendar import today_in_california
from .models import Level, Sentence

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

YES, NO, UNKNOWN = "yes", "no", "unknown"
TRI_STATE_CHOICES = [
    (YES, pgettext_lazy("answer", "Yes")),
    (NO, pgettext_lazy("answer", "No")),
    (UNKNOWN, _("I don't know")),
]
TRI_STATE_VALUES = {YES: True, NO: False, UNKNOWN: None}
OLDEST_DATE = datetime.date(1950, 1, 1)
LATEST_END_DATE = datetime.date(2100, 1, 1)


def tri_state_initial(value: bool | None) -> str:
    return {True: YES, False: NO, None: UNKNOWN}[value]


class TriStateField(forms.TypedChoiceField):
    """Yes / No / I don't know (or other words for the three), cleaned to True / False / None."""

    widget = forms.RadioSelect

    def __init__(self, *, choices: Any = TRI_STATE_CHOICES, **kwargs: Any) -> None:
        super().__init__(
            choices=choices,
            coerce=lambda value: TRI_STATE_VALUES[value],
            empty_value=None,
            error_messages={"required": _("Choose an answer.")},
            **kwargs,
        )


class PastDateField(forms.DateField):
    """A date in the past, typed or picked (ISO from the date picker, or MM/DD/YYYY).
    With ``future=True`` a date to come is accepted too (the day a probation is due to end)."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, *, future: bool = False, **kwargs: Any) -> None:
        self.future = future
        super().__init__(
            input_formats=["%Y-%m-%d", "%m/%d/%Y", "%m-%d-%Y"],
            error_messages={
                "required": _("Enter the date."),
                "invalid": _("Enter a real date, like 03/14/2021."),
            },
            **kwargs,
        )

    def clean(self, value: Any) -> datetime.date | None:
        date = super().clean(value)
        if date is None:
            return None
        if not self.future and date > today_in_california():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if date >= LATEST_END_DATE:
            raise forms.ValidationError(_("Enter a date before 2100."))
        if date < OLDEST_DATE:
            raise forms.ValidationError(_("Enter a date after 1950."))
        return date


class StepForm(forms.Form):
    """A page of the interview. `title` is the page's question; `guide_slug` links help."""

    title: Any = ""
    guide_slug = ""


class CheckedStepForm(StepForm):
    """A page whose answer is checked against the other answers once `checked_field` is well
    formed (a real date, a whole number); a field already in error is not checked further."""

    checked_field: ClassVar[str]

    def clean(self) -> dict[str, Any]:
        super().clean()
        if self.checked_field not in self.errors:
            self.check(self.cleaned_data)
        return self.cleaned_data

    def check(self, data: dict[str, Any]) -> None:
        """Add the errors of a well-formed answer, and settle what follows from it in `data`."""


class DateStepForm(CheckedStepForm):
    """A date page, checked against the date of sentencing (judgment) already given."""

    def __init__(
        self, *args: Any, judgment_date: datetime.date | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.judgment_date = judgment_date


class AnswerOrUnknownForm(CheckedStepForm):
    """An answer in `checked_field`, or a tick in `unknown_field` (“I don't know”): one of the
    two, not both."""

    unknown_field: ClassVar[str]
    missing_message: ClassVar["StrPromise"]
    both_message: ClassVar["StrPromise"]

    def answer(self, data: dict[str, Any]) -> Any:
        """The answer when it is given alone (errors added otherwise), else None."""
        value, unknown = data.get(self.checked_field), data.get(self.unknown_field)
        if value is None and not unknown:
            self.add_error(self.checked_field, self.missing_message)
        elif value is not None and unknown:
            self.add_error(self.checked_field, self.both_message)
        elif value is not None:
            return value
        return None

    def check(self, data: dict[str, Any]) -> None:
        self.answer(data)


class CountyForm(StepForm):
    title = _("Which county was the court in?")
    county = forms.ChoiceField(
        label=_("County"),
        choices=[("", _("Choose a county")), *COUNTY_CHOICES],
        help_text=_(
            "The county of the court where you were convicted. If you have cases in more than "
            "one county, answer for one case now. You can add the others at the end."
        ),
        error_messages={"required": _("Choose the county.")},
    )


class CaseNumberForm(StepForm):
    title = _("What is the case number?")
    guide_slug = "step-by-step"
    case_number = forms.CharField(
        label=_("Case number (optional)"),
        required=False,
        max_length=40,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$",
                _("Use only letters, numbers, spaces, dashes, dots and slashes."),
            )
        ],
        help_text=_(
            "It is on your court papers, like the minute order or the probation papers. You can "
            "also ask the court clerk, look it up on the court's website, or ask for your record "
            "from the California Department of Justice. Leave it blank if you don't know it yet."
        ),
    )


class JudgmentDateForm(StepForm):
    title = _("When were you sentenced?")
    judgment_date = PastDateField(
        label=_("Date of sentencing (judgment)"),
        help_text=_(
            "The day the judge said your sentence. It is on your court papers. If you are not "
            "sure, enter your best guess and tick the box below."
        ),
    )
    dej_help = _(
        "If you were in deferred entry of judgment (DEJ) or drug diversion, enter the day the "
        "judge put you in the program."
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["judgment_date"]
        field.help_text = f"{field.help_text} {self.dej_help}"

    judgment_date_estimated = forms.BooleanField(
        label=_("I am not sure of this date. It is my best guess."),
        required=False,
        template_name="forms/checkbox_field.html",
    )


UNSURE_CHOICE = "unsure"  # "I don't know which" in an offense's list of choices


def _language() -> str:
    return "es" if (get_language() or "").startswith("es") else "en"


class ConvictionDateForm(DateStepForm):
    """CR-180 item 1: the date of conviction (the plea or the verdict), apart from sentencing."""

    title = _("When were you convicted?")
    checked_field = "conviction_date"
    conviction_same_day = TriStateField(
        label=_("Were you convicted on the same day you were sentenced?"),
        help_text=_(
            "You are convicted when you plead guilty or no contest, or when the judge or jury "
            "finds you guilty. The sentence can come later. Your court papers show both dates."
        ),
        choices=[
            (YES, _("Yes, the same day")),
            (NO, _("No, on another day")),
            (UNKNOWN, _("I don't know")),
        ],
    )
    conviction_date = PastDateField(
        label=_("If it was another day, the date of conviction"), required=False
    )

    def check(self, data: dict[str, Any]) -> None:
        same, date = data.get("conviction_same_day"), data.get("conviction_date")
        if same is False and date is None:
            self.add_error(
                "conviction_date",
                _("Enter the date of conviction. If you don't know it, choose “I don't know”."),
            )
        elif (
            same is False and self.judgment_date and date is not None and date > self.judgment_date
        ):
            self.add_error(
                "conviction_date",
                _("The conviction comes before or on the day of sentencing, not after it."),
            )
        if same is True:
            data["conviction_date"] = self.judgment_date
        elif same is None:
            data["conviction_date"] = None


class CountForm(forms.Form):
    """One offense: its name or code section as typed, resolved to the offense catalog. A name
    that fits several entries adds a list to pick from; one that fits none asks for the code
    section. The cleaned data carries the resolved ``code``, ``section`` and ``attempt``."""

    offense = forms.CharField(
        label=_("Offense"),
        max_length=120,
        required=False,
        help_text=_("Its name, like petty theft or DUI, or the code section, like PC 484(a)."),
        widget=forms.TextInput(attrs={"list": "offense-list", "autocomplete": "off"}),
    )
    level = forms.ChoiceField(
        label=_("Felony, misdemeanor or infraction?"),
        choices=[("", _("Choose one")), *Level.choices],
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        typed = str(self.data.get(self.add_prefix("offense"), "")) if self.is_bound else ""
        self.resolution = offense_names.resolve(typed, language=_language())
        if len(self.resolution.matches) > 1:
            language = _language()
            choices: list[tuple[str, str | StrPromise]] = [
                (match.citation, f"{match.title(language)} ({match.citation})")
                for match in self.resolution.matches
            ]
            if self.resolution.unsure is not None:
                choices.append((UNSURE_CHOICE, _("I don't know which")))
            self.fields["choice"] = forms.ChoiceField(
                label=_("Which one was it?"),
                choices=choices,
                widget=forms.RadioSelect,
                help_text=_(
                    "What you typed fits more than one offense. If none of these is right, "
                    "type the code section from your court papers instead."
                ),
                error_messages={"required": _("Choose the offense that fits.")},
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        typed = data.get("offense")
        if data.get("offense") and not data.get("level"):
            self.add_error("level", _("Choose the level, or “I don't know”."))
        if data.get("level") and not typed:
            self.add_error("offense", _("Enter the offense for this row, or clear the level."))
        if not typed:
            return data
        match = self._match(data.get("choice"))
        if match is None and not self.resolution.matches:
            self.add_error(
                "offense",
                _(
                    "We could not find “%(typed)s”. Enter the code section from your court "
                    "papers, like PC 484(a) or VC 23152(b)."
                )
                % {"typed": typed},
            )
        if match is not None:
            data.update(code=match.code, section=match.section, attempt=match.attempt)
        return data

    def _match(self, choice: str | None) -> offense_names.OffenseMatch | None:
        matches = self.resolution.matches
        if len(matches) == 1:
            return matches[0]
        if choice == UNSURE_CHOICE:
            return self.resolution.unsure
        return next((match for match in matches if match.citation == choice), None)


class BaseCountFormSet(forms.BaseFormSet[CountForm]):
    title = _("What were you convicted of in this case?")
    guide_slug = "cannot-be-dismissed"

    def clean(self) -> None:
        if any(self.errors):
            return
        if not any(form.cleaned_data.get("offense") for form in self.forms):
            raise forms.ValidationError(_("Enter at least one offense."))


CountFormSet = forms.formset_factory(
    CountForm, formset=BaseCountFormSet, extra=1, max_num=20, absolute_max=20
)


class SentenceForm(StepForm):
    title = _("What was your sentence?")
    guide_slug = "which-law-fits"
    sentence = forms.ChoiceField(
        label=_("Sentence"),
        choices=Sentence.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "If you had probation at any time in this case, choose probation. Your court papers "
            "or your probation officer can tell you. If you were in deferred entry of judgment "
            "(DEJ) but the judge ended it and sentenced you, choose the sentence you got."
        ),
        error_messages={"required": _("Choose your sentence, or “I don't know”.")},
    )


class PrisonSuspendedForm(StepForm):
    title = _("Did the judge give a prison term and then suspend it?")
    prison_term_suspended = TriStateField(
        label=_("Prison term imposed and suspended"),
        help_text=_(
            "Sometimes a judge gives a prison term but puts it on hold while you are on "
            "probation. The papers say “execution of sentence suspended”. This matters for "
            "lowering a felony to a misdemeanor."
        ),
    )


class SupervisionForm(StepForm):
    title = _("Did your county jail sentence include mandatory supervision?")
    mandatory_supervision = TriStateField(
        label=_("Mandatory supervision"),
        help_text=_(
            "A “split sentence”: part in county jail and part supervised by probation "
            "in the community."
        ),
    )


class RealignmentForm(StepForm):
    title = _(
        "Was your prison sentence before October 1, 2011, for a crime that now gets county jail?"
    )
    pre_realignment_1170h_eligible = TriStateField(
        label=_("Sentenced to prison before realignment"),
        help_text=_(
            "Since October 2011 many felonies are served in county jail instead of state prison. "
            "A lawyer or the clinic can tell you if your crime is one of them."
        ),
    )


class SentenceEndForm(DateStepForm):
    """Whether the probation or sentence has ended, and when it ended or is due to end: a
    running probation blocks the person's other cases until the day after it ends."""

    title = _("Has your sentence ended?")
    checked_field = "sentence_end_date"
    sentence_ended = TriStateField(
        label=_("It has ended"),
        choices=[
            (YES, _("Yes, it has ended")),
            (NO, _("No, it is still going on")),
            (UNKNOWN, _("I don't know")),
        ],
    )
    sentence_end_date = PastDateField(
        future=True,
        label=_("The date it ended, or the date it is due to end"),
        required=False,
        help_text=_(
            "Your probation officer, the court or your papers can tell you. If it is still going "
            "on and you don't know when it ends, leave this empty."
        ),
    )

    TITLES: ClassVar[dict[str, "StrPromise"]] = {
        Sentence.PROBATION: _("Has your probation ended?"),
        Sentence.COUNTY_JAIL: _("Have you finished your county jail sentence?"),
        Sentence.STATE_PRISON: _("Have you finished your prison sentence and parole?"),
        Sentence.DEFERRED_ENTRY_OF_JUDGMENT: _(
            "Did the court dismiss the charges after you finished the program?"
        ),
    }
    # Deferred entry of judgment (PC 1203.43): the "end" is the day the charges were dismissed.
    DEJ_CHOICES: ClassVar[list[tuple[str, "StrPromise"]]] = [
        (YES, _("Yes, the charges were dismissed")),
        (NO, _("No, not yet: I am still in the program")),
        (UNKNOWN, _("I don't know")),
    ]
    DEJ_DATE_LABEL = _("The date the charges were dismissed")
    DEJ_DATE_HELP = _(
        "It is on your court papers (the docket or the minute order). If you are still in the "
        "program, leave this empty."
    )

    def __init__(self, *args: Any, sentence: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.title = self.TITLES.get(sentence, self.title)
        self.dej = sentence == Sentence.DEFERRED_ENTRY_OF_JUDGMENT
        if self.dej:
            ended = self.fields["sentence_ended"]
            assert isinstance(ended, TriStateField)  # noqa: S101  (declared above)
            ended.choices = self.DEJ_CHOICES
            ended.label = self.title
            end_date = self.fields["sentence_end_date"]
            end_date.label = self.DEJ_DATE_LABEL
            end_date.help_text = self.DEJ_DATE_HELP

    def check(self, data: dict[str, Any]) -> None:
        ended, end_date = data.get("sentence_ended"), data.get("sentence_end_date")
        today = today_in_california()
        if ended is True and end_date is None:
            self.add_error(
                "sentence_end_date",
                _(
                    "Enter the date the charges were dismissed. If you don't know it, choose "
                    "“I don't know” above."
                )
                if self.dej
                else _(
                    "Enter the date it ended. If you don't know it, choose “I don't know” above."
                ),
            )
        elif self.dej and end_date is not None and end_date > today:
            self.add_error("sentence_end_date", _("The date cannot be in the future."))
        elif ended is True and end_date is not None and end_date > today:
            self.add_error(
                "sentence_end_date",
                _("That date has not come yet. If it is still going on, choose “No” above."),
            )
        elif ended is False and end_date is not None and end_date <= today:
            self.add_error(
                "sentence_end_date",
                _(
                    "That date has passed. If it ended then, choose “Yes, it has ended” above; "
                    "otherwise enter the day it is due to end."
                ),
            )
        elif end_date and self.judgment_date and end_date < self.judgment_date:
            self.add_error(
                "sentence_end_date",
                _(
                    "The charges cannot have been dismissed before the day the judge put you in "
                    "the program. Check both dates."
                )
                if self.dej
                else _("The end date cannot be before the date of sentencing."),
            )
        if ended is None:
            data["sentence_end_date"] = None


class ReleasedForm(AnswerOrUnknownForm, DateStepForm):
    """State prison cases: the day the person left prison, where the certificate of
    rehabilitation's period starts (PC 4852.03(a))."""

    title = _("When did you leave prison?")
    guide_slug = "certificate-of-rehabilitation"
    checked_field, unknown_field = "released_on", "released_on_unknown"
    missing_message = _(
        "Enter the date you left prison. If you don't know it, tick “I don't know”."
    )
    both_message = _("Enter the date or tick “I don't know”, not both.")
    released_on = PastDateField(
        label=_("The date you left prison"),
        required=False,
        help_text=_(
            "The day you were released, on parole or at the end of your term. Your parole papers "
            "or the California Department of Corrections (CDCR) can tell you."
        ),
    )
    released_on_unknown = forms.BooleanField(
        label=_("I don't know the date"),
        required=False,
        template_name="forms/checkbox_field.html",
    )

    def __init__(
        self, *args: Any, sentence_end_date: datetime.date | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.sentence_end_date = sentence_end_date

    def check(self, data: dict[str, Any]) -> None:
        released = self.answer(data)
        if released and self.judgment_date and released < self.judgment_date:
            self.add_error(
                "released_on",
                _("The day you left prison cannot be before the date of sentencing."),
            )
        elif released and self.sentence_end_date and released > self.sentence_end_date:
            self.add_error(
                "released_on",
                _("The day you left prison cannot be after the day your parole ended or ends."),
            )


MAX_RESIDENCE_YEARS = 99


class ResidenceForm(AnswerOrUnknownForm):
    """State prison cases: years of continuous residence in California, which the certificate of
    rehabilitation needs for the five years before filing (PC 4852.06)."""

    title = _("How long have you lived in California without a break?")
    guide_slug = "certificate-of-rehabilitation"
    checked_field, unknown_field = "ca_residence_years", "ca_residence_unknown"
    missing_message = _("Enter the number of years. If you don't know, tick “I don't know”.")
    both_message = _("Enter the years or tick “I don't know”, not both.")
    ca_residence_years = forms.IntegerField(
        label=_("Years you have lived in California without moving away, up to today"),
        required=False,
        min_value=0,
        max_value=MAX_RESIDENCE_YEARS,
        help_text=_(
            "Count full years. Time in prison does not count. Enter 0 if less than a year."
        ),
        error_messages={
            "invalid": _("Enter a whole number of years, like 6."),
            "min_value": _("The number of years cannot be below 0."),
            "max_value": _("Enter a number of years from 0 to 99."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    ca_residence_unknown = forms.BooleanField(
        label=_("I don't know"),
        required=False,
        template_name="forms/checkbox_field.html",
    )


class ProbationHistoryForm(StepForm):
    title = _("How did your probation go?")
    probation_violated = TriStateField(
        label=_("Did you ever violate probation?"),
        help_text=_(
            "For example, the judge found a violation, or revoked and then reinstated probation."
        ),
    )
    probation_terminated_early = TriStateField(
        label=_("Did the judge end your probation early?"),
        help_text=_("This is called early termination (Penal Code 1203.3)."),
    )


class CompliedForm(StepForm):
    title = _("Did you do everything the sentence required?")
    sentence_complied = TriStateField(
        label=_("Sentence carried out"),
        help_text=_(
            "Like paying fines, doing jail time, or finishing classes. Restitution you still owe "
            "does not count against you."
        ),
    )


class NewConvictionForm(StepForm):
    title = _("Have you been convicted of any crime since this sentence?")
    new_conviction_since_judgment = TriStateField(
        label=_("A new conviction since the sentence in this case"),
        help_text=_("Include any conviction, even a small one, after the date of this sentence."),
    )


class CurrentStatusForm(StepForm):
    """The person-wide questions, asked once for all the person's cases (stored on Person).
    PC 1203.4(a)(1), 1203.41(a)(3) and 1203.42(a) look at any offense, not only this case's."""

    title = _("What is going on for you right now?")
    on_supervision_now = TriStateField(
        label=_(
            "Are you on probation, parole, PRCS or mandatory supervision right now, for any case?"
        ),
        help_text=_("PRCS is post-release community supervision, after prison."),
    )
    serving_sentence_now = TriStateField(
        label=_("Are you serving a sentence right now, for any case?"),
        help_text=_("For example, in jail or prison, or on a work program."),
    )
    pending_charges = TriStateField(
        label=_("Are you charged with a crime right now, in any case?"),
    )
    registrant = TriStateField(
        label=_("Do you have to register as a sex offender (Penal Code 290)?"),
        help_text=_("Answer yes if any court ordered you to register, in any case."),
    )


class TraffickingForm(StepForm):
    title = _("Was this conviction the result of being a victim of human trafficking?")
    trafficking_victim = TriStateField(
        label=_("Conviction caused by human trafficking"),
        help_text=_(
            "There is a special law for this (Penal Code 1203.49). Your answer stays private."
        ),
    )


class FireCampForm(StepForm):
    title = _("While in custody for this case, did you serve on a fire crew or at a fire camp?")
    fire_camp = TriStateField(
        label=_("Served on a fire crew or at a fire camp while in custody"),
        help_text=_(
            "For example, the state's conservation (fire) camps or a county fire crew. There is "
            "a special law for this (Penal Code 1203.4b)."
        ),
    )


class AboutYouForm(StepForm):
    title = _("Your name and contact details for the court papers")
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        required=False,
        help_text=_("The name the court used in your case. You can add this later."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    street = forms.CharField(
        label=_("Street address"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    city = forms.CharField(
        label=_("City"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    zip_code = forms.CharField(
        label=_("ZIP code"),
        max_length=10,
        required=False,
        validators=[RegexValidator(r"^\d{5}(-\d{4})?$", _("Enter a ZIP code like 95814."))],
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        validators=[
            RegexValidator(r"^[0-9 ()+.-]{7,30}$", _("Enter a phone number like 916-555-0100."))
        ],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class CheckForm(StepForm):
    title = _("Check your answers")
