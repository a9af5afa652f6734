"""Promises about ``ledger.tariff_timeline``: one row per tariff layer and the dates it held."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.suites._common import (
    ENTRY_DATE_MAX,
    ENTRY_DATE_MIN,
    ISO3_REGEX,
)

if TYPE_CHECKING:
    import great_expectations as gx

SUITE_NAME = "ledger_tariff_timeline"


def build_suite() -> gx.ExpectationSuite:
    """Consumer-facing promises for ledger.tariff_timeline.

    Not repeated here, as dbt enforces them (tariff_timeline.yml): column order (contract),
    entry_id not null, unique and an entry, actor, target, rate_pct and valid_from not null.
    dbt's not_before allows valid_to == valid_from; the stricter rule below stays.
    """
    import great_expectations as gx
    import great_expectations.expectations as gxe

    expectations = [
        gxe.ExpectColumnValuesToMatchRegex(column=column, regex=ISO3_REGEX)
        for column in ("actor", "target")
    ]
    # A layer is a duty above zero (a cut to zero ends a layer and starts none).
    expectations.append(
        gxe.ExpectColumnValuesToBeBetween(
            column="rate_pct", min_value=0, max_value=1000, strict_min=True
        )
    )
    for column in ("valid_from", "valid_to"):
        expectations.append(
            gxe.ExpectColumnValuesToBeBetween(
                column=column, min_value=ENTRY_DATE_MIN, max_value=ENTRY_DATE_MAX
            )
        )
    # A layer ends after it starts; an open layer (no valid_to) is not judged.
    expectations.append(
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="valid_to", column_B="valid_from", ignore_row_if="either_value_is_missing"
        )
    )
    return gx.ExpectationSuite(name=SUITE_NAME, expectations=expectations)
