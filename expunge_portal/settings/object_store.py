"""Where packet files are kept, read from the environment: an S3-compatible bucket when one is
configured, otherwise a private local directory (the embedded default).

Plain functions of the environment (no Django import), so the parsing is tested on its own."""

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

S3_BACKEND = "storages.backends.s3.S3Storage"
FILESYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"


class StorageConfigError(ValueError):
    """The environment names an object store in a way that cannot work."""


def s3_options(environ: Mapping[str, str]) -> dict[str, object] | None:
    """django-storages S3 options from ``STORAGE_URL`` or the named ``S3_*`` variables; None
    when neither names a bucket.

    ``STORAGE_URL`` looks like ``s3://KEY:SECRET@host:port/bucket?region=us-west-2``; the scheme
    ``s3+http`` talks plain HTTP (a store on the same private network, e.g. MinIO in compose).
    """
    url = environ.get("STORAGE_URL", "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in {"s3", "s3+http"}:
            raise StorageConfigError("STORAGE_URL must start with s3:// or s3+http://")
        bucket = parts.path.strip("/")
        if not parts.hostname or not bucket or "/" in bucket:
            raise StorageConfigError("STORAGE_URL needs a host and one bucket: s3://host/bucket")
        protocol = "http" if parts.scheme == "s3+http" else "https"
        port = f":{parts.port}" if parts.port else ""
        endpoint = f"{protocol}://{parts.hostname}{port}"
        query = parse_qs(parts.query)
        region = query.get("region", [""])[0]
        access_key = unquote(parts.username or "")
        secret_key = unquote(parts.password or "")
    else:
        bucket = environ.get("S3_BUCKET", "").strip()
        if not bucket:
            return None
        endpoint = environ.get("S3_ENDPOINT_URL", "").strip()
        region = environ.get("S3_REGION", "").strip()
        access_key = environ.get("S3_ACCESS_KEY_ID", "").strip()
        secret_key = environ.get("S3_SECRET_ACCESS_KEY", "").strip()
    options: dict[str, object] = {
        "bucket_name": bucket,
        # Every object private; nothing is ever handed out by URL (files are encrypted and
        # streamed through the permission-checked views).
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
        # Path-style addressing works with AWS and with MinIO and other compatible stores.
        "addressing_style": "path",
    }
    if endpoint:
        options["endpoint_url"] = endpoint
    if region:
        options["region_name"] = region
    if access_key:
        options["access_key"] = access_key
    if secret_key:
        options["secret_key"] = secret_key
    return options


def default_storage_setting(environ: Mapping[str, str], *, local_root: Path) -> dict[str, object]:
    """The STORAGES["default"] entry: S3 when configured, else the private local directory."""
    options = s3_options(environ)
    if options is not None:
        return {"BACKEND": S3_BACKEND, "OPTIONS": options}
    return {"BACKEND": FILESYSTEM_BACKEND, "OPTIONS": {"location": local_root, "base_url": None}}
