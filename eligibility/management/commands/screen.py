"""``python manage.py screen INPUT [--as-of YYYY-MM-DD] [--output FILE]``: bulk screening.

The public contract is contracts/screening.md. This command only moves data: it streams case
objects out of a JSON array or JSON Lines input, hands each to the engine, and writes one JSON line
per case in input order. Memory stays flat: the input is read in chunks and each case is answered
and written before the next is read, except that one person's consecutive lines (``person``) are
held until that person's last line, then decided together.
"""

import gc
import json
import sys
from array import array
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eligibility.engine import (
    CaseError,
    CaseFacts,
    check_judgment_date,
    determine,
    determine_person,
    parse_case,
    parse_person,
)

CHUNK_CHARS = 1 << 16
# One case is a few hundred characters; a "case" this long means the array is broken, and
# buffering on would defeat the flat-memory promise.
MAX_CASE_CHARS = 1 << 24
FLUSH_LINES = 512
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
_WHITESPACE = " \t\r\n"


class UnreadableInput(Exception):
    """The input as a whole is not a JSON array or JSON Lines: exit status 2."""


def _as_of(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--as-of must be a date written YYYY-MM-DD, not {text!r}.") from None


def _read_array(stream: IO[str], buffer: str) -> Iterator[Any]:
    """Yield the elements of a JSON array one at a time, holding only a chunk or so in memory.

    ``raw_decode`` cannot tell a value cut off by the chunk boundary from a broken one, so on a
    failure (or a value that ends exactly at the buffer's end, such as a number) we read more and
    retry; only at the end of the input is a failure final."""
    decoder = json.JSONDecoder()
    decode = decoder.raw_decode
    pos = buffer.index("[") + 1
    at_eof = False
    expect_value = True  # after "[" or ","
    first = True
    while True:
        while pos < len(buffer) and buffer[pos] in _WHITESPACE:
            pos += 1
        if pos >= len(buffer) or (not at_eof and len(buffer) - pos < 2):
            if at_eof:
                if pos >= len(buffer):
                    raise UnreadableInput("the JSON array is not closed")
            else:
                chunk = stream.read(CHUNK_CHARS)
                at_eof = not chunk
                buffer = buffer[pos:] + chunk
                pos = 0
                continue
        char = buffer[pos]
        if char == "]" and (first or not expect_value):
            tail = buffer[pos + 1 :].strip(_WHITESPACE)
            if tail or (not at_eof and stream.read(CHUNK_CHARS).strip(_WHITESPACE)):
                raise UnreadableInput("text after the end of the JSON array")
            return
        if not expect_value:
            if char != ",":
                raise UnreadableInput("expected ',' or ']' between cases in the JSON array")
            pos += 1
            expect_value = True
            continue
        try:
            value, end = decode(buffer, pos)
        except json.JSONDecodeError as error:
            if at_eof:
                raise UnreadableInput(f"not valid JSON ({error.msg})") from None
            value, end = None, -1
        if end == -1 or (end >= len(buffer) and not at_eof):
            if len(buffer) - pos > MAX_CASE_CHARS:
                raise UnreadableInput("a case in the JSON array is not valid JSON")
            chunk = stream.read(CHUNK_CHARS)
            at_eof = not chunk
            buffer = buffer[pos:] + chunk
            pos = 0
            continue
        yield value
        pos = end
        expect_value = False
        first = False


def _read_lines(stream: "IO[str] | _Prepend", first_line: str) -> Iterator[Any]:
    """Yield one case per non-blank line. The first line must be JSON (else the input is not JSON
    Lines at all); a later line that is not JSON is that case's error, and the batch goes on."""
    number = 0
    lines = [first_line]
    for line in _chain(lines, stream):
        number += 1
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as error:
            if number == 1:
                raise UnreadableInput(f"line 1 is not valid JSON ({error.msg})") from None
            yield _BadLine(number, error.msg)


def _chain(first: list[str], rest: "IO[str] | _Prepend") -> Iterator[str]:
    yield from first
    yield from rest


class _BadLine:
    __slots__ = ("message", "number")

    def __init__(self, number: int, message: str) -> None:
        self.number = number
        self.message = message


def read_cases(stream: IO[str]) -> Iterator[Any]:
    """Yield each case object (or a ``_BadLine``) of a JSON array or JSON Lines input."""
    try:
        head = stream.read(CHUNK_CHARS)
    except UnicodeDecodeError:
        raise UnreadableInput("the input is not UTF-8 text") from None
    head = head.lstrip("\ufeff")
    stripped = head.lstrip(_WHITESPACE)
    while not stripped and head:
        head = stream.read(CHUNK_CHARS)
        stripped = head.lstrip(_WHITESPACE)
    if not stripped:
        raise UnreadableInput("the input is empty")
    if stripped[0] == "[":
        return _read_array(stream, stripped)
    if stripped[0] == "{":
        newline = stripped.find("\n")
        if newline == -1:
            rest = stream.readline()
            return _read_lines(stream, stripped + rest)
        # Hand the first buffered line over, then the rest of the buffer line by line.
        first = stripped[: newline + 1]
        buffered = stripped[newline + 1 :]
        return _read_lines(_Prepend(buffered, stream), first)
    raise UnreadableInput("the input is neither a JSON array nor JSON Lines")


class _Prepend:
    """A text stream that first yields the lines of ``buffered`` (the rest of the first chunk)."""

    def __init__(self, buffered: str, stream: IO[str]) -> None:
        self._buffered = buffered
        self._stream = stream

    def __iter__(self) -> Iterator[str]:
        buffered = self._buffered
        self._buffered = ""
        if buffered:
            lines = buffered.splitlines(keepends=True)
            last = lines.pop() if not lines[-1].endswith("\n") else ""
            yield from lines
            if last:
                yield last + self._stream.readline()
        yield from self._stream


_encode = json.JSONEncoder(separators=(",", ":")).encode


def _error(case: Any, field: str | None, message: str) -> str:
    case_id = case.get("id") if isinstance(case, dict) else None
    return _encode({"id": case_id, "error": {"field": field, "message": message}})


MSG_UNSCREENABLE = "This case could not be screened ({name})."
MSG_PERSON_REAPPEARS = (
    "This person's lines must be consecutive: the person appeared earlier, before another "
    "person's lines."
)


def _bad_line(line: _BadLine) -> str:
    return _error(None, None, f"Line {line.number} is not valid JSON ({line.message}).")


def screen_one(case: Any, as_of: date) -> str:
    """The result line (JSON, no newline) for one case decided alone: a determination or an
    error."""
    if isinstance(case, _BadLine):
        return _bad_line(case)
    try:
        return determine(parse_case(case), as_of=as_of).to_json()
    except CaseError as error:
        return _error(case, error.field, error.message)
    except Exception as error:  # a bug must not cost the clinic the rest of the batch
        return _error(case, None, MSG_UNSCREENABLE.format(name=type(error).__name__))


def screen_person(entries: list[Any], as_of: date) -> list[str]:
    """The result lines for one person's consecutive lines, decided together, in input order.
    An entry is a case object, or an error line already written (a line that names no person)."""
    lines: list[str] = []
    cases: list[CaseFacts] = []
    where: list[tuple[int, Any]] = []  # (position in ``lines``, case object) per case decided
    for entry in entries:
        if isinstance(entry, str):
            lines.append(entry)
            continue
        try:
            facts = parse_case(entry)
            check_judgment_date(facts, as_of)
        except CaseError as error:
            lines.append(_error(entry, error.field, error.message))
            continue
        where.append((len(lines), entry))
        lines.append("")
        cases.append(facts)
    try:
        results = [result.to_json() for result in determine_person(cases, as_of=as_of)]
    except Exception as error:  # a bug must not cost the clinic the rest of the batch
        name = type(error).__name__
        results = [_error(case, None, MSG_UNSCREENABLE.format(name=name)) for _, case in where]
    for (position, _), result in zip(where, results, strict=True):
        lines[position] = result
    return lines


class SeenPeople:
    """The people whose lines are over, kept as 64-bit hashes in an open-addressing table (about
    16 bytes a person, where a set of strings takes well over 100): the only memory the screener
    keeps per input, needed to tell a person who reappears. Two people whose names hash alike
    (odds about n² / 2⁶⁵) would be taken for one."""

    def __init__(self) -> None:
        self._slots = array("Q", bytes(8 * 1024))
        self._count = 0

    def add(self, person: str) -> bool:
        """Remember ``person``; False when they were already there."""
        key = (hash(person) & 0xFFFF_FFFF_FFFF_FFFF) or 1  # 0 marks an empty slot
        if not self._insert(self._slots, key):
            return False
        self._count += 1
        if self._count * 2 > len(self._slots):
            bigger = array("Q", bytes(16 * len(self._slots)))
            for old in self._slots:
                if old:
                    self._insert(bigger, old)
            self._slots = bigger
        return True

    @staticmethod
    def _insert(slots: array[int], key: int) -> bool:
        mask = len(slots) - 1
        index = key & mask
        while slots[index]:
            if slots[index] == key:
                return False
            index = (index + 1) & mask
        slots[index] = key
        return True


def screen_all(cases: Iterable[Any], as_of: date) -> Iterator[str]:
    """Result lines for every case object (or ``_BadLine``), in input order. Lines without
    ``person`` are decided alone; one person's consecutive lines are held and decided together.
    A line that names no valid person (not JSON, not an object, a bad ``person``) inside a
    person's lines does not end them."""
    seen = SeenPeople()
    person: str | None = None  # whose lines are being held
    held: list[Any] = []
    for case in cases:
        if isinstance(case, _BadLine) or type(case) is not dict:
            line = screen_one(case, as_of)
            if person is None:
                yield line
            else:
                held.append(line)
            continue
        try:
            owner = parse_person(case)
        except CaseError as error:
            line = _error(case, error.field, error.message)
            if person is None:
                yield line
            else:
                held.append(line)
            continue
        if owner is not None and owner == person:
            held.append(case)
            continue
        if person is not None:
            yield from screen_person(held, as_of)
            person, held = None, []
        if owner is None:
            yield screen_one(case, as_of)
        elif not seen.add(owner):
            yield _error(case, "person", MSG_PERSON_REAPPEARS)
        else:
            person, held = owner, [case]
    if person is not None:
        yield from screen_person(held, as_of)


class Command(BaseCommand):
    help = (
        "Screen cases for record clearance. INPUT is a JSON array or JSON Lines file of case "
        "objects, or - for standard input; writes one JSON result per line, in input order."
    )
    requires_system_checks: list[str] = []  # a batch tool: no database, no checks needed

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", help="a file of case objects, or - for standard input")
        parser.add_argument(
            "--as-of",
            type=str,
            default=None,
            help="the screening date, YYYY-MM-DD (default: today in America/Los_Angeles)",
        )
        parser.add_argument("--output", default=None, help="write results here, not stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        # Everything loaded so far (Django, the catalog) lives for the whole run: keep the cyclic
        # garbage collector from rescanning it for every batch of short-lived results.
        gc.freeze()
        # Results die young and free themselves by reference counting; collect cycles less often.
        gc.set_threshold(50_000, 20, 20)
        as_of = _as_of(options["as_of"]) if options["as_of"] else datetime.now(LOS_ANGELES).date()
        source = options["input"]
        try:
            if source == "-":
                stream: IO[str] = options.get("stdin") or sys.stdin
                self._screen(stream, as_of, options["output"])
            else:
                with open(source, encoding="utf-8") as stream:
                    self._screen(stream, as_of, options["output"])
        except OSError as error:
            raise CommandError(
                f"cannot read {source}: {error.strerror or error}", returncode=2
            ) from None
        except UnreadableInput as error:
            raise CommandError(f"cannot read {source}: {error}", returncode=2) from None

    def _screen(self, stream: IO[str], as_of: date, output: str | None) -> None:
        if output is None:
            self._write_all(stream, as_of, self.stdout)
            return
        with open(output, "w", encoding="utf-8") as out:
            self._write_all(stream, as_of, out)

    def _write_all(self, stream: IO[str], as_of: date, out: Any) -> None:
        pending: list[str] = []
        write = out.write
        try:
            for line in screen_all(read_cases(stream), as_of):
                pending.append(line)
                if len(pending) >= FLUSH_LINES:
                    write("\n".join(pending) + "\n")
                    pending.clear()
        except UnicodeDecodeError:
            raise UnreadableInput("the input is not UTF-8 text") from None
        finally:
            # Answers already computed are written even when the input breaks off later.
            if pending:
                write("\n".join(pending) + "\n")
