"""Seed the benchmark database: signed-up people, each with a screened case (as the interview
would have stored it), so that lists and lookups run against realistic table sizes.

    DJANGO_SETTINGS_MODULE=bench.load.settings python -m bench.load.seed --people 2000
"""

import argparse
import datetime

import django

AS_OF = datetime.date(2025, 6, 15)


def seed(people: int) -> None:
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from eligibility.engine.version import ENGINE_VERSION
    from eligibility.models import Case, Count, Determination, Person
    from expunge_portal.accounts.models import User

    password = make_password("bench-password-not-secret")  # hashed once, shared
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(email=f"bench{i}@example.org", password=password) for i in range(people)
        )
        EmailAddress.objects.bulk_create(
            EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
        )
        persons = Person.objects.bulk_create(
            Person(owner=u, full_name=f"Bench Person {i}", city="Sacramento", zip_code="95814")
            for i, u in enumerate(users)
        )
        cases = Case.objects.bulk_create(
            Case(
                person=p,
                county="Sacramento",
                case_number=f"24CR{i:06d}",
                judgment_date=datetime.date(2020, 1, 1),
                sentence="probation",
                sentence_ended=True,
                sentence_end_date=datetime.date(2022, 1, 1),
                probation_violated=False,
            )
            for i, p in enumerate(persons)
        )
        Count.objects.bulk_create(
            Count(
                case=c,
                position=1,
                typed="PC 484(a)",
                code="PC",
                section="484(a)",
                level="misdemeanor",
            )
            for c in cases
        )
        Determination.objects.bulk_create(
            Determination(
                case=c,
                engine_version=ENGINE_VERSION,
                as_of=AS_OF,
                outcome="eligible",
                result={"outcome": "eligible", "reasons": []},
            )
            for c in cases
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=2000)
    args = parser.parse_args()
    django.setup()
    seed(args.people)
