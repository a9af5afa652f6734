"""Promises about ``ledger.links``: one row per commitment and its reciprocal measure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.suites._common import LINK_COLUMNS, columns_match

if TYPE_CHECKING:
    import great_expectations as gx

SUITE_NAME = "ledger_links"


def build_suite() -> gx.ExpectationSuite:
    """Consumer-facing promises for ledger.links (see ledger-contract.md)."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            columns_match(LINK_COLUMNS),
            gxe.ExpectColumnValuesToNotBeNull(column="link_id"),
            gxe.ExpectColumnValuesToBeUnique(column="link_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="commitment_entry_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="reciprocal_entry_id"),
            # A link joins two different entries: within each row the two ids differ.
            gxe.ExpectSelectColumnValuesToBeUniqueWithinRecord(
                column_list=["commitment_entry_id", "reciprocal_entry_id"]
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="basis"),
            gxe.ExpectColumnValuesToBeBetween(column="confidence", min_value=0, max_value=1),
        ],
    )
