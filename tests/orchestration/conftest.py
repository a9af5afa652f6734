"""Shared set-up for the orchestration tests: quiet tools, a parsed dbt manifest, run helpers."""

from pathlib import Path

import duckdb
import pytest

from orchestration.cli import prepare_environment

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"

# The contract's columns, in order (../shared/design/ledger-contract.md).
CONTRACT_COLUMNS = {
    "entries": [
        "entry_id", "actor", "target", "kind", "is_commitment", "instrument", "products",
        "hs_codes", "rate_before_pct", "rate_after_pct", "announced_on", "effective_on",
        "status", "agreement", "source_count", "first_reported_on", "last_reported_on",
        "summary",
    ],
    "links": [
        "link_id", "commitment_entry_id", "reciprocal_entry_id", "agreement", "basis",
        "confidence",
    ],
    "evidence": [
        "entry_id", "article_id", "url", "published_on", "quote", "start_char", "end_char",
    ],
}  # fmt: skip

prepare_environment()


@pytest.fixture(scope="session", autouse=True)
def dbt_manifest() -> Path:
    """Parse the dbt project once per session (the definitions need its manifest)."""
    from orchestration.project import ensure_manifest

    return ensure_manifest()


def query(db: Path, sql: str) -> list[tuple]:
    """Rows of a query on a DuckDB file opened read-only and closed at once."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
