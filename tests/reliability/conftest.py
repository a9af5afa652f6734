"""Shared set-up for the reliability tests: one published home per session, run helpers.

A full run costs about a minute, so the crash, history and secrets tests share one home whose
first run is made once, as a subprocess (the way a user or scheduler starts it), with a fake
API key in its environment so the secrets test can look for it afterwards.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import query

REPO_ROOT = Path(__file__).resolve().parents[2]
TRADELEDGER = Path(sys.executable).with_name("tradeledger")
FAKE_SECRET = "sk-test-123"  # pragma: allowlist secret (a fake, to look for)
# A run takes about a minute; far longer on a shared, loaded machine.
RUN_TIMEOUT_S = 1500

# tests/conftest.py has set up the environment (dbt on PATH, tools offline).


@dataclass
class RunOutput:
    """Exit code and output of one `tradeledger run` subprocess."""

    code: int
    stdout: str
    stderr: str


@dataclass
class PublishedHome:
    """A home with a published ledger, and what its first run printed."""

    home: Path
    first: RunOutput

    @property
    def published(self) -> Path:
        """The published ledger file of this home."""
        return self.home / "published" / "tradeledger.duckdb"


def run_env(home: Path) -> dict[str, str]:
    """The environment of a run subprocess: this one plus the home and a fake API key."""
    return {**os.environ, "LEDGER_HOME": str(home), "COMTRADE_API_KEY": FAKE_SECRET}


def run_cli(home: Path) -> RunOutput:
    """Run `tradeledger run --home <home>` to completion as a subprocess."""
    # Its own process group, so that a timeout stops dbt as well as the run.
    proc = subprocess.Popen(
        [str(TRADELEDGER), "run", "--home", str(home)],
        cwd=REPO_ROOT,
        env=run_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return RunOutput(proc.returncode, stdout, stderr)


def ledger_tables(db: Path) -> list[str]:
    """Names of the tables in schema ledger of a DuckDB file."""
    rows = query(
        db,
        "select table_name from information_schema.tables "
        "where table_schema = 'ledger' order by table_name",
    )
    return [row[0] for row in rows]


# Columns that say when a run happened rather than what it found: equal inputs cannot make them
# equal. In one home only the rejects' load time moves (the snapshot keeps its versions); in a
# fresh home the history's times and run ids are new as well. ledger.runs is compared apart.
SAME_HOME_RUN_COLUMNS = {"rejects": ["loaded_at"]}
FRESH_HOME_RUN_COLUMNS = {
    **SAME_HOME_RUN_COLUMNS,
    "entries_history": ["valid_from", "valid_to", "changed_by_run_id"],
}


def ledger_content(
    db: Path,
    drop: dict[str, list[str]] | None = None,
    skip: tuple[str, ...] = ("runs",),
    ordered: bool = True,
) -> dict[str, list[tuple]]:
    """Every ledger table except `skip`, without the `drop` columns.

    ordered: rows in a canonical order (order by all); otherwise in the file's own order, which
    is what a reader without an order by sees.
    """
    content: dict[str, list[tuple]] = {}
    for table in ledger_tables(db):
        if table in skip:
            continue
        dropped = (drop or {}).get(table, [])
        columns = f"* exclude ({', '.join(dropped)})" if dropped else "*"
        order = " order by all" if ordered else ""
        content[table] = query(db, f"select {columns} from ledger.{table}{order}")
    return content


@pytest.fixture(scope="session")
def published_home(tmp_path_factory: pytest.TempPathFactory) -> PublishedHome:
    """A home whose first run (a subprocess, with COMTRADE_API_KEY set) published the ledger."""
    home = tmp_path_factory.mktemp("reliability_home")
    first = run_cli(home)
    assert first.code == 0, first.stdout + first.stderr
    return PublishedHome(home, first)
