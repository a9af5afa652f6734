"""The load benchmark measures what it says: every loader loads the whole generated file."""

from __future__ import annotations

from pathlib import Path

from benchmarks.trade_load import run


def test_benchmark_loads_every_row_with_each_loader(tmp_path: Path) -> None:
    rows = 20_000
    res = run(rows, 1, 5_000, tmp_path, with_dbt=False)

    ours = res["tradeledger"]
    # Every 100th generated row is a partner2 breakdown row: rejected, not lost.
    assert ours["loaded"] + ours["rejected"] == rows
    assert ours["rejected"] == rows // 100
    assert res["duckdb"]["loaded"] == rows and res["pandas"]["loaded"] == rows
    for name in ("tradeledger", "duckdb", "pandas"):
        assert res[name]["rows_per_s"] == rows / res[name]["raw_s"]
        assert res[name]["peak_rss_gb"] > 0
    assert res["ratio_vs_duckdb"] == ours["rows_per_s"] / res["duckdb"]["rows_per_s"]
    assert res["ratio_vs_pandas"] == ours["rows_per_s"] / res["pandas"]["rows_per_s"]
    assert "pandas_object_strings" not in res
