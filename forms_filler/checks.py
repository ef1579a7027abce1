"""System checks for what packet rendering needs from the host, shown by runserver, the worker
and `manage.py check` (for operators, so in English like Django's own)."""

from django.core.checks import CheckMessage, Warning, register


def harfbuzz_subset_loaded() -> bool:
    from weasyprint.text import ffi

    return ffi.harfbuzz_subset is not None


@register("packets")
def font_subsetter(app_configs=None, **kwargs) -> list[CheckMessage]:
    """Without HarfBuzz's subsetter WeasyPrint falls back to fontTools, which works but makes every
    packet render take about 1.7 times as long (see docs/packets.md)."""
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
