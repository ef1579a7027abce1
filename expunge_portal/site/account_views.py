from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from expunge_portal.accounts.forms import DeleteAccountForm

from .data_export import user_data_export
from .services import user_delete


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        user_delete(user=user)
        messages.success(request, _("Your account and everything in it have been deleted."))
        return redirect("site:home")
    return render(request, "account/delete_account.html", {"form": form})


@never_cache
@login_required
@require_safe
def export_data(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(user_data_export(user=request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-expunge-portal-data.json"'
    return response
