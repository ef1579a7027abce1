"""Writes for the guide: copying the shipped court data into the county filing notes."""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from .court_data import CourtRecord, Fact

CHANGE_REASON = "Loaded from guide/data/courts.json"


@dataclass
class CourtDataResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_staff_edits: list[str] = field(default_factory=list)


def _yes_no(fact: Fact[bool]) -> str:
    if not fact.known:
        return "unknown"
    return "yes" if fact.value else "no"


def court_note_values(record: CourtRecord) -> dict[str, Any]:
    """The filing-note columns one court record sets. Unchecked text facts are left out, so the
    note keeps its "ask the clerk" wording for them; unchecked short facts become empty."""
    values: dict[str, Any] = {
        "court_name": record.court_name.value
        or f"Superior Court of California, County of {record.county}",
        "court_street": record.street.value or "",
        "court_city": record.city.value or "",
        "court_zip": record.zip.value or "",
        "clerk_phone": record.phone.value or "",
        "self_help_url": record.self_help_url.value or "",
        "efiling": _yes_no(record.efiling),
        "mail_filing": _yes_no(record.mail_filing),
        "service_on_prosecutor": record.serves_da.value or "unknown",
        "fact_sources": {
            name: {"source": fact.source, "checked": fact.checked.isoformat()}
            for name, fact in record.facts().items()
            if fact.known and fact.checked
        },
    }
    note = record.courthouse_note
    values["courthouse_note"] = values["courthouse_note_en"] = note.en if note else ""
    values["courthouse_note_es"] = note.es if note else ""
    for name in ("fees", "copies"):
        text = getattr(record, name).value
        if text is not None:
            values[name] = values[f"{name}_en"] = text.en
            values[f"{name}_es"] = text.es
    # The court's name comes from the form's caption; "last checked" is about the court's practice.
    checked = [
        fact.checked
        for name, fact in record.facts().items()
        if fact.checked and name != "court_name"
    ]
    values["last_checked"] = max(checked) if checked else None
    return values


# The note and history models are either the real ones or a data migration's historical copies;
# no static type covers both, so they are typed Any.
def _edited_by_staff(history_model: Any, note_id: int) -> bool:
    """True once a person saved the note (in the admin): from then on the database copy wins."""
    latest = history_model.objects.filter(id=note_id).order_by("-history_date", "-pk").first()
    return latest is not None and latest.history_user_id is not None


def court_data_apply(
    *,
    records: dict[str, CourtRecord],
    note_model: Any,
    history_model: Any,
) -> CourtDataResult:
    """Create or update each county's filing note from the shipped data, with a history row.

    Notes a person has edited are left alone. Takes the model classes so that a data migration
    can pass its historical models; writes bypass signals and add the history row themselves,
    the way migration 0004 did, so both callers leave the same trail.
    """
    result = CourtDataResult()
    now = timezone.now()
    # The untranslated columns hold the English text: compare them as English whatever the
    # caller's active language (modeltranslation reads them in the active one).
    with transaction.atomic(), translation.override("en"):
        for county, record in records.items():
            values = court_note_values(record)
            note = note_model.objects.filter(county=county).first()
            if note is not None and _edited_by_staff(history_model, note.pk):
                result.kept_staff_edits.append(county)
                continue
            if note is not None and all(getattr(note, k) == v for k, v in values.items()):
                result.unchanged.append(county)
                continue
            if note is None:
                note = note_model(county=county, **values)
                note_model.objects.bulk_create([note])
                note = note_model.objects.get(county=county)
                history_type = "+"
                result.created.append(county)
            else:
                note_model.objects.filter(pk=note.pk).update(updated_at=now, **values)
                note.refresh_from_db()
                history_type = "~"
                result.updated.append(county)
            snapshot = {
                f.attname: getattr(note, f.attname)
                for f in note_model._meta.concrete_fields
                if f.attname != "id"
            }
            history_model.objects.create(
                id=note.pk,
                history_date=now,
                history_type=history_type,
                history_change_reason=CHANGE_REASON,
                **snapshot,
            )
    return result
