"""`manage.py load_court_data`: copy guide/data/courts.json into the county filing notes.

Run after deploying a commit that changes the file (migration 0006 ran it once). Notes that a
person has edited in the admin are kept as they are and listed, so staff can compare.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from expunge_portal.guide.court_data import CourtDataError, load_courts
from expunge_portal.guide.models import CountyFilingNote
from expunge_portal.guide.services import court_data_apply


class Command(BaseCommand):
    help = "Copy the shipped court data into the county filing notes (staff edits are kept)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            records = load_courts()
        except CourtDataError as error:
            raise CommandError(f"guide/data/courts.json: {error}") from error
        result = court_data_apply(
            records=records,
            note_model=CountyFilingNote,
            # History is registered in guide/translation.py, so the stubs do not see it.
            history_model=CountyFilingNote.history.model,  # type: ignore[attr-defined]
        )
        self.stdout.write(
            f"Court data: {len(result.created)} created, {len(result.updated)} updated, "
            f"{len(result.unchanged)} unchanged, {len(result.kept_staff_edits)} kept as staff "
            "edited them."
        )
        if result.kept_staff_edits:
            self.stdout.write("Kept staff edits: " + ", ".join(result.kept_staff_edits))
