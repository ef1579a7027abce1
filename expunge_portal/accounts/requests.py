"""The signed-in user of a request, typed as this project's User."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from .models import User


def signed_in_user(request: HttpRequest) -> User:
    """`request.user` for code that only signed-in people reach (behind `login_required` or a
    staff check): typed as User, and refused (403) should an anonymous request get there."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user
