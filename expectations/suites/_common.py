"""Shared vocabulary of the published-table suites.

Nothing here is a copy: the kinds, statuses and verdicts come from the registry (the dbt seeds
`dbt_project/seeds/vocab_*.csv`, read by ingestion/vocabulary.py), and the column tuples from the
models' enforced dbt contracts (`dbt_project/models/marts/ledger/<model>.yml`). The column tuples
are no GX rules: the contracts fix names, types and order, and tests/expectations/test_dbt_parity.py
pins them to the contract's columns.
"""

from __future__ import annotations

from ingestion import vocabulary

ISO3_REGEX = r"^[A-Z]{3}$"

KINDS: tuple[str, ...] = vocabulary.kinds()
STATUSES: tuple[str, ...] = vocabulary.statuses()
VERDICTS: tuple[str, ...] = vocabulary.verdicts()

ENTRY_COLUMNS: tuple[str, ...] = vocabulary.contract_columns("entries")
LINK_COLUMNS: tuple[str, ...] = vocabulary.contract_columns("links")
EVIDENCE_COLUMNS: tuple[str, ...] = vocabulary.contract_columns("evidence")
TRADE_MONTHLY_COLUMNS: tuple[str, ...] = vocabulary.contract_columns("trade_monthly")
COMMITMENT_CHECK_COLUMNS: tuple[str, ...] = vocabulary.contract_columns("commitment_checks")
TARIFF_TIMELINE_COLUMNS: tuple[str, ...] = vocabulary.contract_columns("tariff_timeline")

FLOWS: tuple[str, ...] = ("export", "import")

# Date bounds are ISO *datetime* strings on purpose. GX 1.24 coerces a bare "2015-01-01" to a
# datetime.date, which pandas refuses to compare with datetime64 columns (every row errors);
# "...T00:00:00" becomes a datetime, which compares fine. Strings also keep the suite JSON-clean.
ENTRY_DATE_MIN = "2015-01-01T00:00:00"
ENTRY_DATE_MAX = "2030-12-31T00:00:00"
TRADE_MONTH_MIN = "2000-01-01T00:00:00"
TRADE_MONTH_MAX = "2030-12-01T00:00:00"
