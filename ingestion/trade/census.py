"""US Census International Trade API (`timeseries/intltrade/{exports,imports}/hs`) parsers.

The API answers a JSON array of arrays of strings with the header row first; the same columns
also turn up flattened to CSV. Both become one all-text frame checked by vectorised rules.

Decisions:

* The reporter is always USA. Flow: exports when the header has E_COMMODITY or ALL_VAL_MO,
  imports when it has I_COMMODITY or GEN_VAL_MO/CON_VAL_MO.
* value_usd: exports ALL_VAL_MO (FAS); imports GEN_VAL_MO (general imports), else CON_VAL_MO.
  quantity: QTY_1_MO (exports) / GEN_QY1_MO or CON_QY1_MO (imports, matching the value basis),
  in UNIT_QY1; net_weight_kg only when that unit is a mass (KG, T, G). The *_WGT_MO fields are
  shipping weights by transport mode, not net weights, and are not used.
* CTY_CODE: Schedule C country codes map to ISO3 (dbt seed `census_schedule_c_countries`: the
  ISO2 Census publishes, ISO3 from pycountry); "-" (TOTAL FOR ALL COUNTRIES) is the world
  total and is loaded as partner WLD (as Comtrade's partner 0 is). Group codes (0001 OPEC,
  0003 EU, ...), regional totals (1XXX, ...) and SUMMARY_LVL other than DET are rejected:
  they are sums of country rows in the same response.
* Without a commodity column (a query for all merchandise) hs_code is "TOTAL".
* DF (exports only): DF=2 rows (foreign merchandise, i.e. re-exports) are rejected as a sub-flow;
  DF=1 rows are kept. Queries without DF return the combined total, which is what we prefer.
"""

from __future__ import annotations

import csv
import io

import polars as pl

from ingestion.schemas import TRADE_FLOW_SCHEMA, ParseResult, empty
from ingestion.trade._common import (
    HS2022_FROM,
    Rule,
    bad_number,
    blank,
    file_reject,
    implausible,
    mark_duplicates,
    negative,
    normalise_hs,
    rule_index,
    split_records,
    to_number,
    valid_hs,
)
from ingestion.trade.codes import CENSUS_UNITS, MASS_TO_KG, census_countries


def parse_census_json(rows: list, name: str = "") -> ParseResult:
    """Parse a Census API response: `[[header...], [values...], ...]`."""
    if not rows:
        # An empty array: the API had no rows for the query.
        return ParseResult(records=empty(TRADE_FLOW_SCHEMA), rejects=[], records_in=0)
    header = rows[0]
    if not isinstance(header, list) or not all(isinstance(h, str) for h in header):
        return file_reject("Census JSON: first element is not a header row of strings")
    cols = [h.strip().upper() for h in header]
    width = len(cols)
    data = rows[1:]
    # Census values are strings (or null); render anything else as text. The response is small
    # (one query), so building the columns in Python is fine here.
    columns: list[list[str | None]] = [[] for _ in cols]
    malformed: list[bool] = []
    for r in data:
        ok = isinstance(r, list) and len(r) == width
        malformed.append(not ok)
        values = r if ok else [None] * width
        for i, v in enumerate(values):
            columns[i].append(None if v is None else str(v))
    frame = pl.DataFrame(
        dict(zip(cols, columns, strict=True)), schema=dict.fromkeys(cols, pl.String)
    ).with_columns(
        pl.Series("_malformed", malformed, dtype=pl.Boolean),
        pl.format("row {}", pl.int_range(1, len(data) + 1)).alias("_pos"),
    )
    return _check(frame, name)


def parse_census_csv(data: bytes, name: str = "") -> ParseResult:
    """Parse a Census API response flattened to CSV (header line first)."""
    text = data.decode("utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0].rstrip("\r")
    names: list[str] = []
    for i, raw_name in enumerate(next(csv.reader([first]))):
        n = raw_name.strip().upper()
        names.append(n if n and n not in names else f"_COL{i}")
    frame = pl.read_csv(
        io.BytesIO(text.encode("utf-8")),
        # Our own names (upper-cased, unique): skip the header line instead of matching it.
        has_header=False,
        skip_rows=1,
        schema=dict.fromkeys(names, pl.String),
        row_index_name="_line",
        row_index_offset=2,
        raise_if_empty=False,
    )
    truncated = bool(text) and not text.endswith("\n") and _fields(text) < len(names)
    last = frame["_line"].max() if frame.height else -1
    frame = frame.with_columns(
        ((pl.col("_line") == last) & pl.lit(truncated)).alias("_malformed"),
        pl.format("line {}", pl.col("_line")).alias("_pos"),
    ).drop("_line")
    return _check(frame, name)


def _fields(text: str) -> int:
    last = text.rsplit("\n", 1)[-1]
    return len(next(csv.reader([last]), []))


def _check(frame: pl.DataFrame, name: str) -> ParseResult:
    cols = set(frame.columns)
    exports = bool({"E_COMMODITY", "ALL_VAL_MO"} & cols)
    imports = bool({"I_COMMODITY", "GEN_VAL_MO", "CON_VAL_MO"} & cols)
    if exports and imports:
        return file_reject("Census file mixes export and import fields")
    if exports:
        flow, comm, value, qty = "export", "E_COMMODITY", "ALL_VAL_MO", "QTY_1_MO"
    else:
        flow, comm = "import", "I_COMMODITY"
        value = "GEN_VAL_MO" if "GEN_VAL_MO" in cols else "CON_VAL_MO"
        qty = "GEN_QY1_MO" if value == "GEN_VAL_MO" else "CON_QY1_MO"
    missing = [c for c in ("CTY_CODE", value) if c not in cols]
    if value == "CON_VAL_MO" and value in missing:
        missing[missing.index(value)] = "GEN_VAL_MO (or CON_VAL_MO)"
    if "TIME" not in cols and not {"YEAR", "MONTH"} <= cols:
        missing.append("time (or YEAR and MONTH)")
    if not exports and not imports:
        missing = ["ALL_VAL_MO or GEN_VAL_MO/CON_VAL_MO", *missing[1:]]
    if missing:
        return file_reject(f"missing required Census columns: {', '.join(missing)}")

    def col(c: str) -> pl.Expr:
        return pl.col(c) if c in cols else pl.lit(None, dtype=pl.String)

    countries = census_countries()
    cty = pl.col("CTY_CODE").str.strip_chars().str.to_uppercase()
    if "TIME" in cols:
        ym = pl.col("TIME").str.strip_chars()
    else:
        ym = pl.concat_str(
            pl.col("YEAR").str.strip_chars(), pl.lit("-"), pl.col("MONTH").str.strip_chars()
        )
    period = pl.concat_str(ym, pl.lit("-01")).str.to_date("%Y-%m-%d", strict=False)
    hs = normalise_hs(col(comm)).fill_null("TOTAL") if comm in cols else pl.lit("TOTAL")
    unit = col("UNIT_QY1").str.strip_chars().str.to_uppercase()
    summary = col("SUMMARY_LVL").str.strip_chars().str.to_uppercase()
    df = col("DF").str.strip_chars()
    frame = frame.with_columns(
        _partner=pl.when(cty == "-")
        .then(pl.lit("WLD"))
        .otherwise(cty.replace_strict(countries, default=None)),
        _period=period,
        _hs=hs,
        _unit=unit.replace_strict(CENSUS_UNITS, default=None),
    )
    numeric = [c for c in (value, qty) if c in cols]
    rules: list[Rule] = [
        (pl.col("_malformed"), "malformed record: wrong number of fields (truncated?)"),
        (
            ~blank(summary) & (summary != "DET"),
            pl.format(
                "country grouping row (SUMMARY_LVL={}; not added to country detail)", summary
            ),
        ),
        (
            cty.str.contains(r"^0\d{3}$"),
            pl.format(
                "country group total (CTY_CODE={} {}; not added to country detail)",
                cty,
                col("CTY_NAME"),
            ),
        ),
        (
            cty.str.contains(r"^\dXXX$"),
            pl.format(
                "regional total (CTY_CODE={} {}; not added to country detail)", cty, col("CTY_NAME")
            ),
        ),
        (df == "2", "sub-flow DF=2 (foreign merchandise re-exports; not added)"),
        (pl.col("_partner").is_null(), pl.format("unknown CTY_CODE '{}'", cty)),
        (pl.col("_period").is_null(), pl.format("invalid period '{}'", ym)),
        (
            ~valid_hs(pl.col("_hs"), pl.col("_period") >= HS2022_FROM),
            pl.format("unknown HS code '{}'", col(comm)),
        ),
        (blank(value), f"missing {value}"),
    ]
    rules += [(bad_number(c), pl.format(f"non-numeric {c} '{{}}'", pl.col(c))) for c in numeric]
    rules += [(negative(c), pl.format(f"negative {c} {{}}", pl.col(c))) for c in numeric]
    rules += [implausible(c, to_number(c), is_value=c == value) for c in numeric]
    raw = [c for c in frame.columns if not c.startswith("_")]  # also drops _COLn (unnamed)
    exact_rule, conflict_rule = len(rules), len(rules) + 1
    rules.append((pl.lit(False), "exact duplicate of an earlier row"))
    rules.append(
        (pl.lit(False), "conflicting duplicate: same partner, HS code and period as an earlier row")
    )
    frame = frame.with_columns(_rule=rule_index(rules))
    frame = mark_duplicates(frame, ["_partner", "_hs", "_period"], raw, exact_rule, conflict_rule)
    quantity = pl.when(pl.col("_unit").is_not_null()).then(to_number(col(qty)))
    factor = pl.col("_unit").replace_strict(MASS_TO_KG, default=None, return_dtype=pl.Float64)
    out = [
        pl.lit("USA").alias("reporter"),
        pl.col("_partner").alias("partner"),
        pl.col("_hs").alias("hs_code"),
        pl.lit(flow).alias("flow"),
        pl.col("_period").alias("period"),
        quantity.alias("quantity"),
        pl.when(quantity.is_not_null()).then(pl.col("_unit")).alias("quantity_unit"),
        (quantity * factor).alias("net_weight_kg"),
        to_number(value).alias("value_usd"),
        pl.lit("census").alias("source"),
        pl.col("_pos").alias("record_position"),
    ]
    return split_records(frame, rules, out, raw)
