"""Email notices about a packet. They say only that there is news and where to read it: no
offense, case number, court or name, because email is neither private nor certain to reach only
the person."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Packet

logger = logging.getLogger(__name__)

NOTICE_KINDS = ("status", "message")


def send_packet_notice(*, packet_id: int, kind: str) -> bool:
    """Email the packet's owner that there is a new status or message. Returns whether sent."""
    packet = Packet.objects.select_related("case__person__owner").filter(pk=packet_id).first()
    owner = packet.case.person.owner if packet else None
    if packet is None or owner is None or not owner.email or kind not in NOTICE_KINDS:
        return False
    url = settings.SITE_URL.rstrip("/") + reverse(
        "forms_filler:packet", kwargs={"case_id": packet.case_id}
    )
    language = owner.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"kind": kind, "url": url, "clinic_name": settings.CLINIC_NAME}
        subject = render_to_string("emails/packet_notice_subject.txt", context).strip()
        body = render_to_string("emails/packet_notice_body.txt", context)
    try:
        send_mail(subject, body, None, [owner.email])
    except Exception:
        # A mail outage must not undo the status change the person or staff just made.
        logger.exception("Could not send the packet notice for packet %s", packet_id)
        return False
    return True
