"""`manage.py build_packet INPUT.json --output PACKET.pdf [--as-of] [--language]` (packet.md).

Exit 0 with the PDF written; exit 2 with a message naming the field when the input is invalid, and
then no file is written. Renders through the same `render_packet_pdf` the web's task uses.
"""

import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError, CommandParser

from forms_filler.packet_input import LANGUAGES, PacketInputError, packet_input_from_dict
from forms_filler.render import render_packet_pdf

INVALID_INPUT = 2
# The day a screening is "for" is a California day, whatever the server's clock zone.
CALIFORNIA = ZoneInfo("America/Los_Angeles")


def _as_of(value: str) -> date:
    if len(value) != 10:
        raise ValueError(value)
    return date.fromisoformat(value)


class Command(BaseCommand):
    help = "Render a packet (cover pages, CR-180, CR-181, attachments) for the cases in INPUT."
    # A batch tool that needs no database (it uses the county notes when one is there, and says
    # "ask the clerk" when not); the model checks would open one and fail on a fresh checkout,
    # where the SQLite file's folder does not exist yet.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", metavar="INPUT.json", help="the packet input (packet.md)")
        parser.add_argument("--output", required=True, metavar="PACKET.pdf")
        parser.add_argument(
            "--as-of", dest="as_of", metavar="YYYY-MM-DD", help="default: today in California"
        )
        parser.add_argument("--language", choices=LANGUAGES, default="en")

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        as_of = self._parse_as_of(options["as_of"])
        data = self._read_input(options["input"])
        if not output.parent.is_dir():
            raise CommandError(
                f"--output: the folder {output.parent} does not exist.", returncode=INVALID_INPUT
            )
        try:
            packet = packet_input_from_dict(data, as_of=as_of, language=options["language"])
        except PacketInputError as error:
            raise CommandError(str(error), returncode=INVALID_INPUT) from error
        # Always the rendition: the contract promises the boxes as ☒/☐ in the PDF's text, which
        # the official forms' own check boxes are not (docs/packets.md).
        pdf = render_packet_pdf(packet, official=False)
        self._write_atomically(output, pdf)
        self.stdout.write(f"Wrote {output} ({len(pdf):,} bytes, {len(packet.cases)} case(s)).")

    def _parse_as_of(self, value: str | None) -> date:
        if value is None:
            return datetime.now(CALIFORNIA).date()
        try:
            return _as_of(value)
        except ValueError as error:
            raise CommandError(
                "--as-of: Must be a real date written YYYY-MM-DD.", returncode=INVALID_INPUT
            ) from error

    def _read_input(self, path: str) -> Any:
        try:
            with open(path, encoding="utf-8") as handle:
                return json.load(handle)
        except OSError as error:
            raise CommandError(
                f"INPUT: cannot read {path}: {error.strerror}", returncode=INVALID_INPUT
            ) from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"INPUT: not JSON: {error}", returncode=INVALID_INPUT) from error

    def _write_atomically(self, output: Path, pdf: bytes) -> None:
        """Write beside the target and rename, so a failure never leaves half a PDF behind."""
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115  # closed before the rename
            dir=output.parent, prefix=f".{output.name}.", suffix=".part", delete=False
        )
        try:
            with handle:
                handle.write(pdf)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(handle.name, output)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise
