"""Packets in the admin: visible for support, changed only through the services (one door per
status change), so nothing here edits a status, a file or the review trail."""

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from .models import Message, Packet, PacketVersion, PaperAccess, ReviewEvent


class ReadOnlyAdmin(admin.ModelAdmin[Model]):
    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class PacketVersionInline(admin.TabularInline[PacketVersion, Packet]):
    model = PacketVersion
    fields = ("number", "status", "language", "sha256", "size", "attempts", "error", "rendered_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Packet)
class PacketAdmin(ReadOnlyAdmin):
    list_display = ("pk", "case", "review_status", "assigned_to", "submitted_at", "updated_at")
    list_filter = ("review_status",)
    list_select_related = ("case", "assigned_to")
    search_fields = ("case__case_number", "case__person__full_name")
    readonly_fields = ("case", "review_status", "assigned_to", "submitted_at", "created_at")
    inlines = (PacketVersionInline,)


@admin.register(PacketVersion)
class PacketVersionAdmin(ReadOnlyAdmin):
    list_display = ("packet", "number", "status", "attempts", "created_at", "rendered_at")
    list_filter = ("status",)
    list_select_related = ("packet__case",)
    exclude = ("file", "preview")  # served only through the permission-checked views
    readonly_fields = (
        "packet", "number", "status", "language", "answers_fingerprint", "sha256", "size",
        "error", "attempts", "render_started_at", "created_at", "rendered_at",
    )  # fmt: skip


@admin.register(ReviewEvent)
class ReviewEventAdmin(ReadOnlyAdmin):
    list_display = ("packet", "from_status", "to_status", "actor", "created_at")
    list_filter = ("to_status",)
    list_select_related = ("packet__case", "actor")
    readonly_fields = ("packet", "actor", "from_status", "to_status", "message", "version")


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ("packet", "author", "internal", "from_person", "read_at", "created_at")
    list_filter = ("internal", "from_person")
    list_select_related = ("packet__case", "author")
    readonly_fields = (
        "packet", "author", "body", "internal", "from_person", "read_at", "created_at",
    )  # fmt: skip


@admin.register(PaperAccess)
class PaperAccessAdmin(ReadOnlyAdmin):
    """The trail of staff looks at people's papers, for an administrator's audit."""

    list_display = ("created_at", "user", "packet", "kind", "version_number")
    list_filter = ("kind",)
    list_select_related = ("packet__case", "user")
    search_fields = ("user__email",)
    readonly_fields = ("packet", "user", "kind", "version_number", "created_at")
