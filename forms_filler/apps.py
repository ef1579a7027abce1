from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsFillerConfig(AppConfig):
    name = "forms_filler"
    verbose_name = _("Packets")

    def ready(self) -> None:
        from eligibility.services import cases_erase_register

        from . import checks  # noqa: F401  (registers the system checks)
        from .erasure import packets_erase_for_cases

        # Removing a case, deleting an account and the stale-data purge erase the packets.
        cases_erase_register(packets_erase_for_cases)
