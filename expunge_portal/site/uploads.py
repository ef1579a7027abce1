"""Nothing in the portal takes a file, so no request may make the server store one."""

from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.core.files.uploadhandler import FileUploadHandler


class FileUploadRefused(SuspiciousOperation):
    """Answered with 400 (and logged on django.security) like any suspicious request."""


class RefuseFileUploads(FileUploadHandler):
    """Django's default handlers would spool any file part to a temporary file, however large
    (DATA_UPLOAD_MAX_MEMORY_SIZE counts only the other fields). This one refuses the request at
    the first file part, before a byte of it is kept."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        raise FileUploadRefused("File uploads are not accepted.")

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
