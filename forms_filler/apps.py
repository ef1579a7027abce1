from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsFillerConfig(AppConfig):
    name = "forms_filler"
    verbose_name = _("Packets")

    def ready(self) -> None:
        from eligibility.services import case_file_cleanup_register, cases_erase_register

        from . import checks  # noqa: F401  (registers the system checks)
        from .erasure import packets_erase_for_cases
        from .services import packet_files_delete_for_case

        # Deleting a case (by its person, or the stale-data purge) removes its packet files.
        case_file_cleanup_register(packet_files_delete_for_case)
        # Erasing people (account deletion, the purge) erases their packets in bulk.
        cases_erase_register(packets_erase_for_cases)
