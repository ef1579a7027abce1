"""The import contracts in pyproject.toml ([tool.importlinter], drawn in docs/architecture.md) hold,
and the checker really fails when a module imports against them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("eligibility", "forms_filler", "expunge_portal")
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
ENGINE_IS_PURE = "The engine is pure Python"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (our own virtualenv's checker, fixed arguments)
        [str(LINT_IMPORTS), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=False,
    )


def test_the_code_keeps_the_import_contracts() -> None:
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 kept, 0 broken" in run.stdout


def _copy_of_the_code(destination: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, destination / package, ignore=shutil.ignore_patterns("*.pyc", "locale")
        )
    shutil.copy(ROOT / "pyproject.toml", destination / "pyproject.toml")
    return destination


@pytest.mark.parametrize(
    ("module", "backward_import", "broken"),
    [
        (
            "eligibility/services.py",
            "from forms_filler.erasure import packets_erase_for_cases",
            "Apps depend one way",
        ),
        (
            "expunge_portal/accounts/services.py",
            "from eligibility.models import Person",
            "Apps depend one way",
        ),
        ("eligibility/engine/dates.py", "import django.utils.timezone", ENGINE_IS_PURE),
        ("eligibility/engine/facts.py", "from eligibility import models", ENGINE_IS_PURE),
        (
            "forms_filler/selectors.py",
            "from forms_filler import services",
            "Selectors read; they do not import services",
        ),
    ],
)
def test_an_import_against_the_contracts_fails_the_check(
    tmp_path: Path, module: str, backward_import: str, broken: str
) -> None:
    copy = _copy_of_the_code(tmp_path)
    assert lint_imports(copy).returncode == 0  # the untouched copy passes, like the real code
    path = copy / module
    path.write_text(path.read_text() + f"\n{backward_import}  # noqa\n")
    run = lint_imports(copy)
    assert run.returncode == 1
    assert "1 broken" in run.stdout
    broken_line = next(line for line in run.stdout.splitlines() if line.endswith("BROKEN"))
    assert broken_line.startswith(broken)
