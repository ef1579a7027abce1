"""Remedy rules: for each remedy, when it opens, which CR-180 item, and what blocks it now.

Each remedy is a ``RemedySpec`` of three kinds of small rules:
- an *opening* rule: the first day the remedy is available by time (``dates.py`` counts days);
- an *item* rule: the CR-180 item and whether relief is a right or in the court's discretion;
- *blocker* rules: a current status that prevents filing (a sentence being served, supervision,
  pending charges, an uncomplied sentence). Unpaid restitution is never a blocker (SB 1106).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..dates import day_after, more_than_years_after
from ..determination import Outcome, Reason
from ..facts import Sentence
from ..messages import gettext_noop
from .elsewhere import still_running
from .findings import finding
from .remedy import Remedy
from .situation import Situation


@dataclass(slots=True)  # internal and short-lived: a plain init is much faster
class Opening:
    on: date | None  # None: not known (the end date is unknown or the sentence is still running)
    reason: Reason
    still_running: bool = False  # the sentence of this case is not over: blocks filing
    suggests_early_termination: bool = False
    assumptions: tuple[str, ...] = ()
    also: tuple[Reason, ...] = ()  # further findings about the date (e.g. when the law began)


@dataclass(frozen=True, slots=True)
class Item:
    form_item: str
    as_of_right: bool  # False: the court decides in the interests of justice
    reason: Reason


@dataclass(slots=True)  # internal and short-lived: a plain init is much faster
class Blocker:
    reason: Reason
    suggests_early_termination: bool = False
    assumptions: tuple[str, ...] = ()


BlockerRule = Callable[[Situation, str], Blocker | None]


@dataclass(frozen=True, slots=True)
class RemedySpec:
    remedy: Remedy
    blocker_citation: str
    opening: Callable[[Situation], Opening]
    item: Callable[[Situation], Item]
    blockers: tuple[BlockerRule, ...]
    # Whether the statuses "for any offense" that the remedy names include probation.
    names_probation: bool = False

    @property
    def any_offense_clause(self) -> str | None:
        """The clause naming the statuses "for any offense" that the person's other cases can
        bring: the clause of the remedy's own status conditions (None: the remedy states none)."""
        return self.blocker_citation if self.blockers else None


@dataclass(slots=True)  # internal and short-lived: a plain init is much faster
class RemedyStatus:
    remedy: Remedy
    form_item: str
    outcome: Outcome
    opens_on: date | None
    reasons: tuple[Reason, ...]
    suggests_early_termination: bool
    as_of_right: bool
    assumptions: tuple[str, ...] = ()
    blocked_by: tuple[str, ...] = ()  # ids of the person's other cases that block this remedy


# --- Openings -------------------------------------------------------------------------------------

T_PROBATION_TERMINATED_EARLY = gettext_noop(
    "Probation was terminated early on %(end)s; relief is available from that day."
)
T_PROBATION_ENDED = gettext_noop(
    "Probation ended on %(end)s; relief is available from the next day, %(opens)s."
)
T_PROBATION_ENDS = gettext_noop(
    "Probation ends on %(end)s; relief will be available from the next day, %(opens)s."
)
T_PROBATION_RUNNING = gettext_noop(
    "Probation in this case has not ended; relief is only available once it has."
)
T_END_UNKNOWN = gettext_noop(
    "We do not know when the sentence or probation ended, so we cannot say when relief opens."
)
T_ONE_YEAR_AFTER_JUDGMENT = gettext_noop(
    "Judgment was on %(judgment)s; relief is available more than one year later, from %(opens)s."
)
T_JAIL_WITH_SUPERVISION = gettext_noop(
    "The county jail sentence with mandatory supervision was completed on %(end)s; relief is "
    "available more than one year later, from %(opens)s."
)
T_JAIL_WITHOUT_SUPERVISION = gettext_noop(
    "The county jail sentence without mandatory supervision was completed on %(end)s; relief is "
    "available more than two years later, from %(opens)s."
)
T_JAIL_RUNNING = gettext_noop(
    "The county jail sentence or mandatory supervision in this case has not been completed."
)
T_PRISON_COMPLETED = gettext_noop(
    "The state prison sentence, including parole or post-release supervision, was completed on "
    "%(end)s; relief is available more than two years later, from %(opens)s."
)
T_PRISON_RUNNING = gettext_noop(
    "The state prison sentence, parole or post-release supervision in this case has not been "
    "completed."
)


def _no_end_date(
    s: Situation, citation: str, running: str, *, suggests_early_termination: bool
) -> Opening:
    """No end date: either the person doesn't know it, or the sentence is still running."""
    if s.end_unknown:
        return Opening(None, finding(T_END_UNKNOWN, citation))
    return Opening(
        None,
        finding(running, citation),
        still_running=True,
        suggests_early_termination=suggests_early_termination,
    )


def _probation_opening(s: Situation, citation: str) -> Opening:
    """1203.4 (and 1203.49) open the day after probation ended, or on the day of an early
    termination order (the order itself ends probation, and 1203.3 discharge is a right)."""
    end = s.facts.sentence_end_date
    if end is None:
        return _no_end_date(s, citation, T_PROBATION_RUNNING, suggests_early_termination=True)
    if s.facts.probation_terminated_early:
        return Opening(end, finding(T_PROBATION_TERMINATED_EARLY, citation, end=end.isoformat()))
    opens = day_after(end)
    template = T_PROBATION_ENDED if end < s.as_of else T_PROBATION_ENDS
    return Opening(
        opens,
        finding(template, citation, end=end.isoformat(), opens=opens.isoformat()),
        suggests_early_termination=end >= s.as_of,
    )


def opening_1203_4(s: Situation) -> Opening:
    return _probation_opening(s, "PC 1203.4(a)(1)")


def opening_1203_49(s: Situation) -> Opening:
    return _probation_opening(s, "PC 1203.49")


T_OWN_SENTENCE_ENDS_1203_4A = gettext_noop(
    "The probation or sentence in this case (with any parole or supervision) ends on %(end)s; "
    "relief under PC 1203.4a is available once it is over, from %(opens)s."
)
T_OWN_SENTENCE_ENDED_1203_4A = gettext_noop(
    "The probation or sentence in this case (with any parole or supervision) ended on %(end)s; "
    "relief under PC 1203.4a is available from the next day, %(opens)s."
)
T_OWN_SENTENCE_RUNNING_1203_4A = gettext_noop(
    "The probation or sentence in this case (with any parole or supervision) is not over; "
    "relief under PC 1203.4a is available only once it is."
)
A_OWN_SENTENCE_1203_4A = gettext_noop(
    "A misdemeanor or infraction count in a case with probation, a prison term with parole "
    "(PC 3000(a)(1)) or a county jail term with mandatory supervision (PC 1170(h)(5)(B)) was not "
    "taken to be dismissable under PC 1203.4a before that was over: parole and mandatory "
    "supervision are part of the sentence, and for probation we read the statute cautiously. "
    "Staff should confirm this reading."
)


def opening_1203_4a(s: Situation) -> Opening:
    """1203.4a(a): "at any time after the lapse of one year from the date of pronouncement of
    judgment, if they ... are not then serving a sentence for an offense". A misdemeanor count in
    a case with probation, a prison term (parole is part of it: PC 3000(a)(1), "A sentence
    resulting in imprisonment in the state prison ... shall include a period of parole") or a
    county jail term (mandatory supervision is part of it: PC 1170(h)(5)(B)) is read cautiously:
    not before that is over (A_OWN_SENTENCE_1203_4A)."""
    judgment = s.facts.judgment_date
    opens = more_than_years_after(judgment, 1)
    end = s.facts.sentence_end_date
    if s.facts.sentence is not Sentence.NO_PROBATION:
        if end is None and still_running(s.facts, s.as_of):
            reason = finding(T_OWN_SENTENCE_RUNNING_1203_4A, "PC 1203.4a(a)")
            return Opening(None, reason, still_running=True, assumptions=(A_OWN_SENTENCE_1203_4A,))
        if end is not None and day_after(end) > opens:
            opens = day_after(end)
            template = (
                T_OWN_SENTENCE_ENDS_1203_4A if end >= s.as_of else T_OWN_SENTENCE_ENDED_1203_4A
            )
            reason = finding(
                template, "PC 1203.4a(a)", end=end.isoformat(), opens=opens.isoformat()
            )
            return Opening(opens, reason, assumptions=(A_OWN_SENTENCE_1203_4A,))
    return Opening(
        opens,
        finding(
            T_ONE_YEAR_AFTER_JUDGMENT,
            "PC 1203.4a(a)",
            judgment=judgment.isoformat(),
            opens=opens.isoformat(),
        ),
    )


A_PRISON_COMPLETION = gettext_noop(
    "A state prison sentence was counted as completed on discharge from parole or post-release "
    "community supervision, so the waiting period runs from that day. Staff should confirm this "
    "reading of PC 1203.41 and PC 1203.42."
)


# The day each route began: eligible_on is never earlier (the remedy did not exist before).
PC_1203_42_START = date(2018, 1, 1)  # PC 1203.42 added by AB 1115 (Stats. 2017)
# SB 731 (Stats. 2022, ch. 814) opened PC 1203.41 to state prison sentences from 1 July 2023
# (https://probonoproject.org/expanded-record-clearance-to-take-effect-july-1-2023, checked
# 2026-12-01: "When SB 731 takes effect on July 1, 2023").
PC_1203_41_PRISON_START = date(2023, 7, 1)

T_AVAILABLE_FROM = gettext_noop(
    "This relief did not exist before %(start)s, so it is available from that day at the earliest."
)


def _completion_opening(
    s: Situation,
    *,
    years: int,
    template: str,
    running: str,
    citation: str,
    supervision: bool,
    not_before: tuple[date, str] | None = None,
) -> Opening:
    """More than ``years`` years after the sentence was completed; never before the day the route
    began (``not_before``: that day and the law that began it)."""
    end = s.facts.sentence_end_date
    if end is None:
        return _no_end_date(s, citation, running, suggests_early_termination=supervision)
    opens = more_than_years_after(end, years)
    reason = finding(template, citation, end=end.isoformat(), opens=opens.isoformat())
    if not_before is not None and opens < not_before[0]:
        start, law = not_before
        return Opening(
            start, reason, also=(finding(T_AVAILABLE_FROM, law, start=start.isoformat()),)
        )
    return Opening(opens, reason)


def opening_1203_41(s: Situation) -> Opening:
    """PC 1203.41(a)(2): more than one year after completing a county jail sentence with mandatory
    supervision, more than two years after one without, and (SB 731) more than two years after a
    state prison sentence, that route beginning 1 July 2023."""
    if s.facts.sentence is Sentence.STATE_PRISON:
        return _two_years_after_prison(
            s, "PC 1203.41(a)(2)", (PC_1203_41_PRISON_START, "PC 1203.41 (SB 731, Stats. 2022)")
        )
    supervised = bool(s.facts.mandatory_supervision)
    return _completion_opening(
        s,
        years=1 if supervised else 2,
        template=T_JAIL_WITH_SUPERVISION if supervised else T_JAIL_WITHOUT_SUPERVISION,
        running=T_JAIL_RUNNING,
        citation="PC 1203.41(a)(2)",
        supervision=supervised,
    )


def opening_1203_42(s: Situation) -> Opening:
    """PC 1203.42(a): more than two years after completing the sentence; the section itself took
    effect on 1 January 2018 (AB 1115)."""
    return _two_years_after_prison(
        s, "PC 1203.42(a)", (PC_1203_42_START, "PC 1203.42 (AB 1115, Stats. 2017)")
    )


def _two_years_after_prison(s: Situation, citation: str, not_before: tuple[date, str]) -> Opening:
    """More than two years after completing a state prison sentence, and not before the day the
    law that opened this route took effect (`not_before`: that day and its citation)."""
    return _completion_opening(
        s,
        years=2,
        template=T_PRISON_COMPLETED,
        running=T_PRISON_RUNNING,
        citation=citation,
        supervision=False,
        not_before=not_before,
    )


# PC 1203.43 was added by AB 1352 (Stats. 2015): a statute of 2015 without urgency took effect on
# 1 January 2016 (Cal. Const., art. IV, § 8(c)).
PC_1203_43_START = date(2016, 1, 1)

T_DEJ_DISMISSED = gettext_noop(
    "The charges were dismissed on %(end)s after deferred entry of judgment; relief under "
    "PC 1203.43 is available from that day, with no waiting period."
)
T_DEJ_DISMISSED_ON = gettext_noop(
    "The charges are due to be dismissed on %(end)s, once deferred entry of judgment is "
    "completed; relief under PC 1203.43 is available from that day."
)
T_DEJ_NOT_DISMISSED = gettext_noop(
    "The charges have not been dismissed yet: relief under PC 1203.43 is available once the "
    "court dismisses them after you complete deferred entry of judgment."
)
T_DEJ_DISMISSAL_UNKNOWN = gettext_noop(
    "We do not know whether or when the charges were dismissed, so we cannot say when relief "
    "under PC 1203.43 opens. The court's docket shows the dismissal and its date."
)
A_DEJ_ITEM_7A = gettext_noop(
    "On CR-180 item 7 we checked 7a: court records show how the case ended. If the court no "
    "longer has those records, check 7b instead (you declare under penalty of perjury that the "
    "charges were dismissed after you completed deferred entry of judgment) and attach your state "
    "summary criminal history from the Department of Justice, choosing 7b(1): with it the court "
    "presumes the declaration true (PC 1203.43(b)). Staff should ask the clerk which applies."
)


def opening_1203_43(s: Situation) -> Opening:
    """PC 1203.43(b) states no waiting period: relief is available once the charges were dismissed
    under former PC 1000.3 (the contract's ``sentence_end_date``), and never before the section
    took effect on 1 January 2016."""
    citation = "PC 1203.43(b)"
    end = s.facts.sentence_end_date
    if end is None:
        if s.end_unknown:
            return Opening(None, finding(T_DEJ_DISMISSAL_UNKNOWN, citation))
        return Opening(None, finding(T_DEJ_NOT_DISMISSED, citation), still_running=True)
    template = T_DEJ_DISMISSED_ON if end > s.as_of else T_DEJ_DISMISSED
    reason = finding(template, citation, end=end.isoformat())
    if end < PC_1203_43_START:
        also = finding(
            T_AVAILABLE_FROM,
            "PC 1203.43 (AB 1352, Stats. 2015)",
            start=PC_1203_43_START.isoformat(),
        )
        return Opening(PC_1203_43_START, reason, also=(also,))
    return Opening(end, reason)


# --- Items ----------------------------------------------------------------------------------------

I_2A = Item(
    "2a",
    True,
    finding(
        gettext_noop(
            "The conditions of probation were fulfilled for the entire period, so dismissal is a "
            "right."
        ),
        "PC 1203.4(a)(1)",
    ),
)
I_2B = Item(
    "2b",
    True,
    finding(
        gettext_noop(
            "Probation was terminated early (PC 1203.3), so dismissal is a right, even if there "
            "were violations before."
        ),
        "PC 1203.4(a)(1)",
    ),
)
I_2C = Item(
    "2c",
    False,
    finding(
        gettext_noop(
            "Probation was violated or its conditions were not all met, so the court decides in "
            "the interests of justice. Explain why dismissal is fair (form MC-031 can help)."
        ),
        "PC 1203.4(a)(1)",
    ),
)
I_3A = Item(
    "3a",
    True,
    finding(
        gettext_noop(
            "No new conviction since judgment, so dismissal is a right if you have obeyed the law "
            "since then."
        ),
        "PC 1203.4a(a)",
    ),
)
I_3B = Item(
    "3b",
    False,
    finding(
        gettext_noop(
            "There was a new conviction since judgment, so the court decides in the interests of "
            "justice."
        ),
        "PC 1203.4a(b)",
    ),
)
# PC 1203.49: "If the defendant can establish by clear and convincing evidence that the conviction
# was the result of his or her status as a victim of human trafficking, the court may issue an
# order" (https://self-law.org/code/ca/penal-code/1203-49, checked 2026-12-01): discretion.
I_4 = Item(
    "4",
    False,
    finding(
        gettext_noop(
            "The court may vacate the conviction if you show by clear and convincing evidence that "
            "it resulted from being a victim of human trafficking; attach the evidence to the "
            "petition."
        ),
        "PC 1203.49",
    ),
)
_R_1203_41_DISCRETION = finding(
    gettext_noop("Relief under PC 1203.41 is always in the court's discretion."),
    "PC 1203.41(a)(1)",
)
I_5A = Item("5a", False, _R_1203_41_DISCRETION)
I_5B = Item("5b", False, _R_1203_41_DISCRETION)
I_5C = Item("5c", False, _R_1203_41_DISCRETION)
I_6 = Item(
    "6",
    False,
    finding(
        gettext_noop("Relief under PC 1203.42 is always in the court's discretion."),
        "PC 1203.42(a)",
    ),
)


# PC 1203.43(b): "the court shall ... permit the defendant to withdraw the plea ... and the court
# shall dismiss": a right once the charges were dismissed under former PC 1000.3.
I_7 = Item(
    "7",
    True,
    finding(
        gettext_noop(
            "Once the charges were dismissed after deferred entry of judgment, the court must let "
            "you withdraw the plea and dismiss the case: it is a right (CR-180 item 7)."
        ),
        "PC 1203.43(b)",
    ),
)


def item_1203_43(s: Situation) -> Item:
    return I_7


def item_1203_4(s: Situation) -> Item:
    if s.known_true("probation_terminated_early"):
        return I_2B
    fulfilled = not s.facts.probation_violated and s.known_true("sentence_complied")
    return I_2A if fulfilled else I_2C


def item_1203_4a(s: Situation) -> Item:
    return I_3B if s.facts.new_conviction_since_judgment else I_3A


def item_1203_41(s: Situation) -> Item:
    if s.facts.sentence is Sentence.STATE_PRISON:
        return I_5C
    return I_5A if s.facts.mandatory_supervision else I_5B


def item_1203_42(s: Situation) -> Item:
    return I_6


def item_1203_49(s: Situation) -> Item:
    return I_4


# --- Blockers -------------------------------------------------------------------------------------

T_SERVING = gettext_noop(
    "You are serving a sentence for an offense now; you can file once it is over."
)
T_SUPERVISED = gettext_noop(
    "You are on probation, parole or supervision now; you can file once it ends, or ask the court "
    "to end probation early (PC 1203.3)."
)
T_CHARGED = gettext_noop(
    "You are charged with an offense now; you can file once the charges are resolved."
)
T_NOT_COMPLIED = gettext_noop(
    "The sentence has not been fully carried out (unpaid restitution does not count); you can "
    "file once it has."
)


def serving_a_sentence(s: Situation, citation: str) -> Blocker | None:
    if s.facts.serving_sentence_now:
        return Blocker(finding(T_SERVING, citation))
    return None


def under_supervision(s: Situation, citation: str) -> Blocker | None:
    if s.facts.on_supervision_now:
        return Blocker(finding(T_SUPERVISED, citation), suggests_early_termination=True)
    return None


def under_supervision_1203_4a(s: Situation, citation: str) -> Blocker | None:
    """1203.4a(a) names "serving a sentence for any offense" and charges, not probation; parole
    (PC 3000(a)(1)) and mandatory supervision (PC 1170(h)(5)(B)) are part of a sentence, and for
    probation the cautious reading is applied (A_PROBATION_BARS_1203_4A)."""
    if s.facts.on_supervision_now:
        return Blocker(
            finding(T_SUPERVISED, citation),
            suggests_early_termination=True,
            assumptions=(A_PROBATION_BARS_1203_4A,),
        )
    return None


def charged_now(s: Situation, citation: str) -> Blocker | None:
    if s.facts.pending_charges:
        return Blocker(finding(T_CHARGED, citation))
    return None


def sentence_not_complied(s: Situation, citation: str) -> Blocker | None:
    if not s.facts.sentence_complied:
        return Blocker(finding(T_NOT_COMPLIED, citation))
    return None


# Not serving a sentence, not under supervision, not charged: "for any offense" (PC 1203.4(a)(1),
# 1203.41(a)(3), 1203.42(a)).
STATUS_CONDITIONS: tuple[BlockerRule, ...] = (serving_a_sentence, under_supervision, charged_now)

SPECS: dict[Remedy, RemedySpec] = {
    spec.remedy: spec
    for spec in (
        RemedySpec(
            Remedy.PC_1203_4,
            "PC 1203.4(a)(1)",
            opening_1203_4,
            item_1203_4,
            STATUS_CONDITIONS,
            names_probation=True,
        ),
        # 1203.4a names a sentence being served and charges; supervision is read cautiously.
        RemedySpec(
            Remedy.PC_1203_4A,
            "PC 1203.4a(a)",
            opening_1203_4a,
            item_1203_4a,
            (serving_a_sentence, under_supervision_1203_4a, charged_now, sentence_not_complied),
        ),
        RemedySpec(
            Remedy.PC_1203_41,
            "PC 1203.41(a)(3)",
            opening_1203_41,
            item_1203_41,
            STATUS_CONDITIONS,
            names_probation=True,
        ),
        RemedySpec(
            Remedy.PC_1203_42,
            "PC 1203.42(a)",
            opening_1203_42,
            item_1203_42,
            STATUS_CONDITIONS,
            names_probation=True,
        ),
        # 1203.43 states no status conditions: only DEJ granted from 1997, and the charges
        # dismissed.
        RemedySpec(Remedy.PC_1203_43, "PC 1203.43(b)", opening_1203_43, item_1203_43, ()),
        # 1203.49 states no status conditions beyond completed probation.
        RemedySpec(Remedy.PC_1203_49, "PC 1203.49", opening_1203_49, item_1203_49, ()),
    )
}


# --- The person's other cases ---------------------------------------------------------------------

T_OTHER_PROBATION_ENDS = gettext_noop(
    "Probation in case %(case)s ends on %(end)s, and you cannot file while on probation for any "
    "offense: you can file from %(opens)s."
)
T_OTHER_PROBATION_RUNNING = gettext_noop(
    "Probation in case %(case)s has not ended, and you cannot file while on probation for any "
    "offense: you can file once it has ended."
)
T_OTHER_SENTENCE_ENDS = gettext_noop(
    "The sentence in case %(case)s (with any parole or supervision) ends on %(end)s, and you "
    "cannot file while serving a sentence for any offense: you can file from %(opens)s."
)
T_OTHER_SENTENCE_RUNNING = gettext_noop(
    "The sentence in case %(case)s (with any parole or supervision) has not been completed, and "
    "you cannot file while serving a sentence for any offense: you can file once it is completed."
)
A_PROBATION_BARS_1203_4A = gettext_noop(
    "PC 1203.4a names a sentence being served and pending charges, not probation or supervision; "
    "whether probation or supervision for another offense bars it is unsettled. We read it "
    "cautiously: probation or supervision now, in any case, was treated as a bar until it ends. "
    "Staff should confirm this reading with the court where the petition is filed."
)


@dataclass(slots=True)  # internal and short-lived
class PersonBlock:
    reasons: tuple[Reason, ...]
    blocked_by: tuple[str, ...]
    opens_on: date | None
    suggests_early_termination: bool
    assumptions: tuple[str, ...]


def blocked_by_other_cases(spec: RemedySpec, s: Situation, opens: date | None) -> PersonBlock:
    """The person's other cases whose probation or sentence is still running block this remedy
    as far as its own "any offense" clause reaches; the remedy opens no earlier than the day after
    the last of them ends, and its opening is unknown when any of their ends is."""
    clause = spec.any_offense_clause
    if clause is None or not s.elsewhere.running:
        return PersonBlock((), (), opens, False, ())
    reasons: list[Reason] = []
    for other in s.elsewhere.running:
        if other.ends_on is None:
            opens = None
            template = T_OTHER_PROBATION_RUNNING if other.probation else T_OTHER_SENTENCE_RUNNING
            reasons.append(finding(template, clause, case=other.case_id))
            continue
        lifts = day_after(other.ends_on)
        if opens is not None and lifts > opens:
            opens = lifts
        template = T_OTHER_PROBATION_ENDS if other.probation else T_OTHER_SENTENCE_ENDS
        reasons.append(
            finding(
                template,
                clause,
                case=other.case_id,
                end=other.ends_on.isoformat(),
                opens=lifts.isoformat(),
            )
        )
    probation = any(other.probation for other in s.elsewhere.running)
    return PersonBlock(
        reasons=tuple(reasons),
        blocked_by=tuple(other.case_id for other in s.elsewhere.running),
        opens_on=opens,
        suggests_early_termination=probation,
        assumptions=(A_PROBATION_BARS_1203_4A,) if probation and not spec.names_probation else (),
    )


# --- Putting a remedy's rules together ------------------------------------------------------------


def remedy_status(remedy: Remedy, s: Situation) -> RemedyStatus:
    """A remedy's status, read as the statute reads: when it opens by time, which CR-180 item,
    what blocks it in this case, then what blocks it in the person's other cases. Blocked beats
    waiting; waiting beats available."""
    spec = SPECS[remedy]
    opening = spec.opening(s)
    item = spec.item(s)
    blockers = [b for rule in spec.blockers if (b := rule(s, spec.blocker_citation))]
    person = blocked_by_other_cases(spec, s, opening.on)

    if blockers or opening.still_running or person.blocked_by:
        outcome = Outcome.BLOCKED
    elif opening.on is None or opening.on > s.as_of:
        outcome = Outcome.WAIT
    else:
        outcome = Outcome.ELIGIBLE if item.as_of_right else Outcome.DISCRETIONARY

    early_termination = (
        opening.suggests_early_termination
        or any(b.suggests_early_termination for b in blockers)
        or person.suggests_early_termination
    )
    prison = remedy is Remedy.PC_1203_42 or (
        remedy is Remedy.PC_1203_41 and s.facts.sentence is Sentence.STATE_PRISON
    )
    assumptions = [
        *opening.assumptions,
        *(a for b in blockers for a in b.assumptions),
        *person.assumptions,
    ]
    if prison:
        assumptions.append(A_PRISON_COMPLETION)
    if remedy is Remedy.PC_1203_43:
        assumptions.append(A_DEJ_ITEM_7A)
    return RemedyStatus(
        remedy=remedy,
        form_item=item.form_item,
        outcome=outcome,
        opens_on=person.opens_on,
        reasons=(
            opening.reason,
            *opening.also,
            *(b.reason for b in blockers),
            *person.reasons,
            item.reason,
        ),
        suggests_early_termination=early_termination and outcome in (Outcome.BLOCKED, Outcome.WAIT),
        as_of_right=item.as_of_right,
        assumptions=tuple(dict.fromkeys(assumptions)),
        blocked_by=person.blocked_by,
    )
