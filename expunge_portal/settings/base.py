"""Settings for every environment. Production differs only through environment variables.

The README's "Configuration" table documents every variable read here.
"""

import base64
import os
import secrets
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .object_store import default_storage_setting

# Django's generic classes (ModelAdmin[User], BaseFormSet[CountForm]...) accept type arguments.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _development_secret_key() -> str:
    """A per-checkout key kept in var/, so sessions survive restarts; never committed."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def _development_packet_key() -> str:
    """A per-checkout Fernet key for packet files, kept in var/ beside the secret key."""
    path = VAR_DIR / "packet_encryption_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = _development_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "django.forms",  # lets our form templates override and extend Django's
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "formtools",
    "simple_history",
    "django_tasks_db",
    "expunge_portal.accounts",
    "expunge_portal.site",
    "expunge_portal.guide",
    "eligibility",
    "forms_filler",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, which answers static files itself (those may be cached).
    "expunge_portal.site.middleware.NoStoreMiddleware",
    "expunge_portal.site.middleware.RefuseNulInQueryMiddleware",
    "expunge_portal.site.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "expunge_portal.accounts.middleware.UserLanguageMiddleware",
    "eligibility.middleware.AnonymousWorkMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "expunge_portal.accounts.middleware.SessionLifetimeMiddleware",
    "expunge_portal.accounts.middleware.StaffMfaRequiredMiddleware",
    "expunge_portal.accounts.middleware.SharedComputerLogoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "expunge_portal.urls"
WSGI_APPLICATION = "expunge_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "expunge_portal.site.context_processors.site",
            ],
        },
    },
]

FORM_RENDERER = "expunge_portal.site.forms.PortalFormRenderer"

# --- Database -------------------------------------------------------------------------------
if "DATABASE_URL" not in os.environ:
    # The embedded SQLite default lives in var/, which a fresh clone does not have yet.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when REDIS_URL is set, otherwise the database (shared across workers). ---
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cache_entries",
        }
    }

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
SITE_ID = 1
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "expunge_portal.accounts.passwords.StaffMinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "site:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "site:home"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Expunge Portal] "
# Failed logins: 5 per 5 minutes per IP and per account (the admin logs in through this door too).
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.environ.get("LOGIN_FAILED_RATE_LIMIT", "5/5m/ip,5/5m/key"),
}
ACCOUNT_ADAPTER = "expunge_portal.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "expunge_portal.accounts.forms.SignupForm"}
# The login form offers "Remember me"; unticked, the session ends when the browser closes.
ACCOUNT_SESSION_REMEMBER = None
# Behind the TLS proxy every request comes from the proxy's address: the per-address login limit
# must read the client's address from the header the proxy sets, and only then (a client could
# write the header itself when nothing in front of the portal overwrites it).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("ALLAUTH_TRUSTED_CLIENT_IP_HEADER") or None
# Two-step sign-in: an authenticator app (TOTP) plus recovery codes. Required for staff roles
# (expunge_portal.accounts.middleware.StaffMfaRequiredMiddleware), optional for petitioners.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "Expunge Portal")
MFA_ADAPTER = "expunge_portal.accounts.adapter.MfaAdapter"
# Staff roles choose passwords of at least this many characters (everyone: the common-password
# list and the other validators above).
STAFF_PASSWORD_MIN_LENGTH = 12

# --- Email ----------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Expunge Portal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "expunge_portal.site.console_email.EmailBackend"}}

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "America/Los_Angeles"
USE_I18N = True
USE_TZ = True

# --- Static and private files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
# Packets are private: never under a public URL; served only through permission-checked views.
# Several hosts share one S3-compatible bucket (STORAGE_URL or S3_*); one host keeps a directory.
PRIVATE_STORAGE_ROOT = Path(os.environ.get("PRIVATE_STORAGE_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": default_storage_setting(os.environ, local_root=PRIVATE_STORAGE_ROOT),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Packet PDFs and previews are encrypted at rest (Fernet). Newest key first; older keys still
# decrypt until `manage.py rotate_packet_keys` re-encrypts everything. Without DEBUG the keys
# must come from the environment (system check forms_filler.E001).
PACKET_ENCRYPTION_KEYS = env_list("PACKET_ENCRYPTION_KEYS")
if not PACKET_ENCRYPTION_KEYS and DEBUG:
    PACKET_ENCRYPTION_KEYS = [_development_packet_key()]
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # forms here are text; nothing legitimate is bigger
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_HANDLERS = ["expunge_portal.site.uploads.RefuseFileUploads"]  # no form takes a file

# --- Background tasks -----------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Security -------------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Sessions: anonymous ones end when the browser closes; signed-in ones idle out (30 minutes for
# staff roles, 2 hours for petitioners) and end SESSION_COOKIE_AGE after sign-in whatever happens
# (accounts/middleware.SessionLifetimeMiddleware).
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_IDLE_SECONDS_STAFF = 30 * 60
SESSION_IDLE_SECONDS_PETITIONER = 2 * 60 * 60
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "expunge_portal.site.views.csrf_failure"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Product --------------------------------------------------------------------------------
CLINIC_NAME = os.environ.get("CLINIC_NAME", "Expunge Portal Clinic")
CLINIC_EMAIL = os.environ.get("CLINIC_EMAIL", "help@example.org")
CLINIC_PHONE = os.environ.get("CLINIC_PHONE", "")
# A directory holding the Judicial Council's cr180.pdf and cr181.pdf: packets then fill those
# forms instead of the rendition (forms_filler/render/official.py; check forms_filler.W003).
OFFICIAL_FORMS_DIR = os.environ.get("OFFICIAL_FORMS_DIR", "")
# New packet versions one person may have made per hour (forms_filler.services.packet_request).
PACKET_RENDERS_PER_HOUR = int(os.environ.get("PACKET_RENDERS_PER_HOUR", "10"))
# Drafts and sessions older than this are purged by `manage.py purge_stale_data`.
STALE_DATA_DAYS = int(os.environ.get("STALE_DATA_DAYS", "30"))
# A render still "rendering" after this many minutes is presumed dead (its worker was killed).
PACKET_RENDER_TIMEOUT_MINUTES = int(os.environ.get("PACKET_RENDER_TIMEOUT_MINUTES", "10"))
# Renders of one version (first try plus retries) before the person is asked to contact us.
PACKET_RENDER_MAX_ATTEMPTS = int(os.environ.get("PACKET_RENDER_MAX_ATTEMPTS", "3"))
