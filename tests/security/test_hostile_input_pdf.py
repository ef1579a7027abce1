"""Hostile text typed on the web reaches the PDF as literal text, and rendering fetches nothing.

End to end: the person's details form, the packet request (rendered by the real task on commit),
the download; pypdf reads the text back."""

import http.server
import re
import threading
from collections.abc import Iterator

import pytest
from django.test import Client

from forms_filler.models import PacketVersion, RenderStatus
from tests.factories import make_case, make_person
from tests.forms_filler.conftest import page_texts

pytestmark = pytest.mark.django_db


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        """Quiet: the test reads `requests`."""


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    requests: list[str] = []
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), type("Handler", (_Recorder,), {"requests": requests})
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def squeezed(text: str) -> str:
    """Without whitespace: the PDF wraps long values across lines."""
    return re.sub(r"\s+", "", text)


def test_details_typed_on_the_web_print_literally(
    petitioner, petitioner_client: Client, listener, django_capture_on_commit_callbacks
) -> None:
    base, requests = listener
    case = make_case(make_person(petitioner))
    hostile = {
        "full_name": "<script>alert(1)</script> {{7*7}}",
        "street": f'"><img src={base}/pixel.png onerror=alert(1)>',
        "city": "{% debug %} '; DROP TABLE eligibility_case; --",
    }
    details = {"state": "CA", "zip_code": "95814", "phone": "916-555-0100", **hostile}
    response = petitioner_client.post(f"/packets/case/{case.pk}/details/", details)
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert petitioner_client.post(f"/packets/case/{case.pk}/").status_code == 302
    version = PacketVersion.objects.get(packet__case=case)
    assert version.status == RenderStatus.READY, version.error
    download = petitioner_client.get(f"/packets/case/{case.pk}/v{version.number}/download/")
    pdf = download.content
    text = squeezed(" ".join(page_texts(pdf)))
    for value in hostile.values():
        assert squeezed(value) in text, f"not printed literally: {value}"
    assert requests == [], f"rendering fetched {requests}"
