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


# (table, case id, mutation, the one failure line's expected prefix). Rules dbt enforces
# (column order, not null, unique, vocabularies, relationships) are not GX's: see
# test_dbt_parity.py for where each of them is tested.
BAD_CASES: list[tuple[str, str, Mutation, str]] = [
    ("entries", "actor_lower", _set("actor", "usa"), "expect_column_values_to_match_regex(actor)"),
    (
        "entries",
        "target_name",
        _set("target", "China"),
        "expect_column_values_to_match_regex(target)",
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
    ("entries", "empty", _empty, "expect_table_row_count_to_be_between(table)"),
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
    (
        "entries",
        "target_null",
        _set("target", None),
        "expect_column_values_to_not_be_null(target)",
    ),
    (
        "trade_monthly",
        "flow_null",
        _set("flow", None),
        "expect_column_values_to_not_be_null(flow)",
    ),
    (
        "commitment_checks",
        "flow",
        _set("flow", "re-export"),
        "expect_column_values_to_be_in_set(flow)",
    ),
    (
        "commitment_checks",
        "baseline_months_high",
        _set("baseline_months", 4),
        "expect_column_values_to_be_between(baseline_months)",
    ),
    (
        "commitment_checks",
        "after_months_negative",
        _set("after_months", -1),
        "expect_column_values_to_be_between(after_months)",
    ),
    (
        "commitment_checks",
        "ratio_negative",
        _set("ratio", -0.5),
        "expect_column_values_to_be_between(ratio)",
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
    summary = validate_frame(_set("actor", "usa")(frames["entries"]), "ledger_entries")
    assert "1 unexpected of 4" in summary.failed[0]
    assert "usa" in summary.failed[0]
