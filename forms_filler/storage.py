"""Where packet files live: the private default storage (a local directory, or an S3-compatible
bucket shared by every host), never under a public URL, and always encrypted.

Every name is derived from the packet, the version number and the content's SHA-256, so a file is
never overwritten by another version's and its name says which bytes it should hold. The bytes
stored are a Fernet token (AES-128-CBC + HMAC-SHA256) of the PDF or PNG: a copied disk or bucket
reveals nothing, and a changed byte is detected on reading."""

import functools
import hashlib
import io
import logging

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage

logger = logging.getLogger(__name__)

PREVIEW_WIDTH_PX = 900


class StorageUnavailable(Exception):
    """The object store could not be reached or refused the request; worth trying again."""


class FileMissing(Exception):
    """No object under that name."""


class FileTampered(Exception):
    """The stored bytes are not a token made with any configured key: changed or damaged."""


def packet_storage() -> Storage:
    return default_storage


@functools.cache
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("PACKET_ENCRYPTION_KEYS must be set when DEBUG is off.")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def packet_fernet() -> MultiFernet:
    """The configured keys, newest first (the first encrypts; all of them decrypt)."""
    return _fernet_for(tuple(settings.PACKET_ENCRYPTION_KEYS))


def _store_errors() -> tuple[type[BaseException], ...]:
    """What a store raises when it is down or refuses: the disk's OSError, and botocore's."""
    from botocore.exceptions import (  # type: ignore[import-untyped]  # botocore has no types
        BotoCoreError,
        ClientError,
    )

    return (OSError, BotoCoreError, ClientError)


def _is_missing(exc: BaseException) -> bool:
    if isinstance(exc, FileNotFoundError):
        return True
    response = getattr(exc, "response", None)
    code = str(response.get("Error", {}).get("Code", "")) if isinstance(response, dict) else ""
    return code in {"404", "NoSuchKey", "NotFound"}


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _save(name: str, data: bytes) -> str:
    token = packet_fernet().encrypt(data)
    try:
        return packet_storage().save(name, ContentFile(token))
    except _store_errors() as exc:
        raise StorageUnavailable(f"Could not store {name}: {exc}") from exc


def pdf_save(*, packet_id: int, number: int, data: bytes) -> str:
    return _save(f"packets/{packet_id}/packet-v{number}-{sha256_hex(data)[:16]}.pdf", data)


def preview_save(*, packet_id: int, number: int, data: bytes) -> str:
    return _save(f"previews/{packet_id}/packet-v{number}-{sha256_hex(data)[:16]}.png", data)


def stored_bytes(name: str) -> bytes:
    """The raw (encrypted) object, as a copied disk or bucket would show it."""
    try:
        with packet_storage().open(name, "rb") as handle:
            return handle.read()
    except _store_errors() as exc:
        if _is_missing(exc):
            raise FileMissing(name) from exc
        raise StorageUnavailable(f"Could not read {name}: {exc}") from exc


def file_read(name: str) -> bytes:
    """The decrypted content of a stored packet file."""
    token = stored_bytes(name)
    try:
        return packet_fernet().decrypt(token)
    except InvalidToken as exc:
        logger.error("Packet file %s failed its integrity check", name)
        raise FileTampered(name) from exc


def file_reencrypt(name: str) -> str | None:
    """The object re-encrypted with the newest key, saved beside the old one: returns the new
    name (None when the object is missing). The caller points its row at the new name, then
    deletes the old object, so a crash in between never leaves a row without its file."""
    try:
        token = stored_bytes(name)
    except FileMissing:
        return None
    try:
        rotated = packet_fernet().rotate(token)
    except InvalidToken as exc:
        raise FileTampered(name) from exc
    try:
        return packet_storage().save(name, ContentFile(rotated))
    except _store_errors() as exc:
        raise StorageUnavailable(f"Could not rewrite {name}: {exc}") from exc


def files_delete(names: list[str]) -> None:
    """Delete the objects (their ciphertext); names already gone are fine."""
    storage = packet_storage()
    for name in names:
        if not name:
            continue
        try:
            storage.delete(name)
        except _store_errors() as exc:
            if not _is_missing(exc):
                raise StorageUnavailable(f"Could not delete {name}: {exc}") from exc


def first_page_png(pdf: bytes, *, width_px: int = PREVIEW_WIDTH_PX) -> bytes:
    """Page 1 as a PNG about ``width_px`` wide, for the preview shown before downloading.

    Saved without ``optimize``: Pillow's exhaustive filter search cost about 100 ms a packet for
    a file only modestly smaller (docs/packets.md)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        scale = width_px / page.get_width()
        image = page.render(scale=scale).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()
    finally:
        document.close()
