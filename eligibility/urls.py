from django.urls import path, re_path

from . import views

app_name = "eligibility"

urlpatterns = [
    path("", views.start, name="start"),
    path("new/", views.new_case, name="new_case"),
    path("results/", views.results, name="results"),
    path("situation/", views.person_situation, name="situation"),
    path("carry-over/", views.carry_over, name="carry_over"),
    path("finish/", views.finish, name="finish"),
    path("cases/<int:case_id>/edit/", views.case_edit, name="case_edit"),
    path("cases/<int:case_id>/remove/", views.case_remove, name="case_remove"),
    re_path(r"^questions/(?P<step>[a-z-]+)/$", views.interview, name="step"),
]
