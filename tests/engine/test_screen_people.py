"""``manage.py screen`` with ``person``: one person's consecutive lines are decided together
(contracts/screening.md, "One person's cases"). Every expectation is written out by hand."""

import json
from io import StringIO
from pathlib import Path
from typing import Any

from django.core.management import call_command

from .scenarios import case, count

THEFT = count("PC", "484(a)", "misdemeanor")
DUI = count("VC", "23152(a)", "misdemeanor")

THREE_PEOPLE = [
    # Ana: a theft whose probation ended in 2018 and a DUI whose probation runs until 2027.
    case(THEFT, id="A1", person="ana", judgment_date="2016-03-01", sentence_end_date="2018-03-01"),
    case(DUI, id="A2", person="ana", judgment_date="2024-02-10", sentence_end_date="2027-02-10"),
    # Ben: a misdemeanor without probation, then a felony county jail sentence not yet completed.
    case(
        count("PC", "647(f)", "misdemeanor"),
        id="B1",
        person="ben",
        judgment_date="2019-04-01",
        sentence="no_probation",
        sentence_end_date=...,
    ),
    case(
        count("HS", "11379", "felony"),
        id="B2",
        person="ben",
        judgment_date="2021-07-01",
        sentence="county_jail",
        sentence_end_date=None,
    ),
    # A line without person is decided alone, as before.
    case(THEFT, id="D1", judgment_date="2016-03-01", sentence_end_date="2018-03-01"),
    # Cara: a completed theft probation, and a PC 288(a) case (PC 290 registration).
    case(THEFT, id="C1", person="cara", judgment_date="2015-01-10", sentence_end_date="2017-01-10"),
    case(
        count("PC", "288(a)", "felony"),
        id="C2",
        person="cara",
        judgment_date="2010-05-05",
        sentence_end_date="2013-05-05",
    ),
    # Ana again, after other people's lines: an error for that line; the run goes on.
    case(THEFT, id="A3", person="ana", judgment_date="2016-03-01", sentence_end_date="2018-03-01"),
    case(THEFT, id="E1", person="  ", judgment_date="2016-03-01", sentence_end_date="2018-03-01"),
]


def _screen(path: Path) -> list[dict[str, Any]]:
    out = StringIO()
    call_command("screen", str(path), "--as-of", "2025-06-15", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _core(result: dict[str, Any]) -> tuple[Any, ...]:
    return (
        result["id"],
        result["outcome"],
        result["remedy"],
        result["form_item"],
        result["eligible_on"],
        result.get("blocked_by"),
        result["automatic_relief_possible"],
    )


def test_three_people(tmp_path: Path) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in THREE_PEOPLE))
    results = _screen(path)
    assert [r["id"] for r in results] == ["A1", "A2", "B1", "B2", "D1", "C1", "C2", "A3", "E1"]
    a1, a2, b1, b2, d1, c1, c2, a3, e1 = results

    # A1 alone would be eligible (2a); the DUI's probation blocks it until the day after it ends.
    assert _core(a1) == ("A1", "blocked", "1203.4", "2a", "2027-02-11", ["A2"], False)
    blocking = [r for r in a1["reasons"] if "A2" in r["text"]]
    assert blocking[0]["citation"] == "PC 1203.4(a)(1)"
    assert "2027-02-11" in blocking[0]["text"]
    assert "now" not in a1["reasons"][0]["text"]
    # A2 waits for its own probation; a DUI is discretionary (PC 1203.4(c)(2)).
    assert _core(a2) == ("A2", "wait", "1203.4", "2c", "2027-02-11", None, False)

    # B1: B2's sentence is being served, end unknown: blocked, no date; B2 (2021) is later than
    # B1's judgment (2019), so 3b, not 3a.
    assert _core(b1) == ("B1", "blocked", "1203.4a", "3b", None, ["B2"], False)
    assert "PC 1203.4a(a)" in [r["citation"] for r in b1["reasons"]]
    # B2's own sentence is still being served.
    assert _core(b2) == ("B2", "blocked", "1203.41", "5b", None, None, False)

    # D1 has no person: decided alone, exactly as A1 would be alone.
    assert _core(d1) == ("D1", "eligible", "1203.4", "2a", "2018-03-02", None, True)

    # C1 would have been cleared automatically, but C2 makes Cara a PC 290 registrant.
    assert _core(c1) == ("C1", "eligible", "1203.4", "2a", "2017-01-11", None, False)
    assert any("C2" in r["text"] and r["citation"] == "PC 1203.425" for r in c1["reasons"])
    assert _core(c2) == ("C2", "not_eligible", None, None, None, None, False)

    assert a3 == {"id": "A3", "error": {"field": "person", "message": a3["error"]["message"]}}
    assert "consecutive" in a3["error"]["message"]
    assert e1["error"]["field"] == "person"


def test_a_bad_line_inside_a_person_does_not_split_them(tmp_path: Path) -> None:
    cases = THREE_PEOPLE[:2]
    path = tmp_path / "people.jsonl"
    path.write_text(json.dumps(cases[0]) + "\n{not json\n" + json.dumps(cases[1]) + "\n")
    first, bad, second = _screen(path)
    assert bad["error"]["field"] is None
    assert (first["outcome"], first["blocked_by"]) == ("blocked", ["A2"])
    assert second["outcome"] == "wait"


def test_lines_without_person_are_unchanged_by_the_addition(tmp_path: Path) -> None:
    alone = [{k: v for k, v in c.items() if k != "person"} for c in THREE_PEOPLE[:2]]
    path = tmp_path / "alone.json"
    path.write_text(json.dumps(alone))
    a1, a2 = _screen(path)
    assert (a1["outcome"], a1["eligible_on"], "blocked_by" in a1) == (
        "eligible",
        "2018-03-02",
        False,
    )
    assert (a2["outcome"], a2["eligible_on"]) == ("wait", "2027-02-11")


def test_bad_cases_inside_a_person_get_their_own_error(tmp_path: Path) -> None:
    future = case(THEFT, id="F", person="ana", judgment_date="2025-07-01", sentence_end_date=None)
    typo = {**THREE_PEOPLE[0], "id": "T", "sentense": "probation"}
    lines = [THREE_PEOPLE[0], future, typo, THREE_PEOPLE[1]]
    path = tmp_path / "people.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in lines))
    a1, f, t, a2 = _screen(path)
    assert f == {"id": "F", "error": {"field": "judgment_date", "message": f["error"]["message"]}}
    assert t["error"]["field"] == "sentense"
    # The bad lines are left out; the two good ones are still decided together.
    assert (a1["outcome"], a1["blocked_by"]) == ("blocked", ["A2"])
    assert a2["outcome"] == "wait"


def test_a_person_after_a_line_without_person_is_an_error(tmp_path: Path) -> None:
    alone = {k: v for k, v in THREE_PEOPLE[4].items() if k != "person"}
    lines = [THREE_PEOPLE[0], alone, THREE_PEOPLE[1]]
    path = tmp_path / "people.json"
    path.write_text(json.dumps(lines))
    a1, d1, a2 = _screen(path)
    assert a1["outcome"] == "eligible"  # ana's only line before the break: decided alone
    assert d1["outcome"] == "eligible"
    assert a2["error"]["field"] == "person"
