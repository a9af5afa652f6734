"""`tradeledger run --engine spark` publishes the ledger the DuckDB run publishes (issue 14).

The bundled sample runs once more, with dbt building on local Spark (`make setup-spark`), in a
home of its own; its published file is compared with the session's DuckDB run (`published`):
the ledger's tables row for row (`except all` both ways; instants compare as instants), the
DDL of every published table, and every table's content as the sample's snapshot test digests
it, leaving out only the run's own ids and clock.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from publication.from_spark import SPARK_DBT_EXECUTABLE
from tests.conftest import IN_CI
from tests.orchestration.test_sample_ledger_snapshot import ledger_content
from tests.spark.conftest import TIMES

pytestmark = pytest.mark.spark

COMPARED = ("entries", "links", "evidence", "trade_monthly", "commitment_checks")


@dataclass(frozen=True)
class SparkRun:
    home: Path
    code: int
    output: str

    @property
    def published(self) -> Path:
        return self.home / "published" / "tradeledger.duckdb"


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory: pytest.TempPathFactory) -> SparkRun:
    """The CLI on the bundled sample with --engine spark (a few minutes: Spark starts twice)."""
    if not SPARK_DBT_EXECUTABLE.exists():
        message = f"no dbt-spark at {SPARK_DBT_EXECUTABLE}: `make setup-spark` installs it"
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    home = tmp_path_factory.mktemp("spark-home")
    env = {k: v for k, v in os.environ.items() if k != "LEDGER_HOME"}
    tradeledger = Path(sys.executable).with_name("tradeledger")
    started = time.monotonic()
    proc = subprocess.run(
        [str(tradeledger), "run", "--engine", "spark", "--home", str(home)],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
        check=False,
    )
    TIMES["tradeledger run --engine spark, bundled sample"] = time.monotonic() - started
    return SparkRun(home, proc.returncode, proc.stdout + proc.stderr)


def test_the_spark_run_publishes(spark_run: SparkRun) -> None:
    assert spark_run.code == 0, spark_run.output[-4000:]
    assert spark_run.published.exists()
    assert "dbt build" in spark_run.output
    # every step ran, the dbt docs site too (made from the manifest after a Spark build)
    assert re.search(r"step \S+ failed", spark_run.output) is None, spark_run.output[-4000:]
    assert (spark_run.home / "docs" / "dbt" / "static_index.html").exists()


def _differences(ours: Path, theirs: Path, table: str) -> tuple[int, int, int, int]:
    """Rows of each side, and rows each side has that the other has not (`except all`)."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{ours}' as spark (read_only)")
        con.execute(f"attach '{theirs}' as duck (read_only)")
        a, b = f"spark.ledger.{table}", f"duck.ledger.{table}"
        one = con.execute
        return (
            one(f"select count(*) from {a}").fetchone()[0],  # type: ignore[index]
            one(f"select count(*) from {b}").fetchone()[0],  # type: ignore[index]
            one(f"select count(*) from (from {a} except all from {b})").fetchone()[0],  # type: ignore[index]
            one(f"select count(*) from (from {b} except all from {a})").fetchone()[0],  # type: ignore[index]
        )
    finally:
        con.close()


@pytest.mark.parametrize("table", COMPARED)
def test_a_ledger_table_equals_the_duckdb_runs_row_for_row(
    spark_run: SparkRun, published: Path, table: str
) -> None:
    assert spark_run.code == 0, spark_run.output[-4000:]
    spark_rows, duck_rows, only_spark, only_duck = _differences(
        spark_run.published, published, table
    )
    assert spark_rows > 0, f"ledger.{table} is empty on the sample"
    assert (spark_rows, only_spark, only_duck) == (duck_rows, 0, 0), (
        f"ledger.{table}: {spark_rows} rows on Spark, {duck_rows} on DuckDB; "
        f"{only_spark} only on Spark, {only_duck} only on DuckDB"
    )


def _ddl(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "select table_name, sql from duckdb_tables() where schema_name = 'ledger'"
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def test_the_published_tables_have_the_duckdb_runs_ddl(spark_run: SparkRun, published: Path):
    """Same tables, column names and order, types and constraints for BI users."""
    assert spark_run.code == 0, spark_run.output[-4000:]
    assert _ddl(spark_run.published) == _ddl(published)


def test_every_published_table_has_the_duckdb_runs_content(spark_run: SparkRun, published: Path):
    """All tables (rejects, quarantine, tariff_timeline, entries_history too), digested as the
    sample's snapshot test does, without the run's own ids and clock."""
    assert spark_run.code == 0, spark_run.output[-4000:]
    assert ledger_content(spark_run.published) == ledger_content(published)
