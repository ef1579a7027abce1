import sys

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import check_for_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django.views.i18n import set_language as django_set_language

from expunge_portal.accounts.requests import signed_in_user
from expunge_portal.accounts.services import user_set_language
from forms_filler.services import packets_person_language_set

from .middleware import database_unavailable_response


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "site/home.html")


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "site/privacy.html")


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    from eligibility.presentation import person_results
    from eligibility.selectors import cases_for_person, people_for_user
    from forms_filler.selectors import packets_for_user

    user = signed_in_user(request)
    person = people_for_user(user=user).first()
    cases = list(cases_for_person(person=person)) if person else []
    packets = {packet.case_id: packet for packet in packets_for_user(user=user)}
    rows = [(result, packets.get(result.case.pk)) for result in person_results(cases)]
    return render(request, "site/dashboard.html", {"person": person, "rows": rows})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, plus remembering the choice on the account (and on the person's
    packets, which the review queue filters by it)."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and check_for_language(language):
        user = signed_in_user(request)
        user_set_language(user=user, language=language)
        packets_person_language_set(user=user)
    return response


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A POST without a valid CSRF token: the styled 403 page (Django's own page carries an
    inline style that our Content-Security-Policy blocks, and names the internals)."""
    return render(request, "403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # Called while the exception is being handled: a lost database gets the 503 page instead.
    unavailable = database_unavailable_response(sys.exc_info()[1])
    if unavailable is not None:
        return unavailable
    # No context processors: whatever broke the page may break them too.
    return HttpResponse(render(None, "500.html").content, status=500)
