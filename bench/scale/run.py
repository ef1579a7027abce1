"""Time every staff page against a seeded database (`bench/scale/seed.py`): the median and the
fastest of ``--runs`` requests through Django's test client, signed in as a reviewer, the number
of queries of one request and the rows the page lists.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scale_large \
        nice .venv/bin/python bench/scale/run.py --interleave scale_small [--runs 21] [--rounds 3]

With ``--interleave`` both volumes (the small one a database on the same server) are measured
page by page in turns, and the table shows small, large and their ratio. Without it the one
database is measured; ``--save`` keeps the figures as JSON and ``--compare`` sets them beside an
earlier run's. Not a test: the figures depend on the machine and its load, which the table's
heading records.
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


def deep_page() -> int:
    """Page 300 of the whole queue, or the last page with a full 25 rows when there are fewer
    (at 1%: page 9): the same number of rows at both volumes, so that the comparison is of what
    grows with the data (the rows skipped to reach the page), not of the rows shown."""
    from forms_filler.models import Packet, ReviewStatus
    from forms_filler.selectors import QUEUE_PAGE_SIZE

    sent = Packet.objects.exclude(review_status=ReviewStatus.NOT_SUBMITTED).count()
    return min(300, sent // QUEUE_PAGE_SIZE)


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
        (
            "queue, page 300 (at 1% the last full page)",
            queue,
            {"status": "all", "page": str(deep_page())},
        ),
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


def measure(
    client: Any, url: str, params: dict[str, str], runs: int, *, keep: bool = False
) -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = 0

    def once() -> int:
        nonlocal rows
        # CaptureQueriesContext counts by the log's length, which stops at 9,000 entries.
        connection.queries_log.clear()
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
    figure: dict[str, Any] = {
        "ms": statistics.median(timings) * 1000,
        "min": min(timings) * 1000,
        "queries": count,
        "rows": rows,
    }
    if keep:
        figure["timings"] = timings
    return figure


def use_database(name: str) -> None:
    """Point the default connection at another database on the same server."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name


def volume() -> str:
    from eligibility.models import Case, Person
    from forms_filler.models import Packet

    return (
        f"{Person.objects.count():,} people, {Case.objects.count():,} cases, "
        f"{Packet.objects.count():,} packets"
    )


def interleaved(
    small: str, large: str, runs: int, rounds: int, only: str | None
) -> tuple[Any, ...]:
    """Both volumes measured page by page, in turns (`rounds` turns of runs/rounds requests
    each), so that both see the same moments of a shared machine's load."""
    setups: dict[str, tuple[Any, list[tuple[str, str, dict[str, str]]], str]] = {}
    for name in (small, large):
        use_database(name)
        setups[name] = (staff_client(), pages(subjects()), volume())
    timings: dict[str, dict[str, list[float]]] = {small: {}, large: {}}
    figures: dict[str, dict[str, dict[str, float]]] = {small: {}, large: {}}
    loads = [os.getloadavg()[0]]
    names = [name for name, _, _ in setups[small][1] if not only or only in name]
    for page in names:
        for _ in range(rounds):
            for database in (small, large):
                use_database(database)
                client, its_pages, _ = setups[database]
                url, params = next((u, p) for n, u, p in its_pages if n == page)
                figure = measure(client, url, params, max(1, runs // rounds), keep=True)
                timings[database].setdefault(page, []).extend(figure.pop("timings"))  # type: ignore[arg-type]
                figures[database][page] = figure
        for database in (small, large):
            kept = timings[database][page]
            figures[database][page]["ms"] = statistics.median(kept) * 1000
            figures[database][page]["min"] = min(kept) * 1000
        loads.append(os.getloadavg()[0])
    return figures[small], figures[large], setups[small][2], setups[large][2], loads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--save", type=Path, help="write the figures as JSON here")
    parser.add_argument("--compare", type=Path, help="figures of an earlier run (small volume)")
    parser.add_argument(
        "--interleave",
        metavar="SMALL_DB",
        help="the small volume's database on the same server: measure both in turns",
    )
    parser.add_argument("--rounds", type=int, default=3, help="turns per page with --interleave")
    parser.add_argument("--only", help="run only the pages whose name contains this")
    args = parser.parse_args()
    setup()
    from django.db import connection

    before: dict[str, dict[str, float]] = {}
    if args.interleave:
        large_name = connection.settings_dict["NAME"]
        before, figures, small_volume, large_volume, loads = interleaved(
            args.interleave, large_name, args.runs, args.rounds, args.only
        )
        described = f"{large_volume} against {small_volume}, in turns ({args.rounds} per page)"
    else:
        client = staff_client()
        described = volume()
        figures = {}
        loads = [os.getloadavg()[0]]
        for name, url, params in pages(subjects()):
            if args.only and args.only not in name:
                continue
            figures[name] = measure(client, url, params, args.runs)
            loads.append(os.getloadavg()[0])
    heading = (
        f"{connection.vendor}, {described}; median of {args.runs} runs; "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}; "
        f"load average (1 min) {min(loads):.2f}-{max(loads):.2f} during the run; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    print(heading)
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps({"heading": heading, "figures": figures}, indent=1))
    if args.compare:
        before = json.loads(args.compare.read_text())["figures"]
    table(figures, before)


def table(figures: dict[str, dict[str, float]], before: dict[str, dict[str, float]]) -> None:
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
