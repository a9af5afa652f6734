"""Promises about ``ledger.trade_monthly``: monthly trade series by reporter/partner/HS."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.suites._common import (
    ISO3_REGEX,
    TRADE_MONTH_MAX,
    TRADE_MONTH_MIN,
)

if TYPE_CHECKING:
    import great_expectations as gx

SUITE_NAME = "ledger_trade_monthly"


def build_suite() -> gx.ExpectationSuite:
    """Consumer-facing promises for ledger.trade_monthly.

    Not repeated here, as dbt enforces them (trade_monthly.yml): column order (contract),
    reporter, partner and month not null, flow in (export, import). dbt's accepted_values lets
    a null flow through, so flow's not-null rule stays.
    """
    import great_expectations as gx
    import great_expectations.expectations as gxe

    expectations = [
        gxe.ExpectColumnValuesToMatchRegex(column=column, regex=ISO3_REGEX)
        for column in ("reporter", "partner")
    ]
    expectations += [
        gxe.ExpectColumnValuesToNotBeNull(column="flow"),
        gxe.ExpectColumnValuesToBeBetween(
            column="month", min_value=TRADE_MONTH_MIN, max_value=TRADE_MONTH_MAX
        ),
        gxe.ExpectColumnValuesToBeBetween(column="quantity", min_value=0),
        # value_usd is missing in some sources (quantity-only releases): nulls are allowed.
        gxe.ExpectColumnValuesToBeBetween(column="value_usd", min_value=0),
    ]
    return gx.ExpectationSuite(name=SUITE_NAME, expectations=expectations)
