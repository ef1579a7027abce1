"""Writes for packets: asking for one, rendering a version, retrying, recovering, deleting files.

Review status changes live in forms_filler.review (one door per transition)."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from eligibility.models import Case
from eligibility.presentation import FILABLE_OUTCOMES
from eligibility.selectors import latest_determination
from expunge_portal.accounts.models import User

from . import review, storage
from .answer_changes import answers_snapshot
from .models import Packet, PacketVersion, RenderStatus, ReviewStatus
from .packet_input import (
    NEEDS_NAME,
    NOT_CHECKED,
    PacketNotPossible,
    answers_fingerprint,
    packet_input_for_case,
    packet_language,
)
from .render_limits import can_retry, max_render_attempts, render_timeout, version_is_stuck

logger = logging.getLogger(__name__)

__all__ = [
    "PacketNotPossible",
    "RenderRefused",
    "case_is_filable",
    "packet_files_reencrypt",
    "packet_remake_and_resend",
    "packet_request",
    "packet_version_render",
    "packet_version_retry",
    "packets_person_language_set",
    "recover_stuck_renders",
]

# Shown to the person: plain words, never a traceback (that goes to the log).
RENDER_FAILED_MESSAGE = gettext_noop("Something went wrong while making your papers.")
RENDER_GAVE_UP_MESSAGE = gettext_noop(
    "We tried several times and could not make your papers. Please contact us."
)
# Why no papers can be made for a case that cannot be filed today, by the engine's outcome.
NOT_FILABLE = {
    "wait": gettext_noop(
        "This case cannot be filed yet, so we cannot make papers for it. Only time is missing: "
        "the page says from when."
    ),
    "blocked": gettext_noop(
        "This case cannot be filed while something going on now stands in the way, so we cannot "
        "make papers for it. The page says what must change first."
    ),
    "not_eligible": gettext_noop(
        "This conviction cannot be dismissed under these laws, so there are no papers to make."
    ),
}
STORE_UNAVAILABLE_MESSAGE = gettext_noop(
    "Our file storage is not answering right now. Your papers will be made as soon as it is back."
)
# How long a render waits before trying a store that was down again.
STORE_RETRY_DELAY = timedelta(seconds=30)


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


def _enqueue_on_commit(version_id: int, *, delay: timedelta | None = None) -> None:
    from .tasks import render_packet_version

    task = render_packet_version
    if delay is not None:
        if not task.get_backend().supports_defer:
            # Running it again at once would only meet the same outage; the version stays
            # queued and `recover_stuck_renders` sends it again.
            return
        task = task.using(run_after=timezone.now() + delay)
    transaction.on_commit(lambda: task.enqueue(version_id))


REUSABLE = (RenderStatus.QUEUED, RenderStatus.RENDERING, RenderStatus.READY)


def packets_person_language_set(*, user: User) -> int:
    """The person changed their language on the portal: their packets say so too, so that the
    review queue filters and shows it as their account does (Packet.person_language). Not a
    change to the papers: the packets' revision (updated_at) stays as it is."""
    return Packet.objects.filter(case__person__owner=user).update(
        person_language=user.preferred_language
    )


def case_is_filable(case: Case) -> bool:
    """Whether the case's latest screening says a petition can be filed today."""
    determination = latest_determination(case=case)
    return determination is not None and determination.outcome in FILABLE_OUTCOMES


@transaction.atomic
def packet_request(*, case: Case, user: User, language: str) -> PacketVersion:
    """The packet version for the case's current answers: the newest one when nothing changed,
    otherwise a new version queued for rendering (older versions are kept)."""
    if case.person.owner_id != user.pk:
        raise PermissionError("Only the person a case belongs to can ask for its papers.")
    if not case.person.full_name.strip():
        raise PacketNotPossible(NEEDS_NAME)
    determination = latest_determination(case=case)
    if determination is None:
        raise PacketNotPossible(NOT_CHECKED)
    if determination.outcome not in FILABLE_OUTCOMES:
        raise PacketNotPossible(NOT_FILABLE.get(determination.outcome, NOT_FILABLE["blocked"]))
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
        answers=answers_snapshot(case=case),
    )
    packet.save(update_fields=["updated_at"])
    _enqueue_on_commit(version.pk)
    return version


@transaction.atomic
@transaction.atomic
def packet_remake_and_resend(*, case: Case, user: User, language: str) -> PacketVersion:
    """The one door after the clinic asked for changes: papers for the current answers, sent
    back to the clinic now if they are ready, otherwise as soon as the worker has made them.
    One transaction, so the render (queued on commit) starts only once the wish to send is
    recorded."""
    version = packet_request(case=case, user=user, language=language)
    packet = Packet.objects.select_for_update().get(pk=version.packet_id)
    if packet.review_status != ReviewStatus.CHANGES_REQUESTED:
        raise review.ReviewRefused(
            gettext_noop("The clinic has not asked for changes to these papers.")
        )
    if version.status == RenderStatus.READY:
        review.packet_resubmit(packet=packet, user=user)
    else:
        packet.resend_when_ready = True
        packet.save(update_fields=["resend_when_ready", "updated_at"])
    return version


def _resend_if_asked(version: PacketVersion) -> None:
    """Send a just-made version to the clinic when the person asked for that (see above)."""
    with transaction.atomic():
        packet = (
            Packet.objects.select_for_update(of=("self",))  # the owner may be null (outer join)
            .select_related("case__person__owner")
            .get(pk=version.packet_id)
        )
        newest = packet.versions.order_by("-number").first()
        if not packet.resend_when_ready or newest is None or newest.pk != version.pk:
            return
        packet.resend_when_ready = False
        packet.save(update_fields=["resend_when_ready", "updated_at"])
        owner = packet.case.person.owner
        if owner is None or packet.review_status != ReviewStatus.CHANGES_REQUESTED:
            return
        try:
            review.packet_resubmit(packet=packet, user=owner)
        except review.ReviewRefused:
            # The papers are made either way; the person can still send them from their page.
            logger.warning("Could not send packet %s again after rendering", packet.pk)


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
    except storage.StorageUnavailable:
        logger.exception("Storing packet version %s failed; queued again", version_id)
        _requeue_after_store_outage(claim, names)
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
        return
    _resend_if_asked(version)


def _requeue_after_store_outage(claim: _Claim, names: list[str]) -> None:
    """The store was down: the packet goes back to the queue (the attempt is not counted
    against it, the fault is not the packet's) and is tried again after a pause."""
    try:
        storage.files_delete(names)
    except storage.StorageUnavailable:
        logger.warning("Could not remove partial files %s of an interrupted render", names)
    with transaction.atomic():
        requeued = _finish(
            claim,
            status=RenderStatus.QUEUED,
            attempts=claim.attempt - 1,
            error=STORE_UNAVAILABLE_MESSAGE,
        )
        if requeued:
            _enqueue_on_commit(claim.version.pk, delay=STORE_RETRY_DELAY)


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
    otherwise mark them failed; versions waiting for the object store are sent again. Returns
    (requeued, failed)."""
    requeued = failed = 0
    cutoff = timezone.now() - render_timeout()
    stuck_ids = list(
        PacketVersion.objects.filter(
            status=RenderStatus.RENDERING, render_started_at__lt=cutoff
        ).values_list("pk", flat=True)
    )
    waiting_for_store = PacketVersion.objects.filter(
        status=RenderStatus.QUEUED, error=STORE_UNAVAILABLE_MESSAGE
    ).values_list("pk", flat=True)
    for version_id in waiting_for_store:
        _enqueue_on_commit(version_id)
        requeued += 1
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


@dataclass(frozen=True)
class RotationResult:
    rewritten: int
    missing: int
    damaged: list[str]


def packet_files_reencrypt() -> RotationResult:
    """Re-encrypt every stored packet file with the newest key in PACKET_ENCRYPTION_KEYS, so
    older keys can then be removed. Each row is pointed at its new object before the old one is
    deleted. Damaged files are listed, not touched."""
    rewritten = missing = 0
    damaged: list[str] = []
    version_ids = list(
        PacketVersion.objects.exclude(file="", preview="").values_list("pk", flat=True)
    )
    for version_id in version_ids:
        with transaction.atomic():
            version = PacketVersion.objects.select_for_update().filter(pk=version_id).first()
            if version is None:
                continue
            old_names: list[str] = []
            for field in ("file", "preview"):
                name = getattr(version, field).name
                if not name:
                    continue
                try:
                    new_name = storage.file_reencrypt(name)
                except storage.FileTampered:
                    damaged.append(name)
                    continue
                if new_name is None:
                    missing += 1
                    continue
                setattr(version, field, new_name)
                old_names.append(name)
                rewritten += 1
            version.save(update_fields=["file", "preview"])
        storage.files_delete(old_names)
    return RotationResult(rewritten=rewritten, missing=missing, damaged=damaged)
