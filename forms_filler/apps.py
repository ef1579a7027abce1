from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsFillerConfig(AppConfig):
    name = "forms_filler"
    verbose_name = _("Packets")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
