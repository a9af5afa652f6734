"""Polite fetching of news feeds into a content-addressed cache (standard library only).

Each url's ETag and Last-Modified are remembered in `fetch_state.json` in the cache folder so the
next fetch is conditional; a 304 answer costs no download and returns the file stored before.
Bodies are stored under their sha256, so the same content fetched twice is one file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from ingestion.http import BodyTooLarge, DeadlineExceeded, HttpFailure, public
from ingestion.http import get as http_get
from ingestion.limits import fetch_deadline_s, fetch_max_bytes
from ingestion.news.reading import DEFAULT_MAX_BYTES

log = logging.getLogger(__name__)

STATE_FILE = "fetch_state.json"
USER_AGENT = "tradeledger-ingest/0.1 (+https://github.com/tradeledger)"
_MAX_BACKOFF_SECONDS = 30.0
_SUFFIX_BY_TYPE = (
    ("atom", ".atom"),
    ("rss", ".rss"),
    ("xml", ".xml"),
    ("html", ".html"),
    ("json", ".jsonl"),
    ("text/plain", ".txt"),
)


def _load_state(cache_dir: Path) -> dict[str, dict]:
    try:
        state = json.loads((cache_dir / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # a missing or damaged state only costs one unconditional fetch
    return state if isinstance(state, dict) else {}


def _write_atomically(target: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so readers never see half a file."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _save_state(cache_dir: Path, state: dict[str, dict]) -> None:
    _write_atomically(
        cache_dir / STATE_FILE, json.dumps(state, indent=2, sort_keys=True).encode("utf-8")
    )


def _suffix(url: str, content_type: str) -> str:
    """A file extension that lets `parse_news_file` pick the right parser."""
    path_suffix = Path(urlsplit(url).path).suffix.lower()
    if path_suffix in (".xml", ".rss", ".atom", ".html", ".htm", ".jsonl", ".txt"):
        return path_suffix
    content_type = content_type.lower()
    for needle, suffix in _SUFFIX_BY_TYPE:
        if needle in content_type:
            return suffix
    return ".xml"  # this is a feed fetcher: assume a feed and let sniffing confirm it


def _read_capped(response, max_bytes: int) -> bytes | None:  # type: ignore[no-untyped-def]
    """The body, or None when it exceeds `max_bytes` (counted while streaming; the declared
    Content-Length may lie)."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        return None
    chunks, total = [], 0
    while chunk := response.read(65536):
        total += len(chunk)
        if total > max_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _store(
    cache_dir: Path,
    state: dict[str, dict],
    url: str,
    body: bytes,
    content_type: str,
    etag: str | None,
    last_modified: str | None,
) -> Path:
    """Keep `body` under its content hash (once) and remember the validators for next time."""
    digest = hashlib.sha256(body).hexdigest()
    target = cache_dir / f"{digest}{_suffix(url, content_type)}"
    if not target.exists():
        _write_atomically(target, body)
    state[url] = {
        "etag": etag,
        "last_modified": last_modified,
        "file": target.name,
        "sha256": digest,
        "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    _save_state(cache_dir, state)
    return target


def fetch_feed(
    url: str,
    cache_dir: Path,
    timeout: float = 10.0,
    retries: int = 3,
    *,
    backoff: float = 1.0,
    max_bytes: int | None = None,
    deadline_s: float | None = None,
) -> Path | None:
    """Fetch `url` into `cache_dir` and return the stored file, or None when it cannot be had.

    Conditional GET with the remembered ETag / Last-Modified; 304 returns the file stored
    before. 5xx answers, timeouts and connection errors are retried up to `retries` more times
    with exponential back-off (`backoff`, 2x, 4x ... seconds, or the server's Retry-After when
    shorter than 30 s). 4xx answers and bodies over `max_bytes` are not retried. Only http and
    https urls are accepted (ValueError otherwise), also as redirect targets. The whole fetch,
    retries and waits included, ends by `deadline_s` (default LEDGER_FETCH_DEADLINE_S, 300 s):
    a server that sends a byte at a time is cut off then, and nothing is stored.
    """
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise ValueError(f"only http(s) feeds can be fetched, not {url!r}")
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    state = _load_state(cache_dir)
    known = state.get(url, {})
    previous = cache_dir / known["file"] if known.get("file") else None
    if previous is not None and not previous.is_file():
        previous, known = None, {}  # the cached body is gone: conditional headers are useless

    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if known.get("etag"):
        headers["If-None-Match"] = known["etag"]
    if known.get("last_modified"):
        headers["If-Modified-Since"] = known["last_modified"]

    if max_bytes is None:
        # A feed is a news file: a body over the news file cap would be rejected anyway.
        max_bytes = min(fetch_max_bytes(), DEFAULT_MAX_BYTES)
    deadline_s = fetch_deadline_s() if deadline_s is None else deadline_s
    deadline = time.monotonic() + deadline_s
    for attempt in range(retries + 1):
        delay = backoff * (2**attempt)
        try:
            answer = http_get(
                url,
                headers,
                deadline=deadline,
                timeout=timeout,
                max_bytes=max_bytes,
                credential_headers=frozenset({"Authorization"}),
            )
        except DeadlineExceeded:
            log.warning(
                "fetch %s: no complete answer within %g s (LEDGER_FETCH_DEADLINE_S)",
                public(url),
                deadline_s,
            )
            return None
        except BodyTooLarge:
            log.warning("fetch %s: body larger than %d bytes, not stored", public(url), max_bytes)
            return None
        except HttpFailure as exc:
            # Timeouts and refused or reset connections.
            log.info("fetch %s: %s (attempt %d)", public(url), exc, attempt + 1)
        else:
            if answer.status == 304 and previous is not None:
                return previous
            if 200 <= answer.status < 300:
                content_type = answer.headers.get("Content-Type", "")
                etag = answer.headers.get("ETag")
                last_modified = answer.headers.get("Last-Modified")
                return _store(cache_dir, state, url, answer.body, content_type, etag, last_modified)
            if answer.status < 500:
                log.warning("fetch %s: HTTP %d, not retried", public(url), answer.status)
                return None
            retry_after = answer.headers.get("Retry-After") or ""
            if retry_after.isdigit():
                delay = min(float(retry_after), _MAX_BACKOFF_SECONDS)
            log.info("fetch %s: HTTP %d (attempt %d)", public(url), answer.status, attempt + 1)
        if attempt < retries:
            pause = min(delay, _MAX_BACKOFF_SECONDS)
            if time.monotonic() + pause > deadline:
                log.warning(
                    "fetch %s: no complete answer within %g s (LEDGER_FETCH_DEADLINE_S)",
                    public(url),
                    deadline_s,
                )
                return None
            time.sleep(pause)
    log.warning("fetch %s: giving up after %d attempts", public(url), retries + 1)
    return None
