"""Rows the bench seeders share (``load/seed.py``, ``purge_bench.py``): screened cases as the
interview stores them. Import after ``django.setup()``."""

import datetime
from collections.abc import Sequence
from typing import Any

from eligibility.engine.version import ENGINE_VERSION
from eligibility.models import Case, Count, Determination, Person

AS_OF = datetime.date(2025, 6, 15)


def screened_cases(
    people: Sequence[Person], *, cases_per_person: int = 1, counts_per_case: int = 1
) -> list[Case]:
    """For each person, probation cases that ended in 2022, each with petty theft counts (PC
    484(a), misdemeanor) and a stored "eligible" determination: three bulk inserts."""
    cases = Case.objects.bulk_create(
        Case(
            person=person,
            county="Sacramento",
            case_number=f"24CR{person.pk:06d}-{n}",
            judgment_date=datetime.date(2020, 1, 1),
            sentence="probation",
            sentence_ended=True,
            sentence_end_date=datetime.date(2022, 1, 1),
            probation_violated=False,
            latest_outcome="eligible",  # as eligibility.services.determination_record keeps it
        )
        for person in people
        for n in range(cases_per_person)
    )
    Count.objects.bulk_create(
        Count(
            case=case,
            position=position,
            typed="PC 484(a)",
            code="PC",
            section="484(a)",
            level="misdemeanor",
        )
        for case in cases
        for position in range(1, counts_per_case + 1)
    )
    result: dict[str, Any] = {"outcome": "eligible", "reasons": []}
    Determination.objects.bulk_create(
        Determination(
            case=case, engine_version=ENGINE_VERSION, as_of=AS_OF, outcome="eligible", result=result
        )
        for case in cases
    )
    return cases
