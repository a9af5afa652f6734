"""Class 9: a lost warehouse does not lose the ledger's history (two real runs, about 1.5 min).

`ledger.entries_history` is a dbt snapshot kept in the warehouse; `ledger.runs` is carried in
the published file. Deleting `<home>/warehouse` between two runs used to empty the history
while the runs went on. The second run must restore the history from the published file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import query

pytestmark = [pytest.mark.faults, pytest.mark.e2e]

REPO_ROOT = Path(__file__).resolve().parents[2]
NEWS = REPO_ROOT / "samples" / "news"
TRADELEDGER = Path(sys.executable).with_name("tradeledger")
RUN_TIMEOUT_S = 1500


def _run(home: Path, news: Path) -> str:
    proc = subprocess.run(
        [str(TRADELEDGER), "run", "-q", "--home", str(home), "--news", str(news)],
        env={**os.environ, "LEDGER_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_history_and_runs_survive_a_deleted_warehouse(tmp_path: Path) -> None:
    home = tmp_path / "home"
    published = home / "published" / "tradeledger.duckdb"
    # Run 1 reads the wire file only; run 2 all sample news, so it adds entries of its own.
    out1 = _run(home, NEWS / "wire_2025.jsonl")
    [(run1,)] = query(published, "select run_id from ledger.runs")
    first = query(
        published,
        "select entry_id, status, valid_from, changed_by_run_id from ledger.entries_history "
        "order by all",
    )
    assert first and {r[3] for r in first} == {run1}
    assert "published:" in out1

    shutil.rmtree(home / "warehouse")
    out2 = _run(home, NEWS)
    assert "published:" in out2

    runs = query(published, "select run_id from ledger.runs order by started_at")
    assert len(runs) == 2 and runs[0][0] == run1
    run2 = runs[1][0]
    history = query(
        published,
        "select entry_id, status, valid_from, changed_by_run_id from ledger.entries_history "
        "order by all",
    )
    by_run = {r[3] for r in history}
    assert by_run == {run1, run2}, by_run
    # Every version of run 1 is still there, with the time it was recorded.
    kept = {(r[0], r[1], r[2]) for r in history}
    assert all((r[0], r[1], r[2]) in kept for r in first)
    # One current version per entry of the ledger, none for entries no longer in it.
    current = query(
        published,
        "select entry_id, count(*) from ledger.entries_history where valid_to is null group by 1",
    )
    entries = {e for (e,) in query(published, "select entry_id from ledger.entries")}
    assert {e for e, _ in current} == entries
    assert all(n == 1 for _, n in current)


@pytest.mark.parametrize("published", ["missing", "not_duckdb", "no_history"])
def test_nothing_to_restore_leaves_the_warehouse_as_it_was(tmp_path: Path, published: str) -> None:
    import duckdb

    from publication.publish import restore_history

    warehouse = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(warehouse)).close()
    target = tmp_path / "tradeledger.duckdb"
    if published == "not_duckdb":
        target.write_bytes(b"not a ledger\n" * 100)
    elif published == "no_history":
        con = duckdb.connect(str(target))
        con.execute("create schema ledger")
        con.execute("create table ledger.runs (run_id varchar)")
        con.close()
    assert restore_history(warehouse, target) == 0
    assert query(warehouse, "select count(*) from duckdb_tables()") == [(0,)]
