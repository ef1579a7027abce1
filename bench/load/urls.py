"""The project's URLs plus /bench/bare/, the baseline: the same middleware stack, no template,
no query of its own."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from expunge_portal.urls import handler403, handler404, handler500, urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *urlpatterns]
