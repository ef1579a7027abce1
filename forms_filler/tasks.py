"""Background work for packets, run by `manage.py db_worker` (django-tasks-db)."""

from django.tasks import task


@task
def render_packet_version(version_id: int) -> None:
    from .services import packet_version_render

    packet_version_render(version_id=version_id)
