"""Limits that keep one hostile input from stopping or exhausting a run, and their settings.

Every limit is a setting read from the environment when it is used (never at import time), with
a default that no real input of this project comes near:

| variable | default | limit |
| --- | --- | --- |
| `LEDGER_MAX_JSON_DEPTH` | 100 | nesting of one JSON document (a JSONL line, a trade JSON file) |
| `LEDGER_MAX_GUNZIP_BYTES` | 1 GiB | decompressed size of one gzipped trade file |
| `LEDGER_FETCH_DEADLINE_S` | 300 | total time of one HTTP fetch, all reads and retries included |
| `LEDGER_FETCH_MAX_BYTES` | 64 MiB | body of one HTTP answer |
| `LEDGER_LOCK_WAIT_S` | 0 | how long a run waits for another run on the same home |
| `LEDGER_MAX_TRADE_QUANTITY` | 1e12 | largest quantity or net weight of one trade row (any unit) |
| `LEDGER_MAX_TRADE_VALUE` | 1e12 | largest value of one trade row (in the file's currency) |
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import numpy as np

DEFAULTS: dict[str, float] = {
    "LEDGER_MAX_JSON_DEPTH": 100,
    "LEDGER_MAX_GUNZIP_BYTES": 1024**3,
    "LEDGER_FETCH_DEADLINE_S": 300,
    "LEDGER_FETCH_MAX_BYTES": 64 * 1024**2,
    "LEDGER_LOCK_WAIT_S": 0,
    # A billion tonnes, or a trillion dollars, in one month for one reporter, partner and
    # product: about ten times the largest real monthly flow of a single HS line.
    "LEDGER_MAX_TRADE_QUANTITY": 1e12,
    "LEDGER_MAX_TRADE_VALUE": 1e12,
}


def setting(name: str) -> float:
    """The value of a limit: the environment variable if set (a number), else its default."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return DEFAULTS[name]
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, not {raw!r}") from None
    if value < 0:
        raise ValueError(f"{name} must not be negative, not {raw!r}")
    return value


def max_json_depth() -> int:
    """`LEDGER_MAX_JSON_DEPTH`."""
    return int(setting("LEDGER_MAX_JSON_DEPTH"))


def max_gunzip_bytes() -> int:
    """`LEDGER_MAX_GUNZIP_BYTES`."""
    return int(setting("LEDGER_MAX_GUNZIP_BYTES"))


def fetch_deadline_s() -> float:
    """`LEDGER_FETCH_DEADLINE_S`."""
    return setting("LEDGER_FETCH_DEADLINE_S")


def fetch_max_bytes() -> int:
    """`LEDGER_FETCH_MAX_BYTES`."""
    return int(setting("LEDGER_FETCH_MAX_BYTES"))


def lock_wait_s() -> float:
    """`LEDGER_LOCK_WAIT_S`."""
    return setting("LEDGER_LOCK_WAIT_S")


def max_trade_quantity() -> float:
    """`LEDGER_MAX_TRADE_QUANTITY`."""
    return setting("LEDGER_MAX_TRADE_QUANTITY")


def max_trade_value() -> float:
    """`LEDGER_MAX_TRADE_VALUE`."""
    return setting("LEDGER_MAX_TRADE_VALUE")


class JsonTooDeep(ValueError):
    """A JSON document nests deeper than the limit; the message is the reject reason."""


_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")


def json_depth(data: str | bytes) -> int:
    """The deepest nesting of arrays and objects in JSON text (brackets in strings ignored).

    Computed without recursion, so a document nested a million levels costs a scan, not a crash.
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if raw.count(b"[") + raw.count(b"{") == 0:
        return 0
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKET)
    if not brackets:
        return 0
    codes = np.frombuffer(brackets, dtype=np.uint8)
    steps = np.where((codes == ord("[")) | (codes == ord("{")), 1, -1).astype(np.int64)
    return int(np.cumsum(steps).max())


def loads_limited(data: str | bytes, max_depth: int | None = None) -> Any:
    """`json.loads` for untrusted text: refuses documents nested deeper than `max_depth`.

    Raises JsonTooDeep (a ValueError) for those, json.JSONDecodeError for invalid JSON.
    """
    limit = max_json_depth() if max_depth is None else max_depth
    depth = json_depth(data)
    if depth > limit:
        raise JsonTooDeep(
            f"JSON nested {depth} levels deep, more than the limit of {limit} "
            "(LEDGER_MAX_JSON_DEPTH)"
        )
    try:
        return json.loads(data)
    except RecursionError:  # pragma: no cover - only when the limit is set above Python's own
        raise JsonTooDeep(f"JSON nested {depth} levels deep, too deep to parse") from None
