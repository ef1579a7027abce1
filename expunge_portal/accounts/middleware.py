import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .roles import request_user_has_staff_role

# Unix times kept in a signed-in session: when it began, and when it was last used.
SIGNED_IN_AT_KEY = "signed_in_at"
LAST_SEEN_KEY = "last_seen_at"
# The last-seen time is written at most this often, so every page is not a session write.
LAST_SEEN_RESOLUTION_SECONDS = 60


class UserLanguageMiddleware:
    """A signed-in person's saved language applies when the browser has no language cookie yet,
    so the choice follows them to a new device. Runs after authentication and LocaleMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        saved = user.preferred_language if user.is_authenticated else ""
        use_saved = bool(saved) and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        if use_saved:
            translation.activate(saved)
            request.LANGUAGE_CODE = saved
        response = self.get_response(request)
        if use_saved:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                saved,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]  # "Lax" in settings
            )
        return response


def idle_limit_seconds(request: HttpRequest) -> int:
    if request_user_has_staff_role(request):
        return settings.SESSION_IDLE_SECONDS_STAFF
    return settings.SESSION_IDLE_SECONDS_PETITIONER


class SessionLifetimeMiddleware:
    """A signed-in session ends after a while unused (30 minutes for staff roles, 2 hours for
    petitioners) and SESSION_COOKIE_AGE after sign-in whatever happens. The next request is
    signed out and sent to log in again. Runs after authentication."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            expired = self._expired(request)
            if expired:
                logout(request)
                messages.info(
                    request, _("You were signed out because time ran out. Please log in again.")
                )
                return redirect_to_login(request.get_full_path(), reverse("account_login"))
        return self.get_response(request)

    def _expired(self, request: HttpRequest) -> bool:
        session = request.session
        now = int(time.time())
        signed_in_at = session.setdefault(SIGNED_IN_AT_KEY, now)
        last_seen = session.get(LAST_SEEN_KEY, now)
        if now - last_seen > idle_limit_seconds(request):
            return True
        if now - signed_in_at > settings.SESSION_COOKIE_AGE:
            return True
        if now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS or LAST_SEEN_KEY not in session:
            session[LAST_SEEN_KEY] = now
        return False


def _staff_only_prefixes() -> tuple[str, ...]:
    return (reverse("review:queue"), reverse("admin:index"))


class StaffMfaRequiredMiddleware:
    """Clinic staff, content editors and admins reach the review pages and the admin only once
    they have an authenticator app set up; until then they are sent to set it up. (Once set up,
    allauth asks for its code at every login.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.user.is_authenticated
            and request.path.startswith(_staff_only_prefixes())
            and request_user_has_staff_role(request)
            and not _has_totp(request)
        ):
            messages.info(
                request,
                _(
                    "Staff accounts need a second step to sign in. "
                    "Please set up an authenticator app first."
                ),
            )
            return redirect(
                reverse("mfa_activate_totp") + "?" + urlencode({"next": request.get_full_path()})
            )
        return self.get_response(request)


def _has_totp(request: HttpRequest) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user_id=request.user.pk, type=Authenticator.Type.TOTP
    ).exists()


# What a shared computer forgets when the person is done (logout, or "finish" without an account).
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


class SharedComputerLogoutMiddleware:
    """Logging out with "this is a shared computer" ticked also tells the browser to drop this
    site's cookies, storage and cache (Clear-Site-Data); the session itself always ends."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        shared = (
            request.method == "POST"
            and request.path == reverse("account_logout")
            and request.POST.get("shared_computer") == "on"
        )
        response = self.get_response(request)
        if shared:
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response
