"""Shared set-up for the report tests: one ledger published from the bundled sample."""

import os
from pathlib import Path

import pytest

from tests.helpers import query  # noqa: F401 - used by this package's tests

REPO_ROOT = Path(__file__).resolve().parents[2]
# Screenshots and other artefacts worth looking at after a run; var/ is not tracked.
OUTPUT_DIR = Path(os.environ.get("TRADELEDGER_TEST_OUTPUT", REPO_ROOT / "var" / "test-output"))

# tests/conftest.py has set up the environment (dbt on PATH, tools offline).


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home in which the whole job ran once on the bundled sample (about a minute)."""
    from orchestration.cli import run
    from orchestration.project import ensure_manifest

    ensure_manifest()
    home = tmp_path_factory.mktemp("report-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEDGER_HOME", str(home))
        code = run([], [], str(home))
    assert code == 0, "the sample run did not publish"
    return home


@pytest.fixture(scope="session")
def published(sample_home: Path) -> Path:
    """The published ledger of the sample run."""
    return sample_home / "published" / "tradeledger.duckdb"
