"""Shared set-up for the report tests: one ledger published from the bundled sample."""

import os
import sys
from pathlib import Path

import duckdb
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# Screenshots and other artefacts worth looking at after a run; var/ is not tracked.
OUTPUT_DIR = Path(os.environ.get("TRADELEDGER_TEST_OUTPUT", REPO_ROOT / "var" / "test-output"))

for key, value in {
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    "DBT_VERSION_CHECK": "false",
    "GX_ANALYTICS_ENABLED": "false",
}.items():
    os.environ.setdefault(key, value)
# dagster-dbt starts dbt from PATH: the one beside this interpreter.
if str(Path(sys.executable).parent) not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]


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


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Rows of a query on a DuckDB file opened read-only and closed at once."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
