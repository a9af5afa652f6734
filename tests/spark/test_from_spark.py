"""The pieces of `--engine spark` that need no Spark: the raw layer written as Parquet folders,
and Spark's Parquet tables brought into the warehouse with the DuckDB contract (fast lane)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from orchestration.project import dbt_project
from publication.from_spark import Contract, contracts_from_manifest, import_tables


def _write(db: Path, *sql: str) -> None:
    con = duckdb.connect(str(db))
    try:
        for statement in sql:
            con.execute(statement)
    finally:
        con.close()


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


CONTRACT = Contract(
    (
        ("entry_id", "string", ("not_null", "primary_key")),
        ("hs_codes", "varchar[]", ()),
        ("loaded_at", "timestamp with time zone", ()),
        ("month", "date", ()),
        ("value_usd", "double", ()),
    )
)


def _spark_like_table(spark_warehouse: Path) -> None:
    """A table laid out as Spark writes one partitioned by month: the partition column only in
    the folder names, timestamps as UTC instants, whole numbers where the contract says double."""
    folder = spark_warehouse / "ledger.db" / "trade_like"
    folder.parent.mkdir(parents=True)
    con = duckdb.connect()
    try:
        con.execute("set timezone = 'UTC'")
        con.execute(
            f"""copy (
                select 'e1' as entry_id, ['850511'] as hs_codes,
                    timestamptz '2025-04-02 10:00:00+00' as loaded_at, 7 as value_usd,
                    date '2025-04-01' as month
                union all
                select 'e2', [], timestamptz '2025-05-02 00:30:00+02', null, date '2025-05-01'
            ) to '{folder}' (format parquet, partition_by (month))"""
        )
    finally:
        con.close()


def test_spark_tables_come_back_with_the_contract_ddl_and_types(tmp_path: Path) -> None:
    spark_warehouse = tmp_path / "spark-warehouse"
    _spark_like_table(spark_warehouse)
    warehouse = tmp_path / "warehouse.duckdb"
    _write(warehouse, "create schema ledger", "create table ledger.trade_like (old integer)")

    counts = import_tables(spark_warehouse, warehouse, ["trade_like"], {"trade_like": CONTRACT})

    assert counts == {"trade_like": 2}
    ddl = _rows(warehouse, "select sql from duckdb_tables() where table_name = 'trade_like'")
    assert ddl == [
        (
            "CREATE TABLE ledger.trade_like(entry_id VARCHAR PRIMARY KEY, "
            'hs_codes VARCHAR[], loaded_at TIMESTAMP WITH TIME ZONE, "month" DATE, '
            "value_usd DOUBLE);",
        )
    ]
    rows = _rows(
        warehouse,
        "select entry_id, hs_codes, epoch(loaded_at), month, value_usd "
        "from ledger.trade_like order by entry_id",
    )
    assert [(r[0], r[1], r[2], str(r[3]), r[4]) for r in rows] == [
        ("e1", ["850511"], 1743588000.0, "2025-04-01", 7.0),
        ("e2", [], 1746138600.0, "2025-05-01", None),
    ]


def test_a_table_spark_did_not_build_stops_the_import(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    _write(warehouse, "create schema ledger", "create table ledger.kept as select 1 as x")
    with pytest.raises(LookupError, match=r"no table ledger\.missing"):
        import_tables(tmp_path / "spark-warehouse", warehouse, ["missing"], {})
    assert _rows(warehouse, "select * from ledger.kept") == [(1,)]


def test_the_contracts_are_the_duckdb_parse_of_the_models_yaml() -> None:
    contracts = contracts_from_manifest(dbt_project.manifest_path)
    manifest = json.loads(dbt_project.manifest_path.read_text())
    entries = contracts["entries"].columns
    assert entries[0] == ("entry_id", "string", ("not_null", "primary_key"))
    assert ("hs_codes", "varchar[]", ()) in entries
    assert "entries_history" in contracts
    assert "trade_monthly__watermark" not in contracts  # no contract: copied as read
    assert {n["name"] for n in manifest["nodes"].values() if n["schema"] == "ledger"} >= set(
        contracts
    )
