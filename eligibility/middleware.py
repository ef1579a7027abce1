from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .selectors import ANONYMOUS_PERSON_KEY, ANONYMOUS_WORK_KEY, WIZARD_SESSION_KEY


class AnonymousWorkMiddleware:
    """Answers given without an account belong to whoever gave them, not to whoever signs in
    next on the same browser. While anonymous, the session is marked as holding such answers;
    after a sign-in, pages wait until the person has said, on the carry-over page (which shows
    the name and case numbers), whether to add them to the account or discard them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if not request.user.is_authenticated:
            holds_answers = ANONYMOUS_PERSON_KEY in session or WIZARD_SESSION_KEY in session
            if holds_answers and not session.get(ANONYMOUS_WORK_KEY):
                session[ANONYMOUS_WORK_KEY] = True
        elif session.get(ANONYMOUS_WORK_KEY) and _must_ask(request):
            carry_over = reverse("eligibility:carry_over")
            return redirect(carry_over + "?" + urlencode({"next": request.get_full_path()}))
        return self.get_response(request)


def _must_ask(request: HttpRequest) -> bool:
    """Pages that show or change a person's records wait for the answer; the account pages
    (log out, two-step sign-in, ...) and the carry-over page itself do not."""
    exempt = (reverse("eligibility:carry_over"), "/accounts/", "/language/", "/static/")
    return request.method == "GET" and not request.path.startswith(exempt)
