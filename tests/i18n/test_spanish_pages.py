"""With Spanish chosen, the pages a person meets first are in Spanish, and say so in <html lang>.

Each page is checked for phrases from our catalog (or allauth's, for the login page), for the
absence of the English they replace, and for lang="es" on the root element.
"""

import pytest
from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from eligibility.models import Case
from forms_filler.emails import send_packet_notice
from forms_filler.packet_input import packet_input_for_case
from forms_filler.render.documents import case_parts
from tests.eligibility.interview import finish, probation_case, step_url
from tests.factories import make_case, make_packet, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    return client


@pytest.fixture
def spanish_petitioner(petitioner_client: Client) -> Client:
    petitioner_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    return petitioner_client


def page(client: Client, url: str) -> str:
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_spanish(html: str, spanish: list[str], english: list[str]) -> None:
    assert '<html lang="es">' in html
    for phrase in spanish:
        assert phrase in html, phrase
    for phrase in english:
        assert phrase not in html, phrase


def test_home_page_in_spanish(spanish):
    assert_spanish(
        page(spanish, "/"),
        spanish=[
            "Limpie una condena de California de sus antecedentes penales",
            "Es gratis. No necesita una cuenta para empezar.",
            "Información legal, no asesoría legal.",
            "Saltar al contenido principal",
            ">English</button>",  # the switch back, named in its own language
        ],
        english=["Clear a California conviction", "How it works", "Log in", "Skip to main"],
    )


def test_first_interview_step_in_spanish(spanish):
    html = page(spanish, "/screening/new/")
    assert_spanish(
        html,
        spanish=["¿En qué condado estaba la corte?", "Elija un condado", "Continuar", "Paso 1 de"],
        english=["Which county was the court in?", "Choose a county", "Continue", "Step 1 of"],
    )


def test_form_errors_in_spanish(spanish):
    spanish.get("/screening/new/")
    response = spanish.post(
        step_url("county"), {"interview-current_step": "county", "county-county": ""}
    )
    html = response.content.decode()
    assert_spanish(
        html,
        spanish=["Hay un problema", "Elija el condado."],
        english=["There is a problem", "Choose the county."],
    )


def test_results_page_and_engine_reasons_in_spanish(spanish_petitioner):
    html = finish(spanish_petitioner, probation_case())
    assert_spanish(
        html,
        spanish=[
            "Lo que usted puede hacer",
            "Puede pedirle a la corte que desestime esta condena ahora.",
            # Reasons written by the engine in English and translated at display time:
            "Le dieron libertad condicional, así que la petición es según PC 1203.4.",
            "Se cumplieron las condiciones de la libertad condicional durante todo el periodo",
            "Condado de Sacramento",
        ],
        english=[
            "What you can do",
            "You can ask the court to dismiss this conviction now.",
            "Probation was granted, so the petition is under PC 1203.4.",
            "The conditions of probation were fulfilled",
        ],
    )


def test_login_page_in_spanish(spanish):
    assert_spanish(
        page(spanish, "/accounts/login/"),
        spanish=["Iniciar sesión", "Contraseña"],
        english=["Sign In", "Password", "Forgot your password"],
    )


def test_privacy_page_in_spanish(spanish):
    assert_spanish(
        page(spanish, "/privacy/"),
        spanish=["Su información y su privacidad", "Lo que guardamos", "Quién la ve"],
        english=["What we store", "Who sees it", "How to get it or delete it"],
    )


def test_not_found_page_in_spanish(spanish):
    response = spanish.get("/no-such-page/")
    assert response.status_code == 404
    assert_spanish(
        response.content.decode(),
        spanish=["No encontramos esa página"],
        english=["We could not find that page"],
    )


def test_english_is_still_the_default(client):
    html = page(client, "/")
    assert '<html lang="en">' in html
    assert "Clear a California conviction from your record" in html
    assert ">Español</button>" in html


def test_signup_confirmation_email_in_spanish(spanish):
    """allauth's own emails come from its Spanish catalog when the person chose Spanish."""
    response = spanish.post(
        "/accounts/signup/",
        {
            "email": "lupe@example.org",
            "password1": "un caballo correcto",
            "password2": "un caballo correcto",
        },
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "correo electrónico" in mail.outbox[0].subject
    assert "Hello from" not in mail.outbox[0].body


def test_packet_notice_email_in_the_owners_language(petitioner):
    petitioner.preferred_language = "es"
    petitioner.save(update_fields=["preferred_language"])
    packet = make_packet(make_case(make_person(petitioner)))
    assert send_packet_notice(packet_id=packet.pk, kind="message")
    (email,) = mail.outbox
    assert email.subject == "Tiene un mensaje nuevo sobre sus papeles"
    assert "La clínica le escribió un mensaje nuevo sobre sus papeles." in email.body
    assert "Hello" not in email.body


def _spanish_cover(client: Client) -> str:
    finish(client, probation_case())
    packet = packet_input_for_case(case=Case.objects.get(), language="es")
    with translation.override("es"):
        (cover,) = [p for p in case_parts(packet, packet.cases[0]) if p.kind == "cover"]
        return render_to_string(cover.template, cover.context)


def test_packet_cover_page_in_spanish(spanish_petitioner):
    html = _spanish_cover(spanish_petitioner)
    assert '<html lang="es">' in html
    for phrase in ("Qué hacer, en orden", "Lea y firme.", "El fiscal de distrito."):
        assert phrase in html, phrase
    assert "What to do, in order" not in html


def test_packet_cover_engine_reasons_in_spanish(spanish_petitioner):
    html = _spanish_cover(spanish_petitioner)
    assert "Le dieron libertad condicional" in html
    assert "Probation was granted" not in html


def test_staff_review_page_in_spanish_with_the_catalogs_notes(staff_client, petitioner):
    from eligibility.engine.offenses import lookup, verify_note
    from eligibility.services import case_determine
    from forms_filler.models import ReviewStatus

    case = make_case(make_person(petitioner))
    case_determine(case=case)
    packet = make_packet(case, review_status=ReviewStatus.SUBMITTED)
    case.case_number = "24CR009999"
    case.save()  # a recorded edit
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    html = page(staff_client, f"/review/packets/{packet.pk}/")
    assert_spanish(
        html,
        spanish=[
            "Lo que encontró la revisión",
            "Elegible: el juez decide",  # make_case leaves answers unknown: the judge decides
            "Le dieron libertad condicional, así que la petición es según PC 1203.4.",
            "Violó la libertad condicional",  # the answers, named as staff read them
            "Caso: cambio (número de caso)",  # the history of edits
        ],
        english=[
            "Probation was granted",
            "Eligible: the judge decides",
            ">discretionary<",
            "Probation violated",
            "case_number",
            ": changed (",
        ],
    )
    # Staff see the catalog's open question for a lawyer; the person's pages leave it out.
    note = verify_note(lookup("PC", "484(a)"))
    assert note
    assert note in html.replace("&#x27;", "'").replace("&quot;", '"')
