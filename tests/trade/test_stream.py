"""The chunked bulk loader gives the same records and rejects as `parse_trade_file`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import polars as pl
import pytest

from benchmarks.trade_parse import generate
from ingestion.load import SourceFile
from ingestion.schemas import TRADE_FLOW_SCHEMA
from ingestion.trade import parse_trade_file
from ingestion.trade.stream import ensure_tables, load_comtrade_csv

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "trade"
LOADED_AT = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)


def _stream(path: Path, chunk_bytes: int) -> tuple[pl.DataFrame, pl.DataFrame, int]:
    con = duckdb.connect()
    try:
        ensure_tables(con)
        sep = "\t" if path.suffix == ".tsv" else ","
        source = SourceFile.of(path, "sha")
        report = load_comtrade_csv(con, path, source, LOADED_AT, sep, chunk_bytes=chunk_bytes)
        cols = ", ".join(TRADE_FLOW_SCHEMA)
        records = con.sql(f"select {cols} from raw.trade__flows").pl()
        rejects = con.sql("select position, reason, snippet from raw.trade__rejects").pl()
    finally:
        con.close()
    assert report.records_in == records.height + rejects.height
    return records, rejects, report.chunks


def _whole(path: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    res = parse_trade_file(path)
    rejects = pl.DataFrame(
        [(r.position, r.reason, r.snippet) for r in res.rejects],
        schema=["position", "reason", "snippet"],
        orient="row",
    )
    return res.records, rejects


def _same(a: pl.DataFrame, b: pl.DataFrame) -> None:
    key = a.columns
    assert a.sort(key, nulls_last=True).equals(b.select(key).sort(key, nulls_last=True))


@pytest.mark.parametrize(
    "name",
    [
        "comtrade_api_good.csv",
        "comtrade_api_bad.csv",
        "comtrade_api_renamed_columns.csv",
        "comtrade_bulk.tsv",
    ],
)
@pytest.mark.parametrize("chunk_bytes", [300, 1 << 20])
def test_fixture_records_and_rejects_identical(name: str, chunk_bytes: int) -> None:
    """Tiny chunks (a few lines each) exercise the cross-chunk duplicate path too."""
    path = FIXTURES / name
    records, rejects, _ = _stream(path, chunk_bytes)
    want_records, want_rejects = _whole(path)
    assert records.height == want_records.height
    _same(want_records, records)
    _same(want_rejects, rejects)


def test_duplicates_across_chunks(tmp_path: Path) -> None:
    """An observation repeated far apart in a file is rejected once, whichever chunk has it."""
    path = tmp_path / "dups.csv"
    generate(path, 2_000)
    lines = path.read_text().splitlines()
    # Repeat line 10 exactly at the end, and line 20 with another value (a conflict).
    conflict = lines[19].split(",")
    conflict[-4] = "123.0"  # primaryValue
    path.write_text("\n".join([*lines, lines[9], ",".join(conflict)]) + "\n")
    records, rejects, chunks = _stream(path, 20_000)
    assert chunks > 5
    want_records, want_rejects = _whole(path)
    _same(want_records, records)
    _same(want_rejects, rejects)
    reasons = rejects.filter(pl.col("reason").str.contains("duplicate"))["reason"].to_list()
    assert len(reasons) == 2
