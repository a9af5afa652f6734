"""The monthly-partitioned trade load: one month's files into raw, trade_monthly for that month."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import pytest

from benchmarks.trade_parse import generate_month
from orchestration.assets.trade import TRADE_MONTH_LOADS, load_trade_month
from orchestration.definitions import defs
from orchestration.project import dbt_resource
from orchestration.resources import LedgerSettings


@pytest.mark.e2e  # three partitioned runs with dbt builds, in a home of its own
def test_partitioned_load_updates_one_month(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for month in ["202505", "202506"]:
        folder = home / "landing" / "trade" / f"{month[:4]}-{month[4:]}"
        folder.mkdir(parents=True)
        generate_month(folder / f"comtrade_{month}.csv", month, 200)
    settings = LedgerSettings(home=str(home))
    for key in ["2025-05-01", "2025-06-01", "2025-06-01"]:  # June twice: a reload replaces
        result = dg.materialize(
            [load_trade_month],
            partition_key=key,
            resources={"settings": settings, "dbt": dbt_resource()},
        )
        assert result.success
    keys = {e.asset_key for e in result.get_asset_materialization_events()}
    # Only its own key: ledger/trade_monthly belongs to the dbt assets; the months rebuilt are in
    # the monthly asset's metadata.
    assert keys == {TRADE_MONTH_LOADS}
    (event,) = result.get_asset_materialization_events()
    assert event.materialization.metadata["months"].value == ["2025-06"]
    con = duckdb.connect(str(home / "warehouse" / "warehouse.duckdb"), read_only=True)
    try:
        raw = con.execute("select count(*) from raw.trade__flows").fetchall()[0][0]
        months = con.execute(
            "select month, count(*) from ledger.trade_monthly group by 1 order by 1"
        ).fetchall()
    finally:
        con.close()
    assert raw == 2 * 198  # 2 rows per 200 are partner2 breakdowns, rejected
    assert [(m.isoformat(), n) for m, n in months] == [("2025-05-01", 198), ("2025-06-01", 198)]


def test_jobs_keep_partitioned_and_whole_flow_apart() -> None:
    ledger_job = defs.resolve_job_def("ledger_job")
    monthly = defs.resolve_job_def("trade_monthly_job")
    assert ledger_job.partitions_def is None
    assert monthly.partitions_def is not None
    assert (
        dg.AssetKey(["raw", "trade__month_loads"]) not in ledger_job.asset_layer.selected_asset_keys
    )
    assert dg.AssetKey(["raw", "trade__flows"]) in ledger_job.asset_layer.selected_asset_keys
