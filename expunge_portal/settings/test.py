"""Test settings: the base settings plus fast hashing and in-memory mail and cache."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-not-a-secret-" + "x" * 40)
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("PACKET_ENCRYPTION_KEYS", "dGVzdC1vbmx5LXBhY2tldC1rZXktbm90LXNlY3JldCE=")

from .base import *  # noqa: F403
from .base import VAR_DIR

_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # One directory per pytest-xdist worker: the privacy tests search every stored file.
        "OPTIONS": {"location": VAR_DIR / f"test-private-{_WORKER}", "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests of the official forms set this themselves; every other test sees the rendition.
OFFICIAL_FORMS_DIR = ""
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
