"""Time every staff page against a seeded database (`bench/scale/seed.py`): the median of
``--runs`` requests through Django's test client, signed in as a reviewer, and the number of
queries of one request.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scale_bench \\
        nice .venv/bin/python bench/scale/run.py [--runs 15] [--save var/bench/large.json] \\
        [--compare var/bench/small.json]

With ``--compare`` the table also shows the figures saved by an earlier run (the small volume)
and the ratio of this run to it. Not a test: the figures depend on the machine and its load,
which the table's heading records.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.scale.seed import BENCH_DAY, setup

# Pages whose work grows with the data by design: the CSV streams every row of the queue.
LINEAR_BY_DESIGN = {"queue export (CSV), county filter"}


def subjects() -> dict[str, Any]:
    """The seeded rows the pages are asked about, chosen the same way at every scale."""
    from forms_filler.models import Packet, ReviewEvent, ReviewStatus

    packet = (
        Packet.objects.filter(review_status=ReviewStatus.IN_REVIEW)
        .select_related("case__person")
        .order_by("pk")
        .first()
    )
    approved = (
        ReviewEvent.objects.filter(to_status=ReviewStatus.APPROVED, created_at__date=BENCH_DAY)
        .select_related("version__packet")
        .order_by("pk")
        .first()
    )
    if packet is None or approved is None or approved.version is None:
        raise SystemExit("seed the database first (bench/scale/seed.py)")
    return {"packet": packet, "approved": approved.version}


def pages(subject: dict[str, Any]) -> list[tuple[str, str, dict[str, str]]]:
    from django.urls import reverse

    packet = subject["packet"]
    approved = subject["approved"]
    case = packet.case
    queue = reverse("review:queue")
    surname = case.person.full_name.split()[1]
    return [
        ("queue (needs review)", queue, {}),
        ("queue, all statuses", queue, {"status": "all"}),
        ("queue, page 300 (the last at 1%)", queue, {"status": "all", "page": "300"}),
        ("search: full name", queue, {"status": "all", "q": case.person.full_name.lower()}),
        ("search: surname", queue, {"status": "all", "q": surname.lower()}),
        ("search: case number", queue, {"status": "all", "q": case.case_number}),
        ("search: no match", queue, {"status": "all", "q": "zzqx"}),
        (
            "county + outcome filter",
            queue,
            {"status": "all", "county": "Los Angeles", "outcome": "eligible"},
        ),
        ("outcome filter alone", queue, {"status": "all", "outcome": "discretionary"}),
        (
            "Spanish, waiting for us, newest",
            queue,
            {"status": "all", "language": "es", "waiting": "us", "order": "newest"},
        ),
        (
            "mine, waiting for the person",
            queue,
            {"status": "all", "waiting": "person", "mine": "on"},
        ),
        ("packet review page", reverse("review:packet", kwargs={"packet_id": packet.pk}), {}),
        (
            "person's packet page (staff)",
            reverse("forms_filler:packet", kwargs={"case_id": case.pk}),
            {},
        ),
        (
            "packet status (staff)",
            reverse("forms_filler:status", kwargs={"case_id": case.pk}),
            {},
        ),
        (
            "download a version (staff)",
            reverse(
                "forms_filler:download",
                kwargs={"case_id": approved.packet.case_id, "number": approved.number},
            ),
            {},
        ),
        ("approved papers of a day (zip)", reverse("review:approved_day"), {"day": str(BENCH_DAY)}),
        (
            "queue export (CSV), county filter",
            reverse("review:export"),
            {"status": "all", "county": "Alpine"},
        ),
    ]


def staff_client() -> Any:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.test import Client

    from expunge_portal.accounts.models import User

    reviewer = User.objects.get(email="reviewer0@clinic.example.org")
    # The review pages need an authenticator app set up (StaffMfaRequiredMiddleware); a signed-in
    # session has passed its code, as the tests' clients have (tests/factories.py).
    if not Authenticator.objects.filter(user=reviewer, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(reviewer, "JBSWY3DPEHPK3PXP")
    client = Client()
    client.force_login(reviewer)
    return client


def measure(client: Any, url: str, params: dict[str, str], runs: int) -> dict[str, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = 0

    def once() -> int:
        nonlocal rows
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
            if response.streaming:
                b"".join(response.streaming_content)
            else:
                # A queue row's tick box: how many packets the page lists (at most 25).
                rows = response.content.count(b'name="packets"')
        if response.status_code != 200:
            raise SystemExit(f"{url} {params}: {response.status_code}")
        return len(queries)

    once()  # warm-up: templates, the first review opening
    count = once()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        once()
        timings.append(time.perf_counter() - started)
    return {
        "ms": statistics.median(timings) * 1000,
        "min": min(timings) * 1000,
        "queries": count,
        "rows": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--save", type=Path, help="write the figures as JSON here")
    parser.add_argument("--compare", type=Path, help="figures of an earlier run (small volume)")
    parser.add_argument("--only", help="run only the pages whose name contains this")
    args = parser.parse_args()
    setup()
    from django.db import connection

    from eligibility.models import Case, Person
    from forms_filler.models import Packet

    client = staff_client()
    volume = (
        f"{Person.objects.count():,} people, {Case.objects.count():,} cases, "
        f"{Packet.objects.count():,} packets"
    )
    figures: dict[str, dict[str, float]] = {}
    loads = [os.getloadavg()[0]]
    for name, url, params in pages(subjects()):
        if args.only and args.only not in name:
            continue
        figures[name] = measure(client, url, params, args.runs)
        loads.append(os.getloadavg()[0])
    heading = (
        f"{connection.vendor}, {volume}; median of {args.runs} runs; "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"load average (1 min) {min(loads):.2f}-{max(loads):.2f} during the run; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    print(heading)
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps({"heading": heading, "figures": figures}, indent=1))
    before = json.loads(args.compare.read_text())["figures"] if args.compare else {}
    # The median is what a reviewer waits; the fastest run is the page's cost with the least
    # interference from the rest of the machine, so its ratio is the steadier one on a busy host.
    if before:
        print(
            "| page | small ms | large ms | ratio | small fastest | large fastest | ratio "
            "| queries small | queries large | rows small | rows large |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    else:
        print("| page | median ms | fastest ms | queries | rows |")
        print("| --- | ---: | ---: | ---: | ---: |")
    for name, figure in figures.items():
        note = " (grows by design)" if name in LINEAR_BY_DESIGN else ""
        if name in before:
            small = before[name]
            print(
                f"| {name}{note} | {small['ms']:.1f} | {figure['ms']:.1f} | "
                f"{figure['ms'] / small['ms']:.2f}x | {small['min']:.1f} | {figure['min']:.1f} | "
                f"{figure['min'] / small['min']:.2f}x | {small['queries']:.0f} | "
                f"{figure['queries']:.0f} | {small['rows']:.0f} | {figure['rows']:.0f} |"
            )
        else:
            print(
                f"| {name}{note} | {figure['ms']:.1f} | {figure['min']:.1f} | "
                f"{figure['queries']:.0f} | {figure['rows']:.0f} |"
            )


if __name__ == "__main__":
    main()
