"""The lake writer (`ingestion.lake`): partition paths, per-partition replace, crash safety."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import duckdb
import polars as pl
import pytest

from ingestion import lake
from ingestion.load import SourceFile
from ingestion.schemas import LINEAGE_SCHEMA, TRADE_FLOW_SCHEMA
from ingestion.trade.stream import load_into, reload_into

LOADED_AT = dt.datetime(2026, 12, 7, 23, 30, tzinfo=dt.UTC)  # 7 December in UTC, 8th in Asia


def _flows(rows: list[tuple[str, str, str, float]]) -> pl.DataFrame:
    """Trade rows (file, source, month, value) with every other column filled."""
    return pl.DataFrame(
        [
            {
                "reporter": "CHN",
                "partner": "USA",
                "hs_code": "8505",
                "flow": "export",
                "period": dt.date.fromisoformat(f"{month}-01"),
                "quantity": None,
                "quantity_unit": None,
                "net_weight_kg": None,
                "value_usd": value,
                "source": source,
                "record_position": f"line {n + 2}",
                "_source_file": file,
                "_source_sha256": "0" * 64,
                "_loaded_at": LOADED_AT,
            }
            for n, (file, source, month, value) in enumerate(rows)
        ],
        schema={**TRADE_FLOW_SCHEMA, **LINEAGE_SCHEMA},
    )


def _write(root: Path, frame: pl.DataFrame, drop: str | None = None) -> None:
    con = duckdb.connect()
    try:
        con.register("rows", frame.to_arrow())
        lake.write(con, root, "trade__flows", "rows", drop)
    finally:
        con.close()


def _read(root: Path, table: str = "trade__flows") -> pl.DataFrame:
    con = duckdb.connect()
    try:
        con.execute("set TimeZone = 'UTC'")  # the zone the frames are built in
        return con.sql(lake.scan_sql(root, table)).pl()
    finally:
        con.close()


def _files(root: Path, table: str = "trade__flows") -> list[str]:
    folder = lake.table_dir(root, table)
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


CENSUS = "source=census/period=2025-02-01"
FIRST = [
    ("a.csv", "comtrade", "2025-01", 1.0),
    ("a.csv", "comtrade", "2025-02", 2.0),
    ("b.csv", "census", "2025-02", 3.0),
    ("b.csv", "comtrade", "2025-02", 4.0),
]


def test_one_file_per_source_and_month_and_types_read_back(tmp_path: Path) -> None:
    _write(tmp_path, _flows(FIRST))
    assert _files(tmp_path) == [
        "source=census/period=2025-02-01/data_0.parquet",
        "source=comtrade/period=2025-01-01/data_0.parquet",
        "source=comtrade/period=2025-02-01/data_0.parquet",
    ]
    back = _read(tmp_path)
    assert back.schema == _flows(FIRST).schema  # names, order and types, partitions included
    assert back.sort("value_usd").equals(_flows(FIRST))


def test_news_tables_are_partitioned_by_the_utc_load_date(tmp_path: Path) -> None:
    from ingestion.schemas import ARTICLE_SCHEMA

    row = {name: None for name in ARTICLE_SCHEMA} | {"article_id": "x"}
    frame = pl.DataFrame([row], schema=ARTICLE_SCHEMA).with_columns(
        _source_file=pl.lit("f.jsonl"),
        _source_sha256=pl.lit("0"),
        _loaded_at=pl.lit(LOADED_AT, dtype=LINEAGE_SCHEMA["_loaded_at"]),
    )
    lake.write_frames(tmp_path, {"news__articles": frame})
    assert _files(tmp_path, "news__articles") == ["load_date=2026-12-07/data_0.parquet"]
    assert _read(tmp_path, "news__articles").equals(frame)


def test_a_repeat_write_replaces_and_a_vanished_partition_goes(tmp_path: Path) -> None:
    _write(tmp_path, _flows(FIRST))
    _write(tmp_path, _flows(FIRST))
    assert _read(tmp_path).height == len(FIRST)  # nothing duplicated
    _write(tmp_path, _flows(FIRST[:1]))
    assert _files(tmp_path) == ["source=comtrade/period=2025-01-01/data_0.parquet"]
    assert _read(tmp_path)["value_usd"].to_list() == [1.0]


def test_a_reload_rewrites_only_the_partitions_its_file_touches(tmp_path: Path) -> None:
    _write(tmp_path, _flows(FIRST))
    untouched = lake.table_dir(tmp_path, "trade__flows") / "source=census/period=2025-02-01"
    before = (untouched / "data_0.parquet").stat().st_mtime_ns
    # a.csv corrected: its February row is gone, a March row is new.
    _write(tmp_path, _flows([("a.csv", "comtrade", "2025-03", 5.0)]), "_source_file = 'a.csv'")
    assert (untouched / "data_0.parquet").stat().st_mtime_ns == before
    assert _files(tmp_path) == [
        "source=census/period=2025-02-01/data_0.parquet",
        "source=comtrade/period=2025-02-01/data_0.parquet",
        "source=comtrade/period=2025-03-01/data_0.parquet",
    ]
    assert sorted(_read(tmp_path)["value_usd"].to_list()) == [3.0, 4.0, 5.0]


def test_an_empty_table_is_one_file_without_rows(tmp_path: Path) -> None:
    _write(tmp_path, _flows(FIRST))
    _write(tmp_path, _flows([]))
    assert _files(tmp_path) == [
        "source=__HIVE_DEFAULT_PARTITION__/period=__HIVE_DEFAULT_PARTITION__/data_0.parquet"
    ]
    assert _read(tmp_path).schema == _flows([]).schema
    assert _read(tmp_path).height == 0
    _write(tmp_path, _flows(FIRST[:1]), "false")  # the placeholder leaves with the first rows
    assert _files(tmp_path) == ["source=comtrade/period=2025-01-01/data_0.parquet"]


def test_a_write_that_fails_leaves_the_previous_partitions(tmp_path: Path) -> None:
    _write(tmp_path, _flows(FIRST))
    con = duckdb.connect()
    try:
        con.register("rows", _flows(FIRST).to_arrow())
        # The query fails while DuckDB writes: an error raised on the third row.
        con.execute(
            "create view failing as select * replace ("
            "case when value_usd = 3 then error('disk full') else value_usd end as value_usd) "
            "from rows"
        )
        with pytest.raises(duckdb.Error, match="disk full"):
            lake.write(con, tmp_path, "trade__flows", "failing")
    finally:
        con.close()
    assert _read(tmp_path).sort("value_usd").equals(_flows(FIRST))
    assert not any((tmp_path / ".staging").iterdir())  # nothing left half-written


def test_a_crash_between_partitions_leaves_each_partition_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, _flows(FIRST))
    moved: list[str] = []
    real_replace = os.replace

    def replace_then_die(src: str | Path, dst: str | Path) -> None:
        if moved:
            raise KeyboardInterrupt("killed")
        real_replace(src, dst)
        moved.append(str(dst))

    monkeypatch.setattr(lake.os, "replace", replace_then_die)
    doubled = _flows(FIRST).with_columns(value_usd=pl.col("value_usd") * 10)
    with pytest.raises(KeyboardInterrupt):
        _write(tmp_path, doubled)
    monkeypatch.undo()
    back = _read(tmp_path)
    assert back.height == len(FIRST)
    # The partition moved first (census, in path order) is new, the others still the old ones.
    assert moved == [str(lake.table_dir(tmp_path, "trade__flows") / (CENSUS + "/data_0.parquet"))]
    by_part = back.group_by("source").agg(pl.col("value_usd").sum()).sort("source")
    assert by_part.rows() == [("census", 30.0), ("comtrade", 1.0 + 2.0 + 4.0)]
    _write(tmp_path, doubled)  # the next run completes it
    assert _read(tmp_path).sort("value_usd").equals(doubled)


def test_reloading_a_file_twice_counts_it_once(tmp_path: Path) -> None:
    from benchmarks.trade_parse import generate_month

    home = tmp_path / "home"
    warehouse = home / "warehouse" / "warehouse.duckdb"
    sources = []
    for name, month in (("a.csv", "202501"), ("b.csv", "202502")):
        generate_month(tmp_path / name, month, 40)
        sources.append(SourceFile.of(tmp_path / name, f"sha-{name}", tmp_path))

    def table(sql: str) -> list[tuple[object, ...]]:
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            return con.sql(sql).fetchall()
        finally:
            con.close()

    flows = "select _source_file, period, count(*) from raw.trade__flows group by all order by all"
    rejects = "select source_file, count(*) from raw.trade__rejects group by all order by all"
    report = load_into(warehouse, sources, LOADED_AT, lake=home / "lake")
    before = table(flows), table(rejects)
    assert sum(n for *_, n in before[0]) == report.loaded > 0
    assert sum(n for _, n in before[1]) == report.rejected
    later = LOADED_AT + dt.timedelta(days=1)
    for _ in range(2):
        reload_into(warehouse, sources[:1], later, lake=home / "lake")
    assert (table(flows), table(rejects)) == before
    assert table("select source_file from raw.trade__files order by 1") == [("a.csv",), ("b.csv",)]
    # Each reload recorded the month it took out of flows.
    removals = table("select source_file, period from raw.trade__removals")
    assert removals == [("a.csv", dt.date(2025, 1, 1))] * 2
    kinds = "select distinct table_type from information_schema.tables where table_schema = 'raw'"
    assert table(kinds) == [("VIEW",)]  # one copy of the rows: the lake's


def test_views_replace_the_tables_of_an_older_warehouse(tmp_path: Path) -> None:
    _write(tmp_path, _flows(FIRST))
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        con.execute("create schema raw")
        con.execute("create table raw.trade__flows as select 1 as stale")
        lake.create_views(con, tmp_path, ["trade__flows"])
        assert con.sql("select count(*) from raw.trade__flows").fetchall() == [(len(FIRST),)]
        definition = con.sql(
            "select sql from duckdb_views() where view_name = 'trade__flows'"
        ).fetchall()[0][0]
    finally:
        con.close()
    assert "read_parquet" in definition and "hive_partitioning" in definition


def test_an_empty_table_partitioned_by_load_date_is_dated_by_its_write(tmp_path: Path) -> None:
    from ingestion.schemas import REJECT_SCHEMA

    empty = pl.DataFrame(schema={**REJECT_SCHEMA, "_loaded_at": LINEAGE_SCHEMA["_loaded_at"]})
    lake.write_frames(tmp_path, {"news__rejects": empty})
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert _files(tmp_path, "news__rejects") == [f"load_date={today}/data_0.parquet"]
    assert _read(tmp_path, "news__rejects").schema == empty.schema
