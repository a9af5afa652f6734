"""Each published-table suite: the good frame passes, a bad frame fails the intended rule."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from expectations.runner import SUITES, suite_builder, validate_frame

Mutation = Callable[[pd.DataFrame], pd.DataFrame]


def _set(column: str, value: object, row: int = 0) -> Mutation:
    """A mutation that puts ``value`` in one cell (object dtype, so any value fits)."""

    def mutate(frame: pd.DataFrame) -> pd.DataFrame:
        frame[column] = frame[column].astype(object)
        frame.loc[row, column] = value
        return frame

    return mutate


def _set_date(column: str, value: str, row: int = 0) -> Mutation:
    """Put a date into a datetime64 column, keeping the dtype DuckDB gives."""

    def mutate(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[row, column] = pd.Timestamp(value)
        return frame

    return mutate


def _empty(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.iloc[0:0]


def _swap_first_columns(frame: pd.DataFrame) -> pd.DataFrame:
    columns = list(frame.columns)
    columns[0], columns[1] = columns[1], columns[0]
    return frame[columns]


def _extra_column(frame: pd.DataFrame) -> pd.DataFrame:
    frame["unexpected"] = 1
    return frame


def _duplicate_first_row(column: str) -> Mutation:
    def mutate(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[1, column] = frame.loc[0, column]
        return frame

    return mutate


# (table, case id, mutation, the one failure line's expected prefix)
BAD_CASES: list[tuple[str, str, Mutation, str]] = [
    (
        "entries",
        "dup_id",
        _duplicate_first_row("entry_id"),
        "expect_column_values_to_be_unique(entry_id)",
    ),
    ("entries", "null_id", _set("entry_id", None), "expect_column_values_to_not_be_null(entry_id)"),
    ("entries", "actor_lower", _set("actor", "usa"), "expect_column_values_to_match_regex(actor)"),
    (
        "entries",
        "target_name",
        _set("target", "China"),
        "expect_column_values_to_match_regex(target)",
    ),
    ("entries", "kind", _set("kind", "sanction"), "expect_column_values_to_be_in_set(kind)"),
    ("entries", "status", _set("status", "pending"), "expect_column_values_to_be_in_set(status)"),
    (
        "entries",
        "is_commitment_null",
        _set("is_commitment", None),
        "expect_column_values_to_not_be_null(is_commitment)",
    ),
    (
        "entries",
        "rate_after_high",
        _set("rate_after_pct", 1500.0),
        "expect_column_values_to_be_between(rate_after_pct)",
    ),
    (
        "entries",
        "rate_before_negative",
        _set("rate_before_pct", -1.0),
        "expect_column_values_to_be_between(rate_before_pct)",
    ),
    (
        "entries",
        "announced_early",
        _set_date("announced_on", "2014-12-31"),
        "expect_column_values_to_be_between(announced_on)",
    ),
    (
        "entries",
        "effective_late",
        _set_date("effective_on", "2031-01-01"),
        "expect_column_values_to_be_between(effective_on)",
    ),
    (
        "entries",
        "source_count_zero",
        _set("source_count", 0),
        "expect_column_values_to_be_between(source_count)",
    ),
    (
        "entries",
        "reported_backwards",
        _set_date("last_reported_on", "2025-01-01"),
        "expect_column_pair_values_a_to_be_greater_than_b(last_reported_on,first_reported_on)",
    ),
    (
        "entries",
        "summary_null",
        _set("summary", None),
        "expect_column_values_to_not_be_null(summary)",
    ),
    ("entries", "empty", _empty, "expect_table_row_count_to_be_between(table)"),
    (
        "entries",
        "column_order",
        _swap_first_columns,
        "expect_table_columns_to_match_ordered_list(table)",
    ),
    ("entries", "extra_column", _extra_column, "expect_table_columns_to_match_ordered_list(table)"),
    (
        "links",
        "dup_id",
        _duplicate_first_row("link_id"),
        "expect_column_values_to_be_unique(link_id)",
    ),
    ("links", "null_id", _set("link_id", None), "expect_column_values_to_not_be_null(link_id)"),
    (
        "links",
        "null_commitment",
        _set("commitment_entry_id", None),
        "expect_column_values_to_not_be_null(commitment_entry_id)",
    ),
    (
        "links",
        "null_reciprocal",
        _set("reciprocal_entry_id", None),
        "expect_column_values_to_not_be_null(reciprocal_entry_id)",
    ),
    (
        "links",
        "self_link",
        _set("reciprocal_entry_id", "e2"),
        "expect_select_column_values_to_be_unique_within_record(commitment_entry_id,reciprocal_entry_id)",
    ),
    (
        "links",
        "confidence_high",
        _set("confidence", 1.5),
        "expect_column_values_to_be_between(confidence)",
    ),
    (
        "links",
        "confidence_negative",
        _set("confidence", -0.1),
        "expect_column_values_to_be_between(confidence)",
    ),
    ("links", "basis_null", _set("basis", None), "expect_column_values_to_not_be_null(basis)"),
    (
        "links",
        "column_order",
        _swap_first_columns,
        "expect_table_columns_to_match_ordered_list(table)",
    ),
    (
        "evidence",
        "entry_null",
        _set("entry_id", None),
        "expect_column_values_to_not_be_null(entry_id)",
    ),
    (
        "evidence",
        "article_null",
        _set("article_id", None),
        "expect_column_values_to_not_be_null(article_id)",
    ),
    ("evidence", "quote_null", _set("quote", None), "expect_column_values_to_not_be_null(quote)"),
    (
        "evidence",
        "start_negative",
        _set("start_char", -1),
        "expect_column_values_to_be_between(start_char)",
    ),
    (
        "evidence",
        "empty_span",
        _set("end_char", 0),
        "expect_column_pair_values_a_to_be_greater_than_b(end_char,start_char)",
    ),
    (
        "evidence",
        "extra_column",
        _extra_column,
        "expect_table_columns_to_match_ordered_list(table)",
    ),
    (
        "trade_monthly",
        "reporter",
        _set("reporter", "CN"),
        "expect_column_values_to_match_regex(reporter)",
    ),
    (
        "trade_monthly",
        "partner",
        _set("partner", "usa"),
        "expect_column_values_to_match_regex(partner)",
    ),
    ("trade_monthly", "flow", _set("flow", "re-export"), "expect_column_values_to_be_in_set(flow)"),
    (
        "trade_monthly",
        "quantity",
        _set("quantity", -5.0),
        "expect_column_values_to_be_between(quantity)",
    ),
    (
        "trade_monthly",
        "value",
        _set("value_usd", -1.0),
        "expect_column_values_to_be_between(value_usd)",
    ),
    (
        "trade_monthly",
        "month_early",
        _set_date("month", "1999-12-01"),
        "expect_column_values_to_be_between(month)",
    ),
    (
        "trade_monthly",
        "month_late",
        _set_date("month", "2031-01-01"),
        "expect_column_values_to_be_between(month)",
    ),
    (
        "trade_monthly",
        "column_order",
        _swap_first_columns,
        "expect_table_columns_to_match_ordered_list(table)",
    ),
    (
        "commitment_checks",
        "verdict",
        _set("verdict", "maybe"),
        "expect_column_values_to_be_in_set(verdict)",
    ),
    (
        "commitment_checks",
        "entry_null",
        _set("entry_id", None),
        "expect_column_values_to_not_be_null(entry_id)",
    ),
    (
        "commitment_checks",
        "extra_column",
        _extra_column,
        "expect_table_columns_to_match_ordered_list(table)",
    ),
    (
        "tariff_timeline",
        "dup_entry",
        _duplicate_first_row("entry_id"),
        "expect_column_values_to_be_unique(entry_id)",
    ),
    (
        "tariff_timeline",
        "actor_lower",
        _set("actor", "usa"),
        "expect_column_values_to_match_regex(actor)",
    ),
    (
        "tariff_timeline",
        "zero_rate",
        _set("rate_pct", 0.0),
        "expect_column_values_to_be_between(rate_pct)",
    ),
    (
        "tariff_timeline",
        "ends_before_start",
        _set_date("valid_to", "2025-01-01"),
        "expect_column_pair_values_a_to_be_greater_than_b(valid_to,valid_from)",
    ),
    (
        "tariff_timeline",
        "starts_too_late",
        _set_date("valid_from", "2031-01-01", row=1),
        "expect_column_values_to_be_between(valid_from)",
    ),
]


@pytest.mark.parametrize("table", sorted(SUITES))
def test_good_frame_passes(gx_module: object, frames: dict[str, pd.DataFrame], table: str) -> None:
    summary = validate_frame(frames[table], table)
    assert summary.success, summary.failed
    assert summary.failed == []
    assert summary.suite == f"ledger_{table}"
    assert summary.evaluated == summary.statistics["evaluated_expectations"] > 0


@pytest.mark.parametrize(
    ("table", "mutation", "expected"),
    [
        pytest.param(table, mutation, expected, id=f"{table}-{case}")
        for table, case, mutation, expected in BAD_CASES
    ],
)
def test_bad_frame_fails_intended_expectation(
    gx_module: object,
    frames: dict[str, pd.DataFrame],
    table: str,
    mutation: Mutation,
    expected: str,
) -> None:
    summary = validate_frame(mutation(frames[table]), table)
    assert not summary.success
    # Exactly one failure: the mutation breaks the intended rule and nothing else.
    assert len(summary.failed) == 1, summary.failed
    assert summary.failed[0].startswith(expected + ": observed "), summary.failed


def test_every_table_has_bad_cases() -> None:
    assert {table for table, *_ in BAD_CASES} == set(SUITES)


def test_suite_names_resolve_both_ways() -> None:
    assert suite_builder("entries")[0] == suite_builder("ledger_entries")[0] == "entries"
    with pytest.raises(KeyError):
        suite_builder("orders")


def test_failure_line_reports_examples(gx_module: object, frames: dict[str, pd.DataFrame]) -> None:
    summary = validate_frame(_set("kind", "sanction")(frames["entries"]), "ledger_entries")
    assert "1 unexpected of 4" in summary.failed[0]
    assert "sanction" in summary.failed[0]
