"""Promises about ``ledger.entries``: one row per commitment or measure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from expectations.suites._common import ENTRY_DATE_MAX, ENTRY_DATE_MIN, ISO3_REGEX

if TYPE_CHECKING:
    import great_expectations as gx

SUITE_NAME = "ledger_entries"


def build_suite() -> gx.ExpectationSuite:
    """Consumer-facing promises for ledger.entries (see ledger-contract.md).

    Not repeated here, as dbt enforces them (entries.yml): column order (contract), entry_id
    not null and unique, actor, kind, status, is_commitment and summary not null, kind and
    status in the vocabulary, every entry has evidence (every_row_has_match).
    """
    import great_expectations as gx
    import great_expectations.expectations as gxe

    expectations = [
        gxe.ExpectTableRowCountToBeBetween(min_value=1),
        # dbt tests actor for nulls, not target.
        gxe.ExpectColumnValuesToNotBeNull(column="target"),
    ]
    # actor/target are ISO3 (incl. WLD, EUN); a regex rather than a country list so a new
    # partner country does not break the gate, while lower case or names still do.
    for column in ("actor", "target"):
        expectations.append(gxe.ExpectColumnValuesToMatchRegex(column=column, regex=ISO3_REGEX))
    expectations.append(gxe.ExpectColumnValuesToBeBetween(column="source_count", min_value=1))
    # Rates are optional (only tariffs have them); GX map expectations skip nulls.
    for column in ("rate_before_pct", "rate_after_pct"):
        expectations.append(
            gxe.ExpectColumnValuesToBeBetween(column=column, min_value=0, max_value=1000)
        )
    for column in ("announced_on", "effective_on", "expires_on"):
        expectations.append(
            gxe.ExpectColumnValuesToBeBetween(
                column=column, min_value=ENTRY_DATE_MIN, max_value=ENTRY_DATE_MAX
            )
        )
    # last_reported_on >= first_reported_on; rows missing either date are not judged.
    expectations.append(
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="last_reported_on",
            column_B="first_reported_on",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
        )
    )
    return gx.ExpectationSuite(name=SUITE_NAME, expectations=expectations)
