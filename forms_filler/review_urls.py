from django.urls import path
from django.views.generic import TemplateView

from expunge_portal.accounts.decorators import clinic_staff_required

app_name = "review"

urlpatterns = [
    path(
        "",
        clinic_staff_required(TemplateView.as_view(template_name="site/home.html")),
        name="queue",
    ),
]
