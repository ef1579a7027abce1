"""Development email, printed to the console as a person would read it."""

from django.core.mail import EmailMessage
from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend


class EmailBackend(DjangoConsoleBackend):
    """Django's console backend prints the wire form, where quoted-printable breaks long links
    with "=" line ends and encodes accents. This one prints the headers and the text decoded, so
    a sign-up link can be opened (or copied) as it is."""

    def write_message(self, message: EmailMessage) -> None:
        wire = message.message()
        headers = "".join(
            f"{name}: {value}\n"
            for name, value in wire.items()
            if not name.lower().startswith(("content-", "mime-"))
        )
        texts = [part for part in wire.walk() if part.get_content_type() == "text/plain"]
        parts = texts or [part for part in wire.walk() if part.get_content_maintype() == "text"]
        body = "\n".join(str(part.get_content()) for part in parts)
        self.stream.write(f"{headers}\n{body}\n{'-' * 79}\n")
