"""Country and unit code tables used by the trade parsers (small CSVs in `reference/`).

* `comtrade_areas.csv`: UN Comtrade reporter/partner area codes (Comtrade's M49 variant: USA is
  842, France 251, India 699) -> ISO3. Overrides: 0 World -> WLD, 97 EU -> EUN, 490 "Other Asia,
  nes" -> TWN (UN Comtrade's name for Taiwan, so the mirror checks against GACC/Census line up).
  Areas without an ISO3 keep Comtrade's own code (899 "Areas, nes" -> `_X`, 839 -> `XX`, ...).
* `census_schedule_c.csv`: US Census Schedule C country codes (5700 China, 1220 Canada) -> ISO3,
  from the Census list's ISO2 column (anomalies fixed: rCD -> COD, KV -> XKX, GZ/WE -> PSE).
* `gacc_partner_names.csv`: Chinese partner names as GACC writes them -> ISO3 (UNTERM Chinese
  short names from datasets/country-codes, PDDL, plus GACC short forms: 美国, 韩国, 中国香港).
* `comtrade_qty_units.csv`: Comtrade qtyUnitCode -> abbreviation (8 kg, 5 u, ...).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import polars as pl

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"


def _read(name: str) -> pl.DataFrame:
    return pl.read_csv(REFERENCE_DIR / name, infer_schema=False)


@cache
def comtrade_areas() -> dict[str, str]:
    """Comtrade area code (as text, no leading zeros) -> ISO3 (or WLD/EUN/Comtrade code)."""
    df = _read("comtrade_areas.csv")
    return dict(zip(df["code"].to_list(), df["iso3"].to_list(), strict=True))


@cache
def comtrade_qty_units() -> dict[str, str]:
    """Comtrade qtyUnitCode (as text) -> unit abbreviation; -1 (N/A) is left out on purpose."""
    df = _read("comtrade_qty_units.csv").filter(pl.col("code") != "-1")
    return dict(zip(df["code"].to_list(), df["abbr"].to_list(), strict=True))


@cache
def census_countries() -> dict[str, str]:
    """Census Schedule C code (4 digits) -> ISO3."""
    df = _read("census_schedule_c.csv")
    return dict(zip(df["cty_code"].to_list(), df["iso3"].to_list(), strict=True))


@cache
def gacc_partner_names() -> dict[str, str]:
    """Chinese partner name -> ISO3 (later rows, the GACC short forms, win over UN names)."""
    df = _read("gacc_partner_names.csv")
    return dict(zip(df["name_zh"].to_list(), df["iso3"].to_list(), strict=True))


# GACC 第一计量单位 -> unit abbreviation used in `quantity_unit`, and the factor to kg where the
# unit is a mass (net weight is only known when the first quantity is a mass).
GACC_UNITS: dict[str, str] = {
    "千克": "kg",
    "公斤": "kg",
    "克": "g",
    "吨": "t",
    "个": "u",
    "件": "u",
    "台": "u",
    "只": "u",
    "套": "u",
    "辆": "u",
    "条": "u",
    "双": "pair",
    "对": "pair",
    "米": "m",
    "平方米": "m2",
    "立方米": "m3",
    "升": "l",
}
MASS_TO_KG: dict[str, float] = {"kg": 1.0, "g": 0.001, "t": 1000.0}

# Census UNIT_QY1 -> unit abbreviation (`-`/`X` mean no quantity and map to null).
CENSUS_UNITS: dict[str, str] = {
    "KG": "kg",
    "T": "t",
    "G": "g",
    "NO": "u",
    "DOZ": "dozen",
    "PRS": "pair",
    "M": "m",
    "M2": "m2",
    "M3": "m3",
    "L": "l",
}
