"""One bounded HTTP GET for every fetcher: a total deadline, a body cap, credentials kept home.

Standard library only (`http.client`), because urllib's opener can neither bound a whole request
in time (its timeout is per socket read, so a server sending a byte a second holds it for ever)
nor keep a header off a redirect to another host.

* Deadline: the request, every redirect, the headers and the whole body must arrive before
  `deadline` (a `time.monotonic()` value). A watchdog shuts the socket down when the deadline
  passes, so even a read that is receiving a byte at a time stops then. Each socket operation
  also has the per-read `timeout`.
* Body cap: a body longer than `max_bytes` is refused (counted while reading, whatever the
  declared Content-Length says) and never held whole in memory.
* Redirects: only to http(s), at most `MAX_REDIRECTS`. When a redirect leaves the scheme, host
  and port the credentials were meant for, the `credential_headers` are not sent and the
  `credential_params` are removed from the new address's query before it is requested.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}
_READ = 65536


class HttpFailure(OSError):
    """The request did not complete: deadline passed, body over the cap, bad redirect, network.

    An OSError, so callers that retry connection errors retry these as well where they want.
    The message never contains a query string; for network errors it is the reason alone
    (callers name the address).
    """


class DeadlineExceeded(HttpFailure, TimeoutError):
    """The total deadline passed before the answer was complete."""


class BodyTooLarge(HttpFailure):
    """The body is longer than the cap."""


@dataclass
class Answer:
    """A complete HTTP answer (any status)."""

    status: int
    headers: http.client.HTTPMessage
    body: bytes
    url: str  # the address that answered (after redirects)


def public(url: str) -> str:
    """The address without its query string or user info: safe to print."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    default = 443 if parts.scheme.lower() == "https" else 80
    return (parts.scheme.lower(), (parts.hostname or "").lower(), parts.port or default)


def _without_params(url: str, names: frozenset[str]) -> str:
    parts = urlsplit(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in names]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def _once(
    url: str, headers: Mapping[str, str], deadline: float, timeout: float, max_bytes: int
) -> Answer:
    parts = urlsplit(url)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise DeadlineExceeded(f"deadline passed before requesting {public(url)}")
    per_op = max(0.001, min(timeout, remaining))
    conn_type = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    conn = conn_type(parts.hostname or "", parts.port, timeout=per_op)
    expired = threading.Event()

    def stop() -> None:
        expired.set()
        sock = conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(remaining, stop)
    watchdog.daemon = True
    watchdog.start()
    try:
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        conn.request("GET", target, headers=dict(headers))
        response = conn.getresponse()
        declared = response.getheader("Content-Length", "")
        if declared.strip().isdigit() and int(declared) > max_bytes:
            raise BodyTooLarge(
                f"{public(url)} announced {int(declared)} bytes, more than the cap of {max_bytes}"
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or expired.is_set():
                raise DeadlineExceeded(f"{public(url)} did not finish before the deadline")
            if conn.sock is not None:
                conn.sock.settimeout(max(0.001, min(timeout, left)))
            chunk = response.read1(_READ)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                raise BodyTooLarge(f"{public(url)} sent more than the cap of {max_bytes} bytes")
            chunks.append(chunk)
        if expired.is_set():
            raise DeadlineExceeded(f"{public(url)} did not finish before the deadline")
        return Answer(response.status, response.headers, b"".join(chunks), url)
    except HttpFailure:
        raise
    except (OSError, http.client.HTTPException) as exc:
        if expired.is_set() or time.monotonic() >= deadline:
            raise DeadlineExceeded(f"{public(url)} did not finish before the deadline") from None
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise HttpFailure(str(reason)) from None
    finally:
        watchdog.cancel()
        conn.close()


def get(
    url: str,
    headers: Mapping[str, str] | None = None,
    *,
    deadline: float,
    timeout: float,
    max_bytes: int,
    credential_headers: frozenset[str] = frozenset(),
    credential_params: frozenset[str] = frozenset(),
) -> Answer:
    """GET `url`, following redirects; the final answer whatever its status.

    Raises DeadlineExceeded, BodyTooLarge or HttpFailure (network errors, a redirect to a
    non-http address or too many redirects). See the module docstring for the guarantees.
    """
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise ValueError(f"only http(s) addresses can be fetched, not {public(url)}")
    home = _origin(url)
    sent = dict(headers or {})
    lowered_credentials = {h.lower() for h in credential_headers}
    for _ in range(MAX_REDIRECTS + 1):
        answer = _once(url, sent, deadline, timeout, max_bytes)
        location = answer.headers.get("Location")
        if answer.status not in _REDIRECTS or not location:
            return answer
        url = urljoin(url, location)
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise HttpFailure("redirect to a non-http address refused")
        if _origin(url) != home:
            sent = {k: v for k, v in sent.items() if k.lower() not in lowered_credentials}
            url = _without_params(url, credential_params)
    raise HttpFailure(f"more than {MAX_REDIRECTS} redirects from {public(url)}")
