"""An input that vanishes (or cannot be read) after it was listed is a reject, not a crash."""

import datetime as dt
from pathlib import Path

import duckdb

from ingestion.inputs import find_inputs
from ingestion.load import SourceFile, collect, refused_result
from ingestion.schemas import ARTICLE_SCHEMA

LOADED_AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
GOOD = (
    '{"url": "https://a.example/1", "title": "t", "published": "2025-04-04", '
    '"text": "Beijing raised tariffs."}\n'
)


def test_news_file_gone_between_listing_and_reading_is_one_reject(tmp_path: Path) -> None:
    from ingestion.news import parse_news_file

    (tmp_path / "a.jsonl").write_text(GOOD)
    (tmp_path / "b.jsonl").write_text(GOOD.replace("/1", "/2"))
    items = find_inputs(tmp_path)
    (tmp_path / "b.jsonl").unlink()  # vanishes after the folder was listed
    results = []
    for item in items:
        source = SourceFile.of_input(item)
        result = (
            refused_result(source, ARTICLE_SCHEMA) if source.refused else parse_news_file(item.path)
        )
        results.append((source, result))
    records, rejects, report = collect(results, ARTICLE_SCHEMA, "news", LOADED_AT, "t")
    assert records.height == 1
    assert rejects.select("source_file", "position").rows() == [("b.jsonl", "file")]
    assert rejects["reason"][0].startswith("cannot read file: No such file")
    assert [f["rejected"] for f in report.files] == [0, 1]


def test_trade_file_gone_is_a_reject_row(tmp_path: Path) -> None:
    from ingestion.trade.stream import ensure_tables, load_files

    (tmp_path / "gone.csv").write_text("x\n")
    [item] = find_inputs(tmp_path)
    (tmp_path / "gone.csv").unlink()
    source = SourceFile.of_input(item)
    assert source.refused and source.sha256 == ""
    con = duckdb.connect()
    try:
        ensure_tables(con, replace=True)
        report = load_files(con, [source], LOADED_AT)
        rows = con.execute("select source_file, reason from raw.trade__rejects").fetchall()
    finally:
        con.close()
    assert report.files[0]["rejected"] == 1
    assert rows == [("gone.csv", source.refused)]
