"""The end-to-end trade path benchmark runs every stage on the whole file and prints its ratio."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.trade_path import run


@pytest.mark.e2e
def test_trade_path_benchmark_runs_every_stage_on_every_row(tmp_path: Path) -> None:
    rows = 5_000
    res = run(rows, 1, tmp_path)
    # Every 100th generated row is a partner2 breakdown row: rejected, not lost.
    assert res["records_in"] == rows == res["loaded"] + res["rejected"]
    assert res["rejected"] == rows // 100
    assert res["trade_monthly_rows"] == res["loaded"]
    stages = ("raw_s", "dbt_s", "checks_s", "publish_s")
    assert all(res[f"path_{s}"] > 0 for s in stages)
    assert res["ratio"] == res["path_rows_per_s"] / res["duckdb_rows_per_s"]
