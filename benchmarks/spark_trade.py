"""The trade models on both engines, on one generated Comtrade file (docs/spark.md, "Timings").

    python -m benchmarks.spark_trade --rows 20000000      # needs make setup-spark

One home: the generated file (`trade_parse.generate`, as `make bench-trade`) and the bundled
news sample loaded into raw (the lake's Parquet folders) as a run loads them; then, timed, each
in its own process:

1. duckdb: `dbt build --select +trade_monthly` on the DuckDB target (seeds, staging and
   intermediate views, `ledger.trade_monthly` and every dbt test on them), a first build;
2. spark: the same `dbt build` on the `spark` target (local Spark, `local[2]`, 2 GB driver),
   JVM start-up included.

Both builds must give `ledger.trade_monthly` the same row count. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path
from typing import Any


def _load(csv_path: Path, home: Path) -> dict[str, Any]:
    """Raw as a run leaves it: the trade file and the bundled news sample (with extraction)."""
    from ingestion.inputs import InputFile, find_inputs
    from ingestion.load import SourceFile
    from ingestion.news.load import extract_news, load_news
    from ingestion.trade.stream import load_into
    from orchestration.paths import SAMPLES_DIR, LedgerPaths

    paths = LedgerPaths.from_env(home)
    paths.export()
    paths.warehouse.parent.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    source = SourceFile.of_input(InputFile(path=csv_path, root=csv_path.parent))
    report = load_into(paths.warehouse, [source], now, lake=paths.lake)
    news = [SourceFile.of_input(f) for f in find_inputs(SAMPLES_DIR / "news") if not f.refused]
    load_news(paths.warehouse, news, now, lake=paths.lake)
    extract_news(paths.warehouse, lake=paths.lake)
    (counts,) = report.files
    return {"raw_s": time.perf_counter() - t0, "loaded": counts["loaded"]}


def _trade_monthly_rows(home: Path, spark: bool) -> int:
    import duckdb

    if spark:
        folder = home / "lake" / "spark-warehouse" / "ledger.db" / "trade_monthly"
        sql = f"select count(*) from read_parquet('{folder}/**/*.parquet')"
        con = duckdb.connect()
    else:
        sql = "select count(*) from ledger.trade_monthly"
        con = duckdb.connect(str(home / "warehouse" / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]  # type: ignore[index]
    finally:
        con.close()


def run(rows: int, workdir: Path) -> dict[str, Any]:
    from benchmarks.trade_parse import generate
    from orchestration.project import run_dbt, spark_dbt_resource

    csv_path = workdir / "comtrade.csv"
    generate(csv_path, rows)
    home = workdir / "home"
    out: dict[str, Any] = {"rows": rows, **_load(csv_path, home)}
    build = ["build", "--select", "+trade_monthly"]

    t0 = time.perf_counter()
    run_dbt(home, build)
    out["duckdb_dbt_s"] = time.perf_counter() - t0
    out["duckdb_trade_monthly_rows"] = _trade_monthly_rows(home, spark=False)

    t0 = time.perf_counter()
    run_dbt(home, build, dbt=spark_dbt_resource())
    out["spark_dbt_s"] = time.perf_counter() - t0
    out["spark_trade_monthly_rows"] = _trade_monthly_rows(home, spark=True)
    if out["spark_trade_monthly_rows"] != out["duckdb_trade_monthly_rows"]:
        raise SystemExit(f"spark_trade: the engines disagree: {out}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tradeledger-spark-bench-") as tmp:
        print(json.dumps(run(args.rows, Path(tmp))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
