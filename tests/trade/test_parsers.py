"""Tests of `ingestion.trade.parse_trade_file` on small hand-written fixtures.

Every fixture asserts the accounting invariant rows in = rows loaded + rows rejected, the output
schema, and the specific records and reject reasons the fixture was written to provoke.
"""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
from pathlib import Path

import polars as pl
import pytest

from ingestion.schemas import TRADE_FLOW_SCHEMA, ParseResult
from ingestion.trade import detect_format, parse_trade_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "trade"


def parse(name: str | Path) -> ParseResult:
    """Parse a fixture and check what must hold for every file."""
    path = name if isinstance(name, Path) else FIXTURES / name
    result = parse_trade_file(path)
    assert result.records_in == result.records.height + len(result.rejects)
    assert dict(result.records.schema) == TRADE_FLOW_SCHEMA
    for reject in result.rejects:
        assert reject.position and reject.reason
        assert len(reject.snippet) <= 200
    return result


def reasons(result: ParseResult) -> dict[str, str]:
    """Position -> reason of every reject."""
    return {r.position: r.reason for r in result.rejects}


def row(result: ParseResult, **where: object) -> dict:
    """The single record matching all `where` equalities."""
    df = result.records.filter(**where)
    assert df.height == 1, df
    return df.row(0, named=True)


# --- UN Comtrade -------------------------------------------------------------------------------


def test_comtrade_csv_good_keeps_totals_only() -> None:
    r = parse("comtrade_api_good.csv")
    assert detect_format(FIXTURES / "comtrade_api_good.csv") == "comtrade_csv"
    assert (r.records_in, r.records.height, len(r.rejects)) == (10, 5, 5)
    may = row(r, partner="USA", period=dt.date(2025, 5, 1))
    assert may["reporter"] == "CHN" and may["hs_code"] == "850511" and may["flow"] == "export"
    assert may["net_weight_kg"] == 46400.0 and may["quantity_unit"] == "kg"
    assert may["source"] == "comtrade" and may["record_position"] == "line 2"
    # mosCode "0 " (trailing space, as in real files) is the total, not a breakdown.
    assert row(r, partner="USA", period=dt.date(2025, 7, 1))["net_weight_kg"] == 619000.0
    assert row(r, partner="WLD")["value_usd"] == 150000000.0
    # Annual rows: period is 1 January of the year.
    assert row(r, period=dt.date(2024, 1, 1))["value_usd"] == 99000000.0
    got = reasons(r)
    assert got["line 6"] == "breakdown row (partner2Code=344; not added to totals)"
    assert got["line 7"] == "breakdown row (customsCode=C01; not added to totals)"
    assert got["line 8"] == "breakdown row (motCode=2100; not added to totals)"
    assert got["line 9"] == "breakdown row (mosCode=3; not added to totals)"
    assert got["line 10"].startswith("sub-flow RX")


def test_comtrade_csv_bad_rows_become_rejects() -> None:
    r = parse("comtrade_api_bad.csv")
    assert (r.records_in, r.records.height, len(r.rejects)) == (11, 2, 9)
    got = reasons(r)
    assert got["line 2"] == "non-numeric qty 'abc'"
    assert got["line 3"] == "negative primaryValue -5.0"
    assert got["line 4"] == "unknown partnerCode '999'"
    assert got["line 5"] == "unknown HS code '7701'"
    assert got["line 6"] == "unknown HS code '85X511'"
    assert got["line 7"].startswith("invalid period '202513'")
    assert got["line 9"] == "exact duplicate of an earlier row"
    assert got["line 10"].startswith("conflicting duplicate")
    assert got["line 12"].startswith("truncated record")
    assert set(r.records["record_position"]) == {"line 8", "line 11"}
    assert row(r, partner="USA")["net_weight_kg"] == 353000.0


def test_comtrade_csv_renamed_columns_rejects_file() -> None:
    r = parse("comtrade_api_renamed_columns.csv")
    assert (r.records_in, r.records.height, len(r.rejects)) == (1, 0, 1)
    assert r.rejects[0].position == "file"
    assert "cmdCode" in r.rejects[0].reason and "primaryValue" in r.rejects[0].reason


def test_comtrade_json_envelope() -> None:
    r = parse("comtrade_api_envelope.json")
    assert detect_format(FIXTURES / "comtrade_api_envelope.json") == "comtrade_json"
    assert (r.records_in, r.records.height, len(r.rejects)) == (3, 2, 1)
    usa = row(r, partner="USA")
    assert usa["net_weight_kg"] == 353000.0 and usa["record_position"] == "item 1"
    world = row(r, partner="WLD")
    # qtyUnitCode -1 (N/A): quantity 0.0 means nothing, so it is null.
    assert world["quantity"] is None and world["quantity_unit"] is None
    assert reasons(r)["item 2"] == "breakdown row (partner2Code=344; not added to totals)"


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("comtrade_api_error.json", "Invalid subscription key"),
        ("comtrade_api_truncated.json", "invalid JSON"),
    ],
)
def test_comtrade_json_errors_reject_file(name: str, fragment: str) -> None:
    r = parse(name)
    assert (r.records_in, r.records.height, len(r.rejects)) == (1, 0, 1)
    assert r.rejects[0].position == "file" and fragment in r.rejects[0].reason


def test_comtrade_bulk_tsv_plain_gzip_and_misnamed(tmp_path: Path) -> None:
    plain = parse("comtrade_bulk.tsv")
    assert (plain.records_in, plain.records.height, len(plain.rejects)) == (3, 2, 1)
    assert row(plain, flow="import")["hs_code"] == "280530"
    gz = tmp_path / "COMTRADE-FINAL-CM156202505H6.gz"
    with (FIXTURES / "comtrade_bulk.tsv").open("rb") as src, gzip.open(gz, "wb") as dst:
        shutil.copyfileobj(src, dst)
    assert detect_format(gz) == "comtrade_tsv"
    packed = parse(gz)
    assert packed.records.equals(plain.records)
    # Detection is by content: a TSV saved with a .json extension still parses.
    misnamed = tmp_path / "download.json"
    shutil.copy(FIXTURES / "comtrade_bulk.tsv", misnamed)
    assert parse(misnamed).records.equals(plain.records)


# --- US Census -----------------------------------------------------------------------------------


def test_census_imports_json() -> None:
    r = parse("census_imports_hs10.json")
    assert detect_format(FIXTURES / "census_imports_hs10.json") == "census_json"
    assert (r.records_in, r.records.height, len(r.rejects)) == (11, 4, 7)
    china = row(r, partner="CHN")
    assert china["reporter"] == "USA" and china["flow"] == "import"
    assert china["hs_code"] == "8505110070" and china["value_usd"] == 60000000.0
    assert china["net_weight_kg"] == 1200000.0 and china["record_position"] == "row 2"
    # "-" (TOTAL FOR ALL COUNTRIES) is the world total, as Comtrade's partner 0.
    assert row(r, partner="WLD")["value_usd"] == 95000000.0
    canada = row(r, partner="CAN")
    assert canada["hs_code"] == "8505110070" and canada["quantity_unit"] == "u"
    assert canada["net_weight_kg"] is None
    got = reasons(r)
    assert got["row 4"].startswith("country grouping row (SUMMARY_LVL=CGP")
    assert got["row 5"].startswith("country grouping row")
    assert got["row 6"] == "non-numeric GEN_VAL_MO '(D)'"
    assert got["row 7"] == "negative GEN_QY1_MO -5"
    assert got["row 8"] == "unknown CTY_CODE '9999'"
    assert got["row 9"] == "exact duplicate of an earlier row"
    assert got["row 10"].startswith("malformed record")


def test_census_exports_year_month() -> None:
    r = parse("census_exports_hs6.json")
    assert (r.records_in, r.records.height, len(r.rejects)) == (3, 2, 1)
    china = row(r, partner="CHN")
    assert china["flow"] == "export" and china["period"] == dt.date(2025, 6, 1)
    assert row(r, partner="HKG")["value_usd"] == 300000.0
    assert reasons(r)["row 3"].startswith("country group total (CTY_CODE=0001 OPEC")


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("census_missing_value.json", "GEN_VAL_MO"),
        ("census_invalid_key.json", "unrecognised trade file format"),
    ],
)
def test_census_bad_files(name: str, fragment: str) -> None:
    r = parse(name)
    assert (r.records_in, r.records.height, len(r.rejects)) == (1, 0, 1)
    assert fragment in r.rejects[0].reason


# --- China customs -------------------------------------------------------------------------------


def test_gacc_gbk_usd_export() -> None:
    path = FIXTURES / "gacc_export_magnets_usd_gbk.csv"
    assert detect_format(path) == "china_customs_csv"
    r = parse(path)
    assert (r.records_in, r.records.height, len(r.rejects)) == (9, 5, 4)
    us = r.records.filter(partner="USA").sort("period")
    assert us["net_weight_kg"].to_list() == [46400.0, 353000.0, 619000.0]
    assert us["value_usd"].to_list() == [2460000.0, 18700000.0, 32800000.0]
    first = us.row(0, named=True)
    assert first["reporter"] == "CHN" and first["flow"] == "export"
    assert first["hs_code"] == "85051110" and first["quantity_unit"] == "kg"
    assert row(r, partner="HKG")["quantity"] == 12345.0
    got = reasons(r)
    assert got["line 7"] == "unknown partner '火星'"
    assert got["line 8"] == "non-numeric 第一数量 'abc'"
    assert got["line 9"] == "negative 美元 -1,000"
    assert got["line 10"] == "invalid 数据年月 '2025-13'"


def test_gacc_full_variant_cny_sums_breakdowns() -> None:
    r = parse("gacc_export_magnets_cny_full_variant_gbk.csv")
    assert (r.records_in, r.records.height, len(r.rejects)) == (4, 2, 2)
    us = row(r, partner="USA")
    # Trade-mode parts are summed into the first row; the exact repeat is not added.
    assert us["net_weight_kg"] == 353000.0 and us["record_position"] == "line 2"
    # A CNY file has no USD value (no exchange rate applied).
    assert us["value_usd"] is None
    got = reasons(r)
    assert got["line 3"] == "breakdown row (贸易方式/注册地) summed into line 2"
    assert got["line 4"] == "exact duplicate of an earlier row"


def test_gacc_flow_column_utf8() -> None:
    r = parse("gacc_query_flow_column_utf8.csv")
    assert (r.records_in, r.records.height, len(r.rejects)) == (2, 2, 0)
    assert row(r, flow="import")["hs_code"] == "28053011"
    assert row(r, flow="export")["net_weight_kg"] == 353000.0


def test_gacc_without_flow_rejects_file() -> None:
    r = parse("gacc_query_2025.csv")
    assert (r.records_in, r.records.height, len(r.rejects)) == (1, 0, 1)
    assert "cannot tell exports from imports" in r.rejects[0].reason


# --- Generic -------------------------------------------------------------------------------------


def test_empty_and_unknown_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert reasons(parse(empty)) == {"file": "empty file"}
    other = tmp_path / "other.csv"
    other.write_text("a,b,c\n1,2,3\n")
    assert reasons(parse(other)) == {"file": "unrecognised trade file format"}


def test_header_only_comtrade_file(tmp_path: Path) -> None:
    path = tmp_path / "header_only.csv"
    path.write_text((FIXTURES / "comtrade_api_good.csv").read_text().splitlines()[0] + "\n")
    r = parse(path)
    assert (r.records_in, r.records.height, len(r.rejects)) == (0, 0, 0)


def test_short_line_mid_file_is_rejected(tmp_path: Path) -> None:
    lines = (FIXTURES / "comtrade_api_good.csv").read_text().splitlines()
    lines[2] = ",".join(lines[2].split(",")[:30])  # a line cut in the middle of the file
    path = tmp_path / "cut.csv"
    path.write_text("\n".join(lines) + "\n")
    r = parse(path)
    assert reasons(r)["line 3"].startswith("malformed record: fewer fields")
    assert r.records.height == 4


def test_records_are_polars_frames() -> None:
    r = parse("comtrade_api_good.csv")
    assert isinstance(r.records, pl.DataFrame)


def test_comtrade_bom_crlf_and_dictionary_spelling(tmp_path: Path) -> None:
    # A UTF-8 BOM, CRLF line ends and the dictionary spelling cifValue change nothing.
    text = (FIXTURES / "comtrade_api_good.csv").read_text().replace("cifvalue", "cifValue", 1)
    path = tmp_path / "variant.csv"
    path.write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
    r = parse(path)
    assert r.records.equals(parse("comtrade_api_good.csv").records)


def test_census_csv_truncated_last_line(tmp_path: Path) -> None:
    path = tmp_path / "census_cut.csv"
    path.write_text(
        "CTY_CODE,CTY_NAME,GEN_VAL_MO,I_COMMODITY,YEAR,MONTH\n"
        "5700,CHINA,60000000,8505110070,2025,06\n"
        "5880,JAPAN,2000"
    )
    r = parse(path)
    assert (r.records_in, r.records.height, len(r.rejects)) == (2, 1, 1)
    assert reasons(r)["line 3"].startswith("malformed record")


def test_gacc_truncated_last_line(tmp_path: Path) -> None:
    data = (FIXTURES / "gacc_export_magnets_usd_gbk.csv").read_bytes()
    path = tmp_path / "gacc_export_cut.csv"
    path.write_bytes(data[: data.index("中国香港".encode("gb18030")) + 8])
    r = parse(path)
    assert (r.records_in, r.records.height, len(r.rejects)) == (5, 4, 1)
    assert reasons(r)["line 6"].startswith("truncated record")


@pytest.mark.parametrize(
    ("name", "flow"),
    [
        ("海关出口数据.csv", "export"),
        ("gacc_imports_query_export.csv", "import"),
        ("gacc_magnets_export.csv", "export"),
        ("gacc_import_export.csv", None),
        ("gacc_query.csv", None),
    ],
)
def test_gacc_flow_from_file_name(name: str, flow: str | None) -> None:
    from ingestion.trade.china_customs import _flow_from_name

    assert _flow_from_name(name) == flow
