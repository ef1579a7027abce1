from django.urls import path

from . import views

app_name = "forms_filler"

urlpatterns = [
    path("case/<int:case_id>/", views.packet, name="packet"),
    path("case/<int:case_id>/status/", views.packet_status, name="status"),
    path("case/<int:case_id>/retry/", views.packet_retry, name="retry"),
    path("case/<int:case_id>/details/", views.details, name="details"),
    path("case/<int:case_id>/statement/", views.statement, name="statement"),
    # The person's doors to review: one view, the URL naming the door.
    *(
        path(f"case/<int:case_id>/{door}/", views.packet_review_door, {"door": door}, name=door)
        for door in ("submit", "resubmit", "withdraw")
    ),
    path("case/<int:case_id>/resend/", views.packet_remake_and_resend, name="remake_and_resend"),
    path("case/<int:case_id>/reminder/", views.reminder_request, name="reminder"),
    path("case/<int:case_id>/reminder/cancel/", views.reminder_cancel, name="reminder_cancel"),
    path(
        "reminders/unsubscribe/<str:token>/",
        views.reminder_unsubscribe,
        name="reminder_unsubscribe",
    ),
    path("case/<int:case_id>/reply/", views.reply, name="reply"),
    path("case/<int:case_id>/v<int:number>/download/", views.version_download, name="download"),
    path("case/<int:case_id>/v<int:number>/preview.png", views.version_preview, name="preview"),
]
