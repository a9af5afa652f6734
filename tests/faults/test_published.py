"""Class 6: a damaged published file is set aside and replaced; `report` says so in one line.

In the versioned layout the damaged version (its file and its Parquet set) is moved to
`published/unreadable/`; a plain file of the layout before versions is renamed beside.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration.cli import main
from publication.publish import (
    RunRecord,
    current_version,
    publish,
    set_aside_if_unreadable,
)
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
def test_damaged_published_version_is_set_aside_and_a_good_one_published(
    tmp_path: Path, kind: str
) -> None:
    warehouse = _warehouse(tmp_path / "warehouse.duckdb")
    published = tmp_path / "published"
    target, parquet = published / "tradeledger.duckdb", published / "parquet"
    publish(warehouse, target, ["entries"], _run(1), parquet)
    assert set_aside_if_unreadable(target) is None  # a good file is left alone
    version = current_version(published)
    damaged = _damage(target, kind)  # written through the links, into the current version

    aside = set_aside_if_unreadable(target)
    assert aside is not None
    # The whole version (the file and its Parquet set) moved to unreadable/, as it was.
    assert aside.path.parent.parent == published / "unreadable"
    assert aside.path.parent.name.startswith(f"{version}.unreadable-")
    assert aside.path.name == "tradeledger.duckdb"
    assert aside.path.read_bytes() == damaged
    assert (aside.path.parent / "parquet" / "entries.parquet").exists()
    assert aside.reason.startswith(("IOException", "InvalidInputException", "CatalogException"))
    assert not (published / "versions" / str(version)).exists()
    assert not target.exists()  # readers find no file rather than a damaged one

    publish(warehouse, target, ["entries"], _run(2), parquet)
    assert query(target, "select count(*) from ledger.entries") == [(50000,)]
    # The damaged file's history could not be carried: this run is the first again.
    assert query(target, "select run_id from ledger.runs") == [("run-2",)]
    copy = parquet / "runs.parquet"
    assert duckdb.sql(f"select run_id from '{copy}'").fetchall() == [("run-2",)]
    # The version set aside is never deleted by later publications.
    for n in range(3, 7):
        publish(warehouse, target, ["entries"], _run(n), parquet)
    assert aside.path.read_bytes() == damaged


@pytest.mark.parametrize("kind", ["truncated", "empty", "not_duckdb"])
def test_damaged_plain_file_of_the_old_layout_is_set_aside(tmp_path: Path, kind: str) -> None:
    warehouse = _warehouse(tmp_path / "warehouse.duckdb")
    target = tmp_path / "published" / "tradeledger.duckdb"
    built = tmp_path / "built" / "tradeledger.duckdb"
    publish(warehouse, built, ["entries"], _run(1))
    target.parent.mkdir()
    shutil.copy2(built, target)  # a plain file, as before versions
    damaged = _damage(target, kind)

    aside = set_aside_if_unreadable(target)
    assert aside is not None
    assert aside.path.parent == target.parent
    assert aside.path.name.startswith("tradeledger.duckdb.unreadable-")
    assert aside.path.read_bytes() == damaged  # kept as it was, under another name
    assert not target.exists()

    publish(warehouse, target, ["entries"], _run(2))
    assert target.is_symlink()
    assert query(target, "select run_id from ledger.runs") == [("run-2",)]
    assert aside.path.read_bytes() == damaged


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
