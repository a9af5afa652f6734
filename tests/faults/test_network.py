"""Class 4: every fetch has a total deadline and a body cap; keys stay with their host.

The servers are local (127.0.0.1), bounded (a drip stops after `DRIP_MAX_S` whatever happens)
and shut down by their fixture.
"""

from __future__ import annotations

import http.server
import logging
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ingestion.http import DeadlineExceeded
from ingestion.http import get as http_get
from ingestion.news.fetch import fetch_feed
from ingestion.trade.fetch import Client, FetchError, fetch_census, fetch_comtrade
from orchestration.cli import main

pytestmark = pytest.mark.faults

DRIP_MAX_S = 20.0  # a dripping handler gives up after this long even if nobody hangs up
DEADLINE_S = 1.5
# Characters that change under URL encoding, so an encoded copy would differ from the raw key.
KEY = "k/3y+w1th&odd=chars ü%"
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


class Handler(http.server.BaseHTTPRequestHandler):
    """Answers with the behaviour its server's `behave` callable picks for each request."""

    def do_GET(self) -> None:
        self.server.seen.append((self.path, dict(self.headers.items())))  # type: ignore[attr-defined]
        self.server.behave(self)  # type: ignore[attr-defined]

    def log_message(self, *args: object) -> None:
        pass


def drip_body(handler: http.server.BaseHTTPRequestHandler) -> None:
    """Valid headers, then a body of one byte every 0.1 s (announced as a megabyte)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(1 << 20))
    handler.end_headers()
    _drip(handler, b"[" + b" " * (1 << 20))


def drip_headers(handler: http.server.BaseHTTPRequestHandler) -> None:
    """The status line and headers themselves, one byte every 0.1 s."""
    _drip(handler, b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 10_000 + b"\r\n\r\n")


def _drip(handler: http.server.BaseHTTPRequestHandler, data: bytes) -> None:
    stop = time.monotonic() + DRIP_MAX_S
    try:
        for byte in data:
            if time.monotonic() > stop:
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(0.1)
    except OSError:
        return  # the client hung up: what the test wants


def big_chunked(handler: http.server.BaseHTTPRequestHandler) -> None:
    """2 MB sent chunked, with no Content-Length to check beforehand."""
    handler.protocol_version = "HTTP/1.1"
    handler.send_response(200)
    handler.send_header("Transfer-Encoding", "chunked")
    handler.send_header("Connection", "close")
    handler.end_headers()
    try:
        for _ in range(32):
            block = b"x" * 65536
            handler.wfile.write(f"{len(block):x}\r\n".encode() + block + b"\r\n")
        handler.wfile.write(b"0\r\n\r\n")
    except OSError:
        return


def serve(behave: Callable) -> Iterator[http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.behave = behave  # type: ignore[attr-defined]
    server.seen = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def url_of(server: http.server.ThreadingHTTPServer, path: str = "/") -> str:
    return f"http://127.0.0.1:{server.server_port}{path}"


@pytest.fixture
def servers() -> Iterator[Callable[[Callable], http.server.ThreadingHTTPServer]]:
    started: list[Iterator] = []

    def start(behave: Callable) -> http.server.ThreadingHTTPServer:
        gen = serve(behave)
        started.append(gen)
        return next(gen)

    yield start
    for gen in started:
        next(gen, None)


@pytest.mark.parametrize("behave", [drip_body, drip_headers], ids=["body", "headers"])
def test_bounded_get_stops_a_slow_drip_at_the_deadline(servers, behave) -> None:
    server = servers(behave)
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        http_get(
            url_of(server),
            deadline=time.monotonic() + DEADLINE_S,
            timeout=30,
            max_bytes=1 << 30,
        )
    assert time.monotonic() - started < DEADLINE_S + 1.5


@pytest.mark.parametrize("behave", [drip_body, drip_headers], ids=["body", "headers"])
def test_feed_fetch_gives_up_at_the_deadline_and_stores_nothing(
    servers, behave, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:
    server = servers(behave)
    monkeypatch.setenv("LEDGER_FETCH_DEADLINE_S", str(DEADLINE_S))
    started = time.monotonic()
    with caplog.at_level(logging.WARNING):
        assert fetch_feed(url_of(server, "/feed.xml"), tmp_path / "feeds", timeout=30) is None
    assert time.monotonic() - started < DEADLINE_S + 1.5
    assert "LEDGER_FETCH_DEADLINE_S" in caplog.text
    assert not [p for p in (tmp_path / "feeds").iterdir() if p.suffix == ".xml"]


@pytest.mark.parametrize("behave", [drip_body, drip_headers], ids=["body", "headers"])
def test_trade_fetch_gives_up_at_the_deadline(
    servers, behave, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = servers(behave)
    monkeypatch.setenv("COMTRADE_API_KEY", KEY)
    monkeypatch.setenv("LEDGER_FETCH_DEADLINE_S", str(DEADLINE_S))
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"within the deadline of 1\.5 s") as caught:
        fetch_comtrade(
            tmp_path,
            "156",
            "842",
            "850511",
            "202506",
            base_url=url_of(server),
            client=Client(min_interval=0, timeout=30),
        )
    assert time.monotonic() - started < DEADLINE_S + 1.5
    assert KEY not in str(caught.value)
    assert not list(tmp_path.iterdir())


def test_body_over_the_cap_is_refused_by_every_fetcher(
    servers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = servers(big_chunked)
    monkeypatch.setenv("LEDGER_FETCH_MAX_BYTES", str(1 << 20))
    monkeypatch.setenv("CENSUS_API_KEY", KEY)
    with pytest.raises(FetchError, match=r"larger than the cap of 1048576 bytes"):
        fetch_census(
            tmp_path / "trade",
            "8505110070",
            "5700",
            "2025-06",
            base_url=url_of(server),
            client=Client(min_interval=0),
        )
    assert fetch_feed(url_of(server, "/feed.xml"), tmp_path / "feeds") is None
    assert not (tmp_path / "trade").exists()


def _redirecting(target: http.server.ThreadingHTTPServer) -> Callable:
    def behave(handler: http.server.BaseHTTPRequestHandler) -> None:
        # To another host (another port is another origin), echoing the query it was asked.
        handler.send_response(302)
        handler.send_header("Location", url_of(target, handler.path))
        handler.end_headers()

    return behave


def _answer(body: bytes) -> Callable:
    def behave(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return behave


def _forms(value: str) -> list[str]:
    return sorted(
        {
            value,
            urllib.parse.quote(value, safe=""),
            urllib.parse.quote(value),
            urllib.parse.quote_plus(value),
        }
    )


def test_keys_are_dropped_on_a_redirect_to_another_host_and_never_printed(
    servers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, caplog
) -> None:
    other = servers(_answer(b'{"count": 0, "data": []}'))
    first = servers(_redirecting(other))
    monkeypatch.setenv("COMTRADE_API_KEY", KEY)
    monkeypatch.setenv("CENSUS_API_KEY", KEY)
    monkeypatch.setattr("ingestion.trade.fetch.Client.min_interval", 0.0)
    home = tmp_path / "home"
    with caplog.at_level(logging.DEBUG):
        code = main(
            [
                "fetch-trade",
                "comtrade",
                "--reporter",
                "156",
                "--partner",
                "842",
                "--cmd",
                "850511",
                "--period",
                "2025-06",
                "--home",
                str(home),
                "--base-url",
                url_of(first),
            ]
        )
    assert code == 0
    # The first host got the key header; the other host got the request without it.
    [(_, first_headers)] = first.seen
    assert first_headers["Ocp-Apim-Subscription-Key"] == KEY
    [(path, headers)] = other.seen
    assert "Ocp-Apim-Subscription-Key" not in headers
    assert path.startswith("/data/v1/get/C/M/HS?")

    # Census: the key is a parameter; the redirect echoes it, the other host must not get it.
    other.seen.clear()
    other.behave = _answer(b"[]")  # type: ignore[attr-defined]
    first.seen.clear()
    code = main(
        [
            "fetch-trade",
            "census",
            "--direction",
            "imports",
            "--cty",
            "5700",
            "--hs",
            "8505110070",
            "--period",
            "2025-06",
            "--home",
            str(home),
            "--base-url",
            url_of(first),
        ]
    )
    assert code == 0
    [(first_path, _)] = first.seen
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(first_path).query)["key"] == [KEY]
    [(path, headers)] = other.seen
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    assert "key" not in query and query["CTY_CODE"] == ["5700"]
    received = path + " " + " ".join(f"{k}: {v}" for k, v in headers.items())
    printed = capsys.readouterr()
    saved = " ".join(p.read_text() for p in home.rglob("*.json"))
    for form in _forms(KEY):
        assert form not in received
        assert form not in printed.out + printed.err
        assert form not in caplog.text
        assert form not in saved


def test_a_key_echoed_in_an_error_is_masked_in_every_form(
    servers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    def refuse(handler: http.server.BaseHTTPRequestHandler) -> None:
        # A server that echoes the request (with its percent-encoded key) in its error page,
        # the key sitting across the 200th character so a cut would show part of it.
        body = ("x" * 150 + " denied: " + handler.path + " raw " + KEY).encode()
        handler.send_response(403)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server = servers(refuse)
    monkeypatch.setenv("CENSUS_API_KEY", KEY)
    code = main(
        [
            "fetch-trade",
            "census",
            "--direction",
            "imports",
            "--cty",
            "5700",
            "--hs",
            "8505110070",
            "--period",
            "2025-06",
            "--home",
            str(tmp_path),
            "--base-url",
            url_of(server),
        ]
    )
    assert code == 1
    out, err = capsys.readouterr()
    assert "HTTP 403" in err and len(err.strip().splitlines()) == 1
    for form in _forms(KEY):
        assert form not in out + err
    # Not even a piece of the key: its longest run without characters that encoding changes.
    assert "k/3y" not in err and "w1th" not in err


def test_a_deeply_nested_api_answer_is_a_clear_error_not_a_crash(
    servers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = servers(_answer(b"[" * 100_000 + b"]" * 100_000))
    monkeypatch.setenv("CENSUS_API_KEY", KEY)
    with pytest.raises(FetchError, match=r"^Census answered with JSON nested 100000 levels deep"):
        fetch_census(
            tmp_path,
            "8505110070",
            "5700",
            "2025-06",
            base_url=url_of(server),
            client=Client(min_interval=0),
        )
    assert not list(tmp_path.iterdir())
