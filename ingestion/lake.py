"""The raw layer as Parquet folders, `<home>/lake/raw/<table>/`, for engines other than DuckDB.

`tradeledger run --engine spark` reads raw from these folders (dbt_project/macros/
register_raw_lake.sql declares one Spark view per folder). Spark discovers Hive partitions
(`load_date=.../`, `source=.../period=.../`) by itself, so a flat folder and a partitioned one
read alike.

Until the loaders write the lake themselves, `write_raw_lake` copies it from the warehouse's
`raw` schema after ingestion: the one stand-in to remove when they do.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ingestion.load import RAW_SCHEMA, connect


def lake_raw_dir(home: Path) -> Path:
    """Where the raw layer's Parquet folders live: one folder per raw table."""
    return home / "lake" / RAW_SCHEMA


def write_raw_lake(warehouse: Path, lake_raw: Path) -> dict[str, int]:
    """Copy every table of the warehouse's `raw` schema to `<lake_raw>/<table>/data.parquet`.

    Stand-in for loaders that write the lake: each folder is replaced whole (a table that
    shrank leaves no stale file behind). Returns the row count of each table written.
    """
    counts: dict[str, int] = {}
    with connect(warehouse, read_only=True) as con:
        tables = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables"
                " where table_schema = ? and table_type = 'BASE TABLE' order by 1",
                [RAW_SCHEMA],
            ).fetchall()
        ]
        for name in tables:
            folder = lake_raw / name
            staging = lake_raw / f".{name}.tmp"
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            target = (staging / "data.parquet").as_posix().replace("'", "''")
            con.execute(f"copy {RAW_SCHEMA}.\"{name}\" to '{target}' (format parquet)")
            shutil.rmtree(folder, ignore_errors=True)
            staging.rename(folder)
            (count,) = con.execute(f'select count(*) from {RAW_SCHEMA}."{name}"').fetchone() or (0,)
            counts[name] = count
    return counts
