"""``python manage.py screen INPUT [--as-of YYYY-MM-DD] [--output FILE]``: bulk screening.

The public contract is contracts/screening.md. This command only moves data: it streams case
objects out of a JSON array or JSON Lines input, hands each to the engine, and writes one JSON line
per case in input order. Memory stays flat: the input is read in chunks and each case is answered
and written before the next is read.
"""

import gc
import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from typing import IO, Any
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError, CommandParser

from eligibility.engine import CaseError, determine, parse_case

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


def screen_one(case: Any, as_of: date) -> str:
    """The result line (JSON, no newline) for one input case: a determination or an error."""
    if isinstance(case, _BadLine):
        return _error(None, None, f"Line {case.number} is not valid JSON ({case.message}).")
    try:
        return determine(parse_case(case), as_of=as_of).to_json()
    except CaseError as error:
        return _error(case, error.field, error.message)
    except Exception as error:  # a bug must not cost the clinic the rest of the batch
        return _error(case, None, f"This case could not be screened ({type(error).__name__}).")


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
            for case in read_cases(stream):
                pending.append(screen_one(case, as_of))
                if len(pending) >= FLUSH_LINES:
                    write("\n".join(pending) + "\n")
                    pending.clear()
        except UnicodeDecodeError:
            raise UnreadableInput("the input is not UTF-8 text") from None
        finally:
            # Answers already computed are written even when the input breaks off later.
            if pending:
                write("\n".join(pending) + "\n")
