"""The development email backend prints links whole and accents as they are."""

import io

from django.core.mail import EmailMessage

from expunge_portal.site.console_email import EmailBackend

LINK = (
    "http://127.0.0.1:8001/accounts/confirm-email/MTI3:1tQxyz:abcdefghijklmnopqrstuvwxyz0123456789/"
)


def test_a_long_link_and_accents_print_unbroken() -> None:
    stream = io.StringIO()
    message = EmailMessage(
        subject="Confirme su correo electrónico",
        body=f"Para confirmarlo, abra este enlace:\n{LINK}\n\nGracias, Expunge Portal",
        from_email="noreply@localhost",
        to=["rosa@example.org"],
    )
    assert EmailBackend(stream=stream).send_messages([message]) == 1
    printed = stream.getvalue()
    assert LINK in printed.splitlines()
    assert "Subject: Confirme su correo electrónico" in printed
    assert "To: rosa@example.org" in printed
    assert "=\n" not in printed
