"""Settings for the load benchmark only: production's settings plus a bare view on its own URL.

The bare view lives in bench/load/urls.py, mounted only through this module, so production's
URLconf stays clean. Cookies are not "Secure" because the benchmark speaks plain HTTP on
loopback (in production the TLS proxy is in front)."""

from expunge_portal.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.load.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
