"""Plain data a packet is rendered from.

Rendering is a pure function of these values: no database, no engine, no network. The one
module that builds them, from stored cases or the `build_packet` JSON, is
`forms_filler/packet_input.py`.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Language = Literal["en", "es"]
Service = Literal["court_forwards", "petitioner_serves", "unknown"]
YesNo = Literal["yes", "no", "unknown"]

# The CR-180 items whose relief the court grants "in the interests of justice": a written
# statement helps there, so the packet attaches the person's declaration to these only.
DISCRETIONARY_FORM_ITEMS = frozenset({"2c", "3b", "4", "5a", "5b", "5c", "6"})


@dataclass(frozen=True)
class Petitioner:
    name: str
    street: str
    city: str
    state: str
    zip: str
    phone: str
    email: str


@dataclass(frozen=True)
class CountInput:
    code: str
    section: str
    level: str  # "felony", "misdemeanor" or "infraction"
    title: str  # plain-language offense title, for the cover page only (the form has no column)
    reduction_17b: bool
    # A wobblette misdemeanor that may become an infraction (PC 17(d)(2)): item 1's last column.
    reduction_17d2: bool = False
    # False for a count that no dismissal route covers (e.g. PC 1203.4(b) exclusions): item 1 then
    # leaves it out, because the petition asks relief only for the counts it can cover.
    dismissable: bool = True
    reason: str = ""


@dataclass(frozen=True)
class CountyNotes:
    """How one county's superior court takes these petitions, as staff recorded it.

    Every field is text to show as is. An empty field means nobody has recorded that practice:
    the cover page then tells the person to ask the clerk (in their language) rather than guess.
    Court address lines fill the caption only when known; otherwise the caption stays blank.
    """

    county: str
    court_name: str = ""
    where_to_file: str = ""
    copies: str = ""
    fees: str = ""
    service: Service = "unknown"
    service_note: str = ""
    local_rules: str = ""
    hearing: str = ""
    # False until staff have checked every line with the court: the cover page then says so.
    verified: bool = False
    court_street: str = ""
    court_mailing: str = ""
    court_city_zip: str = ""
    # The cover's court facts: empty or "unknown" means unchecked, and the cover says to ask.
    courthouse_note: str = ""
    clerk_phone: str = ""
    self_help_url: str = ""
    efiling: YesNo = "unknown"
    mail_filing: YesNo = "unknown"
    # The latest day any of this court's facts was checked against its web pages.
    checked_on: date | None = None

    @property
    def has_court_facts(self) -> bool:
        """Whether anything about the courthouse or how it takes filings has been checked, or a
        note says which courthouses there are (several, none named for petitions)."""
        return bool(
            self.court_street
            or self.court_city_zip
            or self.courthouse_note
            or self.clerk_phone
            or self.self_help_url
            or self.efiling != "unknown"
            or self.mail_filing != "unknown"
        )

    @classmethod
    def for_unknown_county(cls, county: str) -> "CountyNotes":
        """Notes for a county whose practice nobody has recorded yet: ask the clerk, never guess."""
        return cls(county=county)


@dataclass(frozen=True)
class CaseInput:
    county: str
    case_number: str
    judgment_date: date
    counts: tuple[CountInput, ...]
    determination: dict[str, Any]  # the screening.md result object
    county_notes: CountyNotes
    # CR-180 item 1's date of conviction: None is the judgment date (build_packet's input has
    # only that); unknown leaves item 1's date blank for the person to fill in.
    conviction_date: date | None = None
    conviction_date_unknown: bool = False
    # CR-180 item 7 (PC 1203.43): the day the charges were dismissed after deferred entry of
    # judgment; None leaves the date blank for the person to fill in.
    dej_dismissed_on: date | None = None

    @property
    def outcome(self) -> str:
        return str(self.determination.get("outcome") or "")

    @property
    def form_item(self) -> str | None:
        return self.determination.get("form_item")

    @property
    def is_petition(self) -> bool:
        return self.outcome != "not_eligible"

    @property
    def is_discretionary(self) -> bool:
        return self.outcome == "discretionary" or self.form_item in DISCRETIONARY_FORM_ITEMS

    @property
    def reduction_17d2(self) -> bool:
        return bool(self.determination.get("reduction_17d2")) or any(
            count.reduction_17d2 for count in self.counts
        )

    @property
    def reduction_17b(self) -> bool:
        return bool(self.determination.get("reduction_17b")) or any(
            count.reduction_17b for count in self.counts
        )


@dataclass(frozen=True)
class PacketInput:
    petitioner: Petitioner
    cases: tuple[CaseInput, ...]
    declaration: str  # may be empty: the person wrote no statement
    language: Language  # the cover pages' language; the court forms stay in English
    as_of: date
    # The declaration's language. Not English: it never goes into the form's writing space, and
    # the declaration page says so and asks for an English translation (Code Civ. Proc. § 185).
    declaration_language: Language = "en"
