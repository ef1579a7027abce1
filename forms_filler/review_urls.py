from django.urls import path

from . import review_views

app_name = "review"

urlpatterns = [
    path("", review_views.queue, name="queue"),
    path("packets/<int:packet_id>/", review_views.packet_detail, name="packet"),
    path("packets/<int:packet_id>/action/", review_views.packet_action, name="action"),
    path("packets/<int:packet_id>/assign/", review_views.packet_assign, name="assign"),
    path("packets/<int:packet_id>/messages/", review_views.packet_message, name="message"),
]
