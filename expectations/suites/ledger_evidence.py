"""Promises about ``ledger.evidence``: one row per entry and supporting passage."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import great_expectations as gx

SUITE_NAME = "ledger_evidence"


def build_suite() -> gx.ExpectationSuite:
    """Consumer-facing promises for ledger.evidence (see ledger-contract.md).

    Not repeated here, as dbt enforces them (evidence.yml): column order (contract), entry_id,
    article_id, quote, start_char and end_char not null, entry_id is an entry (relationships).
    """
    import great_expectations as gx
    import great_expectations.expectations as gxe

    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gxe.ExpectColumnValuesToBeBetween(column="start_char", min_value=0),
            # A quote is never empty, so the span is strictly positive.
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="end_char",
                column_B="start_char",
                or_equal=False,
                ignore_row_if="either_value_is_missing",
            ),
        ],
    )
