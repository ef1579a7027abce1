"""What the engine concludes about one case, shaped like the screening.md result object."""

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NotRequired, TypedDict

_encode = json.JSONEncoder(separators=(",", ":")).encode
# JSON text of parts that recur from case to case (constant reasons, count results, assumption
# lists), keyed by the values themselves (so a key can never stand for different text) and tagged
# by kind. Reasons with dates are not cached; the cache is bounded by the number of distinct rule
# outcomes, and by _FRAGMENTS_LIMIT whatever the input.
_FRAGMENTS: dict[object, str] = {}
_FRAGMENTS_LIMIT = 1 << 16


def _fragment(key: object, build: Callable[[], object]) -> str:
    text = _FRAGMENTS.get(key)
    if text is None:
        text = _encode(build())
        if len(_FRAGMENTS) < _FRAGMENTS_LIMIT:
            _FRAGMENTS[key] = text
    return text


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
    reduction_17d2: bool = False  # PC 17(d)(2): a wobblette misdemeanor may become an infraction


class ReasonDict(TypedDict):
    text: str
    citation: str


class ResultDict(TypedDict):
    """The screening.md result object, as ``Determination.to_dict`` gives it."""

    id: str
    outcome: str
    remedy: str | None
    form_item: str | None
    eligible_on: str | None
    reduction_17b: bool
    reduction_17d2: bool
    automatic_relief_possible: bool
    counts: list[dict[str, str | bool]]
    alternatives: list[str]
    reasons: list[ReasonDict]
    assumptions: list[str]
    blocked_by: NotRequired[list[str]]


def _reason_dict(r: Reason) -> ReasonDict:
    return {"text": r.text, "citation": r.citation}


def _count_dict(c: CountResult) -> dict[str, str | bool]:
    """One count's result object."""
    return {
        "code": c.code,
        "section": c.section,
        "level": c.level,
        "dismissable": c.dismissable,
        "reduction_17b": c.reduction_17b,
        "reduction_17d2": c.reduction_17d2,
        "reason": c.reason,
    }


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
    # The ids of the person's other cases whose probation or sentence, still running, blocks this
    # one (``determine_person``); empty otherwise. In the result object only when not empty.
    blocked_by: tuple[str, ...] = ()
    # PC 17(d)(2): at least one misdemeanor count may be reduced to an infraction (CR-180 item 1's
    # last column and item 8).
    reduction_17d2: bool = False

    def to_dict(self) -> ResultDict:
        """The screening.md result object (dates as ISO strings), ready for ``json.dumps``."""
        result: ResultDict = {
            "id": self.id,
            "outcome": self.outcome.value,
            "remedy": self.remedy,
            "form_item": self.form_item,
            "eligible_on": self.eligible_on.isoformat() if self.eligible_on else None,
            "reduction_17b": self.reduction_17b,
            "reduction_17d2": self.reduction_17d2,
            "automatic_relief_possible": self.automatic_relief_possible,
            "counts": [_count_dict(c) for c in self.counts],
            "alternatives": list(self.alternatives),
            "reasons": [{"text": r.text, "citation": r.citation} for r in self.reasons],
            "assumptions": list(self.assumptions),
        }
        if self.blocked_by:
            result["blocked_by"] = list(self.blocked_by)
        return result

    def to_json(self) -> str:
        """``json.dumps(self.to_dict())`` in compact form, built from cached pieces: the bulk
        screener writes hundreds of thousands of these, and most pieces repeat."""
        counts = (
            "["
            + ",".join([_fragment(c, functools.partial(_count_dict, c)) for c in self.counts])
            + "]"
        )
        parts = []
        for r in self.reasons:
            if r.params:  # carries a date or a section: different for every case
                parts.append(_encode({"text": r.text, "citation": r.citation}))
                continue
            key = ("reason", r.text, r.citation)
            text = _FRAGMENTS.get(key)
            if text is None:
                text = _fragment(key, functools.partial(_reason_dict, r))
            parts.append(text)
        reasons = ",".join(parts)
        alternatives = _fragment(("list", self.alternatives), lambda: list(self.alternatives))
        assumptions = _fragment(("list", self.assumptions), lambda: list(self.assumptions))
        eligible_on = f'"{self.eligible_on.isoformat()}"' if self.eligible_on else "null"
        return (
            f'{{"id":{_encode(self.id)},"outcome":"{self.outcome.value}",'
            f'"remedy":{_encode(self.remedy)},"form_item":{_encode(self.form_item)},'
            f'"eligible_on":{eligible_on},'
            f'"reduction_17b":{"true" if self.reduction_17b else "false"},'
            f'"reduction_17d2":{"true" if self.reduction_17d2 else "false"},'
            f'"automatic_relief_possible":'
            f"{'true' if self.automatic_relief_possible else 'false'},"
            f'"counts":{counts},'
            f'"alternatives":{alternatives},'
            f'"reasons":[{reasons}],'
            f'"assumptions":{assumptions}'
            + (f',"blocked_by":{_encode(list(self.blocked_by))}}}' if self.blocked_by else "}")
        )
