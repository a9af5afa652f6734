"""Country and unit code lookups used by the trade parsers.

Countries come from pycountry at run time (ISO 3166-1: alpha-3 codes, numeric -> alpha-3,
alpha-2 -> alpha-3). What no package maintains is kept as dbt seeds in `dbt_project/seeds/`
(documented in its `_seeds.yml`), the one copy of each table, read here and loaded into the
warehouse by `dbt build`:

* `comtrade_area_exceptions.csv`: UN Comtrade area codes that are not ISO 3166 numeric codes
  (842 USA, 251 France, 699 India, 757 Switzerland, 579 Norway), groups and special areas
  (0 World -> WLD, 97 EU -> EUN, 490 "Other Asia, nes" -> TWN, 899 "Areas, nes" -> `_X`, ...)
  and historical codes (841 USA before 1981, 280 West Germany). Every other Comtrade area code
  is the ISO 3166 numeric code, looked up in pycountry.
* `census_schedule_c_countries.csv`: US Census Schedule C country codes (5700 China, 1220
  Canada) with the ISO 2 code Census publishes; pycountry turns it into ISO3. `iso3_override`
  covers Census's non-ISO codes (rCD -> COD, KV -> XKX, GZ/WE -> PSE).
* `gacc_partner_names.csv`: Chinese partner names as GACC writes them -> ISO3 (美国, 韩国,
  中国香港, ...).
* `comtrade_quantity_units.csv`: Comtrade qtyUnitCode -> abbreviation (8 kg, 5 u, ...).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import polars as pl
import pycountry

SEEDS_DIR = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds"


def _read(name: str) -> pl.DataFrame:
    """A seed CSV as all-text columns (codes keep leading zeros and signs)."""
    path = SEEDS_DIR / f"{name}.csv"
    if not path.is_file():
        raise FileNotFoundError(
            f"reference table {path} is missing: the trade parsers read the dbt seeds in "
            f"{SEEDS_DIR} (run from a source checkout of tradeledger, not a bare wheel)"
        )
    return pl.read_csv(path, infer_schema=False)


def iso3_codes() -> set[str]:
    """Every ISO 3166-1 alpha-3 code pycountry knows."""
    return {c.alpha_3 for c in pycountry.countries}


def iso3_from_numeric(code: str | int) -> str | None:
    """ISO 3166-1 numeric code ("156", 156, "040") -> alpha-3 ("CHN"); None if unknown."""
    found = pycountry.countries.get(numeric=str(int(code)).zfill(3))
    return found.alpha_3 if found is not None else None


def iso3_from_iso2(code: str) -> str | None:
    """ISO 3166-1 alpha-2 code ("CN") -> alpha-3 ("CHN"); None if unknown."""
    found = pycountry.countries.get(alpha_2=code)
    return found.alpha_3 if found is not None else None


@cache
def comtrade_areas() -> dict[str, str]:
    """Comtrade area code (as text, no leading zeros) -> ISO3 (or WLD/EUN/Comtrade code).

    ISO 3166 numeric codes from pycountry, overridden and extended by the exceptions seed;
    ordered by code.
    """
    areas = {str(int(c.numeric)): c.alpha_3 for c in pycountry.countries}
    exceptions = _read("comtrade_area_exceptions")
    areas.update(zip(exceptions["code"].to_list(), exceptions["iso3"].to_list(), strict=True))
    return dict(sorted(areas.items(), key=lambda item: int(item[0])))


@cache
def comtrade_qty_units() -> dict[str, str]:
    """Comtrade qtyUnitCode (as text) -> unit abbreviation; -1 (N/A) is left out on purpose."""
    df = _read("comtrade_quantity_units").filter(pl.col("code") != "-1")
    return dict(zip(df["code"].to_list(), df["abbr"].to_list(), strict=True))


@cache
def census_countries() -> dict[str, str]:
    """Census Schedule C code (4 digits) -> ISO3, from the ISO2 code Census publishes."""
    out: dict[str, str] = {}
    df = _read("census_schedule_c_countries")
    for code, iso2, override in df.select("cty_code", "iso2", "iso3_override").iter_rows():
        iso3 = override or iso3_from_iso2(iso2)
        if iso3 is None:
            raise ValueError(
                f"census_schedule_c_countries: {code} has ISO2 {iso2!r}, which pycountry does "
                "not know; give its ISO3 in iso3_override"
            )
        out[code] = iso3
    return out


@cache
def gacc_partner_names() -> dict[str, str]:
    """Chinese partner name (as GACC writes it) -> ISO3."""
    df = _read("gacc_partner_names")
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
