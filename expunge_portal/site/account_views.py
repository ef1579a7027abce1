from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from expunge_portal.accounts.forms import DeleteAccountForm
from expunge_portal.accounts.requests import signed_in_user

from .data_export import user_data_export
from .services import user_delete


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        logout(request)
        user_delete(user=user)
        messages.success(request, _("Your account and everything in it have been deleted."))
        return redirect("site:home")
    return render(request, "account/delete_account.html", {"form": form})


@never_cache
@login_required
@require_safe
def export_data(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(
        user_data_export(user=signed_in_user(request)), json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="my-expunge-portal-data.json"'
    return response
