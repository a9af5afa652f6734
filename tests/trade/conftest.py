"""A local HTTP server that replays recorded API responses, shared by the fetch tests."""

from __future__ import annotations

import http.server
import threading
import urllib.parse
from collections.abc import Iterator

import pytest

COMTRADE_KEY = "ct-secret-0123"
CENSUS_KEY = "census-secret-4567"


class Replay(http.server.BaseHTTPRequestHandler):
    """Serves `responses[path]`: a list of (status, headers, body) used one per request."""

    responses: dict[str, list[tuple[int, dict[str, str], bytes]]] = {}
    seen: list[tuple[str, dict[str, str], dict[str, list[str]]]] = []

    def do_GET(self) -> None:
        """Answer with the next recorded response for the path."""
        url = urllib.parse.urlsplit(self.path)
        Replay.seen.append((url.path, dict(self.headers), urllib.parse.parse_qs(url.query)))
        queue = Replay.responses.get(url.path) or [(404, {}, b"not recorded")]
        status, headers, body = queue.pop(0) if len(queue) > 1 else queue[0]
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Base URL of a fresh replay server; both API keys set to known fake values."""
    monkeypatch.setenv("COMTRADE_API_KEY", COMTRADE_KEY)
    monkeypatch.setenv("CENSUS_API_KEY", CENSUS_KEY)
    Replay.responses, Replay.seen = {}, []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
