"""Writes for packets: asking for one, rendering a version, retrying, recovering, deleting files.

Review status changes live in forms_filler.review (one door per transition)."""

import logging
import os
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from eligibility.models import Case
from expunge_portal.accounts.models import User

from . import storage
from .models import Packet, PacketVersion, RenderStatus
from .packet_from_case import (
    NEEDS_NAME,
    NOT_CHECKED,
    PacketNotPossible,
    answers_fingerprint,
    packet_input_for_case,
    packet_language,
)

logger = logging.getLogger(__name__)

__all__ = [
    "PacketNotPossible",
    "RenderRefused",
    "max_render_attempts",
    "packet_files_delete_for_case",
    "packet_files_delete_for_user",
    "packet_request",
    "packet_version_render",
    "packet_version_retry",
    "recover_stuck_renders",
    "render_timeout",
    "version_is_stuck",
]

# Shown to the person: plain words, never a traceback (that goes to the log).
RENDER_FAILED_MESSAGE = gettext_noop("Something went wrong while making your papers.")
NOT_RETRYABLE = gettext_noop("These papers are not in a state that can be tried again.")
RENDER_INTERRUPTED_MESSAGE = gettext_noop("Making your papers was interrupted.")
RENDER_GAVE_UP_MESSAGE = gettext_noop(
    "We tried several times and could not make your papers. Please contact us."
)


RENDER_QUOTA_MESSAGE = gettext_noop(
    "You have made papers many times in the last hour. Please wait an hour, then try again. "
    "Your latest papers are still here."
)


def renders_per_hour() -> int:
    """How many new versions one person may have made in an hour (rendering is the costly
    part of the portal: an endless loop of changes could hold up everyone's papers)."""
    return int(getattr(settings, "PACKET_RENDERS_PER_HOUR", 10))


class RenderRefused(Exception):
    """A retry that is not possible now (not failed, or out of attempts)."""


def render_timeout() -> timedelta:
    """How long a render may stay "rendering" before its worker is presumed dead."""
    minutes = getattr(settings, "PACKET_RENDER_TIMEOUT_MINUTES", None)
    if minutes is None:
        minutes = int(os.environ.get("PACKET_RENDER_TIMEOUT_MINUTES", "10"))
    return timedelta(minutes=minutes)


def max_render_attempts() -> int:
    return int(getattr(settings, "PACKET_RENDER_MAX_ATTEMPTS", 3))


def version_is_stuck(version: PacketVersion) -> bool:
    return (
        version.status == RenderStatus.RENDERING
        and version.render_started_at is not None
        and version.render_started_at < timezone.now() - render_timeout()
    )


def _enqueue_on_commit(version_id: int) -> None:
    from .tasks import render_packet_version

    transaction.on_commit(lambda: render_packet_version.enqueue(version_id))


REUSABLE = (RenderStatus.QUEUED, RenderStatus.RENDERING, RenderStatus.READY)


@transaction.atomic
def packet_request(*, case: Case, user: User, language: str) -> PacketVersion:
    """The packet version for the case's current answers: the newest one when nothing changed,
    otherwise a new version queued for rendering (older versions are kept)."""
    if case.person.owner_id != user.pk:
        raise PermissionError("Only the person a case belongs to can ask for its papers.")
    if not case.person.full_name.strip():
        raise PacketNotPossible(NEEDS_NAME)
    if not case.determinations.exists():
        raise PacketNotPossible(NOT_CHECKED)
    packet, _ = Packet.objects.get_or_create(case=case)
    # Serialize two clicks (or two tabs) so they cannot both create version N+1.
    packet = Packet.objects.select_for_update().get(pk=packet.pk)
    language = packet_language(language)
    fingerprint = answers_fingerprint(case=case, language=language)
    newest = packet.versions.order_by("-number").first()
    if (
        newest is not None
        and newest.answers_fingerprint == fingerprint
        and newest.status in REUSABLE
        and not version_is_stuck(newest)
    ):
        return newest
    recent = PacketVersion.objects.filter(
        packet__case__person__owner=user, created_at__gte=timezone.now() - timedelta(hours=1)
    )
    if recent.count() >= renders_per_hour():
        raise PacketNotPossible(RENDER_QUOTA_MESSAGE)
    version = PacketVersion.objects.create(
        packet=packet,
        number=(newest.number + 1) if newest else 1,
        language=language,
        answers_fingerprint=fingerprint,
    )
    packet.save(update_fields=["updated_at"])
    _enqueue_on_commit(version.pk)
    return version


@dataclass(frozen=True)
class _Claim:
    version: PacketVersion
    attempt: int


def _claim(version_id: int) -> _Claim | None:
    """Mark a queued version rendering; None when another worker has it or it is done."""
    with transaction.atomic():
        version = (
            PacketVersion.objects.select_for_update()
            .select_related("packet__case__person")
            .filter(pk=version_id)
            .first()
        )
        if version is None or version.status != RenderStatus.QUEUED:
            return None
        if version.attempts >= max_render_attempts():
            version.status = RenderStatus.FAILED
            version.error = RENDER_GAVE_UP_MESSAGE
            version.save(update_fields=["status", "error"])
            return None
        version.status = RenderStatus.RENDERING
        version.attempts += 1
        version.render_started_at = timezone.now()
        version.error = ""
        version.save(update_fields=["status", "attempts", "render_started_at", "error"])
        return _Claim(version=version, attempt=version.attempts)


def _finish(claim: _Claim, **fields: object) -> bool:
    """Write the outcome only if this attempt still owns the version (a retry after a presumed
    dead worker may have started a newer attempt)."""
    with transaction.atomic():
        current = PacketVersion.objects.select_for_update().get(pk=claim.version.pk)
        if current.status != RenderStatus.RENDERING or current.attempts != claim.attempt:
            return False
        for name, value in fields.items():
            setattr(current, name, value)
        current.save(update_fields=list(fields))
        return True


def packet_version_render(*, version_id: int) -> None:
    """Render one version: PDF and page-1 preview into private storage, SHA-256 and size kept.
    Called by the background task; never raises for a rendering problem."""
    from .render import render_packet_pdf

    claim = _claim(version_id)
    if claim is None:
        return
    version = claim.version
    names: list[str] = []
    try:
        packet_input = packet_input_for_case(case=version.packet.case, language=version.language)
        pdf = render_packet_pdf(packet_input)
        preview = storage.first_page_png(pdf)
        names.append(storage.pdf_save(packet_id=version.packet_id, number=version.number, data=pdf))
        names.append(
            storage.preview_save(packet_id=version.packet_id, number=version.number, data=preview)
        )
    except PacketNotPossible as exc:
        storage.files_delete(names)
        _finish(claim, status=RenderStatus.FAILED, error=str(exc))
        return
    except Exception:
        logger.exception("Rendering packet version %s failed", version_id)
        storage.files_delete(names)
        last_try = claim.attempt >= max_render_attempts()
        _finish(
            claim,
            status=RenderStatus.FAILED,
            error=RENDER_GAVE_UP_MESSAGE if last_try else RENDER_FAILED_MESSAGE,
        )
        return
    finished = _finish(
        claim,
        status=RenderStatus.READY,
        file=names[0],
        preview=names[1],
        sha256=storage.sha256_hex(pdf),
        size=len(pdf),
        rendered_at=timezone.now(),
        error="",
    )
    if not finished:
        storage.files_delete(names)


def can_retry(version: PacketVersion) -> bool:
    failed = version.status == RenderStatus.FAILED or version_is_stuck(version)
    return failed and version.attempts < max_render_attempts()


@transaction.atomic
def packet_version_retry(*, version: PacketVersion, user: User) -> PacketVersion:
    """Queue a failed (or presumed dead) render again, within the attempt limit."""
    from expunge_portal.accounts.roles import is_clinic_staff

    version = (
        PacketVersion.objects.select_for_update()
        .select_related("packet__case__person")
        .get(pk=version.pk)
    )
    owner_id = version.packet.case.person.owner_id
    if owner_id != user.pk and not is_clinic_staff(user):
        raise PermissionError("Only the owner or clinic staff can retry a packet.")
    if not can_retry(version):
        if version.attempts >= max_render_attempts():
            raise RenderRefused(RENDER_GAVE_UP_MESSAGE)
        raise RenderRefused(
            gettext_noop("These papers are not in a state that can be tried again.")
        )
    version.status = RenderStatus.QUEUED
    version.error = ""
    version.save(update_fields=["status", "error"])
    _enqueue_on_commit(version.pk)
    return version


def recover_stuck_renders() -> tuple[int, int]:
    """Versions left "rendering" by a dead worker: queue them again while attempts remain,
    otherwise mark them failed. Returns (requeued, failed)."""
    requeued = failed = 0
    cutoff = timezone.now() - render_timeout()
    stuck_ids = list(
        PacketVersion.objects.filter(
            status=RenderStatus.RENDERING, render_started_at__lt=cutoff
        ).values_list("pk", flat=True)
    )
    for version_id in stuck_ids:
        with transaction.atomic():
            version = PacketVersion.objects.select_for_update().get(pk=version_id)
            if not version_is_stuck(version):
                continue
            if version.attempts < max_render_attempts():
                version.status = RenderStatus.QUEUED
                version.error = ""
                version.save(update_fields=["status", "error"])
                _enqueue_on_commit(version.pk)
                requeued += 1
            else:
                version.status = RenderStatus.FAILED
                version.error = RENDER_GAVE_UP_MESSAGE
                version.save(update_fields=["status", "error"])
                failed += 1
    return requeued, failed


def _version_file_names(versions: "list[PacketVersion]") -> list[str]:
    return [name for v in versions for name in (v.file.name, v.preview.name) if name]


def packet_files_delete_for_user(*, user: User) -> None:
    """Delete the stored PDFs and previews of every version of every packet of this account
    (before the rows go with the account)."""
    versions = list(PacketVersion.objects.filter(packet__case__person__owner=user))
    storage.files_delete(_version_file_names(versions))


def packet_files_delete_for_case(*, case: Case) -> None:
    versions = list(PacketVersion.objects.filter(packet__case=case))
    storage.files_delete(_version_file_names(versions))
