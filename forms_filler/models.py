"""Packets (one per case), their rendered versions, and the clinic review around them.

Status changes go through forms_filler.services / forms_filler.review (one door each) and every
change writes an append-only ReviewEvent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from eligibility.models import Case


class ReviewStatus(models.TextChoices):
    NOT_SUBMITTED = "not_submitted", _("Not sent for review")
    SUBMITTED = "submitted", _("Sent for review")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    RESUBMITTED = "resubmitted", _("Sent again for review")
    APPROVED = "approved", _("Approved")
    FILED = "filed", _("Filed with the court")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Packet(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="packet")
    review_status = models.CharField(
        max_length=20,
        choices=ReviewStatus.choices,
        default=ReviewStatus.NOT_SUBMITTED,
        db_index=True,
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_packets",
    )
    submitted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # The person's language on the portal (their account's preferred language), recorded when
    # they send the papers and when they change it: the queue filters and shows it without
    # joining every packet to its case, person and account (review.packet_person_language_set).
    person_language = models.CharField(max_length=8, blank=True, default="", editable=False)
    # Set by "make the new papers and send them again": the version being made goes back to the
    # clinic as soon as it is ready.
    resend_when_ready = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("packet")
        verbose_name_plural = _("packets")
        permissions = [("review_packet", "Can review packets")]

    def __str__(self) -> str:
        return f"packet for {self.case}"

    @property
    def latest_version(self) -> "PacketVersion | None":
        # Reads through .all() so that a prefetch of "versions" (newest first) serves it.
        versions = list(self.versions.all())
        return versions[0] if versions else None


class RenderStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be made")
    RENDERING = "rendering", _("Being made")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Could not be made")


class PacketVersion(models.Model):
    """One rendering of a packet. A new version is made when the answers change; older ones
    are kept. Files live in private storage and are served only through checked views."""

    packet = models.ForeignKey(Packet, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(
        max_length=12, choices=RenderStatus.choices, default=RenderStatus.QUEUED, db_index=True
    )
    language = models.CharField(max_length=8, default="en")
    answers_fingerprint = models.CharField(max_length=64)
    # The answers the papers were made from (forms_filler.answer_changes), so a reviewer sees what
    # changed between versions as old -> new values.
    answers = models.JSONField(default=dict, blank=True)
    file = models.FileField(upload_to="packets/%Y/%m/", blank=True)
    preview = models.FileField(upload_to="previews/%Y/%m/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    render_started_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["packet", "number"], name="packet_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.packet} v{self.number} ({self.status})"


class ReviewEvent(models.Model):
    """Append-only: who changed a packet's review status, when, from what to what, and why.
    When the person's packets are erased the row stays as kind and time: no packet, version or
    message (forms_filler/erasure.py)."""

    packet = models.ForeignKey(
        Packet, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=ReviewStatus.choices)
    to_status = models.CharField(max_length=20, choices=ReviewStatus.choices)
    message = models.TextField(blank=True)
    # The version the person sent or staff decided on, so the trail says which papers were meant.
    version = models.ForeignKey(
        "PacketVersion", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        packet = self.packet or _("erased packet")
        return f"{packet}: {self.from_status} → {self.to_status}"


MESSAGE_MAX_LENGTH = 5000


class Message(models.Model):
    """A note on a packet: from staff to the person (shown to them, with an email notice), an
    internal note (staff only), or the person's reply (unread by staff until a reviewer opens the
    packet)."""

    packet = models.ForeignKey(Packet, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(max_length=MESSAGE_MAX_LENGTH)
    internal = models.BooleanField(default=False)
    from_person = models.BooleanField(default=False)
    # When a reviewer first opened the packet after the person's reply (replies only).
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["packet"],
                condition=models.Q(from_person=True, read_at__isnull=True),
                name="message_unread_reply_idx",
            )
        ]

    def __str__(self) -> str:
        return f"message on {self.packet}"


class ReminderKind(models.TextChoices):
    OPENS = "opens", _("The day the case can be filed")
    END_DATE = "end_date", _("The day the sentence or supervision was expected to end")


class Reminder(models.Model):
    """An email a person asked for about a case that cannot be filed yet. The email names no
    case; it only asks the person to sign in. Sent once: `sent_at` is claimed before sending."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=12, choices=ReminderKind.choices)
    due_on = models.DateField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Set when the person cancels it or follows the unsubscribe link.
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "due_on"], name="reminder_once_per_case_kind_date"
            )
        ]

    def __str__(self) -> str:
        return f"reminder {self.kind} {self.due_on} for {self.case}"


class PaperAccess(models.Model):
    """Append-only: a member of staff looked at a person's papers (the review page, the person's
    packet page, a download, a preview, a day's bundle). The person's record is private; every
    look is kept, as kind and time once the person's packets are erased."""

    class Kind(models.TextChoices):
        REVIEW_PAGE = "review_page", _("Review page")
        PACKET_PAGE = "packet_page", _("Packet page")
        DOWNLOAD = "download", _("Download")
        PREVIEW = "preview", _("Preview")
        DAY_BUNDLE = "day_bundle", _("Approved packets of a day")

    packet = models.ForeignKey(
        Packet, on_delete=models.SET_NULL, null=True, blank=True, related_name="accesses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    version_number = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        packet = self.packet or _("erased packet")
        return f"{self.user} viewed {packet} ({self.kind})"


class FileToDelete(models.Model):
    """A stored file whose deletion must wait for the object store to answer again (an account
    deleted during an outage). Only the object's name, made of the packet id, version number and
    content hash: nothing about the person. `recover_stuck_renders` deletes them."""

    name = models.CharField(max_length=255, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name
