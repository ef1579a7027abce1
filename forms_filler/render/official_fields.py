"""Which AcroForm field of the Judicial Council's own CR-180 and CR-181 (Rev. January 1, 2024)
holds each thing the rendition fills.

The names are the forms' own (read from the PDFs with pikepdf; they come from the forms' XFA
design, hence the `[0]` indexes). `tests/forms_filler/test_official_forms.py` checks that every
name here exists in the official PDFs, so a new revision of a form that moves a field fails there
first. A packet with several cases holds one copy of each form per case: the copies' top fields
are renumbered `CR-180[1]`, `CR-180[2]`, … so that no two fields share a name (`field_name`).
"""


def _caption(atty: str, court: str) -> dict[str, str]:
    """The "ATTORNEY OR PARTY WITHOUT ATTORNEY" block (`atty`) and the court's name and address
    (`court`), keyed by what fills them (see `official.caption_values`). Both forms name these
    fields alike, each under its own caption."""
    return {
        "name": f"{atty}.Name[0]",
        "street": f"{atty}.Street[0]",
        "city": f"{atty}.City[0]",
        "state": f"{atty}.State[0]",
        "zip": f"{atty}.Zip[0]",
        "phone": f"{atty}.Phone[0]",
        "email": f"{atty}.Email[0]",
        "attorney_for": f"{atty}.AttyFor[0]",
        "county": f"{court}.CrtCounty[0]",
        "court_street": f"{court}.CrtStreet[0]",
        "court_mailing": f"{court}.CrtMailingAdd[0]",
        "court_city_zip": f"{court}.CrtCityZip[0]",
    }


def _left_blank(atty: str) -> tuple[str, ...]:
    """What the rendition leaves blank in the attorney block: no bar number, firm or fax for a
    person filing alone."""
    return (f"{atty}.AttyBarNo[0]", f"{atty}.AttyFirm[0]", f"{atty}.Fax[0]")


CR180_ROOT = "CR-180[0]"
CR181_ROOT = "CR-181[0]"

_P1 = "CR-180[0].Page1[0]"
_P1_CAPTION = f"{_P1}.P1Caption[0]"
_CR180_ATTY = f"{_P1_CAPTION}.AttyPartyInfo[0]"
_CR180_COURT = f"{_P1_CAPTION}.CourtInfo[0]"
_ITEM1 = f"{_P1}.LI1[0].li1[0]"
_P2 = "CR-180[0].Page2[0]"
_P3 = "CR-180[0].Page3[0]"

CR180_CAPTION = _caption(_CR180_ATTY, _CR180_COURT)
# Every page repeats the case number and the defendant's name.
CR180_CASE_NUMBER = (
    f"{_P1_CAPTION}.HeaderSub[0].Stmp[0].CaseNumber[0].CaseNumber1[0]",
    f"{_P2}.pXCaption[0].CaseNumber1[0]",
    f"{_P3}.pXCaption[0].CaseNumber1[0]",
)
CR180_DEFENDANT = (
    f"{_P1_CAPTION}.TitlePartyName[0].Defendant[0]",
    f"{_P2}.pXCaption[0].Defendant[0]",
    f"{_P3}.pXCaption[0].Defendant[0]",
)
CR180_CONVICTION_DATE = f"{_ITEM1}.ConvictionDate[0]"
# Item 1's table, row by row: the keys are those of the rendition's rows (documents._row).
CR180_ROWS = tuple(
    {
        "code": f"{_ITEM1}.ConvTable[0].Row{n}[0].Code{n}[0]",
        "section": f"{_ITEM1}.ConvTable[0].Row{n}[0].Section{n}[0]",
        "level": f"{_ITEM1}.ConvTable[0].Row{n}[0].TypeOff{n}[0]",
        "reduce_17b": f"{_ITEM1}.ConvTable[0].Row{n}[0].Reduce{n}[0]",
        "reduce_17d2": f"{_ITEM1}.ConvTable[0].Row{n}[0].Offense{n}[0]",
    }
    for n in range(1, 6)
)
# Items 2 to 7's boxes, keyed as the rendition's `checkbox_glyphs`.
CR180_BOXES = {
    "2": f"{_P1}.LI2[0].ProbationGranted[0]",
    "2a": f"{_P1}.LI2[0].li2a[0].ProbationGrantedReason[0]",
    "2b": f"{_P1}.LI2[0].li2b[0].ProbationGrantedReason[0]",
    "2c": f"{_P1}.LI2[0].li2c[0].ProbationGrantedReason[0]",
    "3": f"{_P2}.LI3[0].OffenseWSentence[0]",
    "3a": f"{_P2}.LI3[0].li3a[0].ProbationNotGrantedReason[0]",
    "3b": f"{_P2}.LI3[0].li3b[0].ProbationNotGrantedReason[0]",
    "4": f"{_P2}.LI4[0].li4[0].OffenseWSentence[0]",
    "5": f"{_P2}.LI5[0].CheckBox19[0]",
    "5a": f"{_P2}.LI5[0].li5a[0].FelonyNotUnderSup[0]",
    "5b": f"{_P2}.LI5[0].li5b[0].FelonyNotUnderSup[0]",
    "5c": f"{_P2}.LI5[0].li5c[0].FelonyNotUnderSup[0]",
    "6": f"{_P3}.LI6[0].li6[0].OffenseWSentence[0]",
    "7": f"{_P3}.LI7[0].OffenseWSentence[0]",
    "7a": f"{_P3}.LI7[0].li7a[0].Petitioner[0]",
    "7b": f"{_P3}.LI7[0].li7b[0].Petitioner[0]",
    "7b1": f"{_P3}.LI7[0].li7b[0].LI7b[0].li7b1[0].CheckBox3[0]",
    "7b2": f"{_P3}.LI7[0].li7b[0].LI7b[0].li7b2[0].CheckBox3[0]",
}
# The writing space under each discretionary item, keyed by item (documents.statement_placement).
CR180_STATEMENT = {
    "2": f"{_P1}.LI2[0].li2c[0].TextField6[0]",
    "3": f"{_P2}.LI3[0].li3b[0].TextField6[0]",
    "4": f"{_P2}.LI4[0].li4[0].TextField6[0]",
    "5": f"{_P2}.LI5[0].li5c[0].T66[0]",
    "6": f"{_P3}.LI6[0].li6[0].T66[0]",
}
# The typed name under the signature line; its date stays blank for the person to write.
CR180_SIGNATURE_NAME = f"{_P3}.SigName[0]"
CR180_SIGNATURE_DATE = f"{_P3}.SigDate[0]"
# The court's hearing box: the clerk's to fill, always left empty.
CR180_COURT_USE = (
    f"{_P1_CAPTION}.HeaderSub[0].CrtUse[0].DateField2[0]",
    f"{_P1_CAPTION}.HeaderSub[0].CrtUse[0].TextField[0]",
    f"{_P1_CAPTION}.HeaderSub[0].CrtUse[0].TextField[1]",
)

# Item 7's date: the day the charges were dismissed after deferred entry of judgment (1203.43).
CR180_DEJ_DISMISSED_ON = f"{_P3}.LI7[0].DateField1[0]"

CR180_LEFT_BLANK = _left_blank(_CR180_ATTY)

_O1 = "CR-181[0].Page1[0]"
_O1_CAPTION = f"{_O1}.Caption[0]"
_CR181_ATTY = f"{_O1_CAPTION}.AttyPartyInfo[0]"
_CR181_COURT = f"{_O1_CAPTION}.CourtInfo[0]"
_O2 = "CR-181[0].Page2[0]"

CR181_CAPTION = _caption(_CR181_ATTY, _CR181_COURT)
CR181_CASE_NUMBER = (
    f"{_O1_CAPTION}.HeaderSub[0].CaseNumber[0].CaseNumber2[0]",
    f"{_O2}.P2Header[0].CaseNumber2[0]",
)
CR181_LEFT_BLANK = _left_blank(_CR181_ATTY)
# Page 2's field is called "Short Title" inside the PDF, but the printed label reads
# "PEOPLE OF THE STATE OF CALIFORNIA v. DEFENDANT:", so it takes the name as page 1's does.
CR181_DEFENDANT = (
    f"{_O1_CAPTION}.TitlePartyName[0].Party1[0]",
    f"{_O2}.P2Header[0].Party1[0]",
)
# The order is the court's to make: every one of its boxes and lines stays empty, as in the
# rendition. They are listed so that the tests can say so field by field.
CR181_ORDER_BOXES = (
    f"{_O1}.LI1[0].CheckBox19[0]",
    f"{_O1}.LI1[0].li1a[0].Reduc17b_cb[0]",
    f"{_O1}.LI1[0].li1b[0].Reduc17b_cb[0]",
    f"{_O1}.LI1[0].li1c[0].Reduc17b_cb[0]",
    f"{_O1}.LI2[0].CheckBox19[0]",
    f"{_O1}.LI2[0].li2a[0].DenyPet17b_cb[0]",
    f"{_O1}.LI2[0].li2b[0].DenyPet17b_cb[0]",
    f"{_O1}.LI2[0].li2c[0].DenyPet17b_cb[0]",
    f"{_O1}.LI3[0].petitioner_cb[0]",
    *(f"{_O1}.LI3[0].GrantsPetThree1203[{n}]" for n in range(5)),
    f"{_O1}.LI3[0].DenyPetFour1203[0]",
    f"{_O1}.LI3[0].li3a[0].ThreeAllConv[0]",
    f"{_O1}.LI3[0].li3b[0].ThreeAllConv[0]",
    f"{_O2}.LI4[0].petitioner_cb[0]",
    *(f"{_O2}.LI4[0].DenyPetFour1203[{n}]" for n in range(6)),
    f"{_O2}.LI4[0].li4a[0].FourAllConv[0]",
    f"{_O2}.LI4[0].li4b[0].FourAllConv[0]",
    f"{_O2}.LI5[0].CheckBox19[0]",
    f"{_O2}.LI5[0].li5a[0].LI5a[0].li5a1[0].Relief[0]",
    f"{_O2}.LI5[0].li5a[0].LI5a[0].li5a2[0].Relief[0]",
)
CR181_ORDER_TEXT = (
    f"{_O1}.LI1[0].li1c[0].OtherSpecify_tf[0]",
    f"{_O1}.LI2[0].li2c[0].OtherSpecify_tf[0]",
    f"{_O1}.LI3[0].li3b[0].TextField6[0]",
    f"{_O2}.LI4[0].li4b[0].TextField6[0]",
    f"{_O2}.LI5[0].li5a[0].LI5a[0].li5a2[0].TextField6[0]",
    f"{_O2}.Signature_dt[0]",
)


def cr180_fields() -> tuple[str, ...]:
    """Every CR-180 field named here, for the check that a supplied PDF is the right form."""
    return (
        *CR180_CAPTION.values(),
        *CR180_CASE_NUMBER,
        *CR180_DEFENDANT,
        CR180_CONVICTION_DATE,
        *(name for row in CR180_ROWS for name in row.values()),
        *CR180_BOXES.values(),
        *CR180_STATEMENT.values(),
        CR180_SIGNATURE_NAME,
        CR180_SIGNATURE_DATE,
        CR180_DEJ_DISMISSED_ON,
        *CR180_COURT_USE,
        *CR180_LEFT_BLANK,
    )


def cr181_fields() -> tuple[str, ...]:
    """Every CR-181 field named here."""
    return (
        *CR181_CAPTION.values(),
        *CR181_CASE_NUMBER,
        *CR181_DEFENDANT,
        *CR181_ORDER_BOXES,
        *CR181_ORDER_TEXT,
        *CR181_LEFT_BLANK,
    )


def field_name(name: str, *, copy: int) -> str:
    """The name of field `name` in the packet's `copy`-th copy of its form (0 for the first)."""
    root, rest = name.split(".", 1)
    return f"{root.removesuffix('[0]')}[{copy}].{rest}"
