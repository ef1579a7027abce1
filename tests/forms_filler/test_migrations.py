"""The migration that keeps the person's language on the portal with each packet."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_packet_gets_its_accounts_language():
    executor = MigrationExecutor(connection)
    # The other apps as they are now (project_state() would give them as of the packet's
    # migration's dependencies otherwise).
    now = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "forms_filler"]
    before = [("forms_filler", "0006_files_to_delete"), *now]
    after = [("forms_filler", "0007_packet_person_language"), *now]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    User = old.get_model("accounts", "User")
    Person = old.get_model("eligibility", "Person")
    Case = old.get_model("eligibility", "Case")
    Packet = old.get_model("forms_filler", "Packet")
    common = {"county": "Sacramento", "judgment_date": datetime.date(2020, 1, 1)}
    packets = {}
    for key, language in (("es", "es"), ("en", "en"), ("unset", "")):
        owner = User.objects.create(email=f"{key}@example.org", preferred_language=language)
        person = Person.objects.create(owner=owner, full_name=key)
        packets[key] = Packet.objects.create(case=Case.objects.create(person=person, **common))
    anonymous = Person.objects.create(anonymous_key="8f7a4c1e-0000-4000-8000-000000000004")
    packets["anonymous"] = Packet.objects.create(
        case=Case.objects.create(person=anonymous, **common)
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("forms_filler", "Packet")
    stored = {key: new.objects.get(pk=p.pk).person_language for key, p in packets.items()}
    assert stored == {"es": "es", "en": "en", "unset": "", "anonymous": ""}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
