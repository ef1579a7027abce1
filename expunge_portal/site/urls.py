from django.urls import path

from . import views

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("my/", views.dashboard, name="dashboard"),
    path("language/", views.set_language, name="set_language"),
]
