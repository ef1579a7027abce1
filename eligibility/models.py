"""The interview's finished answers: a person, their cases and counts, and the stored
determinations. Unknown answers ("I don't know") are stored as NULL, never guessed."""

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from expunge_portal.counties import COUNTY_CHOICES

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def answer(label: "StrOrPromise") -> "models.BooleanField[bool | None, bool | None]":
    """A yes/no interview answer, where "I don't know" is stored as NULL."""
    return models.BooleanField(label, null=True, blank=True)


class Person(models.Model):
    """The petitioner as the court papers name them. Owned by an account, or by an anonymous
    browser session until the person signs up or logs in (then the draft carries over)."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="person",
    )
    anonymous_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    street = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=2, blank=True, default="CA")
    zip_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    # The person's situation now, asked once for all their cases ("I don't know" is NULL).
    on_supervision_now = answer(_("On probation, parole, PRCS or mandatory supervision now"))
    serving_sentence_now = answer(_("Serving a sentence now"))
    pending_charges = answer(_("Charged with a crime now"))
    registrant = answer(_("Required to register under Penal Code 290"))
    # When those four were last answered; None until they are (then the interview asks them).
    situation_answered_at = models.DateTimeField(_("situation answered on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner__isnull=False) | models.Q(anonymous_key__isnull=False),
                name="person_has_an_owner_or_a_session",
            )
        ]

    def __str__(self) -> str:
        return self.full_name or str(_("(no name yet)"))

    @staticmethod
    def new_anonymous_key() -> uuid.UUID:
        return uuid.uuid4()


class Sentence(models.TextChoices):
    PROBATION = "probation", _("Probation")
    NO_PROBATION = "no_probation", _("No probation: a fine or county jail for a misdemeanor")
    COUNTY_JAIL = "county_jail", _("Felony county jail (realignment, PC 1170(h))")
    STATE_PRISON = "state_prison", _("State prison")
    # Former PC 1000: judgment was deferred, and dismissed once the program was completed.
    DEFERRED_ENTRY_OF_JUDGMENT = (
        "deferred_entry_of_judgment",
        _("Deferred entry of judgment (DEJ) or drug diversion under Penal Code 1000"),
    )
    UNKNOWN = "unknown", _("I don't know")


class Level(models.TextChoices):
    FELONY = "felony", _("Felony")
    MISDEMEANOR = "misdemeanor", _("Misdemeanor")
    INFRACTION = "infraction", _("Infraction")
    UNKNOWN = "unknown", _("I don't know")


STATEMENT_MAX_LENGTH = 5000


class Case(models.Model):
    # Indexed with the case's id below (case_person_idx), not alone.
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="cases", db_index=False
    )
    county = models.CharField(_("county"), max_length=40, choices=COUNTY_CHOICES)
    case_number = models.CharField(_("case number"), max_length=40, blank=True)
    judgment_date = models.DateField(_("date of judgment"))
    judgment_date_estimated = models.BooleanField(_("the date is a guess"), default=False)
    # CR-180 item 1 asks the date of conviction (a plea or verdict), which can come before the
    # sentencing: the same day (True), another day (False, with the date), or not known (None).
    conviction_same_day = answer(_("Convicted on the day of sentencing"))
    conviction_date = models.DateField(_("date of conviction"), null=True, blank=True)
    sentence = models.CharField(_("sentence"), max_length=30, choices=Sentence.choices)
    prison_term_suspended = answer(_("Prison term imposed and suspended"))
    mandatory_supervision = answer(_("Mandatory supervision"))
    sentence_ended = answer(_("Sentence ended"))
    # The day it ended, or (while it still runs) the day it is due to end.
    sentence_end_date = models.DateField(
        _("Date the sentence ended or ends"), null=True, blank=True
    )
    probation_terminated_early = answer(_("Probation ended early by the judge"))
    probation_violated = answer(_("Probation violated"))
    sentence_complied = answer(_("Sentence carried out"))
    new_conviction_since_judgment = answer(_("A new conviction since the sentence in this case"))
    pre_realignment_1170h_eligible = answer(_("Sentenced to prison before realignment"))
    trafficking_victim = answer(_("Conviction caused by human trafficking"))
    # For the certificate of rehabilitation (PC 4852.03(a), 4852.06), asked in state prison
    # cases: the day the person left prison, and their years of continuous California residence
    # on the day they said it. "I don't know" is the *_unknown answer True; None: not asked.
    released_on = models.DateField(_("Date left prison"), null=True, blank=True)
    released_on_unknown = answer(_("Does not know the date they left prison"))
    ca_residence_years = models.PositiveSmallIntegerField(
        _("Years lived in California without a break"), null=True, blank=True
    )
    ca_residence_unknown = answer(_("Does not know how long they have lived in California"))
    ca_residence_answered_on = models.DateField(
        _("Day the years in California were given"), null=True, blank=True
    )
    # PC 1203.4b: served on a fire crew or at a fire camp while in custody for this case.
    fire_camp = answer(_("Served on a fire crew or at a fire camp while in custody"))
    # The person's own words on why dismissal is fair; attached as a declaration (MC-031 style)
    # when the court decides in the interests of justice.
    statement = models.TextField(
        _("statement to the judge"), max_length=STATEMENT_MAX_LENGTH, blank=True
    )
    # Courts take papers in English (Code Civ. Proc. § 185): the version the declaration prints
    # when the person wrote their statement in another language. The original stays for staff.
    statement_english = models.TextField(
        _("statement to the judge, in English"), max_length=STATEMENT_MAX_LENGTH, blank=True
    )
    # The outcome of the case's latest determination ("" before any), kept in step by
    # eligibility.services.determination_record, the one door that stores determinations, so the
    # review queue filters and shows it without a lookup per packet. Not an edit of the case:
    # written with update(), left out of the case's history.
    latest_outcome = models.CharField(max_length=20, blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["latest_outcome"])

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            # The queue's county and outcome filters, alone or together. With the case's id in
            # the index, PostgreSQL lists the matching cases from the index alone (an index-only
            # scan) instead of visiting every page of the table for them.
            models.Index(fields=["county", "id"], name="case_county_idx"),
            models.Index(fields=["latest_outcome", "county", "id"], name="case_outcome_county_idx"),
            # A person's cases, answered from the index alone (no visit to the table): a queue
            # search by name finds the cases of every person it matched this way, one probe per
            # person, whatever PostgreSQL's random_page_cost (with the index on the person alone
            # it reads all the cases instead once a thousand people match).
            models.Index(fields=["person", "id"], name="case_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.county} {self.case_number or _('(no case number)')}"


class Count(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="counts")
    position = models.PositiveSmallIntegerField()
    typed = models.CharField(_("offense as typed"), max_length=120)
    code = models.CharField(max_length=8, blank=True)
    section = models.CharField(max_length=40, blank=True)
    attempt = models.BooleanField(default=False)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        verbose_name = _("Offense")
        verbose_name_plural = _("Offenses")
        constraints = [
            models.UniqueConstraint(fields=["case", "position"], name="count_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.section}".strip() or self.typed


class Determination(models.Model):
    """What the engine said about a case, with the engine version that said it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="determinations")
    engine_version = models.CharField(max_length=20)
    as_of = models.DateField()
    outcome = models.CharField(max_length=20, db_index=True)
    result = models.JSONField(help_text="The screening.md result object.")
    # The untranslated templates and parameters of the reasons, so each reader sees their language.
    translatable = models.JSONField(default=dict)
    # Assumptions the interview made before the engine ran (e.g. an unknown offense level).
    interview_assumptions = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        # "The latest determination of each case" (the review queue's outcome) is one index probe.
        indexes = [
            models.Index(fields=["case", "-created_at", "-id"], name="determination_latest_idx")
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.outcome}"


class InterviewDraft(models.Model):
    """The unfinished interview of a signed-in person, saved at every step so it resumes on
    any device after the session has gone. Anonymous drafts live in the session instead."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interview_draft"
    )
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"draft of {self.owner}"
