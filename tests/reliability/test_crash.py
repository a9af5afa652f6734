"""A run killed mid-build leaves the published file alone; the next run recovers and agrees.

The published file is replaced only by a rename at the very end, so SIGKILL at any earlier
moment must leave readers the previous file byte for byte. The killed run's warehouse (its WAL,
its lock) and any temp file it left must not stop the next run, and that run must publish what
the first one did: the same inputs give the same ledger.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import (
    REPO_ROOT,
    SAME_HOME_RUN_COLUMNS,
    TRADELEDGER,
    PublishedHome,
    ledger_content,
    query,
    run_cli,
    run_env,
)

pytestmark = pytest.mark.e2e

DBT_START_TIMEOUT_S = 300


def _group_members(pgid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every live process in a process group."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # the process ended while we looked
            continue
        # Fields after the parenthesised command: state, ppid, pgrp, ...
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append((int(entry.name), cmdline))
    return members


def _dbt_running(pgid: int) -> bool:
    """True once a `dbt` child of the run's group is up (it is building the warehouse)."""
    return any("/dbt " in f"{cmd} " or cmd.startswith("dbt ") for _, cmd in _group_members(pgid))


def _dead_pid() -> int:
    """The pid of a process that has already exited (a publisher that died, for the test)."""
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


@pytest.fixture(scope="module")
def crash(published_home: PublishedHome, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Kill a second run (its whole process group) while dbt builds; then run once more."""
    home, published = published_home.home, published_home.published
    before_bytes = published.read_bytes()
    before_content = ledger_content(published, SAME_HOME_RUN_COLUMNS)
    before_order = ledger_content(published, SAME_HOME_RUN_COLUMNS, ordered=False)
    runs_before = query(published, "select count(*) from ledger.runs")[0][0]
    files_before = {p.name for p in published.parent.iterdir()}
    log = tmp_path_factory.mktemp("crash") / "killed_run.log"
    with log.open("w") as out:
        # start_new_session: the run, its dbt child and anything dbt starts share one group.
        proc = subprocess.Popen(
            [str(TRADELEDGER), "run", "--home", str(home)],
            cwd=REPO_ROOT,
            env=run_env(home),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + DBT_START_TIMEOUT_S
        while not _dbt_running(proc.pid):
            assert proc.poll() is None, f"run ended before dbt started: {log.read_text()}"
            assert time.monotonic() < deadline, "dbt did not start"
            time.sleep(0.2)
        # Let dbt open the warehouse and start writing, so the kill leaves a lock and a WAL.
        time.sleep(3)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while _group_members(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    after_kill = {
        "bytes": published.read_bytes(),
        "survivors": _group_members(proc.pid),
        "new_files": sorted({p.name for p in published.parent.iterdir()} - files_before),
        "warehouse_wal": (home / "warehouse" / "warehouse.duckdb.wal").exists(),
    }
    # A temp file of a publisher killed in the middle of publishing (another pid than ours).
    planted = published.parent / f".{published.name}.{_dead_pid()}.building"
    planted.write_bytes(b"half-built")
    rerun = run_cli(home)
    return {
        "before_bytes": before_bytes,
        "before_content": before_content,
        "before_order": before_order,
        "runs_before": runs_before,
        "after_kill": after_kill,
        "planted": planted,
        "rerun": rerun,
        "published": published,
        "signal": proc.returncode,
    }


def test_kill_during_dbt_leaves_the_published_file_byte_identical(crash: dict) -> None:
    after = crash["after_kill"]
    assert crash["signal"] == -signal.SIGKILL
    assert after["survivors"] == []
    assert after["bytes"] == crash["before_bytes"]


def test_kill_leaves_nothing_a_reader_could_open_by_mistake(crash: dict) -> None:
    published: Path = crash["published"]
    # The killed run may leave only hidden temp files of a publisher, never a file under a
    # name readers use; above all no WAL beside the live file (a reader would replay it).
    for name in crash["after_kill"]["new_files"]:
        assert name.startswith(f".{published.name}.") and ".building" in name, name
    assert not published.with_name(published.name + ".wal").exists()
    assert query(published, "select count(*) > 0 from ledger.entries") == [(True,)]


def test_next_run_recovers_and_removes_temp_files(crash: dict) -> None:
    rerun = crash["rerun"]
    assert rerun.code == 0, rerun.stdout + rerun.stderr
    published: Path = crash["published"]
    leftovers = [p.name for p in published.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    assert not crash["planted"].exists()
    assert not published.with_name(published.name + ".wal").exists()


def test_same_inputs_publish_the_same_ledger_and_one_more_run(crash: dict) -> None:
    """Determinism: every table but ledger.runs is equal row for row, entry ids included."""
    published: Path = crash["published"]
    after = ledger_content(published, SAME_HOME_RUN_COLUMNS)
    before = crash["before_content"]
    assert after.keys() == before.keys()
    assert {"entries", "links", "evidence", "entries_history"} <= after.keys()
    for table in before:
        assert after[table] == before[table], table
    assert query(published, "select count(*) from ledger.runs")[0][0] == crash["runs_before"] + 1


def test_same_inputs_publish_rows_in_the_same_order(crash: dict) -> None:
    """A reader that selects without order by sees the same sequence of rows after a rerun."""
    after = ledger_content(crash["published"], SAME_HOME_RUN_COLUMNS, ordered=False)
    for table, rows in crash["before_order"].items():
        assert after[table] == rows, table
