"""The renderer fetches nothing but our own assets, and people's text stays text."""

import http.server
import threading
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pypdf
import pytest

from forms_filler.render import render_packet_pdf
from forms_filler.render.url_fetcher import DATA_URL_LIMIT, PacketURLFetcher, RefusedURL

from .conftest import case, count, packet, page_texts

# "Hello, world" in Arabic, escaped because its letters look like Latin ones to the linter.
ARABIC = "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645"


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args: object) -> None:
        """Quiet: the test reads `requests` instead."""


@pytest.fixture
def local_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request it gets; a fetch would show here."""
    requests: list[str] = []
    handler = type("Handler", (_Recorder,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


# --- The fetcher on its own -------------------------------------------------------------------


def test_fetcher_serves_our_stylesheet_and_fonts():
    fetcher = PacketURLFetcher()
    css = fetcher.fetch("packet-asset:packet.css")
    assert css.content_type == "text/css"
    assert b"@font-face" in css.read()
    font = fetcher.fetch("packet-asset:fonts/DejaVuSansCondensed.ttf")
    assert font.content_type == "font/ttf"
    assert font.read(4) == b"\x00\x01\x00\x00"  # a TrueType file


def test_fetcher_serves_a_tiny_data_url():
    response = PacketURLFetcher().fetch("data:text/plain,hello")
    assert response.read() == b"hello"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "file://localhost/etc/hostname",
        "https://example.org/font.ttf",
        "ftp://example.org/x.css",
        "packet-asset:../../../../etc/passwd",
        "packet-asset:fonts/../../expunge_portal/settings/base.css",
        "packet-asset:%2e%2e/%2e%2e/etc/passwd.css",
        "packet-asset:/etc/hosts.css",
        "packet-asset:fonts/missing.ttf",
        "packet-asset:fonts/LICENSE-DejaVu.txt",
        "data:text/plain," + "x" * DATA_URL_LIMIT,
        "javascript:alert(1)",
        "relative/path.css",
    ],
)
def test_fetcher_refuses_everything_else(url):
    fetcher = PacketURLFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]
    assert fetcher.served == []


def test_fetcher_refuses_http_without_connecting(local_server):
    base, requests = local_server
    with pytest.raises(RefusedURL):
        PacketURLFetcher().fetch(f"{base}/font.ttf")
    assert requests == []


def test_fetcher_refuses_a_symlink_out_of_the_asset_folder(tmp_path: Path):
    outside = tmp_path / "secret.css"
    outside.write_text("secret")
    root = tmp_path / "assets"
    root.mkdir()
    (root / "evil.css").symlink_to(outside)
    with pytest.raises(RefusedURL):
        PacketURLFetcher(root=root).fetch("packet-asset:evil.css")


# --- Through rendering ------------------------------------------------------------------------


def test_hostile_text_comes_out_as_literal_text_and_nothing_is_fetched(local_server):
    base, requests = local_server
    hostile = {
        "name": "<script>alert(1)</script> José Ñúñez",
        "street": "<img src=file:///etc/passwd> 12 Calle Mayor",
        "city": "תל אביב",
        "email": f"</style><style>@import url({base}/import.css);</style>",
        "phone": f'<link rel="stylesheet" href="{base}/link.css">',
    }
    css_like = f'p {{ background: url({base}/background.png) }} </style> <img src="{base}/p.png">'
    declaration = f"{css_like}\n{ARABIC}\nmañana será otro día"
    the_case = case(
        case_number=f'<iframe src="{base}/frame">',
        counts=(count(title=f"url({base}/title)"),),
        outcome="discretionary",
        form_item="2c",
    )
    fetcher = PacketURLFetcher()
    pdf = render_packet_pdf(
        packet(the_case, declaration=declaration, **hostile), url_fetcher=fetcher
    )

    assert requests == []
    assert fetcher.refused == []
    assert all(url.startswith("packet-asset:") for url in fetcher.served)
    # Long values wrap, so compare without whitespace.
    text = "".join("".join(page_texts(pdf)).split())
    literal = (*hostile.values(), f'<iframe src="{base}/frame">', *declaration.splitlines())
    for value in literal:
        assert "".join(value.split()) in text
    assert b"/URI" not in pdf  # no link annotations smuggled in


def test_a_5000_character_name_wraps_inside_the_page():
    name = "Bartholomew" * 455  # 5,005 characters, no space to break at
    pdf = render_packet_pdf(packet(case(), name=name))
    reader = pypdf.PdfReader(BytesIO(pdf))
    widest = 0.0

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        nonlocal widest
        if text.strip():
            widest = max(widest, cm[0] * tm[4] + cm[4])

    for page in reader.pages[:4]:
        page.extract_text(visitor_text=visit)
    assert 0 < widest < float(reader.pages[0].mediabox.width)
    text = "".join(page_texts(pdf)).replace(" ", "")
    assert name in text
