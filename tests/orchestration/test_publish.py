"""The publish step: a new version folder built beside the live one, switched in by one rename."""

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from publication.publish import RunRecord, TableDoc, publish, table_docs_from_manifest

from .conftest import query


def _warehouse(path: Path, rows: int) -> None:
    con = duckdb.connect(str(path))
    try:
        con.execute("create schema ledger")
        con.execute(
            "create table ledger.entries (entry_id varchar primary key, actor varchar not null)"
        )
        con.execute(
            "insert into ledger.entries select 'e' || i, 'USA' from range(?) as t(i)", [rows]
        )
    finally:
        con.close()


def _run(run_id: str) -> RunRecord:
    return RunRecord(run_id, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), [], 3, 0)


def test_publish_copies_tables_with_constraints_and_keeps_run_history(tmp_path: Path) -> None:
    warehouse, target = tmp_path / "w.duckdb", tmp_path / "pub" / "tradeledger.duckdb"
    _warehouse(warehouse, 3)
    assert publish(warehouse, target, ["entries"], _run("r1"), tmp_path / "pub" / "parquet") == {
        "entries": 3
    }
    publish(warehouse, target, ["entries"], _run("r2"), tmp_path / "pub" / "parquet")
    assert query(target, "select run_id from ledger.runs order by run_id") == [("r1",), ("r2",)]
    # The contract's primary key reaches readers.
    con = duckdb.connect(str(target))
    try:
        with pytest.raises(duckdb.ConstraintException):
            con.execute("insert into ledger.entries values ('e0', 'CHN')")
    finally:
        con.close()
    assert (tmp_path / "pub" / "parquet" / "entries.parquet").exists()
    leftovers = [p.name for p in target.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_failed_publish_leaves_the_previous_file_byte_identical(tmp_path: Path) -> None:
    warehouse, target = tmp_path / "w.duckdb", tmp_path / "tradeledger.duckdb"
    _warehouse(warehouse, 2)
    publish(warehouse, target, ["entries"], _run("r1"))
    before = target.read_bytes()
    with pytest.raises(LookupError, match=r"ledger\.links is missing"):
        publish(warehouse, target, ["entries", "links"], _run("r2"))
    assert target.read_bytes() == before


def test_a_reader_holding_the_old_file_keeps_its_version(tmp_path: Path) -> None:
    warehouse, target = tmp_path / "w.duckdb", tmp_path / "tradeledger.duckdb"
    _warehouse(warehouse, 2)
    publish(warehouse, target, ["entries"], _run("r1"))
    reader = duckdb.connect(str(target), read_only=True)
    try:
        _warehouse_more = duckdb.connect(str(warehouse))
        _warehouse_more.execute("insert into ledger.entries values ('x', 'CHN')")
        _warehouse_more.close()
        publish(warehouse, target, ["entries"], _run("r2"))
        assert reader.execute("select count(*) from ledger.entries").fetchone() == (2,)
    finally:
        reader.close()
    assert query(target, "select count(*) from ledger.entries") == [(3,)]


def test_leftovers_of_a_dead_publisher_are_removed(tmp_path: Path) -> None:
    warehouse, target = tmp_path / "w.duckdb", tmp_path / "pub" / "tradeledger.duckdb"
    parquet = tmp_path / "pub" / "parquet"
    _warehouse(warehouse, 1)
    dead_pid = 2**22 + 12345  # above the kernel's pid_max: no process has it
    (parquet / f".building-{dead_pid}").mkdir(parents=True)
    (parquet / f".building-{dead_pid}" / "entries.parquet").write_bytes(b"partial")
    (target.parent / f".tradeledger.duckdb.{dead_pid}.building").write_bytes(b"partial")
    # ... and those of the versioned layout: a staging folder, a temp link.
    (target.parent / "versions" / f".building-{dead_pid}").mkdir(parents=True)
    (target.parent / f".current.{dead_pid}.link").symlink_to("versions/nowhere")
    publish(warehouse, target, ["entries"], _run("r1"), parquet)
    hidden = [p.name for p in target.parent.rglob(".*")]
    assert hidden == []


def test_descriptions_become_comments_and_parquet_metadata(tmp_path: Path) -> None:
    warehouse, target = tmp_path / "w.duckdb", tmp_path / "pub" / "tradeledger.duckdb"
    _warehouse(warehouse, 1)
    docs = {
        "entries": TableDoc("One row per measure; it's merged.", {"entry_id": "Stable key."}),
        "runs": TableDoc("One row per run.", {"run_id": "The run.", "gone": "No such column."}),
    }
    publish(warehouse, target, ["entries"], _run("r1"), tmp_path / "pub" / "parquet", docs=docs)
    assert query(
        target,
        "select table_name, comment from duckdb_tables() where schema_name = 'ledger' "
        "order by table_name",
    ) == [("entries", "One row per measure; it's merged."), ("runs", "One row per run.")]
    assert query(
        target,
        "select column_name, comment from duckdb_columns() where schema_name = 'ledger' "
        "and table_name = 'entries' order by column_index",
    ) == [("entry_id", "Stable key."), ("actor", None)]
    parquet = tmp_path / "pub" / "parquet" / "entries.parquet"
    metadata = dict(
        duckdb.sql(
            f"select decode(key), decode(value) from parquet_kv_metadata('{parquet}')"
        ).fetchall()
    )
    assert metadata["table"] == "ledger.entries"
    assert metadata["description"] == "One row per measure; it's merged."
    assert json.loads(metadata["column_descriptions"]) == {"entry_id": "Stable key."}


def test_docs_are_read_from_the_dbt_manifest() -> None:
    from orchestration.project import ensure_manifest

    docs = table_docs_from_manifest(ensure_manifest())
    assert {"entries", "links", "evidence", "tariff_timeline", "runs"} <= docs.keys()
    assert docs["entries"].description.startswith("The ledger: one row per commitment")
    assert docs["runs"].columns["run_id"].startswith("Dagster run id")
    assert "\n" not in docs["tariff_timeline"].description


def test_a_run_records_its_history_only_when_committed(tmp_path: Path) -> None:
    """dbt's snapshot merges into a pending copy of the recorded history; the recorded history
    changes only when the run (past the quality gate) commits it."""
    from publication.publish import (
        PENDING_SNAPSHOT_TABLE,
        SNAPSHOT_TABLE,
        commit_history,
        stage_history,
    )

    warehouse = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(warehouse)).close()
    assert stage_history(warehouse) == 0  # nothing recorded yet: dbt creates the pending table

    def merge(version: str) -> None:  # what dbt's snapshot does to its (pending) table
        with duckdb.connect(str(warehouse)) as con:
            con.execute(f"create table if not exists {PENDING_SNAPSHOT_TABLE} (v varchar)")
            con.execute(f"insert into {PENDING_SNAPSHOT_TABLE} values (?)", [version])

    merge("v1")
    assert commit_history(warehouse) == 1
    # The next run starts from the recorded history, adds a version, and is stopped by the gate.
    assert stage_history(warehouse) == 1
    merge("v2")
    assert query(warehouse, f"select v from {SNAPSHOT_TABLE}") == [("v1",)]
    # The run after starts again from what was recorded: v2 is gone from the pending table.
    assert stage_history(warehouse) == 1
    assert query(warehouse, f"select v from {PENDING_SNAPSHOT_TABLE}") == [("v1",)]
    merge("v3")
    assert commit_history(warehouse) == 2
    assert query(warehouse, f"select v from {SNAPSHOT_TABLE} order by v") == [("v1",), ("v3",)]
