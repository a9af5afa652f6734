"""ledger.trade_monthly is incremental by month and equals a full refresh after every step."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from dagster_dbt.errors import DagsterDbtCliRuntimeError

from benchmarks.trade_parse import generate_month
from ingestion.load import SourceFile
from ingestion.trade.stream import reload_into
from orchestration.project import run_dbt

# Each test runs several dbt builds of the trade models in a warehouse of its own (about 20 s
# a test): lane e2e, make test-all.
pytestmark = pytest.mark.e2e

# ledger.trade_monthly and every model under it: the dbt graph says which.
MODELS = ["+trade_monthly"]


def _load(home: Path, files: list[Path]) -> None:
    sources = [SourceFile.of(f, f"sha-{f.stat().st_mtime_ns}", f.parent) for f in files]
    warehouse = home / "warehouse" / "warehouse.duckdb"
    reload_into(warehouse, sources, dt.datetime.now(dt.UTC), lake=home / "lake")


def _query(home: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(home / "warehouse" / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _table(home: Path) -> list[tuple[object, ...]]:
    return _query(home, "select * from ledger.trade_monthly order by all")


def _compiled_filter(home: Path) -> str:
    """The month filter of the last compiled trade_monthly (empty on a full build)."""
    manifest = json.loads((home / "dbt" / "target" / "run_results.json").read_text())
    assert all(r["status"] in {"success", "pass"} for r in manifest["results"])
    compiled = next((home / "dbt" / "target" / "compiled").rglob("trade_monthly.sql")).read_text()
    return compiled.split("from flows", 1)[1]


@pytest.fixture(scope="module")
def months(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("months")
    files = []
    for m in ["202505", "202506", "202507"]:
        generate_month(folder / f"comtrade_{m}.csv", m, 300)
        files.append(folder / f"comtrade_{m}.csv")
    return files


def test_incremental_month_equals_full_refresh(months: list[Path], tmp_path: Path) -> None:
    home = tmp_path / "home"
    _load(home, months[:2])
    run_dbt(home, ["build", "--select", *MODELS])
    assert "where trade_month in" not in _compiled_filter(home)  # first build: full
    assert [m for (m,) in _query(home, "select distinct month from ledger.trade_monthly")]

    # One more month: only that month is rebuilt.
    _load(home, months[2:])
    run_dbt(home, ["build", "--select", *MODELS])
    assert "date '2025-07-01'" in _compiled_filter(home)
    assert "2025-06-01" not in _compiled_filter(home)
    rebuilt = _query(home, "select month from ledger.trade_monthly__rebuilt")
    assert rebuilt == [(dt.date(2025, 7, 1),)]  # what the uniqueness test reads
    incremental = _table(home)
    assert {r[4] for r in incremental} == {
        dt.date(2025, 5, 1),
        dt.date(2025, 6, 1),
        dt.date(2025, 7, 1),
    }

    run_dbt(home, ["build", "--select", *MODELS, "--full-refresh"])
    assert _table(home) == incremental


def test_reloaded_and_removed_months_follow_raw(months: list[Path], tmp_path: Path) -> None:
    home = tmp_path / "home"
    _load(home, months)
    run_dbt(home, ["build", "--select", *MODELS])

    # A corrected June file replaces its rows; July disappears from raw.
    june = tmp_path / months[1].name
    generate_month(june, "202506", 100)
    _load(home, [june])
    shutil.rmtree(home / "lake" / "raw" / "trade__flows" / "source=comtrade" / "period=2025-07-01")
    run_dbt(home, ["build", "--select", *MODELS])
    incremental = _table(home)
    june_rows = [r for r in incremental if r[4] == dt.date(2025, 6, 1)]
    assert len(june_rows) == 99  # 100 generated, one partner2 breakdown row rejected
    assert not [r for r in incremental if r[4] == dt.date(2025, 7, 1)]
    run_dbt(home, ["build", "--select", *MODELS, "--full-refresh"])
    assert _table(home) == incremental


def test_month_left_by_a_reloaded_file_is_rebuilt(tmp_path: Path) -> None:
    """A file reloaded without a month that another file still covers: that month is rebuilt.

    No new row of June arrives, so only the record of what the reload removed tells the
    incremental build that June changed.
    """
    import polars as pl

    home = tmp_path / "home"
    shared = tmp_path / "shared_june.csv"  # June, reporter 842 (USA)
    generate_month(shared, "202506", 40)
    frame = pl.read_csv(shared, infer_schema=False).with_columns(reporterCode=pl.lit("842"))
    frame.write_csv(shared)
    moving = tmp_path / "moving.csv"  # June first, then corrected to July
    generate_month(moving, "202506", 60)
    _load(home, [shared, moving])
    run_dbt(home, ["build", "--select", *MODELS])
    june = dt.date(2025, 6, 1)
    reporters = {r[0] for r in _table(home) if r[4] == june}
    assert "USA" in reporters and len(reporters) == 2  # both files cover June

    generate_month(moving, "202507", 60)
    _load(home, [moving])
    run_dbt(home, ["build", "--select", *MODELS])
    assert "date '2025-06-01'" in _compiled_filter(home)
    incremental = _table(home)
    assert {r[0] for r in incremental if r[4] == june} == {"USA"}
    run_dbt(home, ["build", "--select", *MODELS, "--full-refresh"])
    assert _table(home) == incremental


def test_uniqueness_test_reads_the_rebuilt_months(months: list[Path], tmp_path: Path) -> None:
    """A repeated observation in a rebuilt month fails the build's uniqueness test."""

    home = tmp_path / "home"
    _load(home, months[:1])
    run_dbt(home, ["build", "--select", *MODELS])
    assert _query(home, "select month from ledger.trade_monthly__rebuilt") == [
        (dt.date(2025, 5, 1),)
    ]
    con = duckdb.connect(str(home / "warehouse" / "warehouse.duckdb"))
    try:
        con.execute(
            "insert into ledger.trade_monthly select * from ledger.trade_monthly "
            "where month = date '2025-05-01' limit 1"
        )
    finally:
        con.close()
    with pytest.raises(DagsterDbtCliRuntimeError):
        run_dbt(home, ["test", "--select", "trade_monthly"])
