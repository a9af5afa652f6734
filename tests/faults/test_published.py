"""Class 6: a damaged published file is set aside and replaced; `report` says so in one line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from orchestration.cli import main
from publication.publish import RunRecord, publish, set_aside_if_unreadable
from tests.helpers import query

pytestmark = pytest.mark.faults


def _warehouse(path: Path) -> Path:
    con = duckdb.connect(str(path))
    try:
        con.execute("create schema ledger")
        con.execute("create table ledger.entries (entry_id varchar primary key, n integer)")
        con.execute("insert into ledger.entries select 'e' || range, range from range(50000)")
    finally:
        con.close()
    return path


def _run(n: int) -> RunRecord:
    return RunRecord(f"run-{n}", dt.datetime(2026, 12, 1, tzinfo=dt.UTC), [], 1, 0)


def _damage(target: Path, kind: str) -> bytes:
    data = target.read_bytes()
    damaged = {
        "truncated": data[: len(data) // 2],
        "empty": b"",
        "not_duckdb": b"PK\x03\x04 this is a zip file, not a ledger\n" * 50,
    }[kind]
    target.write_bytes(damaged)
    return damaged


@pytest.mark.parametrize("kind", ["truncated", "empty", "not_duckdb"])
def test_damaged_published_file_is_set_aside_and_a_good_one_published(
    tmp_path: Path, kind: str
) -> None:
    warehouse = _warehouse(tmp_path / "warehouse.duckdb")
    target = tmp_path / "published" / "tradeledger.duckdb"
    publish(warehouse, target, ["entries"], _run(1))
    assert set_aside_if_unreadable(target) is None  # a good file is left alone
    damaged = _damage(target, kind)

    aside = set_aside_if_unreadable(target)
    assert aside is not None
    assert aside.path.name.startswith("tradeledger.duckdb.unreadable-")
    assert aside.path.read_bytes() == damaged  # kept as it was, under another name
    assert aside.reason.startswith(("IOException", "InvalidInputException", "CatalogException"))
    assert not target.exists()

    publish(warehouse, target, ["entries"], _run(2))
    assert query(target, "select count(*) from ledger.entries") == [(50000,)]
    # The damaged file's history could not be carried: this run is the first again.
    assert query(target, "select run_id from ledger.runs") == [("run-2",)]


def test_a_valid_duckdb_file_without_a_ledger_is_set_aside_too(tmp_path: Path) -> None:
    target = tmp_path / "tradeledger.duckdb"
    duckdb.connect(str(target)).close()
    aside = set_aside_if_unreadable(target)
    assert aside is not None and "ledger" in aside.reason


@pytest.mark.parametrize("kind", ["truncated", "empty", "not_duckdb"])
def test_report_on_a_damaged_file_prints_one_clear_line(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    target = home / "published" / "tradeledger.duckdb"
    publish(_warehouse(tmp_path / "warehouse.duckdb"), target, ["entries"], _run(1))
    _damage(target, kind)
    assert main(["report", "--home", str(home)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.strip().splitlines()
    assert line.startswith(f"tradeledger report: cannot read the published ledger at {target} (")
    assert line.endswith("); run `tradeledger run` to publish a good one")
    assert "Traceback" not in err
