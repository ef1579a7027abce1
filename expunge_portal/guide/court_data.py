"""The reviewed court data shipped in the repository (`data/courts.json`), read into typed records.

One entry per superior court. Every fact is either ``{"value", "source", "checked"}`` (the court
web page it was read on and the day) or the string ``"ask the clerk"``: nothing is guessed. The
file changes only through a reviewed commit (docs/guide.md); `services.court_data_apply` copies it
into the county filing notes, and `build_packet` reads it directly when there is no database.
"""

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from expunge_portal.counties import COUNTIES

DATA_PATH = Path(__file__).resolve().parent / "data" / "courts.json"
ASK_THE_CLERK = "ask the clerk"
FACT_NAMES = (
    "court_name", "street", "city", "zip", "phone", "self_help_url", "efiling", "mail_filing",
    "fees", "copies", "serves_da",
)  # fmt: skip
# Facts an entry may leave out (then "ask the clerk"), checked like the others when present.
OPTIONAL_FACT_NAMES = ("certificate_form",)
ZIP = re.compile(r"^9[0-6]\d{3}(-\d{4})?$")  # California ZIP codes run 90000-96199
SERVICE_VALUES = ("court_forwards", "petitioner_serves")
# The courts' own sites: the Judicial Council's courts.ca.gov (with each court's subdomain) and the
# courts that keep a domain of their own. A source elsewhere is not the court's word.
COURT_HOSTS = (
    "courts.ca.gov", "sdcourt.ca.gov", "saccourt.ca.gov", "occourts.org", "amadorcourt.org",
)  # fmt: skip

Service = Literal["court_forwards", "petitioner_serves"]


class CourtDataError(ValueError):
    """The shipped file breaks its own rules; the message names the county and the fact."""


@dataclass(frozen=True)
class Bilingual:
    en: str
    es: str

    def in_language(self, language: str) -> str:
        return self.es if language.startswith("es") else self.en


@dataclass(frozen=True)
class Fact[T]:
    """A checked fact, or (value None) "ask the clerk"."""

    value: T | None = None
    source: str = ""
    checked: date | None = None

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class CourtRecord:
    county: str
    court_name: Fact[str]
    street: Fact[str]
    city: Fact[str]
    zip: Fact[str]
    phone: Fact[str]
    self_help_url: Fact[str]
    efiling: Fact[bool]
    mail_filing: Fact[bool]
    fees: Fact[Bilingual]
    copies: Fact[Bilingual]
    serves_da: Fact[Service]
    # Which courthouse this is and why (or why none is named), when the court has several.
    courthouse_note: Bilingual | None = None
    # The court's own petition form for a certificate of rehabilitation (there is no statewide
    # Judicial Council form): its name and number as the court's page gives them. Optional in the
    # file; absent means "ask the clerk".
    certificate_form: Fact[str] = Fact()

    @property
    def has_address(self) -> bool:
        return self.street.known and self.city.known and self.zip.known

    def facts(self) -> dict[str, Fact[Any]]:
        return {name: getattr(self, name) for name in FACT_NAMES}


def is_court_source(url: str) -> bool:
    """A page on a California court's own site (courts.ca.gov or a court's own domain)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    own = host in COURT_HOSTS or host.endswith(tuple(f".{name}" for name in COURT_HOSTS))
    return parts.scheme in ("https", "http") and own


def _bilingual(raw: Any, where: str) -> Bilingual:
    if not isinstance(raw, dict) or set(raw) != {"en", "es"}:
        raise CourtDataError(f"{where}: must be an object with exactly 'en' and 'es' text.")
    english, spanish = raw["en"], raw["es"]
    if not (isinstance(english, str) and isinstance(spanish, str)):
        raise CourtDataError(f"{where}: 'en' and 'es' must be text.")
    if not english.strip() or not spanish.strip():
        raise CourtDataError(f"{where}: both languages are required.")
    return Bilingual(en=english.strip(), es=spanish.strip())


def _value(name: str, raw: Any, where: str) -> Any:
    if name in ("efiling", "mail_filing"):
        if not isinstance(raw, bool):
            raise CourtDataError(f"{where}: must be true or false.")
        return raw
    if name in ("fees", "copies"):
        return _bilingual(raw, where)
    if not isinstance(raw, str) or not raw.strip():
        raise CourtDataError(f"{where}: must be non-empty text.")
    value = raw.strip()
    if name == "zip" and not ZIP.match(value):
        raise CourtDataError(f"{where}: {value!r} is not a California ZIP code.")
    if name == "serves_da" and value not in SERVICE_VALUES:
        raise CourtDataError(f"{where}: must be one of {', '.join(SERVICE_VALUES)}.")
    if name == "self_help_url" and not is_court_source(value):
        raise CourtDataError(f"{where}: must be a court's own web address.")
    return value


def _fact(name: str, raw: Any, where: str) -> Fact[Any]:
    if raw == ASK_THE_CLERK:
        return Fact()
    if not isinstance(raw, dict) or set(raw) != {"value", "source", "checked"}:
        raise CourtDataError(
            f"{where}: must be {ASK_THE_CLERK!r} or an object with value, source and checked."
        )
    source = raw["source"]
    if not isinstance(source, str) or not is_court_source(source):
        raise CourtDataError(f"{where}.source: must be the court web page the fact was read on.")
    try:
        checked = date.fromisoformat(raw["checked"])
    except (TypeError, ValueError) as error:
        raise CourtDataError(f"{where}.checked: must be a date written YYYY-MM-DD.") from error
    return Fact(value=_value(name, raw["value"], f"{where}.value"), source=source, checked=checked)


def parse_courts(data: Any) -> dict[str, CourtRecord]:
    """The file's content as records by county; CourtDataError on anything out of shape."""
    entries = data.get("courts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CourtDataError("courts: must be a list with one entry per county.")
    records: dict[str, CourtRecord] = {}
    for index, entry in enumerate(entries):
        where = f"courts[{index}]"
        if not isinstance(entry, dict) or entry.get("county") not in COUNTIES:
            raise CourtDataError(f"{where}.county: must be one of California's 58 counties.")
        county = entry["county"]
        if county in records:
            raise CourtDataError(f"{where}.county: {county} appears twice.")
        unknown = set(entry) - {"county", "courthouse_note", *OPTIONAL_FACT_NAMES, *FACT_NAMES}
        if unknown:
            raise CourtDataError(f"{where}.{sorted(unknown)[0]}: unknown field.")
        missing = [name for name in FACT_NAMES if name not in entry]
        if missing:
            raise CourtDataError(f"{where}.{missing[0]}: missing (write {ASK_THE_CLERK!r}).")
        facts = {name: _fact(name, entry[name], f"{county}.{name}") for name in FACT_NAMES}
        note = entry.get("courthouse_note")
        optional = {
            name: _fact(name, entry.get(name, ASK_THE_CLERK), f"{county}.{name}")
            for name in OPTIONAL_FACT_NAMES
        }
        records[county] = CourtRecord(
            county=county,
            courthouse_note=_bilingual(note, f"{county}.courthouse_note") if note else None,
            **facts,
            **optional,
        )
    absent = [county for county in COUNTIES if county not in records]
    if absent:
        raise CourtDataError(f"courts: no entry for {absent[0]}.")
    return records


@lru_cache(maxsize=1)
def load_courts(path: Path = DATA_PATH) -> dict[str, CourtRecord]:
    """The shipped file, read and checked once per process."""
    with path.open(encoding="utf-8") as handle:
        return parse_courts(json.load(handle))


def court_record(*, county: str) -> CourtRecord | None:
    return load_courts().get(county)
