"""Promises about ``ledger.commitment_checks``: commitments judged against trade data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.suites._common import FLOWS

if TYPE_CHECKING:
    import great_expectations as gx

SUITE_NAME = "ledger_commitment_checks"


def build_suite() -> gx.ExpectationSuite:
    """Consumer-facing promises for ledger.commitment_checks.

    Column order, entry_id (not null, unique, an entry) and the verdict's vocabulary are dbt's
    (contract and data tests in commitment_checks.yml); the verdict rule itself is a dbt unit
    test. What dbt does not state: the windows' sizes, the ratio's sign and the flow.
    """
    import great_expectations as gx
    import great_expectations.expectations as gxe

    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=[
            gxe.ExpectColumnValuesToBeInSet(column="flow", value_set=list(FLOWS)),
            # Three months before the effective month, and at most three from it on.
            gxe.ExpectColumnValuesToBeBetween(column="baseline_months", min_value=0, max_value=3),
            gxe.ExpectColumnValuesToBeBetween(column="after_months", min_value=0, max_value=3),
            gxe.ExpectColumnValuesToBeBetween(column="ratio", min_value=0),
        ],
    )
