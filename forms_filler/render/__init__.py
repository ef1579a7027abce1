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
# pikepdf announces at INFO that its C++ log bridge is up.
logging.getLogger("pikepdf._core").setLevel(logging.WARNING)

import pikepdf  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.utils import translation  # noqa: E402
from weasyprint import CSS, HTML, Document  # noqa: E402
from weasyprint.pdf.metadata import DocumentMetadata  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

from .documents import Part, packet_parts, packet_title  # noqa: E402
from .inputs import CaseInput, CountInput, CountyNotes, PacketInput, Petitioner  # noqa: E402
from .official import (  # noqa: E402
    OFFICIAL_KINDS,
    OfficialForms,
    fill_form,
    fits_form_font,
    merge,
    official_forms,
)
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


def _parts(packet: PacketInput) -> list[Part]:
    with translation.override(packet.language):
        return packet_parts(packet)


def _part_html(part: Part) -> str:
    with translation.override(part.language):
        return render_to_string(part.template, part.context)


def packet_html(packet: PacketInput) -> list[tuple[Part, str]]:
    """Each part with its HTML, for debugging and for tests that inspect markup."""
    return [(part, _part_html(part)) for part in _parts(packet)]


def _layout(parts: list[Part], url_fetcher: PacketURLFetcher | None) -> Iterator[Document]:
    stylesheet, font_config = _stylesheet(url_fetcher)
    fetcher = url_fetcher or PacketURLFetcher()
    for part in parts:
        yield HTML(string=_part_html(part), url_fetcher=fetcher).render(
            stylesheets=[stylesheet], font_config=font_config
        )


def layout_parts(
    packet: PacketInput, *, url_fetcher: PacketURLFetcher | None = None
) -> Iterator[tuple[Part, Document]]:
    """Each part laid out as its own document (so each court form counts its own pages), one at
    a time: the benchmark times them part by part."""
    parts = _parts(packet)
    yield from zip(parts, _layout(parts, url_fetcher), strict=True)


def render_packet_pdf(
    packet: PacketInput,
    *,
    url_fetcher: PacketURLFetcher | None = None,
    official: bool = True,
) -> bytes:
    """Render the whole packet to one PDF (US Letter, fonts embedded, text extractable).

    The parts' pages are joined into one document. With the operator's official forms
    (`OFFICIAL_FORMS_DIR`, see `official.py`) CR-180 and CR-181 are those forms filled, merged
    between WeasyPrint's pages, unless `official` is false. `url_fetcher` is for tests that
    record what was fetched.
    """
    if not packet.cases:
        raise ValueError("A packet needs at least one case.")
    parts = _parts(packet)
    forms = official_forms() if official else None
    if forms is not None and not fits_form_font(parts):
        # The official forms' font lacks some letter of the packet's text (e.g. Vietnamese):
        # their appearance would print "?" for it, so this packet keeps the rendition.
        forms = None
    laid_out = [part for part in parts if forms is None or part.kind not in OFFICIAL_KINDS]
    documents = list(_layout(laid_out, url_fetcher))
    combined = documents[0].copy([page for document in documents for page in document.pages])
    with translation.override(packet.language):
        title = packet_title(packet)
    combined.metadata = DocumentMetadata(title=title, lang=packet.language, generator=GENERATOR)
    if forms is None:
        return combined.write_pdf()
    return merge(combined.write_pdf(), _filled_forms(parts, documents, forms))


def _filled_forms(
    parts: list[Part], documents: list[Document], forms: OfficialForms
) -> list[tuple[int, pikepdf.Pdf]]:
    """Each filled official form with the packet page it starts on, parts in packet order."""
    inserts: list[tuple[int, pikepdf.Pdf]] = []
    laid_out = iter(documents)
    position = 0
    copies = dict.fromkeys(OFFICIAL_KINDS, 0)
    for part in parts:
        if part.kind in OFFICIAL_KINDS:
            form = fill_form(forms.path(part.kind), part.kind, part.context, copy=copies[part.kind])
            copies[part.kind] += 1
            inserts.append((position, form))
            position += len(form.pages)
        else:
            position += len(next(laid_out).pages)
    return inserts
