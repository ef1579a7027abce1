"""Search the whole database and every stored file for a person's details.

Tables come from the database's own catalogue (not from the models), so a table nobody thought
of is searched too; every column of every row is read as text. Session rows are decoded first,
and PDFs are searched in their extracted text as well (their streams are compressed). Packet files
are stored encrypted: each file is searched raw and, when the portal's key opens it, decrypted, so
the search finds what a thief holding the key would."""

import io
from pathlib import Path

from cryptography.fernet import InvalidToken
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.storage import default_storage
from django.db import connection
from pypdf import PdfReader
from pypdf.errors import PdfReadError, PdfStreamError

from forms_filler.storage import packet_fernet

PdfError = (PdfReadError, PdfStreamError)


def _as_text(value: object) -> str:
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return "" if value is None else str(value)


def database_hits(needles: list[str]) -> list[tuple[str, str]]:
    """(table, needle) for every row of every table that holds one of the needles."""
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                text = " ".join(_as_text(value) for value in row)
                if table == "django_session":
                    data = dict(zip(columns, row, strict=True))["session_data"]
                    text += " " + repr(SessionStore().decode(data))
                hits += [(table, needle) for needle in needles if needle.lower() in text.lower()]
    return hits


def _pdf_text(data: bytes) -> str:
    """The text of a PDF; a broken one (other tests leave cut-off files) is searched raw only."""
    try:
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    except PdfError:
        return ""


def storage_root() -> Path:
    return Path(default_storage.location)


def file_hits(needles: list[str]) -> list[tuple[str, str]]:
    """(path, needle) for every file under the storage root that holds one of the needles."""
    hits = []
    root = storage_root()
    for path in root.rglob("*") if root.exists() else []:
        if not path.is_file():
            continue
        data = path.read_bytes()
        text = data.decode("latin-1")
        try:
            data = packet_fernet().decrypt(data)
            text += data.decode("latin-1")
        except InvalidToken:
            pass
        if path.suffix == ".pdf":
            text += _pdf_text(data)
        hits += [(str(path), needle) for needle in needles if needle.lower() in text.lower()]
    return hits
