"""Whether a version's render is stuck or may be tried again: read by services and selectors.

The limits are settings (`PACKET_RENDER_TIMEOUT_MINUTES`, `PACKET_RENDER_MAX_ATTEMPTS`)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_noop

from .models import PacketVersion, RenderStatus

RENDER_INTERRUPTED_MESSAGE = gettext_noop("Making your papers was interrupted.")


def render_timeout() -> timedelta:
    """How long a render may stay "rendering" before its worker is presumed dead."""
    return timedelta(minutes=settings.PACKET_RENDER_TIMEOUT_MINUTES)


def max_render_attempts() -> int:
    return settings.PACKET_RENDER_MAX_ATTEMPTS


def version_is_stuck(version: PacketVersion) -> bool:
    return (
        version.status == RenderStatus.RENDERING
        and version.render_started_at is not None
        and version.render_started_at < timezone.now() - render_timeout()
    )


def can_retry(version: PacketVersion) -> bool:
    failed = version.status == RenderStatus.FAILED or version_is_stuck(version)
    return failed and version.attempts < max_render_attempts()
