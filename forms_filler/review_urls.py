from django.urls import path

from . import review_views

app_name = "review"

urlpatterns = [
    path("", review_views.queue, name="queue"),
    path("assign/", review_views.bulk_assign, name="bulk_assign"),
    path("export.csv", review_views.queue_export, name="export"),
    path("approved.zip", review_views.approved_day, name="approved_day"),
    path("packets/<int:packet_id>/", review_views.packet_detail, name="packet"),
    path("packets/<int:packet_id>/action/", review_views.packet_action, name="action"),
    path("packets/<int:packet_id>/assign/", review_views.packet_assign, name="assign"),
]
