"""How a stored screening reads: the engine's ISO dates in the reader's own date format."""

from datetime import date

import pytest
from django.utils import translation

from eligibility.engine import determine, parse_case
from eligibility.presentation import translatable_parts, translated_result

CASE = {
    "id": "x",
    "judgment_date": "2019-04-02",
    "counts": [{"code": "PC", "section": "484(a)", "level": "misdemeanor"}],
    "sentence": "probation",
    "sentence_end_date": "2022-04-02",
    "probation_violated": False,
}


@pytest.mark.parametrize(
    ("language", "end", "opens"),
    [("en", "April 2, 2022", "April 3, 2022"), ("es", "2 de abril de 2022", "3 de abril de 2022")],
)
def test_reason_dates_in_the_readers_format(language, end, opens):
    determination = determine(parse_case(CASE), as_of=date(2025, 6, 15))
    with translation.override(language):
        shown = translated_result(determination.to_dict(), translatable_parts(determination))
    texts = " ".join(reason["text"] for reason in shown["reasons"])
    assert end in texts
    assert opens in texts
    assert "2022-04-0" not in texts
