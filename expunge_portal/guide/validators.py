"""Checks on what staff type into the county filing notes, shown next to the field."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .court_data import FACT_NAMES, is_court_source


def validate_fact_sources(value: Any) -> None:
    """``{"<fact>": {"source": <a court web page, or "call to the clerk">, "checked": <date>}}``."""
    if not isinstance(value, dict):
        raise ValidationError(_("Write an object: each fact's name, then its source and date."))
    for name, entry in value.items():
        if name not in FACT_NAMES:
            raise ValidationError(
                _("%(name)s is not a fact of this note. Use one of: %(names)s.")
                % {"name": name, "names": ", ".join(FACT_NAMES)}
            )
        if not isinstance(entry, dict) or set(entry) != {"source", "checked"}:
            raise ValidationError(
                _("%(name)s needs exactly a source and a checked date.") % {"name": name}
            )
        source = entry["source"]
        if not isinstance(source, str) or not (
            is_court_source(source) or source.strip().lower() == "call to the clerk"
        ):
            raise ValidationError(
                _("%(name)s: the source must be a court's web page or “call to the clerk”.")
                % {"name": name}
            )
        try:
            date.fromisoformat(entry["checked"])
        except (TypeError, ValueError) as error:
            raise ValidationError(
                _("%(name)s: the checked date must be written YYYY-MM-DD.") % {"name": name}
            ) from error
