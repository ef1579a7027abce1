"""The engine is pure Python: importing it must not import Django."""

import subprocess
import sys
from pathlib import Path

import eligibility.engine

ENGINE_DIR = Path(eligibility.engine.__file__).parent


def test_importing_the_engine_does_not_import_django() -> None:
    code = (
        "import sys, eligibility.engine, eligibility.engine.offenses;"
        "from datetime import date;"
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    run = subprocess.run(  # noqa: S603 (our own interpreter, fixed code)
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ENGINE_DIR.parent.parent,
    )
    assert run.stdout.strip() == "False"


def test_no_module_of_the_engine_mentions_django() -> None:
    offenders = [
        path.name
        for path in ENGINE_DIR.rglob("*.py")
        if "import django" in path.read_text() or "from django" in path.read_text()
    ]
    assert offenders == []
