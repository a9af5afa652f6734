"""fetch_feed against a local HTTP server: conditional requests, retries, timeouts, dedup."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ingestion.news import parse_news_file
from ingestion.news.fetch import STATE_FILE, fetch_feed

FEED = (Path(__file__).resolve().parents[1] / "fixtures" / "news" / "feed.rss").read_bytes()


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Server:
    """A scripted server: `respond` decides the reply from the request headers."""

    url: str
    requests: list[dict[str, str]]
    respond: Callable[[dict[str, str]], Reply]


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server(url="", requests=[], respond=lambda headers: Reply(body=FEED))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            state.requests.append(headers)
            reply = state.respond(headers)
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/feeds/trade.rss"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def body_files(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.iterdir() if p.name != STATE_FILE)


def test_etag_304_returns_the_stored_file(server: Server, tmp_path: Path) -> None:
    def respond(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"v1"':
            return Reply(status=304)
        return Reply(body=FEED, headers={"ETag": '"v1"', "Content-Type": "application/rss+xml"})

    server.respond = respond
    first = fetch_feed(server.url, tmp_path)
    second = fetch_feed(server.url, tmp_path)
    assert first is not None and first == second
    assert first.read_bytes() == FEED
    assert "if-none-match" not in server.requests[0]
    assert server.requests[1]["if-none-match"] == '"v1"'
    assert body_files(tmp_path) == [first.name]
    state = json.loads((tmp_path / STATE_FILE).read_text())
    assert state[server.url]["etag"] == '"v1"'
    # The stored file is named by content and parses as a feed.
    assert first.suffix == ".rss"
    assert parse_news_file(first).records.height == 2


def test_last_modified_is_sent_back(server: Server, tmp_path: Path) -> None:
    stamp = "Wed, 05 Nov 2025 10:00:00 GMT"

    def respond(headers: dict[str, str]) -> Reply:
        if headers.get("if-modified-since") == stamp:
            return Reply(status=304)
        return Reply(body=FEED, headers={"Last-Modified": stamp})

    server.respond = respond
    first = fetch_feed(server.url, tmp_path)
    assert fetch_feed(server.url, tmp_path) == first
    assert server.requests[1]["if-modified-since"] == stamp


def test_same_content_twice_is_stored_once(server: Server, tmp_path: Path) -> None:
    versions = iter(['"a"', '"b"', '"c"'])
    bodies = iter([FEED, FEED, FEED.replace(b"Vessel fees", b"Vessel levies")])
    server.respond = lambda headers: Reply(body=next(bodies), headers={"ETag": next(versions)})
    first = fetch_feed(server.url, tmp_path)
    second = fetch_feed(server.url, tmp_path)
    third = fetch_feed(server.url, tmp_path)
    assert first == second != third
    assert len(body_files(tmp_path)) == 2


def test_retry_after_503_then_200(server: Server, tmp_path: Path) -> None:
    replies = iter([Reply(status=503, body=b"busy"), Reply(body=FEED)])
    server.respond = lambda headers: next(replies)
    path = fetch_feed(server.url, tmp_path, backoff=0.01)
    assert path is not None and path.read_bytes() == FEED
    assert len(server.requests) == 2


def test_gives_up_after_retries(server: Server, tmp_path: Path) -> None:
    server.respond = lambda headers: Reply(status=502)
    assert fetch_feed(server.url, tmp_path, retries=2, backoff=0.01) is None
    assert len(server.requests) == 3
    assert body_files(tmp_path) == []


def test_client_error_is_not_retried(server: Server, tmp_path: Path) -> None:
    server.respond = lambda headers: Reply(status=404)
    assert fetch_feed(server.url, tmp_path, backoff=0.01) is None
    assert len(server.requests) == 1


def test_timeout(server: Server, tmp_path: Path) -> None:
    server.respond = lambda headers: Reply(body=FEED, delay=1.5)
    started = time.perf_counter()
    assert fetch_feed(server.url, tmp_path, timeout=0.2, retries=1, backoff=0.01) is None
    assert time.perf_counter() - started < 1.2
    assert len(server.requests) == 2


def test_connection_refused(tmp_path: Path) -> None:
    # Port 9 (discard) on localhost is closed in test environments: the connection is refused.
    assert fetch_feed("http://127.0.0.1:9/feed.xml", tmp_path, retries=1, backoff=0.01) is None


def test_body_over_cap_is_not_stored(server: Server, tmp_path: Path) -> None:
    server.respond = lambda headers: Reply(body=b"<rss>" + b"x" * 5000 + b"</rss>")
    assert fetch_feed(server.url, tmp_path, max_bytes=1000) is None
    assert body_files(tmp_path) == []


def test_only_http_urls(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="only http"):
        fetch_feed("file:///etc/passwd", tmp_path)


def test_lost_cache_file_means_unconditional_fetch(server: Server, tmp_path: Path) -> None:
    server.respond = lambda headers: (
        Reply(status=304) if "if-none-match" in headers else Reply(body=FEED, headers={"ETag": "x"})
    )
    first = fetch_feed(server.url, tmp_path)
    assert first is not None
    first.unlink()
    again = fetch_feed(server.url, tmp_path)
    assert again == first and again.is_file()
    assert "if-none-match" not in server.requests[1]


def test_parsing_never_fetches_an_external_dtd(server: Server, tmp_path: Path) -> None:
    """A DOCTYPE pointing at a server must not make the parsers request it."""
    server.respond = lambda headers: Reply(body=b'<!ENTITY x "injected">')
    dtd = server.url.replace("/feeds/trade.rss", "/evil.dtd")
    feed = tmp_path / "dtd.rss"
    feed.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{dtd}"><rss version="2.0"><channel>'
        "<title>t</title><item><title>Wire duty</title><link>https://e.example/1</link>"
        "<description>Customs raised the duty on steel wire this week.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    page = tmp_path / "dtd.html"
    page.write_text(
        f'<!DOCTYPE html SYSTEM "{dtd}"><html><body><article><p>Customs raised the duty on '
        "steel wire this week, officials said in a statement on Monday. &x;</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    assert parse_news_file(feed).records["text"].to_list() == [
        "Customs raised the duty on steel wire this week."
    ]
    assert "injected" not in parse_news_file(page).records["text"][0]
    assert server.requests == []
