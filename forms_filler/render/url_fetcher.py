"""The only door through which WeasyPrint may read anything while rendering a packet.

Packets hold text people typed. Autoescaping keeps that text out of the markup, and this fetcher is
the second wall: even if markup or CSS ever carried a URL, WeasyPrint could read only our own PDF
stylesheet and fonts (in `forms_filler/pdf_assets/`, not web static files, named with the
private `packet-asset:` scheme) and tiny `data:` URLs. Every other URL — `file://` anywhere,
`http(s)://`, FTP, large `data:` — is refused without touching the disk or the network.
"""

import logging
import re
import ssl
from pathlib import Path
from urllib.parse import unquote
from urllib.request import DataHandler, Request

from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

ASSET_SCHEME = "packet-asset:"
# Small enough that no tracking pixel or smuggled document fits, big enough for a tiny inline icon.
DATA_URL_LIMIT = 1024
_ASSET_TYPES = {".css": "text/css", ".ttf": "font/ttf"}
# Asset names are ours: words, one optional folder, no dot before the suffix (so never "..").
_ASSET_NAME = re.compile(r"(?:[a-z0-9_-]+/)?[A-Za-z0-9_-]+\.(?:css|ttf)")
# WeasyPrint's base fetcher builds an HTTPS handler, and without a context it loads the system's
# certificate store: about 18 ms, a twentieth of a render, on every fetcher. Ours never opens
# https (fetch refuses it), so it gets this shared context, which trusts no certificate at all.
_NO_TRUST = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def asset_root() -> Path:
    return (Path(__file__).resolve().parent.parent / "pdf_assets").resolve()


def asset_url(name: str) -> str:
    """The URL templates and stylesheets use for one of our assets, e.g. `fonts/X.ttf`."""
    return f"{ASSET_SCHEME}{name}"


class RefusedURL(ValueError):
    """Raised for any URL outside the allow-list; WeasyPrint logs it and renders without it."""


class PacketURLFetcher(URLFetcher):
    """Serves `packet-asset:` names from `forms_filler/pdf_assets/` and small `data:` URLs;
    refuses the rest.

    `refused` records every refused URL, so tests (and logs) can see what was attempted.
    """

    def __init__(self, *, root: Path | None = None, data_limit: int = DATA_URL_LIMIT) -> None:
        super().__init__(fail_on_errors=False, ssl_context=_NO_TRUST)
        self.root = (root or asset_root()).resolve()
        self.data_limit = data_limit
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith(ASSET_SCHEME):
            response = self._asset(url)
        elif url[:5].lower() == "data:":
            response = self._data(url)
        else:
            response = None
        if response is None:
            self.refused.append(url)
            logger.warning("Packet renderer refused a URL: %.200s", url)
            raise RefusedURL(f"URL not allowed in packets: {url[:200]}")
        self.served.append(url)
        return response

    def _asset(self, url: str) -> URLFetcherResponse | None:
        name = unquote(url.removeprefix(ASSET_SCHEME))
        if not _ASSET_NAME.fullmatch(name):
            return None
        path = (self.root / name).resolve()
        # The name pattern already excludes "..": this is the belt to its braces (e.g. symlinks).
        if not path.is_relative_to(self.root) or not path.is_file():
            return None
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": _ASSET_TYPES[path.suffix]}
        )

    def _data(self, url: str) -> URLFetcherResponse | None:
        if len(url) > self.data_limit:
            return None
        # The standard library's data: decoder parses the URL locally and opens nothing; only
        # data: URLs reach this line.
        decoded = DataHandler().data_open(Request(url))  # noqa: S310
        return URLFetcherResponse(
            url, body=decoded.read(), headers={"Content-Type": decoded.headers["Content-Type"]}
        )
