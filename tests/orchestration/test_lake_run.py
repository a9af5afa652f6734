"""After the session's sample run the raw layer is Hive-partitioned Parquet, and dbt read it."""

from pathlib import Path

import pyarrow.dataset as ds

from ingestion import lake
from orchestration.paths import SAMPLES_DIR

from .conftest import query


def _lake_rows(home: Path, table: str) -> int:
    """Rows of a table as any Parquet reader sees the folder (pyarrow, not DuckDB)."""
    folder = lake.table_dir(home / "lake", table)
    return ds.dataset(folder, format="parquet", partitioning="hive").count_rows()


def test_every_raw_table_is_a_hive_partitioned_folder(sample_home: Path) -> None:
    for table, spec in lake.TABLES.items():
        folder = lake.table_dir(sample_home / "lake", table)
        files = sorted(folder.rglob("*"))
        data = [f for f in files if f.is_file()]
        assert data, table
        for path in data:
            parts = path.relative_to(folder).parts
            assert parts[-1] == lake.FILE_NAME, (table, parts)
            assert [p.split("=", 1)[0] for p in parts[:-1]] == list(spec.partitions), parts
    # One folder per month of the sample's trade rows, each holding that month's rows only.
    warehouse = sample_home / "warehouse" / "warehouse.duckdb"
    flows = lake.table_dir(sample_home / "lake", "trade__flows")
    months = query(warehouse, "select distinct trade_month from staging.stg_trade__flows")
    assert sorted(p.name for p in (flows / "source=comtrade").iterdir()) == sorted(
        f"period={m.isoformat()}" for (m,) in months
    )
    for folder in (flows / "source=comtrade").iterdir():
        in_file = ds.dataset(folder / lake.FILE_NAME).to_table().num_rows
        month = folder.name.split("=")[1]
        in_month = query(
            warehouse,
            f"select count(*) from staging.stg_trade__flows where trade_month = date '{month}'",
        )
        assert in_month == [(in_file,)], month


def test_the_warehouse_raw_tables_are_views_of_the_lake(sample_home: Path) -> None:
    warehouse = sample_home / "warehouse" / "warehouse.duckdb"
    views = dict(
        query(warehouse, "select view_name, sql from duckdb_views() where schema_name = 'raw'")
    )
    assert sorted(views) == sorted(lake.TABLES)
    tables = query(
        warehouse,
        "select count(*) from information_schema.tables "
        "where table_schema = 'raw' and table_type = 'BASE TABLE'",
    )
    assert tables == [(0,)]  # no second copy of the rows
    for table, sql in views.items():
        assert "read_parquet" in sql and str(lake.table_dir(sample_home / "lake", table)) in sql


def test_the_dbt_build_read_the_lake_rows(sample_home: Path) -> None:
    warehouse = sample_home / "warehouse" / "warehouse.duckdb"
    for table in lake.TABLES:
        rows = _lake_rows(sample_home, table)
        staged = query(warehouse, f"select count(*) from staging.stg_{table}")[0][0]
        assert staged == rows, table
    assert _lake_rows(sample_home, "trade__flows") > 0
    assert _lake_rows(sample_home, "news__statements") > 0


def test_rows_in_are_rows_loaded_plus_rejected(sample_home: Path) -> None:
    warehouse = sample_home / "warehouse" / "warehouse.duckdb"
    trade = SAMPLES_DIR / "trade" / "comtrade_china_magnet_exports_2025.csv"
    news = SAMPLES_DIR / "news" / "wire_2025.jsonl"
    for path, rows, rejects in (
        (trade, "trade__flows", "trade__rejects"),
        (news, "news__articles", "news__rejects"),
    ):
        records_in = sum(1 for line in path.read_text().splitlines() if line.strip())
        records_in -= path.suffix == ".csv"  # the header
        loaded = query(
            warehouse, f"select count(*) from raw.{rows} where _source_file like '%{path.name}'"
        )[0][0]
        rejected = query(
            warehouse, f"select count(*) from raw.{rejects} where source_file like '%{path.name}'"
        )[0][0]
        assert loaded > 0 and loaded + rejected == records_in, (path.name, loaded, rejected)
