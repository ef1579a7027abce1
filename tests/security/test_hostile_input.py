"""An XSS and injection corpus through every free-text field: the interview (case number,
offense, name, address, phone, email), the packet details form, the statement to the judge, staff
messages, internal notes and the "request changes" message. Each value is either refused with an
error beside its field (and nothing saved) or saved exactly as typed and shown only as text,
never a server error."""

import json

import pytest
from django.test import Client

from eligibility.models import Case, Count, Person
from forms_filler.models import Message, ReviewEvent
from forms_filler.models import ReviewStatus as S
from tests.eligibility.interview import ABOUT_YOU, answer, probation_case, step_url, walk

from .conftest import World
from .corpus import PAYLOADS, assert_inert, error_beside, shown_escaped

pytestmark = pytest.mark.django_db

# (interview step, field) for every free-text answer.
INTERVIEW_FIELDS = [
    ("case-number", "case_number"),
    ("offenses", "0-offense"),
    ("about-you", "full_name"),
    ("about-you", "street"),
    ("about-you", "city"),
    ("about-you", "zip_code"),
    ("about-you", "phone"),
    ("about-you", "email"),
]
# Values that can never be valid anywhere: too long, or a NUL byte.
ALWAYS_REFUSED = {"long", "nul"}
# Fields with a shape (a case number, a ZIP code, a phone number, an email, a state): every
# payload is refused. Names, addresses, offenses and messages are free text: kept as typed.
SHAPED_FIELDS = {"case_number", "zip_code", "phone", "email", "state"}


def must_refuse(field: str, payload_name: str) -> bool:
    return payload_name in ALWAYS_REFUSED or field in SHAPED_FIELDS


def _steps_with(step: str, field: str, value: str) -> list[tuple[str, dict]]:
    steps = [*probation_case(), ("about-you", dict(ABOUT_YOU))]
    result = []
    for name, data in steps:
        data = dict(data)
        if name == step:
            data[field] = value
        result.append((name, data))
    return result


@pytest.mark.parametrize("payload_name", PAYLOADS)
@pytest.mark.parametrize(("step", "field"), INTERVIEW_FIELDS)
def test_interview_field(petitioner_client: Client, petitioner, step, field, payload_name):
    payload = PAYLOADS[payload_name]
    steps = _steps_with(step, field, payload)
    index = [name for name, _ in steps].index(step)
    walk(petitioner_client, steps[:index])
    response = answer(petitioner_client, step, steps[index][1])
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        html = response.content.decode()
        assert error_beside(html, f"id_{step}-{field}"), f"no error beside {step}-{field}"
        assert 'class="error-summary"' in html
        assert_inert(html, payload)
        assert not Case.objects.exists()
        return
    assert not must_refuse(field, payload_name), f"{payload_name!r} accepted by {step}-{field}"
    for name, data in steps[index + 1 :]:
        assert answer(petitioner_client, name, data).status_code == 302
    check = petitioner_client.get(step_url("check")).content.decode()
    assert_inert(check, payload)
    assert shown_escaped(check, payload), "the accepted answer is not on the check page"
    assert answer(petitioner_client, "check", {}).status_code == 302
    stored = _stored(petitioner, step, field)
    assert stored == payload
    for page in ("/screening/results/", "/my/"):
        body = petitioner_client.get(page).content.decode()
        assert_inert(body, payload)
    export = petitioner_client.get("/accounts/my-data/")
    # JSON, downloaded, never sniffed as HTML: the value is there exactly as typed.
    assert export["Content-Type"] == "application/json"
    assert export["Content-Disposition"].startswith("attachment")
    assert export["X-Content-Type-Options"] == "nosniff"
    assert payload in json.dumps(export.json(), ensure_ascii=False)


def _stored(user, step: str, field: str) -> str:
    case = Case.objects.get(person__owner=user)
    if step == "case-number":
        return case.case_number
    if step == "offenses":
        return Count.objects.get(case=case).typed
    return getattr(Person.objects.get(owner=user), field)


@pytest.mark.parametrize("payload_name", PAYLOADS)
@pytest.mark.parametrize(
    "field", ["full_name", "street", "city", "state", "zip_code", "phone", "email"]
)
def test_packet_details_field(world: World, field: str, payload_name: str) -> None:
    payload = PAYLOADS[payload_name]
    person = world.case.person
    before = {f: getattr(person, f) for f in ("full_name", "street", "city", "phone", "email")}
    data = {
        "full_name": "Ana Ruiz",
        "street": "1 Main St",
        "city": "Sacramento",
        "state": "CA",
        "zip_code": "95814",
        "phone": "916-555-0100",
        "email": "ana@example.org",
        field: payload,
    }
    client = world.client("owner")
    url = f"/packets/case/{world.case.pk}/details/"
    response = client.post(url, data)
    assert response.status_code in (200, 302)
    person.refresh_from_db()
    if response.status_code == 200:
        html = response.content.decode()
        assert error_beside(html, f"id_{field}"), f"no error beside {field}"
        assert_inert(html, payload)
        assert {f: getattr(person, f) for f in before} == before, "half-saved"
        return
    assert not must_refuse(field, payload_name), f"{payload_name!r} accepted by {field}"
    assert getattr(person, field) == payload.strip()
    for page in (f"/packets/case/{world.case.pk}/", f"/review/packets/{world.packet.pk}/"):
        role = "owner" if page.startswith("/packets") else "staff"
        html = world.client(role).get(page).content.decode()
        assert_inert(html, payload)


@pytest.mark.parametrize("payload_name", PAYLOADS)
@pytest.mark.parametrize("kind", ["message", "note", "request_changes"])
def test_staff_texts(world: World, kind: str, payload_name: str) -> None:
    payload = PAYLOADS[payload_name]
    staff = world.client("staff")
    packet_url = f"/review/packets/{world.packet.pk}/"
    # Opening the packet starts its review (one event); the decision form carries its revision.
    revision = staff.get(packet_url).context["decision_form"]["revision"].value()
    messages_before = Message.objects.count()
    events_before = ReviewEvent.objects.count()
    response = staff.post(
        packet_url + "action/", {"decision": kind, "message": payload, "revision": revision}
    )
    world.packet.refresh_from_db()
    saved = Message.objects.count() > messages_before  # (PostgreSQL cannot even query a NUL)
    if payload_name in ALWAYS_REFUSED:
        # The page again, the error beside the box: never a 500, nothing half-saved.
        assert response.status_code == 200
        assert not saved
        assert world.packet.review_status == S.IN_REVIEW, "status changed without a message"
        assert ReviewEvent.objects.count() == events_before
        html = response.content.decode()
        assert error_beside(html, "id_message"), "no error beside the message"
        assert_inert(html, payload)
        return
    assert response.status_code == 302
    assert saved
    assert Message.objects.order_by("-pk").first().body == payload.strip()
    for role, url in (("staff", packet_url), ("owner", f"/packets/case/{world.case.pk}/")):
        html = world.client(role).get(url).content.decode()
        assert_inert(html, payload)
        if role == "owner" and kind == "note":
            assert payload not in html
            assert not shown_escaped(html, payload)
        elif kind != "note" or role == "staff":
            assert shown_escaped(html, payload.strip()), f"{kind} not shown to {role}"


@pytest.mark.parametrize("payload_name", PAYLOADS)
def test_the_persons_reply(world: World, payload_name: str) -> None:
    payload = PAYLOADS[payload_name]
    url = f"/packets/case/{world.case.pk}/"
    before = Message.objects.count()
    response = world.client("owner").post(url + "reply/", {"body": payload})
    if payload_name in ALWAYS_REFUSED:
        assert response.status_code == 200
        html = response.content.decode()
        assert error_beside(html, "id_body"), "no error beside the reply"
        assert_inert(html, payload)
        assert Message.objects.count() == before
        return
    assert response.status_code == 302
    assert Message.objects.order_by("-pk").first().body == payload.strip()
    for role, page in (("owner", url), ("staff", f"/review/packets/{world.packet.pk}/")):
        html = world.client(role).get(page).content.decode()
        assert_inert(html, payload)
        assert shown_escaped(html, payload.strip()), f"reply not shown to {role}"


@pytest.mark.parametrize("payload_name", PAYLOADS)
def test_statement_to_the_judge(world: World, payload_name: str) -> None:
    payload = PAYLOADS[payload_name]
    client = world.client("owner")
    url = f"/packets/case/{world.case.pk}/statement/"
    response = client.post(url, {"statement": payload})
    assert response.status_code in (200, 302)
    world.case.refresh_from_db()
    if response.status_code == 200:
        html = response.content.decode()
        assert error_beside(html, "id_statement"), "no error beside the statement"
        assert_inert(html, payload)
        assert world.case.statement == "", "half-saved"
        return
    assert payload_name not in ALWAYS_REFUSED, payload_name
    assert world.case.statement == payload.strip()
    for role, page in (("owner", url), ("staff", f"/review/packets/{world.packet.pk}/")):
        assert_inert(world.client(role).get(page).content.decode(), payload)
