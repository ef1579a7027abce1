"""`manage.py build_packet` as packet.md specifies: exit codes, messages, files written or not."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from forms_filler.packet_input import county_notes_for

from .conftest import PETITIONER_JSON, page_texts, part_sequence

pytestmark = pytest.mark.django_db
BAD_COUNT = {"code": "PC", "section": "459", "level": "big"}


def packet_json(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "petitioner": dict(PETITIONER_JSON),
        "cases": [
            {  # screening.md example 2: discretionary, 1203.4, 2c, 17(b)
                "county": "Sacramento",
                "case_number": "22FE000123",
                "judgment_date": "2020-01-10",
                "counts": [{"code": "PC", "section": "487(a)", "level": "felony"}],
                "sentence": "probation",
                "sentence_end_date": "2023-05-10",
                "probation_violated": True,
            },
            {  # screening.md example 5: not eligible (PC 1203.4(b))
                "county": "Alameda",
                "case_number": "19CR000777",
                "judgment_date": "2019-01-10",
                "counts": [{"code": "PC", "section": "288(a)", "level": "felony"}],
                "sentence": "probation",
                "sentence_end_date": "2022-05-10",
            },
        ],
        "declaration": "Since then I finished school and work full time.",
    }
    data.update(overrides)
    return data


def with_case(**changes: Any) -> dict[str, Any]:
    """A packet whose only case is the first one above, changed; `None` removes a field."""
    first = {**packet_json()["cases"][0], **changes}
    return {"cases": [{key: value for key, value in first.items() if value is not None}]}


def write_input(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "input.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def build(tmp_path: Path, data: Any, *extra: str) -> Path:
    output = tmp_path / "packet.pdf"
    call_command("build_packet", str(write_input(tmp_path, data)), "--output", str(output), *extra)
    return output


def test_writes_the_packet_for_every_case_in_order(tmp_path):
    output = build(tmp_path, packet_json(), "--as-of", "2025-06-15")
    pdf = output.read_bytes()
    assert part_sequence(pdf) == ["cover", "cr180", "cr181", "declaration", "not_eligible"]
    texts = page_texts(pdf)
    petition = next(text for text in texts if "PETITION FOR DISMISSAL (Pen. Code" in text)
    assert "22FE000123" in petition
    assert "PC 487(a) Felony Yes No" in petition
    assert "c. ☒ should be granted relief in the interests of justice" in petition
    assert "19CR000777" in texts[-1]
    assert "1203.4(b)" in texts[-1]
    assert {path.name for path in tmp_path.iterdir()} == {"input.json", "packet.pdf"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (with_case(judgment_date="2020-13-01"), "cases[0].judgment_date"),
        (with_case(county="Gotham"), "cases[0].county"),
        (with_case(case_number=None), "cases[0].case_number"),
        (with_case(sentense="probation"), "cases[0].sentense"),
        (with_case(counts=[BAD_COUNT]), "cases[0].counts[0].level"),
        ({"cases": []}, "cases"),
        ({"petitioner": {**packet_json()["petitioner"], "name": ""}}, "petitioner.name"),
        ({"petitioner": {**packet_json()["petitioner"], "name": "x" * 5000}}, "petitioner.name"),
        ({"petitioner": {**packet_json()["petitioner"], "fax": "1"}}, "petitioner.fax"),
        ({"declaration": 12}, "declaration"),
        ({"extra": True}, "extra"),
    ],
)  # fmt: skip
def test_invalid_input_exits_2_naming_the_field_and_writes_nothing(tmp_path, change, field):
    with pytest.raises(CommandError) as raised:
        build(tmp_path, packet_json(**change), "--as-of", "2025-06-15")
    assert raised.value.returncode == 2
    assert str(raised.value).startswith(f"{field}: ")
    assert not (tmp_path / "packet.pdf").exists()
    assert [path.name for path in tmp_path.iterdir()] == ["input.json"]


def test_unreadable_input_and_bad_options_exit_2(tmp_path):
    output = tmp_path / "packet.pdf"
    (tmp_path / "bad.json").write_text("{not json")
    for args in (
        [str(tmp_path / "bad.json")],
        [str(tmp_path / "missing.json")],
        [str(write_input(tmp_path, packet_json())), "--as-of", "15/06/2025"],
    ):
        with pytest.raises(CommandError) as raised:
            call_command("build_packet", *args, "--output", str(output))
        assert raised.value.returncode == 2
    assert not output.exists()
    with pytest.raises(CommandError) as raised:
        call_command("build_packet", args[0], "--output", str(tmp_path / "no" / "x.pdf"))
    assert raised.value.returncode == 2
    assert str(raised.value).startswith("--output: ")


def test_a_failed_render_leaves_no_file(tmp_path, monkeypatch):
    def broken(_packet: object, **_options: object) -> bytes:
        raise RuntimeError("render failed")

    monkeypatch.setattr("forms_filler.management.commands.build_packet.render_packet_pdf", broken)
    with pytest.raises(RuntimeError):
        build(tmp_path, packet_json(), "--as-of", "2025-06-15")
    assert [path.name for path in tmp_path.iterdir()] == ["input.json"]


def test_language_es_sets_the_pdf_language(tmp_path):
    output = build(tmp_path, packet_json(), "--as-of", "2025-06-15", "--language", "es")
    assert "15 de junio de 2025" in page_texts(output.read_bytes())[0]


def test_county_notes_come_from_the_guide_app():
    notes = county_notes_for("Sacramento")
    assert notes.county == "Sacramento"
    assert notes.court_name
    assert notes.service in {"court_forwards", "petitioner_serves", "unknown"}


def run_without_database(
    tmp_path: Path, data: Any, output: Path
) -> "subprocess.CompletedProcess[str]":
    """The real command line as on a fresh checkout: no DATABASE_URL and no var/ folder, so no
    SQLite file can be opened."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    command = [sys.executable, "manage.py", "build_packet", str(write_input(tmp_path, data))]
    return subprocess.run(  # noqa: S603  # our own manage.py, fixed arguments
        [*command, "--output", str(output), "--as-of", "2025-06-15"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "expunge_portal.settings.test",
            "VAR_DIR": str(tmp_path / "missing" / "var"),
        },
        check=False,
        timeout=120,
    )


def test_the_real_command_line_works_on_a_machine_with_no_database(tmp_path):
    """A fresh checkout: no var/ folder, so no SQLite file can be opened. The packet is still
    made, its covers say to ask the clerk, and the log says why in a line, not a traceback."""
    output = tmp_path / "packet.pdf"
    result = run_without_database(tmp_path, packet_json(), output)
    assert result.returncode == 0, result.stderr
    assert "County filing notes unavailable" in result.stderr
    assert "Traceback" not in result.stderr
    assert "ask the criminal clerk" in "".join(page_texts(output.read_bytes()))


def test_with_no_database_the_court_box_comes_from_the_shipped_court_data(tmp_path):
    """The real command line on a fresh checkout fills Amador's court box from courts.json."""
    output = tmp_path / "packet.pdf"
    amador = {**packet_json()["cases"][0], "county": "Amador"}
    result = run_without_database(tmp_path, packet_json(cases=[amador]), output)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1
    assert "using the shipped court data for Amador" in warnings[0]
    texts = page_texts(output.read_bytes())
    cr180 = next(text for text in texts if "PETITION FOR DISMISSAL" in text)
    assert "STREET ADDRESS: 500 Argonaut Lane" in cr180
    assert "CITY AND ZIP CODE: Jackson, CA 95642" in cr180


def test_the_real_command_line_exits_2_on_invalid_input(tmp_path):
    data = packet_json(cases=[{**packet_json()["cases"][0], "judgment_date": "yesterday"}])
    output = tmp_path / "packet.pdf"
    command = [sys.executable, "manage.py", "build_packet", str(write_input(tmp_path, data))]
    result = subprocess.run(  # noqa: S603  # our own manage.py, fixed arguments
        [*command, "--output", str(output)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "expunge_portal.settings.test"},
        check=False,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "cases[0].judgment_date" in result.stderr
    assert not output.exists()
