"""The raw layer as files: one folder of Hive-partitioned Parquet per raw table.

The layout is a contract other engines read (Spark in `docs/spark.md`, any Parquet reader):

    <home>/lake/raw/<table>/<column>=<value>[/<column>=<value>]/data_0.parquet

* `<table>` is the raw table's name (`news__articles`, `trade__flows`, ...); `TABLES` lists
  them with their columns and partition columns.
* `trade__flows` is partitioned by its own columns `source` and `period` (the first day of the
  month: `source=comtrade/period=2025-01-01/`). Every other table by `load_date`, the UTC date
  of its load time column (`_loaded_at`, `loaded_at` or `removed_at`), a column the table does
  not otherwise have: readers drop it (`scan_sql`).
* A partition is one file. A table with no rows is one file of no rows (so that every engine
  still finds its schema), in the partition of the day's load date, or for `trade__flows` in the
  null partition (`source=__HIVE_DEFAULT_PARTITION__/period=__HIVE_DEFAULT_PARTITION__`).
* Column names and types are those of the frames in `ingestion.schemas`; partition values read
  back as `date` (period, load_date) and `varchar` (source).

Writes replace whole partitions atomically: the new partitions are written under
`<home>/lake/.staging/` (same file system) and each file is moved over the old one with
`os.replace`, so a reader, or a run that crashed half-way, sees each partition either before or
after, never in part. The DuckDB warehouse names each table `raw.<table>`, a view over its
folder (`create_views`): dbt's sources and every query of `raw` read the lake.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from ingestion.schemas import (
    ARTICLE_ANNOTATION_SCHEMA,
    ARTICLE_SCHEMA,
    LINEAGE_SCHEMA,
    REJECT_SCHEMA,
    STATEMENT_LINK_SCHEMA,
    STATEMENT_SCHEMA,
    TRADE_FILE_SCHEMA,
    TRADE_FLOW_SCHEMA,
    TRADE_REMOVAL_SCHEMA,
)

RAW_SCHEMA = "raw"
FILE_NAME = "data_0.parquet"  # what DuckDB's partitioned COPY names the one file of a partition
NULL_VALUE = "__HIVE_DEFAULT_PARTITION__"  # Hive's (Spark's, DuckDB's) name of a null value


def _load_date(column: str) -> str:
    # The UTC date, whatever the session's time zone.
    return f"cast(timezone('UTC', {column}) as date)"


@dataclass(frozen=True)
class LakeTable:
    """One raw table in the lake: its columns in order and its partition columns."""

    columns: tuple[str, ...]
    partitions: dict[str, str]  # partition column -> SQL expression over the columns
    hive_types: dict[str, str]  # partition column -> DuckDB type it reads back as


_LOADED = {"_loaded_at": LINEAGE_SCHEMA["_loaded_at"]}
_BY_LOAD = ({"load_date": _load_date("_loaded_at")}, {"load_date": "date"})


def _table(schema: dict[str, pl.DataType], parts: tuple[dict[str, str], dict[str, str]]):
    return LakeTable(tuple(schema), *parts)


TABLES: dict[str, LakeTable] = {
    "news__articles": _table({**ARTICLE_SCHEMA, **LINEAGE_SCHEMA}, _BY_LOAD),
    "news__rejects": _table({**REJECT_SCHEMA, **_LOADED}, _BY_LOAD),
    "news__statements": _table({**STATEMENT_SCHEMA, **_LOADED}, _BY_LOAD),
    "news__statement_links": _table({**STATEMENT_LINK_SCHEMA, **_LOADED}, _BY_LOAD),
    "news__article_annotations": _table({**ARTICLE_ANNOTATION_SCHEMA, **_LOADED}, _BY_LOAD),
    "trade__flows": _table(
        {**TRADE_FLOW_SCHEMA, **LINEAGE_SCHEMA},
        ({"source": "source", "period": "period"}, {"source": "varchar", "period": "date"}),
    ),
    "trade__rejects": _table({**REJECT_SCHEMA, **_LOADED}, _BY_LOAD),
    "trade__removals": _table(
        TRADE_REMOVAL_SCHEMA, ({"load_date": _load_date("removed_at")}, {"load_date": "date"})
    ),
    "trade__files": _table(
        TRADE_FILE_SCHEMA, ({"load_date": _load_date("loaded_at")}, {"load_date": "date"})
    ),
}


def table_dir(lake: Path, table: str) -> Path:
    """The folder of one raw table: `<lake>/raw/<table>` (`lake` is `<home>/lake`)."""
    return lake / RAW_SCHEMA / table


def _literal(text: str | Path) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.parquet")) if folder.is_dir() else []


def _reader(lake: Path, table: str, extra: str = "") -> str:
    types = ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in TABLES[table].hive_types.items())
    glob = table_dir(lake, table) / "**" / "*.parquet"
    return (
        f"read_parquet({_literal(glob)}, hive_partitioning = true, hive_types = {{{types}}}{extra})"
    )


def scan_sql(lake: Path, table: str) -> str:
    """A query of the table as it was loaded: its own columns in order, partition values cast."""
    return f"select {', '.join(TABLES[table].columns)} from {_reader(lake, table)}"


@contextlib.contextmanager
def _staging(lake: Path, table: str) -> Iterator[Path]:
    """A fresh folder beside the lake's tables, removed afterwards whatever happens."""
    root = lake / ".staging"
    for stale in root.glob(f"{table}-*"):  # left by a run that was killed
        shutil.rmtree(stale, ignore_errors=True)
    folder = root / f"{table}-{uuid.uuid4().hex}"
    folder.mkdir(parents=True)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _remove(path: Path, top: Path) -> None:
    """Delete a partition's file and the folders it leaves empty (up to the table's folder)."""
    path.unlink(missing_ok=True)
    folder = path.parent
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def write(
    con: duckdb.DuckDBPyConnection, lake: Path, table: str, rows: str, drop: str | None = None
) -> None:
    """Write the relation `rows` (a table or view name in `con`) into the table's folder.

    `drop` None: the table becomes exactly `rows` (partitions not in it are removed). Otherwise
    `drop` is a SQL condition on the table's rows: those rows leave, `rows` are added, and only
    the partitions that lose or gain rows are rewritten. Names come from code, never from data.
    """
    spec = TABLES[table]
    parts = ", ".join(spec.partitions)
    folder = table_dir(lake, table)
    existing = _files(folder)
    cols = ", ".join(spec.columns)
    added = [f"{expr} as {name}" for name, expr in spec.partitions.items() if name != expr]
    every = ", ".join([*spec.columns, *(n for n, e in spec.partitions.items() if n != e)])
    new = f"(select {', '.join([cols, *added])} from {rows})"
    if drop is None or not existing:
        content, touched = new, existing
    else:
        con.execute(
            f"create or replace temp view _lake_old as select * from "
            f"{_reader(lake, table, ', filename = true')}"
        )
        con.execute(
            f"create or replace temp table _lake_parts as select distinct {parts} from {new} "
            f"union select distinct {parts} from _lake_old where {drop}"
        )
        kept = f"select {every} from _lake_old semi join _lake_parts using ({parts})"
        content = f"({kept} where not ({drop}) union all select * from {new})"
        touched_names = con.execute(
            f"select distinct filename from _lake_old semi join _lake_parts using ({parts})"
        ).fetchall()
        touched = [Path(name) for (name,) in touched_names]
        # An empty table's placeholder leaves once the table has rows.
        empty = con.execute(
            "select file_name from parquet_file_metadata(?) where num_rows = 0",
            [str(folder / "**" / "*.parquet")],
        ).fetchall()
        touched += [Path(name) for (name,) in empty]
    with _staging(lake, table) as staged:
        con.execute(
            f"copy {content} to {_literal(staged)} "
            f"(format parquet, partition_by ({parts}), overwrite_or_ignore)"
        )
        written = {f.relative_to(staged): f for f in _files(staged)}
        if len(written) != len({p.parent for p in written}):
            raise RuntimeError(f"{table}: a partition was written as several files")
        left = (set(existing) - set(touched)) | {folder / rel for rel in written}
        if not left:
            # Dated by this write where the table is partitioned by load date: a typed value.
            today = dt.datetime.now(dt.UTC).date().isoformat()
            values = [today if e != n else NULL_VALUE for n, e in spec.partitions.items()]
            rel = Path(*[f"{n}={v}" for n, v in zip(spec.partitions, values, strict=True)])
            rel = rel / FILE_NAME
            (staged / rel).parent.mkdir(parents=True)
            con.execute(f"copy (select {cols} from {rows} limit 0) to {_literal(staged / rel)}")
            written[rel] = staged / rel
        for rel, path in sorted(written.items()):
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, folder / rel)
        for path in touched:
            if path.relative_to(folder) not in written:
                _remove(path, folder)


def write_frames(lake: Path, frames: dict[str, pl.DataFrame]) -> None:
    """Replace each named table with its frame (in-memory DuckDB: no warehouse lock taken)."""
    con = duckdb.connect()
    try:
        for table, frame in frames.items():
            con.register("_lake_rows", frame.to_arrow())
            write(con, lake, table, "_lake_rows")
            con.unregister("_lake_rows")
    finally:
        con.close()


def create_views(con: duckdb.DuckDBPyConnection, lake: Path, tables: list[str]) -> None:
    """Name each table's folder `raw.<table>` in the warehouse, replacing a table of that name
    (a warehouse from before the lake held the rows itself)."""
    lake = lake.resolve()  # a view's path is read from wherever the reader runs (dbt: its project)
    con.execute(f"create schema if not exists {RAW_SCHEMA}")
    for table in tables:
        kind = con.execute(
            "select table_type from information_schema.tables "
            "where table_catalog = current_database() and table_schema = ? and table_name = ?",
            [RAW_SCHEMA, table],
        ).fetchall()
        if kind and kind[0][0] == "BASE TABLE":
            con.execute(f"drop table {RAW_SCHEMA}.{table}")
        con.execute(f"create or replace view {RAW_SCHEMA}.{table} as {scan_sql(lake, table)}")
