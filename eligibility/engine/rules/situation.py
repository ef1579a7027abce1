"""One case's facts as of the screening date, after the cautious reading of unknown answers."""

from dataclasses import dataclass
from datetime import date

from ..facts import CaseFacts
from .elsewhere import ALONE, Elsewhere

# PC 1203.42 covers prison sentences imposed before realignment took effect.
REALIGNMENT_DAY = date(2011, 10, 1)


@dataclass(slots=True)  # internal and short-lived: a plain init is much faster
class Situation:
    facts: CaseFacts
    as_of: date
    # The person did not know when the sentence ended: the opening date is unknown, but the
    # sentence is not taken to be still running.
    end_unknown: bool = False
    # What the person's other cases say about this one.
    elsewhere: Elsewhere = ALONE

    @property
    def pre_realignment(self) -> bool:
        return (
            self.facts.pre_realignment_1170h_eligible and self.facts.judgment_date < REALIGNMENT_DAY
        )

    def known_true(self, name: str) -> bool:
        """True only when the person said the fact is true (not merely "I don't know")."""
        return bool(getattr(self.facts, name)) and name not in self.facts.unknown
