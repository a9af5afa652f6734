"""The real public samples in ../shared and the magnet sample in samples/trade parse correctly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from ingestion.schemas import ParseResult
from ingestion.trade import parse_trade_file

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data" / "trade"
MAGNETS = REPO / "samples" / "trade" / "comtrade_china_magnet_exports_2025.csv"

# Skipped when ../shared is missing; in CI (CI=true) missing shared material fails.
needs_shared = pytest.mark.needs_shared(SHARED)


def parse(path: Path) -> ParseResult:
    result = parse_trade_file(path)
    assert result.records_in == result.records.height + len(result.rejects)
    return result


@needs_shared
def test_comtrade_hs8542_breakdowns_not_counted() -> None:
    path = SHARED / "comtrade" / "comtrade_v1_china_imports_from_usa_hs8542_2010_2024.csv"
    r = parse(path)
    # 15 annual totals (2010-2024); the 2015-2017 partner2 breakdown rows are rejects.
    assert (r.records_in, r.records.height, len(r.rejects)) == (173, 15, 158)
    assert all(x.reason.startswith("breakdown row (partner2Code=") for x in r.rejects)
    recs = r.records
    assert recs["period"].to_list() == [dt.date(y, 1, 1) for y in range(2010, 2025)]
    assert set(recs["reporter"]) == {"CHN"} and set(recs["partner"]) == {"USA"}
    assert set(recs["flow"]) == {"import"} and set(recs["hs_code"]) == {"8542"}
    # One total per year: the 2015 value is the partner2=World row, not the sum with its parts.
    y2015 = recs.filter(pl.col("period") == dt.date(2015, 1, 1))
    assert y2015["value_usd"].to_list() == [11369627279.0]


@needs_shared
def test_comtrade_json_envelope_sample() -> None:
    r = parse(SHARED / "comtrade" / "comtrade_v1_get_C_A_HS_china_total_2010_response.json")
    assert (r.records_in, r.records.height, len(r.rejects)) == (4, 4, 0)
    assert set(r.records["hs_code"]) == {"TOTAL"}
    assert set(r.records["partner"]) == {"ARG", "DEU"}


@needs_shared
def test_census_samples() -> None:
    r = parse(SHARED / "census" / "census_api_imports_hs6_2018_excerpt.csv")
    assert r.records_in == 1238
    assert not r.records.is_empty()
    # Groupings (SUMMARY_LVL CGP) never reach the country detail.
    assert all("grouping" in x.reason or "group" in x.reason for x in r.rejects)
    assert r.records.filter(pl.col("partner").str.len_chars() != 3).is_empty()
    r = parse(SHARED / "census" / "census_api_exports_hs_response_excerpt.json")
    assert (r.records_in, r.records.height, len(r.rejects)) == (2, 0, 2)


@pytest.mark.skipif(not MAGNETS.exists(), reason="samples/trade magnet sample not written yet")
def test_magnet_sample_chn_usa_resumption() -> None:
    r = parse(MAGNETS)
    assert r.rejects == []
    us = r.records.filter(
        (pl.col("reporter") == "CHN")
        & (pl.col("partner") == "USA")
        & (pl.col("hs_code") == "850511")
        & (pl.col("flow") == "export")
    )
    kg = dict(zip(us["period"].to_list(), us["net_weight_kg"].to_list(), strict=True))
    assert kg[dt.date(2025, 5, 1)] == pytest.approx(46_400, abs=500)
    assert kg[dt.date(2025, 6, 1)] == pytest.approx(353_000, abs=500)
    assert kg[dt.date(2025, 7, 1)] == pytest.approx(619_000, abs=500)
