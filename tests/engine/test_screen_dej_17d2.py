"""``manage.py screen`` for the contract's PC 1203.43 and PC 17(d)(2) fields (issue 19)."""

import json
from io import StringIO
from pathlib import Path
from typing import Any

from django.core.management import call_command

from .scenarios import MISD_THEFT, case, count, dej


def _screen(path: Path, as_of: str = "2025-06-15") -> list[dict[str, Any]]:
    out = StringIO()
    call_command("screen", str(path), "--as-of", as_of, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _write(tmp_path: Path, cases: list[dict[str, Any]]) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in cases))
    return path


def test_deferred_entry_of_judgment_is_1203_43_item_7(tmp_path: Path) -> None:
    cases = [
        dej(id="dismissed", judgment_date="2019-03-01", sentence_end_date="2021-03-01"),
        dej(id="today", judgment_date="2023-06-15", sentence_end_date="2025-06-15"),
        dej(id="tomorrow", judgment_date="2023-06-15", sentence_end_date="2025-06-16"),
        dej(id="running", judgment_date="2024-06-15", sentence_end_date=None),
        dej(id="1996", judgment_date="1996-12-31", sentence_end_date="2017-01-01"),
        dej(id="before-2016", judgment_date="2012-01-10", sentence_end_date="2013-07-01"),
    ]
    results = _screen(_write(tmp_path, cases))
    assert [
        (r["id"], r["outcome"], r["remedy"], r["form_item"], r["eligible_on"]) for r in results
    ] == [
        ("dismissed", "eligible", "1203.43", "7", "2021-03-01"),
        ("today", "eligible", "1203.43", "7", "2025-06-15"),
        ("tomorrow", "wait", "1203.43", "7", "2025-06-16"),
        ("running", "blocked", "1203.43", "7", None),
        ("1996", "not_eligible", None, None, None),
        ("before-2016", "eligible", "1203.43", "7", "2016-01-01"),
    ]
    first = results[0]
    assert "PC 1203.43(b)" in [r["citation"] for r in first["reasons"]]
    assert first["reduction_17b"] is False
    assert first["reduction_17d2"] is False
    assert first["automatic_relief_possible"] is False
    assert first["alternatives"] == []
    assert any("7a" in text and "7b" in text for text in first["assumptions"])
    assert first["counts"][0]["dismissable"] is True
    assert "PC 1203.43(b)" in [r["citation"] for r in results[4]["reasons"]]
    assert results[4]["counts"][0]["dismissable"] is False


def test_dismissal_before_the_grant_is_that_cases_error(tmp_path: Path) -> None:
    cases = [
        dej(id="bad", judgment_date="2024-03-01", sentence_end_date="2024-02-29"),
        dej(id="same-day", judgment_date="2024-03-01", sentence_end_date="2024-03-01"),
        case(id="typo", sentence="deferred_entry_of_judgement"),
    ]
    bad, same_day, typo = _screen(_write(tmp_path, cases))
    assert bad["id"] == "bad"
    assert bad["error"]["field"] == "sentence_end_date"
    assert "deferred entry of judgment was granted" in bad["error"]["message"]
    assert same_day["outcome"] == "eligible"
    assert typo["error"]["field"] == "sentence"
    assert "deferred_entry_of_judgment" in typo["error"]["message"]


def test_a_running_dej_does_not_block_the_persons_other_case(tmp_path: Path) -> None:
    cases = [
        dej(id="a", person="p", judgment_date="2024-06-15", sentence_end_date=None),
        case(MISD_THEFT, id="b", person="p", judgment_date="2020-01-15"),
    ]
    running, other = _screen(_write(tmp_path, cases))
    assert running["outcome"] == "blocked"
    assert other["outcome"] == "eligible"
    assert "blocked_by" not in other
    assert other["form_item"] == "2a"  # a DEJ grant is no new conviction


def test_reduction_17d2_per_count_and_per_case(tmp_path: Path) -> None:
    cases = [
        case(
            count("PC", "415", "misdemeanor"),
            MISD_THEFT,
            id="mixed",
            sentence="no_probation",
            sentence_end_date=...,
        ),
        case(count("VC", "12500", "misdemeanor"), id="probation"),
        case(
            count("PC", "415", "infraction"),
            id="infraction",
            sentence="no_probation",
            sentence_end_date=...,
        ),
        case(count("PC", "602", "misdemeanor"), id="not-listed"),
        dej(count("PC", "415", "misdemeanor"), id="dej"),
    ]
    results = _screen(_write(tmp_path, cases))
    assert [(r["id"], r["reduction_17d2"]) for r in results] == [
        ("mixed", True),
        ("probation", True),
        ("infraction", False),
        ("not-listed", False),
        ("dej", False),
    ]
    assert [c["reduction_17d2"] for c in results[0]["counts"]] == [True, False]
    assert "PC 17(d)(2); PC 19.8(a)" in [r["citation"] for r in results[0]["reasons"]]
    # 17(d)(2) does not change what the older fields say.
    assert results[0]["reduction_17b"] is False
    assert (results[0]["outcome"], results[0]["form_item"]) == ("eligible", "3a")
