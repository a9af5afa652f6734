"""Shared helpers for the orchestration tests: the contract's columns, read-only queries."""

from pathlib import Path

from tests.helpers import query  # noqa: F401 - used by this package's tests

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"

# The contract's columns, in order (../shared/design/ledger-contract.md).
CONTRACT_COLUMNS = {
    "entries": [
        "entry_id", "actor", "target", "kind", "is_commitment", "instrument", "products",
        "hs_codes", "rate_before_pct", "rate_after_pct", "announced_on", "effective_on",
        "status", "agreement", "source_count", "first_reported_on", "last_reported_on",
        "summary", "expires_on",
    ],
    "links": [
        "link_id", "commitment_entry_id", "reciprocal_entry_id", "agreement", "basis",
        "confidence",
    ],
    "evidence": [
        "entry_id", "article_id", "url", "published_on", "quote", "start_char", "end_char",
    ],
}  # fmt: skip
