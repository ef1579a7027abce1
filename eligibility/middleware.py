from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .selectors import ANONYMOUS_PERSON_KEY
from .services import person_adopt_anonymous


class AdoptAnonymousCasesMiddleware:
    """Right after someone signs up or logs in, the cases they entered anonymously in this
    browser become theirs. (The session, and the key in it, survive the login.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and ANONYMOUS_PERSON_KEY in request.session:
            person_adopt_anonymous(user=request.user, session=request.session)
        return self.get_response(request)
