"""Seed the benchmark database: signed-up people, each with a screened case (as the interview
would have stored it), so that lists and lookups run against realistic table sizes.

    DJANGO_SETTINGS_MODULE=bench.load.settings python -m bench.load.seed --people 2000
"""

import argparse

import django


def seed(people: int) -> None:
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from bench.seeding import screened_cases
    from eligibility.models import Person
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
        screened_cases(persons)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=2000)
    args = parser.parse_args()
    django.setup()
    seed(args.people)
