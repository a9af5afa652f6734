"""Promises about ``ledger.commitment_checks``: commitments judged against trade data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.suites._common import COMMITMENT_CHECK_COLUMNS, VERDICTS, columns_match

if TYPE_CHECKING:
    import great_expectations as gx

SUITE_NAME = "ledger_commitment_checks"


def build_suite() -> gx.ExpectationSuite:
    """Consumer-facing promises for ledger.commitment_checks."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            columns_match(COMMITMENT_CHECK_COLUMNS),
            gxe.ExpectColumnValuesToNotBeNull(column="entry_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="verdict"),
            gxe.ExpectColumnValuesToBeInSet(column="verdict", value_set=list(VERDICTS)),
        ],
    )
