"""Validate one screening.md case object into ``CaseFacts``.

Decisions that are not spelled out by the contract (documented in docs/eligibility.md):
- a missing ``id`` is reported as a missing field, like any other required field;
- ``mandatory_supervision`` is only allowed with ``sentence: county_jail`` (the contract says
  "county_jail only"), and ``probation_terminated_early`` needs a ``sentence_end_date`` (the day
  of the order);
- a ``sentence_end_date`` before the ``judgment_date`` is impossible and rejected here;
- a judgment after the screening date is rejected by ``determine`` (only it knows the date).
"""

from dataclasses import fields
from datetime import date

from .facts import CaseFacts, Count, Level, Sentence
from .messages import gettext_noop


class CaseError(ValueError):
    """A case that cannot be screened: ``field`` is a dotted path such as ``counts[1].level``."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


MSG_NOT_OBJECT = gettext_noop("A case must be a JSON object.")
MSG_COUNT_NOT_OBJECT = gettext_noop("A count must be a JSON object.")
MSG_REQUIRED = gettext_noop("This field is required.")
MSG_UNKNOWN = gettext_noop("Unknown field (check the spelling).")
MSG_STRING = gettext_noop("Must be a non-empty string.")
MSG_BOOL = gettext_noop("Must be true or false.")
MSG_DATE = gettext_noop("Must be a real date written YYYY-MM-DD.")
MSG_DATE_OR_NULL = gettext_noop("Must be a real date written YYYY-MM-DD, or null.")
MSG_COUNTS = gettext_noop("Must be a list with at least one count.")
MSG_LEVEL = gettext_noop("Must be one of: felony, misdemeanor, infraction.")
MSG_SENTENCE = gettext_noop(
    "Must be one of: probation, no_probation, county_jail, state_prison, "
    "deferred_entry_of_judgment."
)
MSG_END_BEFORE_JUDGMENT = gettext_noop("The sentence cannot end before the judgment date.")
MSG_DISMISSAL_BEFORE_GRANT = gettext_noop(
    "The charges cannot have been dismissed before deferred entry of judgment was granted "
    "(judgment_date)."
)
MSG_SUPERVISION_ONLY_JAIL = gettext_noop("Only applies when the sentence is county_jail.")
MSG_EARLY_NEEDS_DATE = gettext_noop(
    "Give the date of the early termination order when probation_terminated_early is true."
)

_REQUIRED = ("id", "judgment_date", "counts", "sentence")
# CaseFacts' boolean fields in its field order (sentence_end_date sits after the second).
_BOOLEANS = tuple(
    field.name for field in fields(CaseFacts) if field.type is bool or field.type == "bool"
)
_BOOLEAN_DEFAULTS = tuple((name, name == "sentence_complied") for name in _BOOLEANS)
# "person" groups one person's cases (the screener reads it with ``parse_person``).
_ALLOWED = frozenset((*_REQUIRED, *_BOOLEANS, "sentence_end_date", "person"))
_COUNT_ALLOWED = frozenset(("code", "section", "level", "wobbler"))
_LEVELS = {level.value: level for level in Level}
_SENTENCES = {sentence.value: sentence for sentence in Sentence}


def _parse_date(value: object, field: str) -> date:
    # date.fromisoformat also accepts "20240101" and week dates; the contract says YYYY-MM-DD.
    if type(value) is not str or len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise CaseError(field, MSG_DATE)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CaseError(field, MSG_DATE) from None


def _flag(data: dict[str, object], name: str, default: bool) -> bool:
    value = data.get(name, default)
    if type(value) is not bool:
        raise CaseError(name, MSG_BOOL)
    return value


def _parse_string(value: object, field: str) -> str:
    if type(value) is not str or not value.strip():
        raise CaseError(field, MSG_STRING)
    return value.strip()


# Valid counts seen before, by their raw (key, value) pairs: bulk input repeats the same offenses,
# and a cache hit skips all of the checks below. Bounded so odd input cannot grow it forever.
_COUNT_CACHE: dict[tuple[tuple[str, object], ...], Count] = {}
_COUNT_CACHE_LIMIT = 1 << 14


def _parse_count(value: object, index: int) -> Count:
    if type(value) is dict:
        try:
            raw = tuple(value.items())
            cached = _COUNT_CACHE.get(raw)
        except TypeError:  # an unhashable value (a list, an object): let the checks report it
            raw, cached = None, None
        if cached is not None:
            return cached
        parsed = _check_count(value, index)
        if raw is not None and len(_COUNT_CACHE) < _COUNT_CACHE_LIMIT:
            _COUNT_CACHE[raw] = parsed
        return parsed
    return _check_count(value, index)


def _check_count(value: object, index: int) -> Count:
    where = f"counts[{index}]"
    if type(value) is not dict:
        raise CaseError(where, MSG_COUNT_NOT_OBJECT)
    if not value.keys() <= _COUNT_ALLOWED:
        raise CaseError(f"{where}.{min(value.keys() - _COUNT_ALLOWED)}", MSG_UNKNOWN)
    for name in ("code", "section", "level"):
        if name not in value:
            raise CaseError(f"{where}.{name}", MSG_REQUIRED)
    level = _LEVELS.get(value["level"]) if type(value["level"]) is str else None
    if level is None:
        raise CaseError(f"{where}.level", MSG_LEVEL)
    wobbler = value.get("wobbler")
    if wobbler is not None and type(wobbler) is not bool:
        raise CaseError(f"{where}.wobbler", MSG_BOOL)
    return Count(
        code=_parse_string(value["code"], f"{where}.code").upper(),
        section=_parse_string(value["section"], f"{where}.section"),
        level=level,
        wobbler=wobbler,
    )


def parse_person(data: object) -> str | None:
    """The case object's ``person`` (the caller's identifier of the person), or None when it has
    none. Raises ``CaseError("person", ...)`` unless it is a non-empty string."""
    if type(data) is not dict or "person" not in data:
        return None
    person = data["person"]
    if type(person) is not str or not person.strip():
        raise CaseError("person", MSG_STRING)
    return person


def parse_case(data: object) -> CaseFacts:
    """Validate a case object; raise ``CaseError`` naming the first field that is wrong."""
    if type(data) is not dict:
        raise CaseError(None, MSG_NOT_OBJECT)
    if not data.keys() <= _ALLOWED:
        raise CaseError(min(data.keys() - _ALLOWED), MSG_UNKNOWN)
    for name in _REQUIRED:
        if name not in data:
            raise CaseError(name, MSG_REQUIRED)

    case_id = data["id"]
    if type(case_id) is not str or not case_id:
        raise CaseError("id", MSG_STRING)
    parse_person(data)
    judgment_date = _parse_date(data["judgment_date"], "judgment_date")
    raw_counts = data["counts"]
    if type(raw_counts) is not list or not raw_counts:
        raise CaseError("counts", MSG_COUNTS)
    counts = tuple(_parse_count(item, index) for index, item in enumerate(raw_counts))
    raw_sentence = data["sentence"]
    sentence = _SENTENCES.get(raw_sentence) if type(raw_sentence) is str else None
    if sentence is None:
        raise CaseError("sentence", MSG_SENTENCE)

    end_date = data.get("sentence_end_date")
    if end_date is not None:
        if type(end_date) is not str:
            raise CaseError("sentence_end_date", MSG_DATE_OR_NULL)
        end_date = _parse_date(end_date, "sentence_end_date")
        if end_date < judgment_date:
            dej = sentence is Sentence.DEFERRED_ENTRY_OF_JUDGMENT
            message = MSG_DISMISSAL_BEFORE_GRANT if dej else MSG_END_BEFORE_JUDGMENT
            raise CaseError("sentence_end_date", message)

    # Positional, in CaseFacts' field order: the bulk screener builds one per input line.
    get = data.get
    flags = [get(name, default) for name, default in _BOOLEAN_DEFAULTS]
    for value in flags:
        if value is not True and value is not False:
            for name, default in _BOOLEAN_DEFAULTS:
                _flag(data, name, default)  # raises, naming the first wrong field
    (
        prison_term_suspended,
        mandatory_supervision,
        probation_terminated_early,
    ) = flags[:3]

    if mandatory_supervision and sentence is not Sentence.COUNTY_JAIL:
        raise CaseError("mandatory_supervision", MSG_SUPERVISION_ONLY_JAIL)
    if probation_terminated_early and end_date is None:
        raise CaseError("sentence_end_date", MSG_EARLY_NEEDS_DATE)

    return CaseFacts(
        case_id,
        judgment_date,
        counts,
        sentence,
        prison_term_suspended,
        mandatory_supervision,
        end_date,
        *flags[2:],
    )
