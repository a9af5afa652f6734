"""One GX suite builder per published table; ``SUITES`` maps table name to builder.

Builders import GX lazily (5-9 s), so importing this package stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from expectations.suites import (
    ledger_commitment_checks,
    ledger_entries,
    ledger_evidence,
    ledger_links,
    ledger_tariff_timeline,
    ledger_trade_monthly,
)

if TYPE_CHECKING:
    import great_expectations as gx

SUITES: dict[str, Callable[[], gx.ExpectationSuite]] = {
    "entries": ledger_entries.build_suite,
    "links": ledger_links.build_suite,
    "evidence": ledger_evidence.build_suite,
    "trade_monthly": ledger_trade_monthly.build_suite,
    "commitment_checks": ledger_commitment_checks.build_suite,
    "tariff_timeline": ledger_tariff_timeline.build_suite,
}

__all__ = ["SUITES"]
