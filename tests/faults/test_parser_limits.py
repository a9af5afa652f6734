"""Class 2: parser limits. Deep JSON, gzip bombs and chunk cuts are rejects, not crashes."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zlib
from pathlib import Path

import duckdb
import polars as pl
import pytest

from ingestion.limits import json_depth
from ingestion.load import SourceFile
from ingestion.news import parse_news_file
from ingestion.schemas import TRADE_FLOW_SCHEMA
from ingestion.trade import parse_trade_file
from ingestion.trade.stream import ensure_tables, load_comtrade_csv
from tests.faults.conftest import GOOD_ARTICLE, GOOD_CENSUS, assert_rows_balance, ingest

pytestmark = pytest.mark.faults

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "trade"
DEPTH = 100_000


def _deep(levels: int, open_: str = "[", close: str = "]") -> str:
    return open_ * levels + close * levels


def test_json_depth_is_measured_without_recursion() -> None:
    assert json_depth(_deep(DEPTH)) == DEPTH
    assert json_depth('{"a": [1, {"b": "[[[[ not brackets ]"}]}') == 3
    assert json_depth('"\\"[[[" ') == 0


def test_deeply_nested_jsonl_line_is_one_reject_and_the_file_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    deep_obj = '{"url": "https://example.org/x", "text": ' + _deep(DEPTH) + "}"
    path.write_text(GOOD_ARTICLE + deep_obj + "\n" + '{"a":' * DEPTH + "1" + "}" * DEPTH + "\n")
    result = parse_news_file(path)
    assert result.records_in == 3
    assert result.records.height == 1
    assert [r.position for r in result.rejects] == ["line 2", "line 3"]
    for reject in result.rejects:
        assert reject.reason.startswith("JSON nested ")
        assert "more than the limit of 100 (LEDGER_MAX_JSON_DEPTH)" in reject.reason


def test_deeply_nested_trade_json_is_a_file_reject(tmp_path: Path) -> None:
    census = tmp_path / "census_deep.json"
    census.write_text("[" + _deep(DEPTH) + "]")
    comtrade = tmp_path / "comtrade_deep.json"
    comtrade.write_text('{"data": [' + '{"x":' * DEPTH + "1" + "}" * DEPTH + "]}")
    for path in (census, comtrade):
        result = parse_trade_file(path)
        assert result.records.height == 0
        [reject] = result.rejects
        assert reject.position == "file"
        assert reject.reason.startswith(f"JSON nested {DEPTH + 1} levels deep") or (
            reject.reason.startswith(f"JSON nested {DEPTH + 2} levels deep")
        )


def test_depth_limit_is_a_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "census.json"
    path.write_text(GOOD_CENSUS)
    assert parse_trade_file(path).records.height == 1
    monkeypatch.setenv("LEDGER_MAX_JSON_DEPTH", "1")
    [reject] = parse_trade_file(path).rejects
    assert "more than the limit of 1" in reject.reason


def test_deep_json_through_the_assets_rejects_and_loads_the_rest(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    news.write_text(GOOD_ARTICLE + '{"text": ' + _deep(DEPTH) + "}\n")
    trade_dir = tmp_path / "trade"
    trade_dir.mkdir()
    (trade_dir / "census_deep.json").write_text("[" + _deep(DEPTH) + "]")
    (trade_dir / "census_good.json").write_text(GOOD_CENSUS)
    loaded = ingest(tmp_path / "home", news=[news], trade=[trade_dir])
    assert loaded.articles == [("news.jsonl", "line 1")]
    assert [r[:2] for r in loaded.news_rejects] == [("news.jsonl", "line 2")]
    assert [r[:2] for r in loaded.trade_rejects] == [("census_deep.json", "file")]
    assert [f for f, _ in loaded.flows] == ["census_good.json"]
    assert_rows_balance(loaded)


def _gzip_bomb(path: Path, expanded: int) -> None:
    """A small gzip file whose content is a valid Comtrade header followed by `expanded` spaces."""
    header = (FIXTURES / "comtrade_api_good.csv").read_text().splitlines()[0] + "\n"
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    with path.open("wb") as out:
        out.write(comp.compress(header.encode()))
        block = b" " * (1 << 20)
        for _ in range(expanded // len(block)):
            out.write(comp.compress(block))
        out.write(comp.flush())


def test_gzip_over_the_cap_is_rejected_without_expanding_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = tmp_path / "comtrade_bomb.csv.gz"
    _gzip_bomb(bomb, 64 << 20)  # 64 MiB of content in about 64 KB
    assert bomb.stat().st_size < 200_000
    monkeypatch.setenv("LEDGER_MAX_GUNZIP_BYTES", str(8 << 20))
    [reject] = parse_trade_file(bomb).rejects
    assert reject.position == "file"
    assert reject.reason == (
        f"gzip file expands to more than {8 << 20} bytes, the cap on decompressed size "
        "(LEDGER_MAX_GUNZIP_BYTES); not loaded"
    )
    # Under the cap, the same kind of file is read (and judged on its content).
    good = tmp_path / "comtrade_good.csv.gz"
    good.write_bytes(gzip.compress((FIXTURES / "comtrade_api_good.csv").read_bytes()))
    assert parse_trade_file(good).records.height > 0


def test_gzip_bomb_through_the_trade_asset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    trade_dir = tmp_path / "trade"
    trade_dir.mkdir()
    _gzip_bomb(trade_dir / "bomb.csv.gz", 16 << 20)
    (trade_dir / "census_good.json").write_text(GOOD_CENSUS)
    monkeypatch.setenv("LEDGER_MAX_GUNZIP_BYTES", str(4 << 20))
    loaded = ingest(tmp_path / "home", trade=[trade_dir])
    [reject] = loaded.rejects_of("bomb.csv.gz", "trade")
    assert "LEDGER_MAX_GUNZIP_BYTES" in reject[2]
    assert [f for f, _ in loaded.flows] == ["census_good.json"]
    assert_rows_balance(loaded)


def _stream(path: Path, chunk_bytes: int) -> tuple[pl.DataFrame, pl.DataFrame, int]:
    con = duckdb.connect()
    try:
        ensure_tables(con)
        report = load_comtrade_csv(
            con,
            path,
            SourceFile.of(path, "sha"),
            dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
            ",",
            chunk_bytes=chunk_bytes,
        )
        records = con.sql(f"select {', '.join(TRADE_FLOW_SCHEMA)} from raw.trade__flows").pl()
        rejects = con.sql("select position, reason from raw.trade__rejects").pl()
    finally:
        con.close()
    assert report.records_in == records.height + rejects.height == report.loaded + report.rejected
    return records, rejects, report.chunks


def _with_multiline_description(path: Path) -> None:
    """The good fixture with a quoted, three-line cmdDesc in every row."""
    lines = (FIXTURES / "comtrade_api_good.csv").read_text().splitlines()
    header = lines[0].split(",")
    desc = header.index("cmdDesc")
    rows = []
    for n, line in enumerate(lines[1:]):
        fields = line.split(",")
        fields[desc] = f'"Magnets, permanent\nrow {n} ""sintered""\n(NdFeB)"'
        rows.append(",".join(fields))
    path.write_text("\n".join([lines[0], *rows]) + "\n")


@pytest.mark.parametrize("chunk_bytes", [150, 333, 517, 700, 1024])
def test_quoted_field_across_a_chunk_boundary_loads_like_the_whole_file(
    tmp_path: Path, chunk_bytes: int
) -> None:
    path = tmp_path / "comtrade_multiline.csv"
    _with_multiline_description(path)
    whole = parse_trade_file(path)
    assert whole.records.height > 0
    records, rejects, chunks = _stream(path, chunk_bytes)
    assert chunks > 1
    cols = [c for c in TRADE_FLOW_SCHEMA if c != "record_position"]
    assert records.select(cols).sort(cols).equals(whole.records.select(cols).sort(cols))
    assert rejects.height == len(whole.rejects)


def test_unclosed_quote_is_a_clear_reject_not_a_polars_error(tmp_path: Path) -> None:
    path = tmp_path / "comtrade_unclosed.csv"
    lines = (FIXTURES / "comtrade_api_good.csv").read_text().splitlines()
    desc = lines[0].split(",").index("cmdDesc")
    broken = lines[3].split(",")
    broken[desc] = '"never closed'
    path.write_text("\n".join([*lines[:3], ",".join(broken), *lines[4:]]) + "\n")
    for chunk_bytes in (200, 400, 1 << 20):
        records, rejects, _ = _stream(path, chunk_bytes)
        # Nothing raised; the lines of the chunk holding the open quote are one reject with a
        # plain reason, the rows of the other chunks load (with one chunk: none to load).
        unreadable = [r for r in rejects["reason"] if r.startswith("unreadable CSV text in lines")]
        assert len(unreadable) == 1, rejects
        assert "a quoted field is not closed" in unreadable[0]
        assert "schema" not in unreadable[0] and "row_offset" not in unreadable[0]
        assert records.height >= (1 if chunk_bytes < 1 << 20 else 0)


def test_census_json_depth_default_allows_real_files() -> None:
    for name in ("census_imports_hs10.json", "comtrade_api_envelope.json"):
        data = (FIXTURES / name).read_text()
        assert json_depth(data) < 10
        json.loads(data)
