"""Incremental benchmark: adding one month to 24 loaded months vs loading all 25.

    python -m benchmarks.trade_months --rows-per-month 1600000    # part of make bench-trade

Generates 25 one-month Comtrade CSVs, then in one script:

* all 25: a fresh warehouse, the 25 files loaded into raw (`stream.reload_into`) and
  `dbt build` of the trade models (`ledger.trade_monthly` built in full);
* one more: a fresh warehouse with 24 months loaded and built (not timed), then the 25th file
  loaded and the trade models built again (timed): the incremental model rebuilds one month.

This is what `load_trade_month` (the monthly-partitioned asset) runs, without Dagster's fixed
per-run cost. The two homes must end with equal `ledger.trade_monthly` rows (checked).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

from benchmarks.trade_parse import generate_month
from ingestion.load import SourceFile
from ingestion.trade.stream import reload_into
from orchestration.project import run_dbt

# ledger.trade_monthly and every model under it: the dbt graph says which.
TRADE_MODELS = ["+trade_monthly"]


def _load(home: Path, files: list[Path]) -> None:
    """Append files to the home's raw tables (replacing earlier loads of the same files)."""
    sources = [SourceFile.of(f, "bench", f.parent) for f in files]
    warehouse = home / "warehouse" / "warehouse.duckdb"
    reload_into(warehouse, sources, dt.datetime.now(dt.UTC), lake=home / "lake")


def _build(home: Path) -> None:
    run_dbt(home, ["build", "--select", *TRADE_MODELS])


def _rows(home: Path) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(home / "warehouse" / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(
            "select month, count(*), sum(value_usd) from ledger.trade_monthly group by 1 order by 1"
        ).fetchall()
    finally:
        con.close()


def run(rows_per_month: int, workdir: Path) -> dict[str, Any]:
    """Generate 25 months, time both scenarios, return the numbers."""
    months = [f"{2024 + (m // 12)}{m % 12 + 1:02d}" for m in range(25)]
    files = []
    for m in months:
        f = workdir / "files" / f"comtrade_{m}.csv"
        f.parent.mkdir(parents=True, exist_ok=True)
        generate_month(f, m, rows_per_month)
        files.append(f)

    full = workdir / "full"
    t0 = time.perf_counter()
    _load(full, files)
    t_load25 = time.perf_counter() - t0
    _build(full)
    t_all = time.perf_counter() - t0

    inc = workdir / "incremental"
    _load(inc, files[:24])
    _build(inc)
    t1 = time.perf_counter()
    _load(inc, files[24:])
    t_load1 = time.perf_counter() - t1
    _build(inc)
    t_one = time.perf_counter() - t1

    same = _rows(full) == _rows(inc)
    return {
        "rows_per_month": rows_per_month,
        "all_25_s": t_all,
        "all_25_load_s": t_load25,
        "all_25_dbt_s": t_all - t_load25,
        "one_more_s": t_one,
        "one_more_load_s": t_load1,
        "one_more_dbt_s": t_one - t_load1,
        "one_over_all": t_one / t_all,
        "same_trade_monthly": same,
    }


def main() -> None:
    """CLI entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows-per-month", type=int, default=400_000)
    ap.add_argument("--workdir", type=Path, default=None, help="default: a temporary folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        res = run(args.rows_per_month, Path(tmp))
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
