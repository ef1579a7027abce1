"""Benchmark ``manage.py screen`` against a bare JSON loop, in the same run.

    nice .venv/bin/python bench/screen_bench.py [--cases 1000000] [--small 200000] [--repeat 1]

Generates cases (JSON Lines, fixed seed; four lines in five carry a ``person`` whose one to three
cases are consecutive, so person grouping is part of what is measured), then for each input size
runs, as child processes:
- ``manage.py screen FILE --output OUT`` (the real command, Django start-up included);
- a bare loop that only parses each input line and writes it back as JSON.
Reports cases per second, peak memory (the child's ru_maxrss) and the ratio. Rates are computed
from the child's CPU time (user + system, from ``os.wait4``), which other work on a shared machine
disturbs far less than wall time; the wall-clock rate is printed beside it. Each child runs
``--repeat`` times (default 1: the machine is shared) and the run with the least CPU time counts. Two input sizes show
that memory stays flat as the input grows. Not a test: figures depend on the machine.
"""

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2025-06-15"

OFFENSES = [
    ("PC", "484(a)", "misdemeanor"),
    ("PC", "487(a)", "felony"),
    ("PC", "459", "felony"),
    ("PC", "459", "misdemeanor"),
    ("PC", "647(f)", "misdemeanor"),
    ("PC", "273.5", "felony"),
    ("PC", "242", "misdemeanor"),
    ("PC", "288(a)", "felony"),
    ("PC", "415", "infraction"),
    ("VC", "23152(b)", "misdemeanor"),
    ("VC", "14601.1", "misdemeanor"),
    ("VC", "22350", "infraction"),
    ("HS", "11350", "felony"),
    ("HS", "11379", "felony"),
    ("HS", "11377", "misdemeanor"),
    ("HS", "11359", "felony"),
    ("PC", "211", "felony"),
    ("PC", "12345", "misdemeanor"),  # not in the catalog
]
SENTENCES = ["probation", "probation", "no_probation", "county_jail", "state_prison"]
FLAGS = [
    "probation_violated",
    "new_conviction_since_judgment",
    "on_supervision_now",
    "pending_charges",
    "serving_sentence_now",
]

BARE_LOOP = """
import json, sys
dumps = json.JSONEncoder(separators=(",", ":")).encode
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        out.write(dumps(json.loads(line)) + "\\n")
"""


def make_case(rng: random.Random, number: int) -> dict[str, Any]:
    judgment = date(2005, 1, 1) + timedelta(days=rng.randrange(7300))
    sentence = rng.choice(SENTENCES)
    counts = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        code, section, level = rng.choice(OFFENSES)
        if sentence in ("county_jail", "state_prison"):
            level = "felony"
        counts.append({"code": code, "section": section, "level": level})
    case: dict[str, Any] = {
        "id": f"bench-{number}",
        "judgment_date": judgment.isoformat(),
        "counts": counts,
        "sentence": sentence,
    }
    if sentence != "no_probation" and rng.random() < 0.9:
        case["sentence_end_date"] = (judgment + timedelta(days=rng.randrange(30, 2500))).isoformat()
    if sentence == "county_jail":
        case["mandatory_supervision"] = rng.random() < 0.5
    for flag in FLAGS:
        if rng.random() < 0.08:
            case[flag] = True
    return case


def write_cases(path: Path, count: int) -> None:
    rng = random.Random(1203)
    encode = json.JSONEncoder(separators=(",", ":")).encode
    person, left = "", 0  # the person whose consecutive lines are being written, and how many
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            case = make_case(rng, number)
            if left == 0 and rng.random() < 0.8:
                person, left = f"person-{number}", rng.choice((1, 2, 2, 3))
            if left:
                case["person"] = person
                left -= 1
            out.write(encode(case) + "\n")


def run_child(args: list[str]) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and peak resident memory (KiB) of one child process."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "expunge_portal.settings.test"}
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, env=env)  # noqa: S603 (our own interpreter)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{args[1]} failed with status {status}")
    return usage.ru_utime + usage.ru_stime, elapsed, usage.ru_maxrss


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}, Python {platform.python_version()}"


def fastest(args: list[str], repeat: int) -> tuple[float, float, int]:
    """The run with the least CPU time out of ``repeat``: other work on the machine only ever
    makes a run slower, so the fastest is the best estimate of the code's own cost."""
    return min((run_child(args) for _ in range(repeat)), key=lambda run: run[0])


def bench(size: int, workdir: Path, repeat: int) -> dict[str, float]:
    source = workdir / f"cases-{size}.jsonl"
    write_cases(source, size)
    screen_cpu, screen_wall, screen_kib = fastest(
        [
            sys.executable,
            "manage.py",
            "screen",
            str(source),
            "--as-of",
            AS_OF,
            "--output",
            str(workdir / "screen-out.jsonl"),
        ],
        repeat,
    )
    bare_cpu, bare_wall, bare_kib = fastest(
        [sys.executable, "-c", BARE_LOOP, str(source), str(workdir / "bare-out.jsonl")], repeat
    )
    lines = sum(1 for _ in (workdir / "screen-out.jsonl").open(encoding="utf-8"))
    if lines != size:
        raise SystemExit(f"screen wrote {lines} results for {size} cases")
    return {
        "cases": size,
        "screen_per_s": size / screen_cpu,
        "screen_wall_per_s": size / screen_wall,
        "screen_mib": screen_kib / 1024,
        "bare_per_s": size / bare_cpu,
        "bare_wall_per_s": size / bare_wall,
        "bare_mib": bare_kib / 1024,
        "ratio": screen_cpu / bare_cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=200_000, help="second size, memory check")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the fastest counts")
    options = parser.parse_args()
    print(f"machine: {machine()}")
    print(
        f"{'cases':>8} {'screen/s':>9} {'(wall)':>9} {'MiB':>6} "
        f"{'bare/s':>9} {'(wall)':>9} {'MiB':>6} {'slower':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in (options.small, options.cases):
            row = bench(size, Path(tmp), options.repeat)
            print(
                f"{row['cases']:>8} {row['screen_per_s']:>9,.0f} {row['screen_wall_per_s']:>9,.0f} "
                f"{row['screen_mib']:>6.1f} {row['bare_per_s']:>9,.0f} "
                f"{row['bare_wall_per_s']:>9,.0f} {row['bare_mib']:>6.1f} {row['ratio']:>6.2f}x"
            )


if __name__ == "__main__":
    main()
