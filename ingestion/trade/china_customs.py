"""China customs (GACC, stats.customs.gov.cn "数据在线查询") CSV export parser.

Layout: GBK/GB18030 (UTF-8 also accepted), one header row
`数据年月,商品编码,商品名称,贸易伙伴编码,贸易伙伴名称,第一数量,第一计量单位,第二数量,第二计量单位,美元`,
amounts with thousands separators ("1,234,567", quoted), maybe a trailing empty column. The
full variant adds 贸易方式 (trade mode) and 注册地 (registration place) code/name columns.

Decisions:

* Reporter is CHN. The export has no flow column: the flow comes from a column whose name
  contains 进出口 (values 出口/进口), else from the file name (出口/export, 进口/import); a file
  where neither says it is rejected whole ("cannot tell exports from imports").
* Partner from 贸易伙伴名称 (Chinese name -> ISO3, dbt seed `gacc_partner_names`); the GACC
  numeric partner codes are not a published table we have, so they are not used.
* Value: the `美元` column is value_usd. A `人民币` (CNY) file has no USD value: value_usd is null
  (no exchange rate is applied here; see the report), quantities still load.
* quantity/quantity_unit: 第一数量/第一计量单位 (千克 -> kg, 个 -> u, ...). net_weight_kg: the first
  quantity when its unit is a mass, else the second quantity when that is a mass.
* Full variant: rows split by trade mode / registration place are parts of one observation. The
  first row of each (period, HS code, partner, flow) is loaded with the group's summed
  quantities and value; the other rows of the group become rejects with reason
  "breakdown row (贸易方式/注册地) summed into line N", so nothing is lost and nothing is counted
  twice.
"""

from __future__ import annotations

import csv
import io
import re

import polars as pl

from ingestion.schemas import ParseResult
from ingestion.trade._common import (
    HS2022_FROM,
    Rule,
    bad_number,
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
from ingestion.trade.codes import GACC_UNITS, MASS_TO_KG, gacc_partner_names

PERIOD, HS, PARTNER_NAME = "数据年月", "商品编码", "贸易伙伴名称"
QTY1, UNIT1, QTY2, UNIT2 = "第一数量", "第一计量单位", "第二数量", "第二计量单位"
BREAKDOWN_HINTS = ("贸易方式", "注册地")


def decode(data: bytes) -> tuple[str, str]:
    """Decode a GACC export: UTF-8 when it is valid UTF-8, else GB18030 (a superset of GBK)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace"), "gb18030"


def _flow_from_name(name: str) -> str | None:
    """Flow named by a file name: 出口/进口, else the words export(s)/import(s).

    "export" alone is weak (a GACC "query export" file may hold imports), so the plural words
    win over the singular ones, and a name that still points both ways gives None.
    """
    has_x, has_m = "出口" in name, "进口" in name
    if has_x != has_m:
        return "export" if has_x else "import"
    tokens = set(re.split(r"[^a-z]+", name.lower()))
    for xs, ms in ((("exports",), ("imports",)), (("export",), ("import",))):
        x, m = bool(tokens.intersection(xs)), bool(tokens.intersection(ms))
        if x != m:
            return "export" if x else "import"
    return None


def parse_china_customs_csv(data: bytes, name: str = "") -> ParseResult:
    """Parse a GACC online-query CSV export (`name` is the file name, used for the flow)."""
    text, _encoding = decode(data)
    first = text.split("\n", 1)[0].rstrip("\r")
    raw_names = next(csv.reader([first]))
    header: list[str] = []
    for i, h in enumerate(raw_names):
        h = h.strip().lstrip("\ufeff")
        header.append(h if h and h not in header else f"_col{i}")
    usd = next((h for h in header if "美元" in h), None)
    cny = next((h for h in header if "人民币" in h), None)
    flow_col = next((h for h in header if "进出口" in h), None)
    missing = [c for c in (PERIOD, HS, PARTNER_NAME) if c not in header]
    if usd is None and cny is None:
        missing.append("美元 or 人民币 (value)")
    if missing:
        return file_reject(f"missing required GACC columns: {', '.join(missing)}", snippet=first)
    file_flow = _flow_from_name(name)
    if flow_col is None and file_flow is None:
        return file_reject(
            "cannot tell exports from imports: no 进出口 column and no 出口/进口/export/import "
            "in the file name",
            snippet=first,
        )
    value_col = usd or cny
    assert value_col is not None
    frame = pl.read_csv(
        io.BytesIO(text.encode("utf-8")),
        # Our own names (the header may have an empty trailing name): skip the header line.
        has_header=False,
        skip_rows=1,
        schema=dict.fromkeys(header, pl.String),
        row_index_name="_line",
        row_index_offset=2,
        raise_if_empty=False,
    )
    tail = text.rsplit("\n", 1)[-1]
    truncated = bool(tail.strip()) and len(next(csv.reader([tail]), [])) < len(
        [h for h in header if not h.startswith("_col")]
    )
    last = frame["_line"].max() if frame.height else -1

    def col(c: str | None) -> pl.Expr:
        return pl.col(c) if c is not None and c in header else pl.lit(None, dtype=pl.String)

    ym = pl.col(PERIOD).str.strip_chars().str.extract_groups(r"^(\d{4})\D?(\d{1,2})\D?$")
    period = pl.concat_str(
        ym.struct.field("1"), pl.lit("-"), ym.struct.field("2").str.zfill(2), pl.lit("-01")
    ).str.to_date("%Y-%m-%d", strict=False)
    flow = (
        col(flow_col)
        .str.strip_chars()
        .replace_strict({"出口": "export", "进口": "import"}, default=None)
        if flow_col
        else pl.lit(file_flow)
    )
    unit1 = col(UNIT1).str.strip_chars()
    unit2 = col(UNIT2).str.strip_chars()
    frame = frame.with_columns(
        _pos=pl.format("line {}", pl.col("_line")),
        _period=period,
        _flow=flow,
        _partner=pl.col(PARTNER_NAME)
        .str.strip_chars()
        .replace_strict(gacc_partner_names(), default=None),
        _hs=normalise_hs(pl.col(HS).str.replace_all("'", "")),
        _unit1=unit1.replace_strict(GACC_UNITS, default=unit1),
        _unit2=unit2.replace_strict(GACC_UNITS, default=unit2),
    )
    numeric = [c for c in (QTY1, QTY2, value_col) if c in header]
    rules: list[Rule] = [
        ((pl.col("_line") == last) & pl.lit(truncated), "truncated record: file ends mid-line"),
        (pl.col("_period").is_null(), pl.format("invalid 数据年月 '{}'", pl.col(PERIOD))),
        (pl.col("_flow").is_null(), pl.format("unknown 进出口 value '{}'", col(flow_col))),
        (pl.col("_partner").is_null(), pl.format("unknown partner '{}'", pl.col(PARTNER_NAME))),
        (
            ~valid_hs(pl.col("_hs"), pl.col("_period") >= HS2022_FROM),
            pl.format("unknown HS code '{}'", pl.col(HS)),
        ),
    ]
    rules += [
        (bad_number(c, True), pl.format(f"non-numeric {c} '{{}}'", pl.col(c))) for c in numeric
    ]
    rules += [(negative(c, True), pl.format(f"negative {c} {{}}", pl.col(c))) for c in numeric]
    rules += [implausible(c, to_number(c, True), is_value=c == value_col) for c in numeric]
    raw = [h for h in header if not h.startswith("_col")]
    breakdown = [h for h in header if any(k in h for k in BREAKDOWN_HINTS)]
    exact_rule, conflict_rule, summed_rule = len(rules), len(rules) + 1, len(rules) + 2
    rules.append((pl.lit(False), "exact duplicate of an earlier row"))
    rules.append(
        (
            pl.lit(False),
            "conflicting duplicate: same period, HS code, partner and flow as an earlier row",
        )
    )
    key = ["_period", "_hs", "_partner", "_flow"]
    group_first = pl.col("_line").filter(pl.col("_rule").is_null()).min().over(key)
    rules.append(
        (pl.lit(False), pl.format("breakdown row (贸易方式/注册地) summed into line {}", "_first"))
    )
    frame = frame.with_columns(_rule=rule_index(rules))
    if breakdown:
        # Rows split by trade mode / registration place are parts of one observation: sum the
        # parts into the group's first row (vectorised group sums) and account for the others.
        # Repeats of the same part are still duplicates, not parts.
        frame = mark_duplicates(frame, key + breakdown, raw, exact_rule, conflict_rule)
        ok = pl.col("_rule").is_null()

        def total(c: str | None) -> pl.Expr:
            return to_number(col(c), True).filter(ok).sum().over(key)

        frame = frame.with_columns(
            _first=group_first,
            _qty1=pl.when(ok).then(total(QTY1)),
            _qty2=pl.when(ok).then(total(QTY2)),
            _value=pl.when(ok).then(total(value_col)),
        ).with_columns(
            _rule=pl.when(ok & (pl.col("_line") != pl.col("_first")))
            .then(pl.lit(summed_rule, dtype=pl.Int16))
            .otherwise(pl.col("_rule"))
        )
    else:
        frame = frame.with_columns(
            _first=pl.lit(None, dtype=pl.UInt32),
            _qty1=to_number(col(QTY1), True),
            _qty2=to_number(col(QTY2), True),
            _value=to_number(col(value_col), True),
        )
        frame = mark_duplicates(frame, key, raw, exact_rule, conflict_rule)
    f1 = pl.col("_unit1").replace_strict(MASS_TO_KG, default=None, return_dtype=pl.Float64)
    f2 = pl.col("_unit2").replace_strict(MASS_TO_KG, default=None, return_dtype=pl.Float64)
    out = [
        pl.lit("CHN").alias("reporter"),
        pl.col("_partner").alias("partner"),
        pl.col("_hs").alias("hs_code"),
        pl.col("_flow").alias("flow"),
        pl.col("_period").alias("period"),
        pl.col("_qty1").alias("quantity"),
        pl.when(pl.col("_qty1").is_not_null()).then(pl.col("_unit1")).alias("quantity_unit"),
        pl.coalesce(pl.col("_qty1") * f1, pl.col("_qty2") * f2).alias("net_weight_kg"),
        (pl.col("_value") if usd else pl.lit(None, dtype=pl.Float64)).alias("value_usd"),
        pl.lit("china_customs").alias("source"),
        pl.col("_pos").alias("record_position"),
    ]
    return split_records(frame, rules, out, raw)
