"""System checks for what packet rendering needs from the host, shown by runserver, the worker
and `manage.py check` (for operators, so in English like Django's own)."""

from django.core.checks import CheckMessage, Warning, register


@register("packets")
def font_subsetter(app_configs: object = None, **kwargs: object) -> list[CheckMessage]:
    """Without HarfBuzz's subsetter packets still render, only slower (see docs/packets.md)."""
    # Imported when the check runs: loading WeasyPrint costs commands that never render.
    from .render.host import harfbuzz_subset_loaded

    if harfbuzz_subset_loaded():
        return []
    return [
        Warning(
            "The HarfBuzz subset library is missing, so packets render slowly.",
            hint=(
                "Install it with the system's package manager (Debian and Ubuntu: "
                "libharfbuzz-subset0); scripts/bootstrap does this when run as root."
            ),
            id="forms_filler.W001",
        )
    ]
