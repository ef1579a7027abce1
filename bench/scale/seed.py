"""Seed a scratch database with a big clinic's data, through the models (bulk_create in batches).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scale_bench \\
        nice .venv/bin/python bench/scale/seed.py --scale 1

At ``--scale 1``: 50,000 people (each with an account), 100,000 cases (1 to 3 counts each),
120,000 determinations (one case in five was screened twice, so "the latest" matters), 30,000
packets (one in five never sent for review; the rest spread over the review statuses, sent over
the last two years), one or two versions per packet, review events, replies and notes, and the
history rows of people and cases. ``--scale 0.01`` is 1% of each. Fixed random seed: the same
scale gives the same data.

Versions are metadata only (a file name, no file), except the ten approved on BENCH_DAY, which
get a small encrypted PDF each, at every scale, so that the approved-day bundle has papers to zip
(a clinic approves about as many papers a day whatever its history holds). Migrates the
database first; refuses one that already holds people.
"""

import argparse
import datetime
import os
import random
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

PEOPLE, CASES, PACKETS = 50_000, 100_000, 30_000
BATCH = 5_000
SEED = 18
# Every approval of this day has its papers on disk (see the module docstring).
BENCH_DAY = datetime.date(2026, 11, 2)
APPROVED_ON_BENCH_DAY = 10
NOW = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=datetime.UTC)

FIRST = (  # noqa: SIM905
    "Maria Jose Juan Luis Ana Carlos Rosa Jesus Miguel Carmen Jorge Laura David Elena Pedro "
    "Sofia Daniel Lucia Jose Angel Teresa Ricardo Patricia Mario Diana Antonio Gloria "
    "Fernando Sandra Roberto James Mary John Linda Robert Michael Susan William Karen Thomas "
    "Nancy Kevin"
).split()
LAST = (  # noqa: SIM905
    "Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores "
    "Rivera Gomez Diaz Reyes Morales Cruz Ortiz Gutierrez Chavez Ramos Ruiz Alvarez Mendoza "
    "Castillo Jimenez Moreno Romero Herrera Medina Aguilar Vargas Smith Johnson Williams "
    "Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin Lee "
    "Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Nguyen "
    "Hill"
).split()
# Where the cases are: the big counties most, every county some.
BIG_COUNTIES = ("Los Angeles", "San Diego", "Orange", "Riverside", "San Bernardino", "Sacramento")
OUTCOMES = (("eligible", 45), ("discretionary", 20), ("wait", 20), ("blocked", 5))
OUTCOMES += (("not_eligible", 10),)
STATUSES = (
    ("not_submitted", 20),
    ("submitted", 12),
    ("in_review", 8),
    ("changes_requested", 10),
    ("resubmitted", 5),
    ("approved", 15),
    ("filed", 20),
    ("closed", 5),
    ("withdrawn", 5),
)
OFFENSES = (
    ("PC", "484(a)", "misdemeanor"),
    ("PC", "487(a)", "felony"),
    ("PC", "459", "felony"),
    ("VC", "23152(a)", "misdemeanor"),
    ("HS", "11350(a)", "misdemeanor"),
    ("PC", "242", "misdemeanor"),
)


def result_for(outcome: str, case_id: int) -> dict[str, Any]:
    """A stored screening shaped as the engine stores one (screening.md)."""
    return {
        "id": str(case_id),
        "outcome": outcome,
        "remedy": "1203.4",
        "form_item": "2a",
        "eligible_on": "2024-03-02",
        "reduction_17b": False,
        "automatic_relief_possible": False,
        "counts": [
            {
                "code": "PC",
                "section": "484(a)",
                "level": "misdemeanor",
                "dismissable": outcome in ("eligible", "discretionary"),
                "reduction_17b": False,
                "reason": "Probation was completed.",
            }
        ],
        "alternatives": [],
        "reasons": [{"text": "Probation was completed.", "citation": "PC 1203.4(a)(1)"}],
        "assumptions": [],
    }


def weighted(rng: random.Random, table: Sequence[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


def batched[T](items: Iterable[T], model: Any, **kwargs: Any) -> list[T]:
    return list(model.objects.bulk_create(list(items), batch_size=BATCH, **kwargs))


def seed(scale: float) -> dict[str, int]:
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from django.db import transaction

    from eligibility.models import Case, Count, Determination, Person
    from expunge_portal.accounts.models import User
    from expunge_portal.accounts.roles import CLINIC_STAFF_GROUP
    from expunge_portal.counties import COUNTIES
    from forms_filler import storage
    from forms_filler.models import (
        Message,
        Packet,
        PacketVersion,
        RenderStatus,
        ReviewEvent,
        ReviewStatus,
    )

    unusable = make_password(None)  # nobody signs in as a seeded person
    if Person.objects.exists():
        raise SystemExit("the database already holds people: seed a fresh one")
    rng = random.Random(SEED)
    n_people = max(1, round(PEOPLE * scale))
    n_cases = max(n_people, round(CASES * scale))
    n_packets = max(1, round(PACKETS * scale))
    counties = list(COUNTIES)
    county_weights = [30 if c in BIG_COUNTIES else 1 for c in counties]

    with transaction.atomic():
        staff = User.objects.bulk_create(
            User(email=f"reviewer{i}@clinic.example.org", password=unusable) for i in range(5)
        )
        Group.objects.get(name=CLINIC_STAFF_GROUP).user_set.add(*staff)
        users = batched(
            (
                User(
                    email=f"person{i}@example.org",
                    password=unusable,
                    preferred_language="es" if rng.random() < 0.3 else "en",
                )
                for i in range(n_people)
            ),
            User,
        )
        people = batched(
            (
                Person(
                    owner=user,
                    full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}",
                    street=f"{rng.randint(1, 9999)} Main St",
                    city="Sacramento",
                    zip_code="95814",
                    email=user.email,
                )
                for user in users
            ),
            Person,
        )
        # Every person has a case; the rest go to people at random (one to five each).
        owners = people + [rng.choice(people) for _ in range(n_cases - n_people)]
        rng.shuffle(owners)
        cases = batched(
            (
                Case(
                    person=person,
                    county=rng.choices(counties, weights=county_weights)[0],
                    case_number=f"{rng.randint(10, 25)}{rng.choice(('CR', 'FE', 'M'))}{i:06d}",
                    judgment_date=datetime.date(2010, 1, 1)
                    + datetime.timedelta(days=rng.randint(0, 5000)),
                    sentence="probation",
                    sentence_ended=True,
                    sentence_end_date=datetime.date(2024, 3, 1),
                    probation_violated=rng.random() < 0.2,
                    # The outcome of the determination stored below, kept on the case as
                    # eligibility.services.determination_record keeps it.
                    latest_outcome=weighted(rng, OUTCOMES),
                )
                for i, person in enumerate(owners)
            ),
            Case,
        )
        batched(
            (
                Count(
                    case=case,
                    position=position,
                    typed=f"{code} {section}",
                    code=code,
                    section=section,
                    level=level,
                )
                for case in cases
                for position in range(1, rng.randint(1, 3) + 1)
                for code, section, level in [rng.choice(OFFENSES)]
            ),
            Count,
        )
        determinations = []
        for case in cases:
            if rng.random() < 0.2:  # screened before, with another outcome
                determinations.append(
                    Determination(
                        case=case,
                        engine_version="bench",
                        as_of=datetime.date(2025, 1, 1),
                        outcome="wait",
                        result=result_for("wait", case.pk),
                    )
                )
            outcome = case.latest_outcome
            determinations.append(
                Determination(
                    case=case,
                    engine_version="bench",
                    as_of=datetime.date(2025, 6, 15),
                    outcome=outcome,
                    result=result_for(outcome, case.pk),
                )
            )
        batched(determinations, Determination)

        packet_cases = rng.sample(cases, n_packets)
        packets = []
        for case in packet_cases:
            status = weighted(rng, STATUSES)
            sent = status != ReviewStatus.NOT_SUBMITTED
            packets.append(
                Packet(
                    case=case,
                    review_status=status,
                    submitted_at=NOW - datetime.timedelta(minutes=rng.randint(0, 2 * 525_600))
                    if sent
                    else None,
                    assigned_to=rng.choice(staff) if sent and rng.random() < 0.5 else None,
                    # As the send door records it (forms_filler.review) and the migration filled
                    # it in for every packet.
                    person_language=case.person.owner.preferred_language,
                )
            )
        packets = batched(packets, Packet)
        versions = batched(
            (
                PacketVersion(
                    packet=packet,
                    number=number,
                    status=RenderStatus.READY,
                    language="en",
                    answers_fingerprint="f" * 64,
                    answers={"case": {"sentence": "probation"}, "counts": {}, "person": {}},
                    file=f"packets/bench/{packet.pk}-v{number}.pdf",
                    size=40_000,
                )
                for packet in packets
                for number in range(1, (2 if rng.random() < 0.3 else 1) + 1)
            ),
            PacketVersion,
        )
        newest = {v.packet_id: v for v in versions}  # versions come in number order
        events = []
        for packet in packets:
            if packet.submitted_at is None:
                continue
            events.append(
                ReviewEvent(
                    packet=packet,
                    actor=packet.case.person.owner,
                    from_status=ReviewStatus.NOT_SUBMITTED,
                    to_status=ReviewStatus.SUBMITTED,
                    version=newest[packet.pk],
                )
            )
            if packet.review_status in (ReviewStatus.APPROVED, ReviewStatus.FILED):
                events.append(
                    ReviewEvent(
                        packet=packet,
                        actor=rng.choice(staff),
                        from_status=ReviewStatus.IN_REVIEW,
                        to_status=ReviewStatus.APPROVED,
                        version=newest[packet.pk],
                    )
                )
        events = batched(events, ReviewEvent)
        # created_at is auto_now_add: spread the approvals over two years, then put a fixed
        # number on BENCH_DAY.
        approvals = [e for e in events if e.to_status == ReviewStatus.APPROVED]
        for event in approvals:
            event.created_at = NOW - datetime.timedelta(minutes=rng.randint(0, 2 * 525_600))
            if event.created_at.date() == BENCH_DAY:
                event.created_at -= datetime.timedelta(days=1)
        on_the_day = approvals[:APPROVED_ON_BENCH_DAY]
        for i, event in enumerate(on_the_day):
            event.created_at = datetime.datetime.combine(
                BENCH_DAY, datetime.time(10, i), tzinfo=datetime.UTC
            )
        ReviewEvent.objects.bulk_update(approvals, ["created_at"], batch_size=BATCH)
        sealed = storage.packet_fernet().encrypt(b"%PDF-1.4\n% bench\n%%EOF\n")
        for event in on_the_day:
            version = newest[event.packet_id]
            storage.packet_storage().save(version.file.name, ContentFile(sealed))
        batched(
            (
                Message(
                    packet=packet,
                    author=packet.case.person.owner,
                    body="I fixed the date.",
                    from_person=True,
                    read_at=None if rng.random() < 0.3 else NOW,
                )
                for packet in packets
                if packet.review_status
                in (ReviewStatus.CHANGES_REQUESTED, ReviewStatus.RESUBMITTED)
            ),
            Message,
        )
        batched(
            (
                Message(packet=packet, author=rng.choice(staff), body="Checked.", internal=True)
                for packet in packets
                if packet.submitted_at is not None and rng.random() < 0.3
            ),
            Message,
        )
        Person.history.bulk_history_create(people, batch_size=BATCH)
        Case.history.bulk_history_create(cases, batch_size=BATCH)
    return {
        "people": n_people,
        "cases": n_cases,
        "determinations": len(determinations),
        "packets": n_packets,
        "versions": len(versions),
        "events": len(events),
    }


def setup() -> None:
    """Django with the test settings; the packet files (the approved day's) under var/bench/."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "expunge_portal.settings.test")
    os.environ.setdefault("VAR_DIR", str(ROOT / "var" / "bench-scale"))
    import django

    django.setup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 50,000 people (default)")
    args = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        print("warning: not PostgreSQL; the figures will not say much about production")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    made = seed(args.scale)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
    print(
        f"seeded at scale {args.scale:g} in {time.perf_counter() - started:.0f} s: "
        + ", ".join(f"{n:,} {what}" for what, n in made.items())
    )


if __name__ == "__main__":
    main()
