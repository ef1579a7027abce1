import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, answer 503 with a friendly page instead of a 500,
    so people know to try again and load balancers back off. Connections recover by themselves
    (CONN_HEALTH_CHECKS) once the database is back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return database_unavailable_response(exception)


def database_unavailable_response(exception: BaseException | None) -> HttpResponse | None:
    """The 503 page when `exception` is a lost database connection, else None. Also called by
    the 500 handler: a connection lost inside another middleware (the session, the signed-in
    user, the language) never reaches process_exception, whose hook covers views only."""
    if not isinstance(exception, OperationalError | InterfaceError) or not _is_connection_error(
        exception
    ):
        return None
    logger.warning("Database unavailable: %s", exception)
    body = render_to_string("503.html", request=None)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    return response


def _is_connection_error(exception: OperationalError | InterfaceError) -> bool:
    from django.db import connection

    # A lost connection leaves Django's wrapper unusable; a query error (a bad lock, a constraint)
    # keeps it usable and is a real bug that must surface as a 500.
    return connection.connection is None or not connection.is_usable()


class NoStoreMiddleware:
    """Every page the portal makes may show someone's record (their answers, their papers, a
    queue of other people's): no browser, shared computer or proxy keeps a copy. Static files
    are answered before this runs and stay cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_cache_control(response, no_store=True, private=True)
        return response


class RefuseNulInQueryMiddleware:
    """A NUL byte in a query string (a search box, an admin filter) is never a real search, and
    PostgreSQL refuses it in a query with a server error: answer 400 before any view runs.
    (Form fields refuse NUL bytes themselves, with an error next to the field.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return HttpResponseBadRequest()
        return self.get_response(request)
