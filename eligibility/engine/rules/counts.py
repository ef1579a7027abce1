"""Count rules: which remedy a count falls under, whether it is excluded from it, and PC 17(b).

A count's result depends only on the count and a few case facts (``CountKey``), never on the
screening date, so it is computed once per distinct combination and cached on exactly those
arguments: bulk screening sees the same offenses again and again.
Relief is decided count by count (People v. Mgebrov (2008) 166 Cal.App.4th 579): an excluded count
does not sink the others.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..determination import Reason
from ..facts import Count, Level, Sentence
from ..messages import gettext_noop
from ..offenses import Offense, lookup, parse_citation, verify_note
from .findings import finding
from .remedy import Remedy


@dataclass(frozen=True, slots=True)
class OffenseMatch:
    offense: Offense | None
    attempt: bool  # PC 664 attempt of ``offense``


@lru_cache(maxsize=1 << 14)
def match_offense(code: str, section: str) -> OffenseMatch:
    """The catalog entry for a count, seeing through a PC 664 attempt prefix ("664/211")."""
    parsed = parse_citation(f"{code} {section}")
    if parsed is None:
        return OffenseMatch(lookup(code, section), attempt=False)
    return OffenseMatch(lookup(parsed.code, parsed.section), attempt=parsed.attempt)


# Prop 64 (Adult Use of Marijuana Act) took effect the day after the 8 November 2016 election.
PROP_64_DAY = date(2016, 11, 9)
# PC 1203.43(b) reaches deferred entry of judgment "granted on or after January 1, 1997".
DEJ_FIRST_DAY = date(1997, 1, 1)


def is_registrable(count: Count) -> bool:
    """The catalog lists the count's offense as requiring PC 290 registration."""
    offense = match_offense(count.code, count.section).offense
    return offense is not None and offense.registrable_290


@dataclass(frozen=True, slots=True)
class CountKey:
    """Everything a count's assessment depends on (``assess_count`` is cached on exactly these)."""

    count: Count
    sentence: Sentence
    trafficking_victim: bool
    pre_realignment: bool
    # The case requires PC 290 registration but no count is one the catalog lists as registrable:
    # any count may be the one, so each is read as registrable (A_REGISTRATION_UNEXPLAINED).
    registrant_unexplained: bool
    prison_term_suspended: bool
    probation_as_of_right: bool  # PC 1203.4 would be a right (items 2a, 2b)
    before_prop_64: bool  # judgment before Prop 64 took effect (9 November 2016)
    # DEJ granted before 1 January 1997: that was pretrial diversion, which PC 1203.43 does not
    # reach. Always False for other sentences.
    dej_before_1997: bool = False


@dataclass(frozen=True, slots=True)
class CountAssessment:
    remedy: Remedy | None
    route: Reason  # why this remedy (or why none)
    excluded: Reason | None  # set when the count cannot be dismissed under ``remedy``
    discretionary_only: Reason | None  # 1203.4(c): relief only in the interests of justice
    reduction_17b: bool
    reduction_reason: Reason | None
    match: OffenseMatch
    assumptions: tuple[str, ...]
    dismissable: bool
    # Catalog facts the case-level rules (relief.py, alternatives.py) ask about, precomputed so a
    # case only ORs booleans together.
    prop_47: bool  # a felony listed for Prop 47 redesignation (PC 1170.18)
    prop_64: bool  # a cannabis offense (HS 11361.8)
    certificate_ok: bool  # may count toward a certificate of rehabilitation (PC 4852.01)
    registrable: bool  # the catalog lists it as PC 290 registrable
    clean_felony: bool  # known, and not serious, violent or registrable (PC 1203.425 felonies)
    notes: tuple[Reason, ...] = ()  # findings the case states beside its reasons
    reduction_17d2: bool = False  # a wobblette misdemeanor: may be made an infraction (17(d)(2))
    reduction_17d2_reason: Reason | None = None


# --- Which remedy: the first route rule that matches decides. ------------------------------------

RouteRule = Callable[[CountKey, OffenseMatch], tuple[Remedy, Reason] | None]

R_INFRACTION = finding(
    gettext_noop("An infraction is dismissed under PC 1203.4a, whatever the sentence."),
    "PC 1203.4(b); PC 1203.4a(a)",
)
R_TRAFFICKING = finding(
    gettext_noop(
        "A PC 647(b) conviction that resulted from being a victim of human trafficking can be "
        "vacated under PC 1203.49 once probation is completed, in the court's discretion."
    ),
    "PC 1203.49",
)
R_PROBATION = finding(
    gettext_noop("Probation was granted, so the petition is under PC 1203.4."),
    "PC 1203.4(a)(1)",
)
R_MISDEMEANOR_NO_PROBATION = finding(
    gettext_noop("A misdemeanor without probation is dismissed under PC 1203.4a."),
    "PC 1203.4a(a)",
)
R_COUNTY_JAIL = finding(
    gettext_noop("A felony county jail sentence (PC 1170(h)) is dismissed under PC 1203.41."),
    "PC 1203.41(a)",
)
R_PRE_REALIGNMENT = finding(
    gettext_noop(
        "A state prison sentence from before 1 October 2011, for an offense that would now be a "
        "county jail felony, is dismissed under PC 1203.42."
    ),
    "PC 1203.42(a)",
)
R_STATE_PRISON = finding(
    gettext_noop("A felony state prison sentence is dismissed under PC 1203.41."),
    "PC 1203.41(a)",
)
R_FELONY_NO_ROUTE = finding(
    gettext_noop(
        "A felony sentenced without probation, county jail or prison has no dismissal remedy: "
        "PC 1203.4a covers only misdemeanors and infractions. Check the sentence type."
    ),
    "PC 1203.4a(a)",
)


R_DEJ = finding(
    gettext_noop(
        "Deferred entry of judgment was granted under former PC 1000, so the petition is under "
        "PC 1203.43 once the charges are dismissed."
    ),
    "PC 1203.43(b)",
)


def route_deferred_entry_of_judgment(
    key: CountKey, match: OffenseMatch
) -> tuple[Remedy, Reason] | None:
    """PC 1203.43(b): "in any case in which a defendant was granted deferred entry of judgment on
    or after January 1, 1997, has performed satisfactorily ..., and for whom the criminal charge
    or charges were dismissed pursuant to Section 1000.3, the court shall ... dismiss". Every
    count of the case: the section lists no exclusions."""
    if key.sentence is Sentence.DEFERRED_ENTRY_OF_JUDGMENT:
        return Remedy.PC_1203_43, R_DEJ
    return None


def route_infraction(key: CountKey, match: OffenseMatch) -> tuple[Remedy, Reason] | None:
    if key.count.level is Level.INFRACTION:
        return Remedy.PC_1203_4A, R_INFRACTION
    return None


def _is_647b(match: OffenseMatch, count: Count) -> bool:
    if match.offense is not None:
        return match.offense.code == "PC" and match.offense.section.startswith("647(b)")
    return count.code == "PC" and count.section.replace(" ", "").startswith("647(b)")


def route_trafficking(key: CountKey, match: OffenseMatch) -> tuple[Remedy, Reason] | None:
    """PC 1203.49: "If the defendant can establish by clear and convincing evidence that the
    conviction was the result of his or her status as a victim of human trafficking, the court
    may issue an order" (discretion, not a right). Where probation was completed so that PC 1203.4
    relief is a right (items 2a, 2b), that right is the better route and 1203.4 is used."""
    if (
        key.sentence is Sentence.PROBATION
        and key.trafficking_victim
        and not key.probation_as_of_right
        and not match.attempt
        and _is_647b(match, key.count)
    ):
        return Remedy.PC_1203_49, R_TRAFFICKING
    return None


def route_probation(key: CountKey, match: OffenseMatch) -> tuple[Remedy, Reason] | None:
    if key.sentence is Sentence.PROBATION:
        return Remedy.PC_1203_4, R_PROBATION
    return None


def route_misdemeanor_without_probation(
    key: CountKey, match: OffenseMatch
) -> tuple[Remedy, Reason] | None:
    # Also a misdemeanor count inside a felony jail or prison case: a felony in the same case
    # does not bar 1203.4a for the misdemeanor (People v. Ricci (2017) 18 Cal.App.5th 1021).
    if key.count.level is Level.MISDEMEANOR:
        return Remedy.PC_1203_4A, R_MISDEMEANOR_NO_PROBATION
    return None


R_WOBBLER_MISDEMEANOR = finding(
    gettext_noop(
        "A wobbler felony sentenced without probation, prison or county jail under PC 1170(h) is "
        "a misdemeanor for all purposes (PC 17(b)(1)), so it is dismissed under PC 1203.4a."
    ),
    "PC 17(b)(1); PC 1203.4a(a)",
)


def route_wobbler_sentenced_as_misdemeanor(
    key: CountKey, match: OffenseMatch
) -> tuple[Remedy, Reason] | None:
    """PC 17(b): a wobbler "is a misdemeanor for all purposes ... (1) After a judgment imposing a
    punishment other than imprisonment in the state prison or imprisonment in a county jail
    pursuant to subdivision (h) of Section 1170." No probation either, so PC 1203.4a applies."""
    if (
        key.count.level is Level.FELONY
        and key.sentence is Sentence.NO_PROBATION
        and _is_wobbler(key, match)
    ):
        return Remedy.PC_1203_4A, R_WOBBLER_MISDEMEANOR
    return None


def route_county_jail(key: CountKey, match: OffenseMatch) -> tuple[Remedy, Reason] | None:
    if key.sentence is Sentence.COUNTY_JAIL:
        return Remedy.PC_1203_41, R_COUNTY_JAIL
    return None


def _kept_in_prison(match: OffenseMatch) -> bool:
    """PC 1170(h)(3): a serious (1192.7(c)) or violent (667.5(c)) felony, or one requiring PC 290
    registration, is served in state prison, never county jail, so it cannot be "eligible to be
    sentenced" under 1170(h)."""
    offense = match.offense
    return offense is not None and (
        offense.serious_1192_7c or offense.violent_667_5c or offense.registrable_290
    )


def route_pre_realignment_prison(
    key: CountKey, match: OffenseMatch
) -> tuple[Remedy, Reason] | None:
    """PC 1203.42 reaches a prison sentence imposed before realignment (1 October 2011) for an
    offense that would since be a county jail felony under 1170(h). The answer
    (``pre_realignment_1170h_eligible``) is cross-checked against the catalog: an offense that
    1170(h)(3) keeps in prison is not reached, whatever the answer (see ``N_NOT_1170H``)."""
    if key.sentence is Sentence.STATE_PRISON and key.pre_realignment and not _kept_in_prison(match):
        return Remedy.PC_1203_42, R_PRE_REALIGNMENT
    return None


def route_state_prison(key: CountKey, match: OffenseMatch) -> tuple[Remedy, Reason] | None:
    if key.sentence is Sentence.STATE_PRISON:
        return Remedy.PC_1203_41, R_STATE_PRISON
    return None


ROUTE_RULES: tuple[RouteRule, ...] = (
    route_deferred_entry_of_judgment,
    route_infraction,
    route_trafficking,
    route_probation,
    route_misdemeanor_without_probation,
    route_wobbler_sentenced_as_misdemeanor,
    route_county_jail,
    route_pre_realignment_prison,
    route_state_prison,
)


# --- Exclusions: any matching rule takes the count out of its remedy. --------------------------

ExclusionRule = Callable[[CountKey, OffenseMatch], Reason | None]

T_EXCLUDED_1203_4B = gettext_noop(
    "%(offense)s cannot be dismissed under PC 1203.4: subdivision (b) excludes it."
)
T_EXCLUDED_261_5D = gettext_noop(
    "%(offense)s as a felony cannot be dismissed under PC 1203.4: subdivision (b) excludes a "
    "felony under PC 261.5(d)."
)
T_EXCLUDED_42002_1 = gettext_noop(
    "%(offense)s is a misdemeanor within VC 42002.1, which PC 1203.4 subdivision (b) excludes."
)
T_EXCLUDED_42002_1_4A = gettext_noop(
    "%(offense)s is a misdemeanor within VC 42002.1, which PC 1203.4a does not cover."
)
T_EXCLUDED_1203_4A_D = gettext_noop(
    "%(offense)s as a misdemeanor cannot be dismissed under PC 1203.4a: subdivision (d) "
    "excludes a misdemeanor violation of PC 288(c)."
)
T_EXCLUDED_42001_4A = gettext_noop(
    "%(offense)s is a Vehicle Code infraction under VC 42001, which PC 1203.4a does not cover."
)
T_EXCLUDED_REGISTRANT = gettext_noop(
    "%(offense)s led to a duty to register under PC 290, so PC 1203.41 relief after a state "
    "prison sentence is not available."
)
T_NOT_1170H = gettext_noop(
    "The answers say the prison sentence was for an offense that would now be a county jail "
    "felony, but the offense catalog lists %(offense)s as serious, violent or requiring "
    "registration, which PC 1170(h)(3) keeps in state prison: PC 1203.42 does not reach it, so "
    "PC 1203.41 was applied."
)

A_ATTEMPT = gettext_noop(
    "An attempt (PC 664) of an offense that PC 1203.4(b) excludes was treated as not excluded, "
    "because the statute lists the offenses and not their attempts (People v. Marinelli (2014) "
    "225 Cal.App.4th 1). Staff should confirm this for the court where the petition is filed."
)
A_1203_4A_EXCLUSIONS = gettext_noop(
    "For a Vehicle Code count under PC 1203.4a we applied the exclusion of VC 42002.1 "
    "misdemeanors and VC 42001 infractions from the offense catalog. Staff should confirm the "
    "exclusion (and its subdivision) in the current text of PC 1203.4a."
)
A_REGISTRATION_UNEXPLAINED = gettext_noop(
    "The case requires registration under PC 290, but no count is one the offense catalog lists "
    "as registrable. Registration follows a conviction, so every count was treated as possibly "
    "the registrable one (no PC 1203.41 relief after state prison). Staff should find which "
    "count requires registration: the others can be dismissed."
)
A_NOT_IN_CATALOG = gettext_noop(
    "At least one offense was not found in the offense catalog, so its exclusions, its flags and "
    "whether it is a wobbler could not be checked. Staff should check the code section by hand."
)


def _label(key: CountKey) -> str:
    return f"{key.count.code} {key.count.section}"


def _listed_in_1203_4b(key: CountKey, offense: Offense) -> bool:
    if offense.excluded_1203_4b_felony_only:
        return key.count.level is Level.FELONY
    return offense.excluded_1203_4b


def excluded_by_1203_4b(key: CountKey, match: OffenseMatch) -> Reason | None:
    offense = match.offense
    if offense is None or match.attempt or not _listed_in_1203_4b(key, offense):
        return None
    template = T_EXCLUDED_261_5D if offense.excluded_1203_4b_felony_only else T_EXCLUDED_1203_4B
    return finding(template, "PC 1203.4(b)", offense=_label(key))


def _as_misdemeanor(key: CountKey, match: OffenseMatch) -> bool:
    """A misdemeanor count, or a wobbler felony that PC 17(b)(1) made a misdemeanor for all
    purposes (sentenced without probation, prison or 1170(h) county jail)."""
    if key.count.level is Level.MISDEMEANOR:
        return True
    return (
        key.count.level is Level.FELONY
        and key.sentence is Sentence.NO_PROBATION
        and _is_wobbler(key, match)
    )


def excluded_vc_42002_1_misdemeanor(key: CountKey, match: OffenseMatch) -> Reason | None:
    """PC 1203.4(b) excludes "any misdemeanor that is within the provisions of Section 42002.1 of
    the Vehicle Code": VC 42002.1 punishes "a misdemeanor violation of Section 2800, 2801, or
    2803, insofar as it affects a failure to stop and submit to inspection of equipment or for an
    unsafe condition endangering a person". A plain VC 2800 count is not within it (the catalog
    says so in that entry's note for staff); a count charged as VC 42002.1 is."""
    if match.offense is None or not match.offense.vc_42002_1:
        return None
    if key.count.level is not Level.MISDEMEANOR:
        return None
    return finding(T_EXCLUDED_42002_1, "PC 1203.4(b); VC 42002.1", offense=_label(key))


def excluded_from_1203_4a_288c(key: CountKey, match: OffenseMatch) -> Reason | None:
    """PC 1203.4a(d) excludes a misdemeanor violation of PC 288(c) (added by AB 1384, Stats. 2011,
    ch. 284; law/README.md, corrections of 2026-12-01), beside the Vehicle Code exclusions."""
    if match.offense is None or not match.offense.excluded_1203_4a or match.attempt:
        return None
    if not _as_misdemeanor(key, match):
        return None
    return finding(T_EXCLUDED_1203_4A_D, "PC 1203.4a(d)", offense=_label(key))


def excluded_from_1203_4a_42002_1(key: CountKey, match: OffenseMatch) -> Reason | None:
    """PC 1203.4a(d)(2): a misdemeanor within VC 42002.1 (see ``excluded_vc_42002_1_misdemeanor``
    for what that reaches)."""
    if match.offense is None or not match.offense.vc_42002_1:
        return None
    if not _as_misdemeanor(key, match):
        return None
    return finding(T_EXCLUDED_42002_1_4A, "PC 1203.4a(d)(2); VC 42002.1", offense=_label(key))


def excluded_from_1203_4a_42001(key: CountKey, match: OffenseMatch) -> Reason | None:
    """PC 1203.4a(d)(3): an infraction within VC 42001."""
    if match.offense is None or not match.offense.vc_42001_infraction:
        return None
    if key.count.level is not Level.INFRACTION:
        return None
    return finding(T_EXCLUDED_42001_4A, "PC 1203.4a(d)(3); VC 42001", offense=_label(key))


def excluded_registrant_after_prison(key: CountKey, match: OffenseMatch) -> Reason | None:
    """PC 1203.41 after a state prison sentence (SB 731) is for a conviction that "does not
    require registration" under PC 290: decided count by count, so a registrable count does not
    take the other counts' relief away (A_REGISTRATION_UNEXPLAINED when the registrable count is
    not known)."""
    if key.sentence is not Sentence.STATE_PRISON:
        return None
    registrable = match.offense is not None and match.offense.registrable_290
    if not (registrable or key.registrant_unexplained):
        return None
    return finding(T_EXCLUDED_REGISTRANT, "PC 1203.41(a)(1)", offense=_label(key))


T_DIVERSION_BEFORE_1997 = gettext_noop(
    "%(offense)s: PC 1203.43 reaches deferred entry of judgment granted on or after 1 January "
    "1997. Before then PC 1000 was pretrial diversion, which PC 1203.43 does not cover."
)


def excluded_diversion_before_1997(key: CountKey, match: OffenseMatch) -> Reason | None:
    """PC 1203.43(b) names DEJ "granted ... on or after January 1, 1997"; the 1996 amendment of
    PC 1000 replaced pretrial diversion (no plea) with DEJ (a plea, judgment deferred)."""
    if not key.dej_before_1997:
        return None
    return finding(T_DIVERSION_BEFORE_1997, "PC 1203.43(b)", offense=_label(key))


EXCLUSION_RULES: dict[Remedy, tuple[ExclusionRule, ...]] = {
    Remedy.PC_1203_4: (excluded_by_1203_4b, excluded_vc_42002_1_misdemeanor),
    Remedy.PC_1203_4A: (
        excluded_from_1203_4a_288c,
        excluded_from_1203_4a_42002_1,
        excluded_from_1203_4a_42001,
    ),
    Remedy.PC_1203_41: (excluded_registrant_after_prison,),
    Remedy.PC_1203_42: (),
    Remedy.PC_1203_43: (excluded_diversion_before_1997,),
    Remedy.PC_1203_49: (),
}


# --- 1203.4(c): Vehicle Code offenses dismissed only in the interests of justice. ----------------

T_DISCRETIONARY_12810 = gettext_noop(
    "%(offense)s is a Vehicle Code offense listed in VC 12810(a)-(e): PC 1203.4 relief for it is "
    "only in the court's discretion, in the interests of justice."
)


def discretionary_vc_12810(key: CountKey, match: OffenseMatch) -> Reason | None:
    if match.offense is None or not match.offense.discretionary_vc_12810:
        return None
    return finding(T_DISCRETIONARY_12810, "PC 1203.4(c)(2)", offense=_label(key))


# --- PC 17(b): reduction of a wobbler felony to a misdemeanor. -----------------------------------

T_17B = gettext_noop(
    "%(offense)s is a wobbler felony and probation was granted without a prison term, so the "
    "court can be asked to reduce it to a misdemeanor."
)
T_17B_WOOD = gettext_noop(
    "%(offense)s is a wobbler, but a prison term was imposed and suspended before probation, so "
    "it cannot be reduced to a misdemeanor (People v. Wood (1998) 62 Cal.App.4th 1262)."
)


def _is_wobbler(key: CountKey, match: OffenseMatch) -> bool:
    """The count's ``wobbler`` answer, else the catalog. HS 11359 and 11360 were straight felonies
    before Prop 64 (9 November 2016); their route is HS 11361.8, not 17(b)."""
    if key.count.wobbler is not None:
        return key.count.wobbler
    offense = match.offense
    if offense is None or not offense.wobbler:
        return False
    return not (offense.straight_felony_before_prop_64 and key.before_prop_64)


def reduction_17b(key: CountKey, match: OffenseMatch) -> tuple[bool, Reason | None]:
    """17(b)(3) needs a wobbler felony and probation granted with imposition of sentence suspended.
    Not after state prison or a 1170(h) sentence, and not when a prison term was imposed."""
    if key.count.level is not Level.FELONY or key.sentence is not Sentence.PROBATION:
        return False, None
    if not _is_wobbler(key, match):
        return False, None
    if key.prison_term_suspended:
        return False, finding(T_17B_WOOD, "PC 17(b)(3)", offense=_label(key))
    return True, finding(T_17B, "PC 17(b)(3)", offense=_label(key))


# --- PC 17(d)(2): reduction of a wobblette misdemeanor to an infraction. -------------------------

T_17D2 = gettext_noop(
    "%(offense)s is a misdemeanor that the law also lets be an infraction (PC 19.8), so the "
    "court can be asked to make it an infraction."
)


def reduction_17d2(key: CountKey, match: OffenseMatch) -> tuple[bool, Reason | None]:
    """PC 17(d)(2): an offense PC 19.8 lists "is an infraction ... when ... the court, with the
    consent of the defendant, determines that the offense is an infraction". A misdemeanor count
    the catalog flags as a wobblette; not after DEJ (the charges were dismissed, no conviction)."""
    if key.count.level is not Level.MISDEMEANOR:
        return False, None
    if key.sentence is Sentence.DEFERRED_ENTRY_OF_JUDGMENT:
        return False, None
    if match.offense is None or not match.offense.wobblette or match.attempt:
        return False, None
    return True, finding(T_17D2, "PC 17(d)(2); PC 19.8(a)", offense=_label(key))


# --- Putting one count together. -----------------------------------------------------------------


@lru_cache(maxsize=1 << 14)
def assess_count(
    count: Count,
    sentence: Sentence,
    trafficking_victim: bool,
    pre_realignment: bool,
    registrant_unexplained: bool,
    prison_term_suspended: bool,
    probation_as_of_right: bool,
    before_prop_64: bool,
    dej_before_1997: bool = False,
) -> CountAssessment:
    """The assessment of one count, cached on its arguments: every fact a count rule reads is an
    argument (``CountKey``), so the cache cannot answer for facts it did not see."""
    key = CountKey(
        count,
        sentence,
        trafficking_victim,
        pre_realignment,
        registrant_unexplained,
        prison_term_suspended,
        probation_as_of_right,
        before_prop_64,
        dej_before_1997,
    )
    match = match_offense(key.count.code, key.count.section)
    remedy: Remedy | None = None
    route = R_FELONY_NO_ROUTE
    for rule in ROUTE_RULES:
        found = rule(key, match)
        if found is not None:
            remedy, route = found
            break

    excluded: Reason | None = None if remedy is not None else R_FELONY_NO_ROUTE
    if remedy is not None:
        for exclusion in EXCLUSION_RULES[remedy]:
            excluded = exclusion(key, match)
            if excluded is not None:
                break

    only_discretionary = (
        discretionary_vc_12810(key, match)
        if remedy is Remedy.PC_1203_4 and excluded is None
        else None
    )
    reducible, reduction_reason = reduction_17b(key, match)
    infraction_ok, infraction_reason = reduction_17d2(key, match)
    # After DEJ the charges were dismissed: no conviction for Prop 47, Prop 64 or a certificate.
    convicted = sentence is not Sentence.DEFERRED_ENTRY_OF_JUDGMENT

    notes: list[Reason] = []
    if sentence is Sentence.STATE_PRISON and pre_realignment and _kept_in_prison(match):
        notes.append(finding(T_NOT_1170H, "PC 1203.42(a); PC 1170(h)(3)", offense=_label(key)))

    assumptions: list[str] = []
    offense = match.offense
    if registrant_unexplained and excluded is not None and remedy is Remedy.PC_1203_41:
        assumptions.append(A_REGISTRATION_UNEXPLAINED)
    if offense is None:
        assumptions.append(A_NOT_IN_CATALOG)
    else:
        if match.attempt and _listed_in_1203_4b(key, offense) and remedy is Remedy.PC_1203_4:
            assumptions.append(A_ATTEMPT)
        if remedy is Remedy.PC_1203_4A and offense.code == "VC":
            assumptions.append(A_1203_4A_EXCLUSIONS)
        if offense.verify:
            # The catalog's own open question about this entry; data, so not in the .po file.
            assumptions.append(verify_note(offense))

    return CountAssessment(
        remedy=remedy,
        route=route,
        excluded=excluded,
        discretionary_only=only_discretionary,
        reduction_17b=reducible,
        reduction_reason=reduction_reason,
        match=match,
        assumptions=tuple(assumptions),
        dismissable=remedy is not None and excluded is None,
        prop_47=convicted
        and offense is not None
        and offense.prop_47
        and key.count.level is Level.FELONY,
        prop_64=convicted and offense is not None and offense.prop_64,
        certificate_ok=convicted and _certificate_ok(key, offense),
        registrable=offense is not None and offense.registrable_290,
        clean_felony=offense is not None
        and not (offense.serious_1192_7c or offense.violent_667_5c or offense.registrable_290),
        notes=tuple(notes),
        reduction_17d2=infraction_ok,
        reduction_17d2_reason=infraction_reason,
    )


def _certificate_ok(key: CountKey, offense: Offense | None) -> bool:
    """PC 4852.01: felonies (and PC 290 misdemeanors), except the offenses it excludes
    (286(c), 288, 287(c), 288.5, 289(j))."""
    if offense is not None and offense.excluded_cert_rehab:
        return False
    return key.count.level is Level.FELONY or (offense is not None and offense.registrable_290)
