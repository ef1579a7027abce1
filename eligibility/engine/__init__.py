"""The eligibility rules engine: a case's facts in, a determination out. Pure Python, no Django.

    facts = parse_case(case_dict)            # raises CaseError(field, message)
    result = determine(facts, as_of=date.today())
    result.to_dict()                          # the screening.md result object

See docs/eligibility.md for every rule, its citation and the assumptions the engine states.
"""

from .decide import determine
from .determination import CountResult, Determination, Outcome, Reason
from .facts import UNKNOWABLE_FIELDS, CaseFacts, Count, Level, Sentence
from .parse import CaseError, parse_case
from .version import ENGINE_VERSION

__all__ = [
    "ENGINE_VERSION",
    "UNKNOWABLE_FIELDS",
    "CaseError",
    "CaseFacts",
    "Count",
    "CountResult",
    "Determination",
    "Level",
    "Outcome",
    "Reason",
    "Sentence",
    "determine",
    "parse_case",
]
