"""Promises about ``ledger.links``: one row per commitment and its reciprocal measure."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import great_expectations as gx

SUITE_NAME = "ledger_links"


def build_suite() -> gx.ExpectationSuite:
    """Consumer-facing promises for ledger.links (see ledger-contract.md).

    Not repeated here, as dbt enforces them (links.yml): column order (contract), link_id not
    null and unique, both entry ids not null and entries (relationships), basis and
    confidence not null.
    """
    import great_expectations as gx
    import great_expectations.expectations as gxe

    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            # A link joins two different entries: within each row the two ids differ.
            gxe.ExpectSelectColumnValuesToBeUniqueWithinRecord(
                column_list=["commitment_entry_id", "reciprocal_entry_id"]
            ),
            gxe.ExpectColumnValuesToBeBetween(column="confidence", min_value=0, max_value=1),
        ],
    )
