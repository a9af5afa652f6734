"""Shared helpers for the orchestration tests: the contract's columns, read-only queries."""

from pathlib import Path

from ingestion import vocabulary
from tests.helpers import query  # noqa: F401 - used by this package's tests

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"

# The contract's columns, in order: read from the models' enforced dbt contracts, not copied
# (tests/expectations/test_dbt_parity.py pins them to ledger-contract.md).
CONTRACT_COLUMNS = {
    table: list(vocabulary.contract_columns(table)) for table in ("entries", "links", "evidence")
}
