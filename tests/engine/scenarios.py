"""Building blocks for the scenario table: a screening.md case dict with sensible defaults."""

from datetime import date
from typing import Any

AS_OF = date(2025, 6, 15)


def count(code: str, section: str, level: str, wobbler: bool | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"code": code, "section": section, "level": level}
    if wobbler is not None:
        found["wobbler"] = wobbler
    return found


MISD_THEFT = count("PC", "484(a)", "misdemeanor")
FELONY_GRAND_THEFT = count("PC", "487(a)", "felony")
FELONY_SALE = count("HS", "11379", "felony")


def case(*counts: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A probation case with one misdemeanor theft, completed well before AS_OF, unless told."""
    data: dict[str, Any] = {
        "id": "case-1",
        "judgment_date": "2020-01-15",
        "counts": list(counts) or [MISD_THEFT],
        "sentence": "probation",
        "sentence_end_date": "2023-01-15",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not ...}


FELONY_POSSESSION = count("HS", "11350", "felony")


def dej(*counts: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """Deferred entry of judgment granted under former PC 1000 (``judgment_date`` is the day it
    was granted) and the charges dismissed on ``sentence_end_date``, unless told."""
    data: dict[str, Any] = {
        "judgment_date": "2019-03-01",
        "sentence": "deferred_entry_of_judgment",
        "sentence_end_date": "2021-03-01",
    }
    data.update(fields)
    return case(*(counts or (FELONY_POSSESSION,)), **data)
