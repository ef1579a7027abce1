"""Time ``purge_stale_data`` on many stale anonymous people, with their history and packets.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/purge_bench \\
        .venv/bin/python bench/purge_bench.py [--people 9301] [--fresh 1000]

Migrates the (scratch) database named by DATABASE_URL, seeds ``--people`` stale anonymous
people (two cases of two counts each, a determination per case, one packet version in three
with a PDF and a preview on disk, and history rows for people, cases and counts as the
interview leaves them) plus ``--fresh`` recent ones that must stay, then runs the purge once and
prints its wall time and query count. Not a test: figures depend on the machine.
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=9301)
    parser.add_argument("--fresh", type=int, default=1000)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "expunge_portal.settings.test")
    os.environ.setdefault("PRIVATE_STORAGE_ROOT", tempfile.mkdtemp(prefix="purge-bench-"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    seed(args.people, stale=True)
    seed(args.fresh, stale=False)
    measure(args.people, args.fresh)


def seed(count: int, *, stale: bool) -> None:
    from django.core.files.storage import default_storage
    from django.utils import timezone

    from bench.seeding import screened_cases
    from eligibility.models import Case, Count, Person
    from forms_filler.models import Packet, PacketVersion

    when = timezone.now() - datetime.timedelta(days=40 if stale else 1)
    people = Person.objects.bulk_create(
        Person(anonymous_key=Person.new_anonymous_key(), full_name=f"Person {n}", street="1 St")
        for n in range(count)
    )
    Person.objects.filter(pk__in=[p.pk for p in people]).update(updated_at=when)
    cases = screened_cases(people, cases_per_person=2, counts_per_case=2)
    for model in (Person, Case, Count):
        model.history.bulk_history_create(list(model.objects.filter(pk__in=_ids(model, people))))
    packets = Packet.objects.bulk_create(Packet(case=case) for case in cases[::3])
    versions = []
    for packet in packets:
        pdf = default_storage.save(f"packets/{packet.pk}/v1.pdf", _content(b"%PDF-1.7 bench"))
        png = default_storage.save(f"previews/{packet.pk}/v1.png", _content(b"\x89PNG bench"))
        versions.append(
            PacketVersion(
                packet=packet,
                number=1,
                status="ready",
                answers_fingerprint="x",
                file=pdf,
                preview=png,
            )
        )
    PacketVersion.objects.bulk_create(versions)


def _ids(model: type, people: list) -> list[int]:
    from eligibility.models import Case, Count

    person_ids = [p.pk for p in people]
    if model is Case:
        return list(Case.objects.filter(person_id__in=person_ids).values_list("pk", flat=True))
    if model is Count:
        return list(
            Count.objects.filter(case__person_id__in=person_ids).values_list("pk", flat=True)
        )
    return person_ids


def _content(data: bytes):
    from django.core.files.base import ContentFile

    return ContentFile(data)


def measure(stale: int, fresh: int) -> None:
    import io

    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from eligibility.models import Person

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        out = io.StringIO()
        if os.environ.get("PURGE_BENCH_PROFILE"):
            import cProfile

            cProfile.runctx(
                "call_command('purge_stale_data', days=30, stdout=out)",
                globals(),
                {"call_command": call_command, "out": out},
                sort="cumulative",
            )
        else:
            call_command("purge_stale_data", days=30, stdout=out)
        elapsed = time.perf_counter() - started
    if Person.objects.count() != fresh:
        raise SystemExit("the recent people must stay")
    print(out.getvalue().strip())
    if os.environ.get("PURGE_BENCH_SLOWEST"):
        for query in sorted(queries, key=lambda q: -float(q["time"]))[:8]:
            print(query["time"], query["sql"][:300])
    print(
        f"{connection.vendor}: {stale} stale people purged in {elapsed:.2f} s, "
        f"{len(queries)} queries ({fresh} recent people kept)"
    )


if __name__ == "__main__":
    main()
