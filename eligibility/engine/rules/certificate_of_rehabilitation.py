"""When a person whose route is the certificate of rehabilitation (PC 4852.01 and following) can
first file the petition, or why they cannot.

The route: a state prison case, or a case with no dismissal route (the same cases for which
``alternatives.certificate_of_rehabilitation`` names the certificate, but here a barred offense
is reported instead of left out, so the person learns why). The earliest filing day is the latest
of:

- the end of the period of rehabilitation (PC 4852.03(a)): it starts on the day the person left
  prison (discharge, or release on parole or PRCS, whichever came first) and is five years'
  residence in California plus 2 more years (paragraph (3)), 4 more for PC 187, 209, 219, 4500,
  18755 or a life-term offense (paragraph (1)), 5 more for an offense that requires registration
  under PC 290 (paragraph (2)(A));
- the end of parole, probation, PRCS or mandatory supervision (PC 4852.06);
- five years of continuous residence in California after leaving prison, immediately before
  filing (PC 4852.06).

"After the lapse" is counted as everywhere in the engine (``dates.more_than_years_after``): the
first day is the anniversary plus one day, the cautious reading, stated as an assumption.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..dates import ONE_DAY, day_after, more_than_years_after
from ..determination import Outcome, Reason
from ..facts import CaseFacts, Level, Sentence
from ..messages import gettext_noop
from ..offenses import lookup
from .findings import finding

RESIDENCE_YEARS = 5  # PC 4852.03(a) and 4852.06
# PC 4852.03(a)(1): these sections (and offenses with a life term) add four years.
FOUR_YEAR_SECTIONS = frozenset({"187", "209", "219", "4500", "18755"})


class CertificateStatus(StrEnum):
    CAN_FILE = "can_file"  # the earliest day is today or past
    WAIT = "wait"  # the earliest day is known and still to come
    UNKNOWN = "unknown"  # an answer the date needs is missing
    BARRED = "barred"  # PC 4852.01(c)


@dataclass(frozen=True, slots=True)
class CertificateFinding:
    status: CertificateStatus
    earliest_filing_date: date | None
    # The years PC 4852.03(a) adds to the five years' residence (2, 4 or 5); None when barred.
    added_years: int | None
    reasons: tuple[Reason, ...]
    assumptions: tuple[str, ...]


BARRED = gettext_noop(
    "A certificate of rehabilitation is not open to a person convicted of %(offense)s. The "
    "Governor can still grant a pardon in extraordinary circumstances (Penal Code 4852.01(d))."
)
NOT_PRISON_JAIL = gettext_noop(
    "A felony county jail sentence (Penal Code 1170(h)) counts like prison for the certificate. "
    "We did not ask when you left jail, so we cannot count the time."
)
NOT_PRISON_DISMISSED_FIRST = gettext_noop(
    "This case had no prison sentence. Then the certificate is open only after the case is "
    "dismissed under Penal Code 1203.4, which these answers do not show."
)
PERIOD = gettext_noop(
    "You need 5 years of living in California plus %(added)s more years, counted from the day "
    "you left prison (%(released)s). That time ends on %(period_end)s."
)
RELEASE_UNKNOWN = gettext_noop(
    "We do not know the day you left prison, so we cannot count the time you must wait."
)
RESIDENCE_UNKNOWN = gettext_noop(
    "We do not know how long you have lived in California without a break. You need the 5 "
    "years right before you file, after leaving prison."
)
RESIDENCE = gettext_noop(
    "You have lived in California without a break since %(since)s. The 5 years right before "
    "you file are complete on %(residence_end)s."
)
SUPERVISION_ENDS = gettext_noop(
    "Your parole or supervision ends on %(end)s. You can file only after it ends."
)
SUPERVISION_END_UNKNOWN = gettext_noop(
    "Your parole or supervision has not ended and we do not know when it ends. You can file "
    "only after it ends."
)
SUPERVISION_NOW = gettext_noop(
    "You said you are on probation, parole or supervision now. You can file only after it ends."
)
EARLIEST = gettext_noop("The earliest day you can file is %(date)s.")

ASSUME_AFTER_THE_LAPSE = gettext_noop(
    "Certificate of rehabilitation: we counted the first day after the period ends as the first "
    "day to file (the cautious reading of Penal Code 4852.06)."
)
ASSUME_LIFE_TERM = gettext_noop(
    "Certificate of rehabilitation: if any offense in this case carries a life sentence, you "
    "must wait 4 more years, not 2 (Penal Code 4852.03(a)(1)). Our list of offenses cannot tell."
)
ASSUME_REGISTRANT_UNKNOWN = gettext_noop(
    "Certificate of rehabilitation: you did not know whether you must register as a sex "
    "offender, so we counted the longer wait of 5 more years (Penal Code 4852.03(a)(2))."
)
ASSUME_REGISTRANT_OTHER_CASE = gettext_noop(
    "Certificate of rehabilitation: you must register as a sex offender. We counted the longer "
    "wait of 5 more years (Penal Code 4852.03(a)(2)), though the duty may come from another case."
)
ASSUME_CONSECUTIVE = gettext_noop(
    "Certificate of rehabilitation: if you were ordered to serve sentences one after the other "
    "(consecutive), the judge may make the wait longer (Penal Code 4852.03(a)(4))."
)
ASSUME_SUPERVISION_END_UNKNOWN = gettext_noop(
    "Certificate of rehabilitation: we do not know when your parole ended. You can file only "
    "after it has ended (Penal Code 4852.06)."
)
ASSUME_RELEASE_UNKNOWN = gettext_noop(
    "Certificate of rehabilitation: the day you left prison is not known, so the first day to "
    "file is not known. Your parole papers or CDCR can tell you."
)
ASSUME_RESIDENCE_UNKNOWN = gettext_noop(
    "Certificate of rehabilitation: how long you have lived in California is not known, so the "
    "first day to file is not known."
)
ASSUME_EXCLUSION_TEXT = gettext_noop(
    "Certificate of rehabilitation: the list of offenses it is not open to (Penal Code "
    "4852.01(c)) was read from secondary copies of the statute; clinic staff should check the "
    "current text."
)


def _base_section(section: str) -> str:
    return section.split("(", 1)[0].strip()


def _applies(facts: CaseFacts, outcome: Outcome) -> bool:
    """The certificate is the route: a state prison case, or no dismissal route, with a count
    it could cover (a felony, or an offense the catalog lists as PC 290 registrable)."""
    if facts.sentence is not Sentence.STATE_PRISON and outcome is not Outcome.NOT_ELIGIBLE:
        return False
    for count in facts.counts:
        offense = lookup(count.code, count.section)
        if count.level is Level.FELONY or (offense is not None and offense.registrable_290):
            return True
    return False


def _barred_by(facts: CaseFacts) -> str | None:
    for count in facts.counts:
        offense = lookup(count.code, count.section)
        if offense is not None and offense.excluded_cert_rehab:
            return f"{count.code} {count.section}"
    return None


def _added_years(facts: CaseFacts, registrant: bool | None) -> tuple[int, str, tuple[str, ...]]:
    """The years PC 4852.03(a) adds to the five years' residence, its citation, assumptions."""
    registrable = any(
        (offense := lookup(c.code, c.section)) is not None and offense.registrable_290
        for c in facts.counts
    )
    if registrable:
        return 5, "PC 4852.03(a)(2)(A)", ()
    if facts.registrant and "registrant" not in facts.unknown:
        return 5, "PC 4852.03(a)(2)(A)", ()
    if registrant is True:
        return 5, "PC 4852.03(a)(2)(A)", (ASSUME_REGISTRANT_OTHER_CASE,)
    if registrant is None or "registrant" in facts.unknown:
        return 5, "PC 4852.03(a)(2)(A)", (ASSUME_REGISTRANT_UNKNOWN,)
    if any(c.code == "PC" and _base_section(c.section) in FOUR_YEAR_SECTIONS for c in facts.counts):
        return 4, "PC 4852.03(a)(1)", ()
    return 2, "PC 4852.03(a)(3)", (ASSUME_LIFE_TERM,)


def certificate_of_rehabilitation(
    facts: CaseFacts,
    *,
    outcome: Outcome,
    released_on: date | None,
    resident_since: date | None,
    as_of: date,
    registrant: bool | None = False,
    on_supervision_now: bool | None = False,
) -> CertificateFinding | None:
    """The certificate for one case, or None when the certificate is not this case's route.

    ``released_on``: the day the person left prison for this case; ``resident_since``: the day
    their continuous residence in California began (None for either: not known).
    ``registrant`` and ``on_supervision_now`` are the person-wide answers (None: not known).
    """
    if not _applies(facts, outcome):
        return None
    barred = _barred_by(facts)
    if barred is not None:
        return CertificateFinding(
            status=CertificateStatus.BARRED,
            earliest_filing_date=None,
            added_years=None,
            reasons=(finding(BARRED, "PC 4852.01(c)", offense=barred),),
            assumptions=(ASSUME_EXCLUSION_TEXT,),
        )
    added, period_citation, assumptions = _added_years(facts, registrant)
    if facts.sentence is not Sentence.STATE_PRISON:
        jail = facts.sentence is Sentence.COUNTY_JAIL
        return CertificateFinding(
            status=CertificateStatus.UNKNOWN,
            earliest_filing_date=None,
            added_years=added,
            reasons=(
                finding(NOT_PRISON_JAIL, "PC 4852.01(a)")
                if jail
                else finding(NOT_PRISON_DISMISSED_FIRST, "PC 4852.01(b)"),
            ),
            assumptions=assumptions,
        )

    reasons: list[Reason] = []
    notes = [*assumptions, ASSUME_CONSECUTIVE]
    known = True
    candidates: list[date] = []
    if released_on is None:
        reasons.append(finding(RELEASE_UNKNOWN, "PC 4852.03(a)"))
        notes.append(ASSUME_RELEASE_UNKNOWN)
        known = False
    else:
        period_end = more_than_years_after(released_on, RESIDENCE_YEARS + added)
        candidates.append(period_end)
        reasons.append(
            finding(
                PERIOD,
                period_citation,
                added=str(added),
                released=released_on.isoformat(),
                period_end=_last_day(period_end).isoformat(),
            )
        )
    # PC 4852.06: after the termination of parole, probation, PRCS or mandatory supervision.
    end = facts.sentence_end_date
    if end is not None:
        if end >= as_of:
            reasons.append(finding(SUPERVISION_ENDS, "PC 4852.06", end=end.isoformat()))
        candidates.append(day_after(end))
    elif "sentence_end_date" in facts.unknown:
        notes.append(ASSUME_SUPERVISION_END_UNKNOWN)
    else:
        reasons.append(finding(SUPERVISION_END_UNKNOWN, "PC 4852.06"))
        known = False
    if on_supervision_now:
        reasons.append(finding(SUPERVISION_NOW, "PC 4852.06"))
        known = False
    # PC 4852.06: five years' continuous residence after leaving prison, right before filing.
    if resident_since is None:
        reasons.append(finding(RESIDENCE_UNKNOWN, "PC 4852.06"))
        notes.append(ASSUME_RESIDENCE_UNKNOWN)
        known = False
    else:
        since = max(resident_since, released_on) if released_on else resident_since
        residence_end = more_than_years_after(since, RESIDENCE_YEARS)
        candidates.append(residence_end)
        reasons.append(
            finding(
                RESIDENCE,
                "PC 4852.06",
                since=since.isoformat(),
                residence_end=_last_day(residence_end).isoformat(),
            )
        )
    notes.append(ASSUME_AFTER_THE_LAPSE)
    if not known:
        return CertificateFinding(
            status=CertificateStatus.UNKNOWN,
            earliest_filing_date=None,
            added_years=added,
            reasons=tuple(reasons),
            assumptions=tuple(notes),
        )
    earliest = max(candidates)
    reasons.append(finding(EARLIEST, "PC 4852.06", date=earliest.isoformat()))
    return CertificateFinding(
        status=CertificateStatus.CAN_FILE if earliest <= as_of else CertificateStatus.WAIT,
        earliest_filing_date=earliest,
        added_years=added,
        reasons=tuple(reasons),
        assumptions=tuple(notes),
    )


def _last_day(first_day_after: date) -> date:
    """The period's last day, given the first day after it."""
    return first_day_after - ONE_DAY
