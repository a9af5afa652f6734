"""Promises about ``ledger.evidence``: one row per entry and supporting passage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.suites._common import EVIDENCE_COLUMNS, columns_match

if TYPE_CHECKING:
    import great_expectations as gx

SUITE_NAME = "ledger_evidence"


def build_suite() -> gx.ExpectationSuite:
    """Consumer-facing promises for ledger.evidence (see ledger-contract.md)."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            columns_match(EVIDENCE_COLUMNS),
            gxe.ExpectColumnValuesToNotBeNull(column="entry_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="article_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="quote"),
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
