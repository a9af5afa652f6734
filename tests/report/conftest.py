"""Shared set-up for the report tests (the published sample ledger is tests/conftest.py's)."""

import os
from pathlib import Path

from tests.helpers import query  # noqa: F401 - used by this package's tests

REPO_ROOT = Path(__file__).resolve().parents[2]
# Screenshots and other artefacts worth looking at after a run; var/ is not tracked.
OUTPUT_DIR = Path(os.environ.get("TRADELEDGER_TEST_OUTPUT", REPO_ROOT / "var" / "test-output"))

# tests/conftest.py has set up the environment (dbt on PATH, tools offline) and provides the
# session's sample run: fixtures sample_home and published.
