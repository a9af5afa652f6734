"""Class 5: one run per home. A second run refuses at once (or after a set wait), one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from console.args import EXIT_HOME_LOCKED
from orchestration.lock import LOCK_NAME, HomeLocked, home_lock

pytestmark = pytest.mark.faults

TRADELEDGER = Path(sys.executable).with_name("tradeledger")
REPO_ROOT = Path(__file__).resolve().parents[2]


def _second_run(home: Path, wait: str | None = None) -> tuple[subprocess.CompletedProcess, float]:
    env = {k: v for k, v in os.environ.items() if k != "LEDGER_LOCK_WAIT_S"}
    if wait is not None:
        env["LEDGER_LOCK_WAIT_S"] = wait
    started = time.monotonic()
    done = subprocess.run(
        [str(TRADELEDGER), "run", "--home", str(home)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done, time.monotonic() - started


def _hold_in_another_process(home: Path) -> subprocess.Popen:
    """Another process holding the home's lock (until it is killed)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from orchestration.lock import home_lock\n"
            "with home_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)",
            str(home),
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_run_on_a_held_home_refuses_at_once_with_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "published").mkdir(parents=True)
    published = home / "published" / "tradeledger.duckdb"
    published.write_bytes(b"the file the first run is publishing")
    with home_lock(home):
        done, _ = _second_run(home)
    assert done.returncode == EXIT_HOME_LOCKED
    assert done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"tradeledger: another run is using home {home} (pid {os.getpid()}")
    assert line.endswith(
        "; not started (one run per home; LEDGER_LOCK_WAIT_S sets how long to wait)"
    )
    # Nothing in the home was touched: no warehouse, the published file as it was.
    assert not (home / "warehouse").exists()
    assert published.read_bytes() == b"the file the first run is publishing"


def test_a_second_run_waits_as_long_as_set_then_refuses(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with home_lock(home):
        done, elapsed = _second_run(home, wait="2")
    assert done.returncode == EXIT_HOME_LOCKED
    assert "not started after waiting 2 s" in done.stderr
    assert elapsed >= 2


def test_the_lock_is_freed_when_its_holder_ends_however_it_ends(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with home_lock(home), pytest.raises(HomeLocked), home_lock(home):
        pass  # another holder (another open file) is refused while the first holds it
    with home_lock(home):  # released after the body
        assert (home / LOCK_NAME).read_text().startswith(f"pid {os.getpid()}, started ")
    # A holder killed with SIGKILL leaves no stale lock.
    holder = _hold_in_another_process(home)
    try:
        with pytest.raises(HomeLocked, match=f"pid {holder.pid}"), home_lock(home):
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    with home_lock(home, wait_s=5):
        pass


def test_a_run_started_outside_the_cli_takes_the_lock_too(tmp_path: Path) -> None:
    # Runs from the UI, the schedule or the sensor go through the job's settings resource, not
    # through `tradeledger run`: the resource holds the lock for the whole run.
    import dagster as dg

    from orchestration.assets.raw import ingest_news
    from orchestration.resources import LedgerSettings

    home = tmp_path / "home"
    news = REPO_ROOT / "samples" / "news" / "wire_2025.jsonl"
    settings = LedgerSettings(home=str(home), news=[str(news)])
    holder = _hold_in_another_process(home)
    try:
        with pytest.raises(dg.DagsterResourceFunctionError) as failed:
            dg.materialize([ingest_news], resources={"settings": settings})
        assert isinstance(failed.value.__cause__, HomeLocked)
        assert "another run is using home" in str(failed.value.__cause__)
        assert not (home / "warehouse").exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    # Free again: the same run goes through, and the lock is released after it.
    result = dg.materialize([ingest_news], resources={"settings": settings})
    assert result.success
    with home_lock(home):
        pass
