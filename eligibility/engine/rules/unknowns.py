"""The cautious reading of facts the person answered "I don't know" in the web interview.

The rule of thumb: assume the fact that gives the less favourable *route* (so we never promise a
right the person may not have), but do not block on an unknown status (serving a sentence,
supervision, pending charges): the person is told what we assumed and how to find out. Each
reading adds one fixed sentence to the determination's assumptions.
"""

from dataclasses import replace

from ..facts import UNKNOWABLE_FIELDS, CaseFacts
from ..messages import gettext_noop

# field -> (value the engine uses, assumption shown to the person and to staff)
CAUTIOUS_READINGS: dict[str, tuple[object, str]] = {
    "prison_term_suspended": (
        True,
        gettext_noop(
            "We assumed a prison term was imposed and suspended, which rules out a PC 17(b) "
            "reduction. If the court suspended imposition of sentence instead, you may ask for "
            "17(b); the sentencing minute order says which."
        ),
    ),
    "mandatory_supervision": (
        False,
        gettext_noop(
            "We assumed the county jail sentence had no mandatory supervision, which means the "
            "longer two-year wait. If it had, the wait is one year; the sentencing minute order "
            "says which."
        ),
    ),
    "sentence_end_date": (
        None,
        gettext_noop(
            "We do not know when the sentence ended, so we cannot give the date relief opens. "
            "The court's docket or the probation department can tell you the date."
        ),
    ),
    "probation_terminated_early": (
        False,
        gettext_noop(
            "We assumed probation was not terminated early. If the court ended it early, "
            "dismissal is a right (CR-180 item 2b); the court's docket shows any such order."
        ),
    ),
    "probation_violated": (
        True,
        gettext_noop(
            "We assumed probation was violated at some point, so the court would decide in the "
            "interests of justice. If there was never a violation, dismissal is a right; the "
            "court's docket shows any violation."
        ),
    ),
    "sentence_complied": (
        True,
        gettext_noop(
            "We assumed the sentence (fines other than restitution, jail, classes) was fully "
            "carried out, but not that probation's conditions were all met. If something is still "
            "owed or undone, finish it before filing; the court clerk can tell you."
        ),
    ),
    "new_conviction_since_judgment": (
        True,
        gettext_noop(
            "We assumed there may have been a new conviction since the judgment, so the court "
            "would decide in the interests of justice. Your state criminal record (from the "
            "Department of Justice) shows any."
        ),
    ),
    "on_supervision_now": (
        False,
        gettext_noop(
            "We assumed you are not on probation, parole or supervision now. If you are, you must "
            "wait until it ends or ask to end it early."
        ),
    ),
    "serving_sentence_now": (
        False,
        gettext_noop(
            "We assumed you are not serving a sentence now. If you are, you must wait until it is "
            "over."
        ),
    ),
    "pending_charges": (
        False,
        gettext_noop(
            "We assumed you have no pending charges. If you do, you must wait until they are "
            "resolved."
        ),
    ),
    "registrant": (
        False,
        gettext_noop(
            "We assumed this case does not require you to register as a sex offender (PC 290). "
            "If it does, relief after a state prison sentence is not available."
        ),
    ),
    "pre_realignment_1170h_eligible": (
        False,
        gettext_noop(
            "We assumed the prison sentence was not one that would now be served in county jail. "
            "If it was, and it was imposed before 1 October 2011, PC 1203.42 may apply; staff "
            "can check."
        ),
    ),
    "trafficking_victim": (
        False,
        gettext_noop(
            "We assumed the PC 647(b) conviction was not the result of being trafficked. If it "
            "was, PC 1203.49 offers stronger relief; a clinic can help."
        ),
    ),
}
assert CAUTIOUS_READINGS.keys() == UNKNOWABLE_FIELDS  # noqa: S101  (a mismatch is a code bug)


def apply_cautious_readings(facts: CaseFacts) -> tuple[CaseFacts, tuple[str, ...]]:
    """The facts with every unknown field replaced by its cautious value, and the assumptions."""
    unknown = facts.unknown
    if not unknown:
        return facts, ()
    strange = unknown - UNKNOWABLE_FIELDS
    if strange:
        raise ValueError(f"fields that cannot be unknown: {sorted(strange)}")
    ordered = [name for name in CAUTIOUS_READINGS if name in unknown]
    changes = {name: CAUTIOUS_READINGS[name][0] for name in ordered}
    # Each cautious value has its field's type (tests/engine/test_unknowns.py applies them all);
    # mypy cannot see that through the field names held as data.
    cautious = replace(facts, **changes)  # type: ignore[arg-type]
    return cautious, tuple(CAUTIOUS_READINGS[name][1] for name in ordered)
