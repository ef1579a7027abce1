from django.urls import path

from . import account_views as views

app_name = "accounts"

urlpatterns = [
    path("delete/", views.delete_account, name="delete"),
    path("my-data/", views.export_data, name="export"),
]
