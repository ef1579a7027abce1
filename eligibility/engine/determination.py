"""What the engine concludes about one case, shaped like the screening.md result object."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    ELIGIBLE = "eligible"
    DISCRETIONARY = "discretionary"
    WAIT = "wait"
    BLOCKED = "blocked"
    NOT_ELIGIBLE = "not_eligible"


# Lower is better: the case outcome is the best outcome among its counts (screening.md).
OUTCOME_RANK: dict[Outcome, int] = {
    Outcome.ELIGIBLE: 0,
    Outcome.DISCRETIONARY: 1,
    Outcome.WAIT: 2,
    Outcome.BLOCKED: 3,
    Outcome.NOT_ELIGIBLE: 4,
}


@dataclass(frozen=True, slots=True)
class Reason:
    """A finding: English ``text`` (``template % params``) and the ``citation`` that decided it."""

    text: str
    citation: str
    template: str = ""
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CountResult:
    """The result for one count. ``reason_template``/``reason_params`` let the web translate."""

    code: str
    section: str
    level: str
    dismissable: bool
    reduction_17b: bool
    reason: str
    reason_template: str = ""
    reason_params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Determination:
    id: str
    outcome: Outcome
    remedy: str | None
    form_item: str | None
    eligible_on: date | None
    reduction_17b: bool
    automatic_relief_possible: bool
    counts: tuple[CountResult, ...]
    alternatives: tuple[str, ...]
    reasons: tuple[Reason, ...]
    assumptions: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The screening.md result object (dates as ISO strings), ready for ``json.dumps``."""
        return {
            "id": self.id,
            "outcome": self.outcome.value,
            "remedy": self.remedy,
            "form_item": self.form_item,
            "eligible_on": self.eligible_on.isoformat() if self.eligible_on else None,
            "reduction_17b": self.reduction_17b,
            "automatic_relief_possible": self.automatic_relief_possible,
            "counts": [
                {
                    "code": c.code,
                    "section": c.section,
                    "level": c.level,
                    "dismissable": c.dismissable,
                    "reduction_17b": c.reduction_17b,
                    "reason": c.reason,
                }
                for c in self.counts
            ],
            "alternatives": list(self.alternatives),
            "reasons": [{"text": r.text, "citation": r.citation} for r in self.reasons],
            "assumptions": list(self.assumptions),
        }
