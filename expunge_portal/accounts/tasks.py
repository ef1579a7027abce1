"""Account emails (sign-up confirmation, "you already have an account", password reset) are
sent by the background worker, so a sign-up answers in the same time whether or not the email
already has an account (an SMTP round trip in the request would tell them apart)."""

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_account_email(
    *, subject: str, body: str, from_email: str, to: list[str], html: str = ""
) -> None:
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
