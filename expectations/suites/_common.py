"""Shared vocabulary of the published-table suites.

The vocabulary mirrors the published contract (../shared/design/ledger-contract.md);
keep the two in step. The column tuples are no longer GX rules: the dbt contracts
(``contract: {enforced: true}`` on every mart, columns listed in this order) fix names, types
and order, and tests/expectations/test_dbt_parity.py holds the dbt yml to these tuples and to
the vocabularies below.
"""

from __future__ import annotations

ISO3_REGEX = r"^[A-Z]{3}$"

KINDS: tuple[str, ...] = (
    "tariff_increase",
    "tariff_reduction",
    "tariff_suspension",
    "export_control",
    "export_control_relaxation",
    "license_approval",
    "purchase_commitment",
    "visa_policy",
    "port_fee",
    "investigation",
    "other",
)

STATUSES: tuple[str, ...] = (
    "threatened",
    "announced",
    "implemented",
    "suspended",
    "revoked",
    "expired",
)

ENTRY_COLUMNS: tuple[str, ...] = (
    "entry_id",
    "actor",
    "target",
    "kind",
    "is_commitment",
    "instrument",
    "products",
    "hs_codes",
    "rate_before_pct",
    "rate_after_pct",
    "announced_on",
    "effective_on",
    "status",
    "agreement",
    "source_count",
    "first_reported_on",
    "last_reported_on",
    "summary",
    "expires_on",
)

LINK_COLUMNS: tuple[str, ...] = (
    "link_id",
    "commitment_entry_id",
    "reciprocal_entry_id",
    "agreement",
    "basis",
    "confidence",
)

EVIDENCE_COLUMNS: tuple[str, ...] = (
    "entry_id",
    "article_id",
    "url",
    "published_on",
    "quote",
    "start_char",
    "end_char",
)

TRADE_MONTHLY_COLUMNS: tuple[str, ...] = (
    "reporter",
    "partner",
    "hs_code",
    "flow",
    "month",
    "quantity",
    "unit",
    "value_usd",
    "source",
)

COMMITMENT_CHECK_COLUMNS: tuple[str, ...] = (
    "entry_id",
    "hs_codes",
    "reporter",
    "partner",
    "flow",
    "effective_month",
    "baseline_months",
    "baseline_quantity",
    "after_months",
    "after_quantity",
    "ratio",
    "verdict",
)

TARIFF_TIMELINE_COLUMNS: tuple[str, ...] = (
    "actor",
    "target",
    "products",
    "hs_codes",
    "rate_pct",
    "valid_from",
    "valid_to",
    "entry_id",
)

FLOWS: tuple[str, ...] = ("export", "import")
VERDICTS: tuple[str, ...] = ("resumed", "not yet", "no data")

# Date bounds are ISO *datetime* strings on purpose. GX 1.24 coerces a bare "2015-01-01" to a
# datetime.date, which pandas refuses to compare with datetime64 columns (every row errors);
# "...T00:00:00" becomes a datetime, which compares fine. Strings also keep the suite JSON-clean.
ENTRY_DATE_MIN = "2015-01-01T00:00:00"
ENTRY_DATE_MAX = "2030-12-31T00:00:00"
TRADE_MONTH_MIN = "2000-01-01T00:00:00"
TRADE_MONTH_MAX = "2030-12-01T00:00:00"
