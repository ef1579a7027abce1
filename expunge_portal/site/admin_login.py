from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def admin_login(
    request: HttpRequest, extra_context: dict[str, object] | None = None
) -> HttpResponse:
    """The admin has no login form of its own: people sign in through the portal's
    rate-limited login, and signed-in people who are not admins are refused."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    if not request.user.is_authenticated:
        return redirect_to_login(next_url or reverse("admin:index"), reverse("account_login"))
    if not request.user.is_staff:
        raise PermissionDenied
    return redirect(next_url or "admin:index")
