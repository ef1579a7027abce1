from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase

from .roles import request_user_is_clinic_staff


def clinic_staff_required[R: HttpResponseBase](view: Callable[..., R]) -> Callable[..., R]:
    """Anonymous people are sent to log in; signed-in people who are not staff get 403."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> R:
        if not request_user_is_clinic_staff(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
