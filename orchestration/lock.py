"""One run per home: an exclusive `fcntl.flock` on `<home>/.tradeledger.lock`.

Two runs on one home would replace each other's raw tables and could publish one run's content
under the other's lineage. `tradeledger run` takes the lock before it touches anything in the
home and keeps it until it has published (or failed); a second run on the same home waits up to
`LEDGER_LOCK_WAIT_S` seconds (default 0: it refuses at once) and then stops with one line.

The lock belongs to the open file, so the operating system releases it when the process ends,
however it ends: a killed run never leaves a stale lock behind. The file's content (pid and
start time of the holder) is only information for the message.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = ".tradeledger.lock"
# Homes this process holds the lock of (`tradeledger run` takes it before the job starts; the job's
# own resources then find it held here instead of refusing themselves).
_HELD: set[Path] = set()


class HomeLocked(RuntimeError):
    """Another run holds the home; the message says which and what to do."""


def _holder(path: Path) -> str:
    try:
        text = path.read_text("utf-8").strip()
    except OSError:
        return ""
    return f" ({text})" if text else ""


@contextlib.contextmanager
def run_lock(home: Path, wait_s: float = 0.0) -> Iterator[Path]:
    """The lock for one run of the job, however it was started (CLI, UI, schedule, sensor): taken
    here unless this process already holds it for the same home."""
    if home.resolve() in _HELD:
        yield home / LOCK_NAME
        return
    with home_lock(home, wait_s) as path:
        yield path


@contextlib.contextmanager
def home_lock(home: Path, wait_s: float = 0.0) -> Iterator[Path]:
    """Hold the home's lock for the body; raise HomeLocked if it is not free within `wait_s`."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    waited = f" after waiting {wait_s:g} s" if wait_s else ""
                    raise HomeLocked(
                        f"another run is using home {home}{_holder(path)}; not started{waited} "
                        "(one run per home; LEDGER_LOCK_WAIT_S sets how long to wait)"
                    ) from None
                time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
        started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {started}\n".encode(), 0)
        _HELD.add(home.resolve())
        try:
            yield path
        finally:
            _HELD.discard(home.resolve())
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
