"""The one packet renderer: plain data in, PDF bytes out. The web task and `build_packet` share it.

    from forms_filler.render import render_packet_pdf
    pdf = render_packet_pdf(packet_input)

It reads no database and fetches nothing but our own CSS and fonts (see `url_fetcher`).
"""

import logging
import threading
from collections.abc import Iterator

# WeasyPrint logs every parsing and layout step at INFO, some while it is imported, and fontTools
# (its font subsetter when HarfBuzz's is missing) a line per font table; in a worker's log that is
# noise around real warnings, so this comes before the imports.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)

from django.template.loader import render_to_string  # noqa: E402
from django.utils import translation  # noqa: E402
from weasyprint import CSS, HTML, Document  # noqa: E402
from weasyprint.pdf.metadata import DocumentMetadata  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

from .documents import Part, packet_parts, packet_title  # noqa: E402
from .inputs import CaseInput, CountInput, CountyNotes, PacketInput, Petitioner  # noqa: E402
from .url_fetcher import PacketURLFetcher, asset_url  # noqa: E402

__all__ = [
    "CaseInput",
    "CountInput",
    "CountyNotes",
    "PacketInput",
    "Petitioner",
    "layout_parts",
    "packet_html",
    "render_packet_pdf",
]

GENERATOR = "Expunge Portal"
_local = threading.local()


def _stylesheet(
    url_fetcher: PacketURLFetcher | None,
) -> tuple[CSS, FontConfiguration]:
    """The packet stylesheet with its fonts loaded.

    Parsing it and loading four fonts costs about a tenth of a render, so each thread keeps one
    (WeasyPrint's font configuration is not shared between threads). A caller that brings its own
    fetcher, such as a test recording fetches, gets a fresh one that goes through that fetcher.
    """
    if url_fetcher is not None:
        font_config = FontConfiguration()
        css = CSS(url=asset_url("packet.css"), url_fetcher=url_fetcher, font_config=font_config)
        return css, font_config
    cached = getattr(_local, "stylesheet", None)
    if cached is None:
        font_config = FontConfiguration()
        css = CSS(
            url=asset_url("packet.css"), url_fetcher=PacketURLFetcher(), font_config=font_config
        )
        cached = _local.stylesheet = (css, font_config)
    return cached


def packet_html(packet: PacketInput) -> list[tuple[Part, str]]:
    """Each part with its HTML, for debugging and for tests that inspect markup."""
    with translation.override(packet.language):
        parts = packet_parts(packet)
    rendered: list[tuple[Part, str]] = []
    for part in parts:
        with translation.override(part.language):
            rendered.append((part, render_to_string(part.template, part.context)))
    return rendered


def layout_parts(
    packet: PacketInput, *, url_fetcher: PacketURLFetcher | None = None
) -> Iterator[tuple[Part, Document]]:
    """Each part laid out as its own document (so each court form counts its own pages), one at
    a time: the benchmark times them part by part."""
    stylesheet, font_config = _stylesheet(url_fetcher)
    fetcher = url_fetcher or PacketURLFetcher()
    for part, html in packet_html(packet):
        document = HTML(string=html, url_fetcher=fetcher).render(
            stylesheets=[stylesheet], font_config=font_config
        )
        yield part, document


def render_packet_pdf(packet: PacketInput, *, url_fetcher: PacketURLFetcher | None = None) -> bytes:
    """Render the whole packet to one PDF (US Letter, fonts embedded, text extractable).

    The parts' pages are joined into one document. `url_fetcher` is for tests that record what
    was fetched.
    """
    if not packet.cases:
        raise ValueError("A packet needs at least one case.")
    documents = [document for _part, document in layout_parts(packet, url_fetcher=url_fetcher)]
    combined = documents[0].copy([page for document in documents for page in document.pages])
    with translation.override(packet.language):
        title = packet_title(packet)
    combined.metadata = DocumentMetadata(title=title, lang=packet.language, generator=GENERATOR)
    return combined.write_pdf()
