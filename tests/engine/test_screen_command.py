"""``manage.py screen`` through the command line, as contracts/screening.md specifies."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from .contract import CONTRACT_EXAMPLES, CONTRACT_RESULTS
from .scenarios import case, count

ROOT = Path(__file__).resolve().parents[2]

EXPECTED = [
    ("ex1", "eligible", "1203.4", "2a", "2024-03-02", False),
    ("ex2", "discretionary", "1203.4", "2c", "2023-05-11", True),
    ("ex3", "wait", "1203.4a", "3a", "2025-06-16", False),
    ("ex4", "wait", "1203.41", "5b", "2025-07-02", False),
    ("ex5", "not_eligible", None, None, None, False),
]


def _summary(results: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (
            r["id"],
            r["outcome"],
            r["remedy"],
            r["form_item"],
            r["eligible_on"],
            r["reduction_17b"],
        )
        for r in results
    ]


def _screen(path: Path, *args: str) -> list[dict[str, Any]]:
    out = StringIO()
    call_command("screen", str(path), "--as-of", "2025-06-15", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "expunge_portal.settings.test"}
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", "screen", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )


def test_contract_examples_as_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in CONTRACT_EXAMPLES))
    results = _screen(path)
    assert _summary(results) == EXPECTED
    assert "PC 1203.4(b)" in [r["citation"] for r in results[4]["reasons"]]


def test_contract_examples_give_exactly_these_result_objects(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in CONTRACT_EXAMPLES))
    assert _screen(path) == CONTRACT_RESULTS


def test_contract_examples_as_json_array_in_small_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tiny chunks make every case straddle a chunk boundary.
    monkeypatch.setattr("eligibility.management.commands.screen.CHUNK_CHARS", 7)
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(CONTRACT_EXAMPLES, indent=2))
    assert _summary(_screen(path)) == EXPECTED


def test_result_object_has_exactly_the_contract_fields(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(CONTRACT_EXAMPLES[:1]))
    (result,) = _screen(path)
    assert set(result) == {
        "id",
        "outcome",
        "remedy",
        "form_item",
        "eligible_on",
        "reduction_17b",
        "reduction_17d2",
        "automatic_relief_possible",
        "counts",
        "alternatives",
        "reasons",
        "assumptions",
    }
    assert set(result["counts"][0]) == {
        "code",
        "section",
        "level",
        "dismissable",
        "reduction_17b",
        "reduction_17d2",
        "reason",
    }
    assert set(result["reasons"][0]) == {"text", "citation"}


BAD_BATCH = [
    case(id="ok-1"),
    case(id="missing", judgment_date=...),
    case(id="unknown", judgment_dat="2020-01-01"),
    case(id="impossible", judgment_date="2023-02-30"),
    {**case(id="empty"), "counts": []},
    case(id="sentence", sentence="house_arrest"),
    case(id="type", pending_charges="no"),
    case(id="level", counts=[count("PC", "459", "felon")]),
    case(id="ok-2"),
]
BAD_FIELDS = [
    None,
    "judgment_date",
    "judgment_dat",
    "judgment_date",
    "counts",
    "sentence",
    "pending_charges",
    "counts[0].level",
    None,
]


@pytest.mark.parametrize("as_array", [True, False], ids=["json-array", "json-lines"])
def test_bad_cases_get_an_error_naming_the_field_and_the_batch_goes_on(
    tmp_path: Path, as_array: bool
) -> None:
    path = tmp_path / "batch"
    if as_array:
        path.write_text(json.dumps(BAD_BATCH))
    else:
        path.write_text("\n".join(json.dumps(c) for c in BAD_BATCH) + "\n")
    results = _screen(path)
    assert [r["id"] for r in results] == [c.get("id") for c in BAD_BATCH]
    assert [r.get("error", {}).get("field") for r in results] == BAD_FIELDS
    assert results[0]["outcome"] == results[-1]["outcome"] == "eligible"
    assert all(r["error"]["message"] for r in results[1:-1])


def test_a_broken_line_in_json_lines_is_that_cases_error(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(case(id="a")) + "\n{not json\n\n" + json.dumps(case(id="b")))
    results = _screen(path)
    assert [r["id"] for r in results] == ["a", None, "b"]
    assert "Line 2" in results[1]["error"]["message"]


def test_non_object_in_array_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps([case(id="a"), 42, "x", case(id="b")]))
    results = _screen(path)
    assert [r["id"] for r in results] == ["a", None, None, "b"]
    assert results[1]["error"]["field"] is None


def test_output_file(tmp_path: Path) -> None:
    source = tmp_path / "cases.json"
    target = tmp_path / "results.jsonl"
    source.write_text(json.dumps(CONTRACT_EXAMPLES))
    out = StringIO()
    call_command(
        "screen", str(source), "--as-of", "2025-06-15", "--output", str(target), stdout=out
    )
    assert out.getvalue() == ""
    results = [json.loads(line) for line in target.read_text().splitlines()]
    assert _summary(results) == EXPECTED


def test_empty_array_is_no_results(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    path.write_text(" [ ] \n")
    assert _screen(path) == []


def test_stdin_and_exit_zero_through_the_command_line() -> None:
    run = _run("-", "--as-of", "2025-06-15", stdin=json.dumps(CONTRACT_EXAMPLES))
    assert run.returncode == 0, run.stderr
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert _summary(results) == EXPECTED


def test_as_of_defaults_to_today_in_los_angeles() -> None:
    run = _run("-", stdin=json.dumps(case(id="today")) + "\n")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["outcome"] == "eligible"


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        pytest.param(("-",), "this is not json\n", "neither a JSON array", id="not-json"),
        pytest.param(("-",), "", "empty", id="empty-input"),
        pytest.param(("-",), '[{"id": "a"}, ', "not closed", id="truncated-array"),
        pytest.param(("-",), "[1] [2]", "after the end", id="text-after-array"),
        pytest.param(("/no/such/file.json",), "", "cannot read", id="missing-file"),
    ],
)
def test_unreadable_input_exits_2_with_a_message_and_no_traceback(
    args: tuple[str, ...], stdin: str, message: str
) -> None:
    run = _run(*args, "--as-of", "2025-06-15", stdin=stdin)
    assert run.returncode == 2
    assert message in run.stderr
    assert "Traceback" not in run.stderr


def test_bad_as_of_is_a_command_error(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    path.write_text("[]")
    with pytest.raises(CommandError, match="--as-of"):
        call_command("screen", str(path), "--as-of", "2025-13-01")


def test_call_command_raises_with_return_code_2_for_unreadable_input(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    path.write_text("nope")
    with pytest.raises(CommandError) as caught:
        call_command("screen", str(path))
    assert caught.value.returncode == 2


def test_an_unexpected_failure_is_that_cases_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eligibility.management.commands import screen

    real = screen.determine

    def flaky(facts: Any, *, as_of: Any) -> Any:
        if facts.id == "boom":
            raise ZeroDivisionError
        return real(facts, as_of=as_of)

    monkeypatch.setattr(screen, "determine", flaky)
    path = tmp_path / "cases.json"
    path.write_text(json.dumps([case(id="a"), case(id="boom"), case(id="b")]))
    results = _screen(path)
    assert [r["id"] for r in results] == ["a", "boom", "b"]
    assert "ZeroDivisionError" in results[1]["error"]["message"]
