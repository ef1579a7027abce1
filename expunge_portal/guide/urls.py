from django.urls import path
from django.views.generic import TemplateView

app_name = "guide"

urlpatterns = [
    path("", TemplateView.as_view(template_name="site/home.html"), name="index"),
]
