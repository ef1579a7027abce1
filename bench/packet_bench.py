"""Packet render benchmark (not a test): median render time and peak memory.

    .venv/bin/python bench/packet_bench.py [--runs 15] [--official-forms DIR]

Renders a one-case and a five-case packet (each case: cover, CR-180, CR-181; the five-case one
also has a declaration) through `render_packet_pdf`, the function the worker calls. Target: under
0.5 s for one case. Figures and the machine they came from go in docs/packets.md.

`--official-forms DIR` times the official-fill path (OFFICIAL_FORMS_DIR=DIR, holding cr180.pdf and
cr181.pdf) instead of the rendition. Run each path in its own process: the peak RSS is the
process's.
"""

import argparse
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "expunge_portal.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402

from forms_filler.render import (  # noqa: E402
    CaseInput,
    CountInput,
    CountyNotes,
    PacketInput,
    Petitioner,
    layout_parts,
    render_packet_pdf,
)
from forms_filler.render.host import harfbuzz_subset_loaded  # noqa: E402
from forms_filler.render.official import official_forms  # noqa: E402

PETITIONER = Petitioner(
    name="Ana María Ruiz",
    street="1200 J Street, Apt. 4",
    city="Sacramento",
    state="CA",
    zip="95814",
    phone="(916) 555-0100",
    email="ana@example.org",
)


def a_case(number: int) -> CaseInput:
    return CaseInput(
        county="Sacramento",
        case_number=f"22FE{number:06d}",
        judgment_date=date(2020, 1, 10),
        counts=(
            CountInput("PC", "487(a)", "felony", "Grand theft", reduction_17b=True),
            CountInput("PC", "484(a)", "misdemeanor", "Petty theft", reduction_17b=False),
        ),
        determination={
            "outcome": "discretionary",
            "remedy": "1203.4",
            "form_item": "2c",
            "eligible_on": "2023-05-11",
            "reduction_17b": True,
            "automatic_relief_possible": False,
            "counts": [],
            "alternatives": [],
            "reasons": [
                {"text": "Probation was violated.", "citation": "Pen. Code § 1203.4(a)(1)"}
            ],
            "assumptions": [],
        },
        county_notes=CountyNotes.for_unknown_county("Sacramento"),
    )


def packet(cases: int) -> PacketInput:
    return PacketInput(
        petitioner=PETITIONER,
        cases=tuple(a_case(number) for number in range(cases)),
        declaration="Since my conviction I finished school and have worked full time.",
        language="en",
        as_of=date(2025, 6, 15),
    )


def median_seconds(subject: PacketInput, runs: int) -> tuple[float, int]:
    timings = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(render_packet_pdf(subject))
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), size


def part_split(subject: PacketInput, runs: int) -> dict[str, tuple[float, float]]:
    """Median seconds per part: laying it out, then writing it alone as a PDF (the real render
    writes all parts at once, so the write figures add up to a little more than its share)."""
    layout: dict[str, list[float]] = {}
    write: dict[str, list[float]] = {}
    for _ in range(runs):
        start = time.perf_counter()
        for part, document in layout_parts(subject):
            laid_out = time.perf_counter()
            document.write_pdf()
            written = time.perf_counter()
            layout.setdefault(part.kind, []).append(laid_out - start)
            write.setdefault(part.kind, []).append(written - laid_out)
            start = time.perf_counter()
    return {
        kind: (statistics.median(layout[kind]), statistics.median(write[kind])) for kind in layout
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--official-forms", metavar="DIR", default="")
    arguments = parser.parse_args()
    runs = arguments.runs
    settings.OFFICIAL_FORMS_DIR = arguments.official_forms
    if arguments.official_forms and official_forms() is None:
        sys.exit(f"{arguments.official_forms} lacks a usable cr180.pdf or cr181.pdf (W003).")
    path = "official forms filled" if arguments.official_forms else "rendition"
    print(f"court forms: {path}")

    render_packet_pdf(packet(1))  # warm-up: imports, font loading, template compilation
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f}"
    )
    subsetter = "HarfBuzz" if harfbuzz_subset_loaded() else "fontTools (slow: see docs/packets.md)"
    print(f"font subsetting: {subsetter}")
    for cases in (1, 5):
        median, size = median_seconds(packet(cases), runs)
        print(f"{cases} case(s): median {median:.3f} s over {runs} runs, {size / 1024:.0f} KiB")
    if not arguments.official_forms:
        split = part_split(packet(1), runs)
        print(
            "one case by part (layout + write alone): "
            + ", ".join(f"{kind} {lay:.3f} + {wri:.3f} s" for kind, (lay, wri) in split.items())
        )

    tracemalloc.start()
    render_packet_pdf(packet(5))
    python_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # ru_maxrss is in KiB on Linux: the whole process, as a worker would see it.
    process_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory: process {process_peak:.0f} MiB (RSS), "
        f"Python heap during a five-case render {python_peak / 1024 / 1024:.1f} MiB"
    )


if __name__ == "__main__":
    main()
