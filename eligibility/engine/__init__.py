"""The eligibility rules engine: a case's facts in, a determination out. Pure Python, no Django.

    facts = parse_case(case_dict)            # raises CaseError(field, message)
    result = determine(facts, as_of=date.today())
    result.to_dict()                          # the screening.md result object

    # The certificate of rehabilitation's earliest filing day (PC 4852.01 ff.), for its route:
    finding = certificate_of_rehabilitation(facts, outcome=result.outcome, released_on=...,
                                            resident_since=..., as_of=date.today())

    # One person's cases, decided together (results in input order):
    results = determine_person([facts_a, facts_b], as_of=date.today(), person=PersonFacts())

See docs/eligibility.md for every rule, its citation and the assumptions the engine states.
"""

from .decide import check_judgment_date, determine
from .determination import CountResult, Determination, Outcome, Reason
from .facts import UNKNOWABLE_FIELDS, CaseFacts, Count, Level, PersonFacts, Sentence
from .parse import CaseError, parse_case, parse_person
from .person import determine_person
from .rules.certificate_of_rehabilitation import (
    CertificateFinding,
    CertificateStatus,
    certificate_of_rehabilitation,
)
from .version import ENGINE_VERSION

__all__ = [
    "ENGINE_VERSION",
    "UNKNOWABLE_FIELDS",
    "CaseError",
    "CaseFacts",
    "CertificateFinding",
    "CertificateStatus",
    "Count",
    "CountResult",
    "Determination",
    "Level",
    "Outcome",
    "PersonFacts",
    "Reason",
    "Sentence",
    "certificate_of_rehabilitation",
    "check_judgment_date",
    "determine",
    "determine_person",
    "parse_case",
    "parse_person",
]
