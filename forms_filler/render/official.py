"""The Judicial Council's own CR-180 and CR-181, filled, when the operator supplies them.

With `OFFICIAL_FORMS_DIR` holding `cr180.pdf` and `cr181.pdf` (Rev. January 1, 2024, as
downloaded from courts.ca.gov), the packet's two court forms are those PDFs with their AcroForm
fields filled, instead of the rendition laid out by WeasyPrint; the cover, declaration and
attachment stay WeasyPrint's and the pages are merged in the usual order. The values are the
rendition's own (the `Part` contexts of `documents.py`), so both paths say the same thing.

Without the directory, or with a file missing or not the expected form (system check
forms_filler.W003), packets use the rendition. A packet whose text needs characters outside the
forms' font (Windows-1252: e.g. "ễ" in "Nguyễn") also uses the rendition, since the form's
appearance would print "?" in their place.

What editing the official PDF requires:
- The XFA part goes: a viewer that reads XFA would show the unfilled XFA form instead of the
  filled fields.
- The usage-rights signature (`/Perms`, Adobe's "Reader extensions") goes: any change breaks it,
  and Acrobat then warns that the document was altered.
- Appearance streams are drawn here (pikepdf), and NeedAppearances is off, so every viewer and
  printer shows the same glyphs.
- The Print, Save and Clear buttons, which only appear on screen, go: "Clear this form" would
  erase the filled values.
"""

import functools
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
from django.conf import settings
from pikepdf.form import ExtendedAppearanceStreamGenerator, Form

from . import official_fields as fields
from .documents import Part

logger = logging.getLogger(__name__)

FILE_NAMES = {"cr180": "cr180.pdf", "cr181": "cr181.pdf"}
FORM_LABELS = {"cr180": "CR-180", "cr181": "CR-181"}
EXPECTED_FIELDS = {"cr180": fields.cr180_fields, "cr181": fields.cr181_fields}
OFFICIAL_KINDS = frozenset(FILE_NAMES)
SELF_REPRESENTED = "In pro per"
# The forms' text fields draw with Arial in WinAnsi encoding (Windows-1252).
FORM_ENCODING = "cp1252"


@dataclass(frozen=True)
class OfficialForms:
    cr180: Path
    cr181: Path

    def path(self, kind: str) -> Path:
        return self.cr180 if kind == "cr180" else self.cr181


def check_directory(directory: str | Path) -> tuple[OfficialForms | None, list[str]]:
    """The directory's forms if both are usable, else None and what is wrong (for W003)."""
    base = Path(directory)
    problems: list[str] = []
    for kind, file_name in FILE_NAMES.items():
        path = base / file_name
        label = FORM_LABELS[kind]
        if not path.is_file():
            problems.append(f"{path} is missing (the Judicial Council's {label}).")
            continue
        try:
            with pikepdf.open(path) as pdf:
                present = {field.fully_qualified_name for field in pdf.acroform.fields}
        except (pikepdf.PdfError, OSError) as exc:
            problems.append(f"{path} is not a PDF that can be read: {exc}.")
            continue
        missing = [name for name in EXPECTED_FIELDS[kind]() if name not in present]
        if missing:
            problems.append(
                f"{path} is not the {label} (Rev. January 1, 2024): {len(missing)} of its "
                f"fields are missing, e.g. {missing[0]}."
            )
    if problems:
        return None, problems
    return OfficialForms(cr180=base / FILE_NAMES["cr180"], cr181=base / FILE_NAMES["cr181"]), []


def _signature(directory: str) -> tuple[tuple[str, int, int], ...]:
    """What the cached check depends on: each file's name, size and modification time."""
    stamp = []
    for file_name in FILE_NAMES.values():
        path = Path(directory) / file_name
        try:
            stat = path.stat()
        except OSError:
            stamp.append((file_name, -1, -1))
        else:
            stamp.append((file_name, stat.st_size, stat.st_mtime_ns))
    return tuple(stamp)


@functools.lru_cache(maxsize=4)
def _checked(directory: str, signature: tuple[tuple[str, int, int], ...]) -> OfficialForms | None:
    found, problems = check_directory(directory)
    for problem in problems:
        logger.warning("Packets use the rendition of the court forms: %s", problem)
    return found


def official_forms() -> OfficialForms | None:
    """The operator's official forms, or None when packets use the rendition."""
    directory = str(getattr(settings, "OFFICIAL_FORMS_DIR", "") or "")
    if not directory:
        return None
    return _checked(directory, _signature(directory))


def _caption(names: dict[str, str], context: dict[str, Any]) -> dict[str, str]:
    petitioner = context["petitioner"]
    notes = context["notes"]
    values = {
        "name": petitioner.name,
        "street": petitioner.street,
        "city": petitioner.city,
        "state": petitioner.state,
        "zip": petitioner.zip,
        "phone": petitioner.phone,
        "email": petitioner.email,
        "attorney_for": SELF_REPRESENTED,
        "county": context["case"].county.upper(),
        "court_street": notes.court_street,
        "court_mailing": notes.court_mailing,
        "court_city_zip": notes.court_city_zip,
    }
    return {names[key]: value for key, value in values.items()}


def statement_text(statement: dict[str, Any]) -> str:
    """What the item's writing space holds: the rendition's words (`_statement.html`)."""
    lines = []
    if statement["inline"]:
        lines.append(statement["text"])
    if statement["declaration"]:
        lines.append(
            "This statement is also made under penalty of perjury in the attached declaration "
            "(form MC-031)."
            if statement["inline"]
            else "See attached declaration (form MC-031)."
        )
    return "\n".join(lines)


def cr180_values(context: dict[str, Any]) -> tuple[dict[str, str], set[str]]:
    """The CR-180 text fields' values and the boxes to check, from the rendition's context."""
    case = context["case"]
    name = context["petitioner"].name
    values = _caption(fields.CR180_CAPTION, context)
    values.update(dict.fromkeys(fields.CR180_CASE_NUMBER, case.case_number))
    values.update(dict.fromkeys(fields.CR180_DEFENDANT, name))
    values[fields.CR180_CONVICTION_DATE] = context["conviction_date"]
    for row_fields, row in zip(fields.CR180_ROWS, context["form_rows"], strict=True):
        values.update({row_fields[key]: row[key] for key in row_fields})
    statement = context["statement"]
    if statement["item"] in fields.CR180_STATEMENT:
        values[fields.CR180_STATEMENT[statement["item"]]] = statement_text(statement)
    values[fields.CR180_SIGNATURE_NAME] = name
    if context.get("dej_dismissed_on"):
        values[fields.CR180_DEJ_DISMISSED_ON] = context["dej_dismissed_on"]
    checked = {fields.CR180_BOXES[box] for box, glyph in context["boxes"].items() if glyph == "☒"}
    return {key: value for key, value in values.items() if value}, checked


def cr181_values(context: dict[str, Any]) -> tuple[dict[str, str], set[str]]:
    """The CR-181 caption; the order's boxes and lines are the court's and stay empty."""
    values = _caption(fields.CR181_CAPTION, context)
    values.update(dict.fromkeys(fields.CR181_CASE_NUMBER, context["case"].case_number))
    values.update(dict.fromkeys(fields.CR181_DEFENDANT, context["petitioner"].name))
    return {key: value for key, value in values.items() if value}, set()


VALUES = {"cr180": cr180_values, "cr181": cr181_values}


def fits_form_font(parts: Iterable[Part]) -> bool:
    """Whether every value the official forms would hold prints in their font."""
    for part in parts:
        if part.kind not in OFFICIAL_KINDS:
            continue
        values, _checked_boxes = VALUES[part.kind](part.context)
        try:
            "".join(values.values()).encode(FORM_ENCODING)
        except UnicodeEncodeError:
            return False
    return True


def _remove_screen_buttons(pdf: pikepdf.Pdf) -> None:
    """Drop the push buttons that only show on screen (Print, Save, Clear, and the warning)."""
    buttons = [
        field.obj for field in pdf.acroform.fields if field.is_pushbutton and "/OC" in field.obj
    ]
    gone = {button.objgen for button in buttons}
    for page in pdf.pages:
        if "/Annots" in page.obj:
            page.obj.Annots = pikepdf.Array(
                [annot for annot in page.obj.Annots if annot.objgen not in gone]
            )
    for button in buttons:
        if "/Parent" in button:
            parent = button.Parent
            parent.Kids = pikepdf.Array([kid for kid in parent.Kids if kid.objgen not in gone])


def _prints_nothing(group: pikepdf.Object) -> bool:
    usage = group.get("/Usage")
    printing = usage.get("/Print") if usage is not None else None
    return printing is not None and printing.get("/PrintState") == pikepdf.Name.OFF


def _hide_screen_only_layers(pdf: pikepdf.Pdf) -> None:
    """Hide the layer the buttons sat on (it prints nothing), so the screen shows the paper."""
    properties = pdf.Root.get("/OCProperties")
    if properties is None:
        return
    screen_only = [group for group in properties.OCGs if _prints_nothing(group)]
    hidden = {group.objgen for group in screen_only}
    for group in screen_only:
        group.Usage.View = pikepdf.Dictionary(ViewState=pikepdf.Name.OFF)
    config = properties.D
    if "/ON" in config:
        config.ON = pikepdf.Array([group for group in config.ON if group.objgen not in hidden])
    config.OFF = pikepdf.Array([*config.get("/OFF", []), *screen_only])


ATTACHMENT_NOTE = "See Attachment 1."


def _widget_rect(page: pikepdf.Page, partial_name: str) -> list[float]:
    for annotation in page.obj.get("/Annots", pikepdf.Array()):
        if str(annotation.get("/T", "")) == partial_name:
            return [float(value) for value in annotation.Rect]
    raise LookupError(partial_name)


def _note_attachment(pdf: pikepdf.Pdf) -> None:
    """Point item 1 to Attachment 1, as the rendition does: the form has no field for it.

    The note goes at the end of the line under the table ("If additional space is needed…
    (form MC-025)."), which ends about 25 points right of the last column's left edge and 13
    points below row 5 on the 2024 revision; both are read from row 5's fields."""
    page = pdf.pages[0]
    code = _widget_rect(page, "Code5[0]")
    last_column = _widget_rect(page, "Offense5[0]")
    x, y = last_column[0] + 25, code[1] - 13.3
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name("/Helvetica-Bold"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    )
    resources = page.obj.Resources
    if "/Font" not in resources:
        resources.Font = pikepdf.Dictionary()
    resources.Font.EPNote = pdf.make_indirect(font)
    page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
    note = f"Q q BT /EPNote 8 Tf 0 g {x:.2f} {y:.2f} Td ({ATTACHMENT_NOTE}) Tj ET Q\n"
    page.contents_add(pikepdf.Stream(pdf, note.encode("ascii")))


def fill_form(template: Path, kind: str, context: dict[str, Any], *, copy: int = 0) -> pikepdf.Pdf:
    """One official form filled for one case, its appearances drawn, ready to merge.

    `copy` renumbers the form's top field for the packet's second, third… case (see
    `official_fields.field_name`)."""
    values, checked = VALUES[kind](context)
    pdf = pikepdf.open(template)
    form = Form(pdf, ExtendedAppearanceStreamGenerator)
    for name, value in values.items():
        form[name].value = value
    for name in checked:
        form[name].checked = True
    if kind == "cr180" and context.get("attachment_rows"):
        _note_attachment(pdf)
    acroform = pdf.Root.AcroForm
    for key in ("/XFA", "/NeedsRendering"):
        if key in acroform:
            del acroform[key]
    if "/NeedsRendering" in pdf.Root:
        del pdf.Root["/NeedsRendering"]
    if "/Perms" in pdf.Root:
        del pdf.Root["/Perms"]
    if "/SigFlags" in acroform:
        del acroform["/SigFlags"]
    acroform.NeedAppearances = False
    _remove_screen_buttons(pdf)
    _hide_screen_only_layers(pdf)
    if copy:
        root_field = pdf.Root.AcroForm.Fields[0]
        root_field.T = pikepdf.String(f"{FORM_LABELS[kind]}[{copy}]")
    return pdf


def _root_of(annotation: pikepdf.Object) -> pikepdf.Object:
    node = annotation
    while "/Parent" in node:
        node = node.Parent
    return node


def _merge_optional_content(target: pikepdf.Pdf, source: pikepdf.Pdf) -> None:
    """Keep the form's layers (its print-only and screen-only content) working after the merge."""
    if "/OCProperties" not in source.Root:
        return
    copied = target.copy_foreign(source.make_indirect(source.Root.OCProperties))
    if "/OCProperties" not in target.Root:
        target.Root.OCProperties = copied
        return
    mine = target.Root.OCProperties
    mine.OCGs.extend(copied.OCGs)
    for key in ("/ON", "/OFF", "/AS"):
        if key in copied.D:
            if key not in mine.D:
                mine.D[key] = pikepdf.Array()
            mine.D[key].extend(copied.D[key])


def merge(base: bytes, inserts: list[tuple[int, pikepdf.Pdf]]) -> bytes:
    """WeasyPrint's pages with each filled form's pages inserted at its position.

    Positions count pages of the finished packet, in increasing order. The packet keeps the
    WeasyPrint document's catalog (title, language); the forms bring their fields and layers.
    """
    packet = pikepdf.open(io.BytesIO(base))
    roots: list[pikepdf.Object] = []
    seen: set[tuple[int, int]] = set()
    for position, form in inserts:
        for offset, page in enumerate(form.pages):
            packet.pages.insert(position + offset, page)
            copied = packet.pages[position + offset]
            for annotation in copied.obj.get("/Annots", pikepdf.Array()):
                if annotation.get("/Subtype") != pikepdf.Name.Widget:
                    continue
                root = _root_of(annotation)
                if root.objgen not in seen:
                    seen.add(root.objgen)
                    roots.append(root)
        _merge_optional_content(packet, form)
        if "/AcroForm" not in packet.Root:
            source = form.Root.AcroForm
            packet.Root.AcroForm = pikepdf.Dictionary(
                Fields=pikepdf.Array(),
                DR=packet.copy_foreign(form.make_indirect(source.DR)),
                DA=source.DA,
                NeedAppearances=False,
            )
    if roots:
        packet.Root.AcroForm.Fields = pikepdf.Array(roots)
    buffer = io.BytesIO()
    packet.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()
