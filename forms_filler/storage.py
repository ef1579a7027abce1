"""Where packet files live: the private default storage, never under a public URL.

Every name is derived from the packet, the version number and the content's SHA-256, so a file is
never overwritten by another version's and its name says which bytes it should hold."""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage

PREVIEW_WIDTH_PX = 900


def packet_storage() -> Storage:
    return default_storage


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pdf_save(*, packet_id: int, number: int, data: bytes) -> str:
    name = f"packets/{packet_id}/packet-v{number}-{sha256_hex(data)[:16]}.pdf"
    return packet_storage().save(name, ContentFile(data))


def preview_save(*, packet_id: int, number: int, data: bytes) -> str:
    name = f"previews/{packet_id}/packet-v{number}-{sha256_hex(data)[:16]}.png"
    return packet_storage().save(name, ContentFile(data))


def files_delete(names: list[str]) -> None:
    storage = packet_storage()
    for name in names:
        if name and storage.exists(name):
            storage.delete(name)


def first_page_png(pdf: bytes, *, width_px: int = PREVIEW_WIDTH_PX) -> bytes:
    """Page 1 as a PNG about ``width_px`` wide, for the preview shown before downloading."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        scale = width_px / page.get_width()
        image = page.render(scale=scale).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()
    finally:
        document.close()
