"""End-to-end trade path against DuckDB's own `read_csv`, on one generated Comtrade file.

    python -m benchmarks.trade_path --rows 4000000      # part of make bench-trade

Generates a Comtrade CSV (`trade_parse.generate`, the generator `benchmarks.trade_load` uses),
then, in one script, each in its own process (Python start-up excluded, rounds interleaved):

* duckdb: `create table t as select * from read_csv(path)` into a database file (types
  auto-detected, no checks): the reference rate;
* path: what a run does with that file, stage by stage, in a fresh home:
  1. raw load: the file hashed (`SourceFile.of_input`) and loaded by `stream.load_into`
     (every Comtrade rule, rejects in `raw.trade__rejects`, rows in = loaded + rejected),
     written to the lake as Parquet partitioned by source and month (`ingestion.lake`);
  2. dbt: `dbt build --select +trade_monthly` (seeds, staging and intermediate views,
     `ledger.trade_monthly` and every dbt test on them) through dagster-dbt;
  3. checks: the Great Expectations suite of `ledger.trade_monthly` (the blocking check
     `gx_trade_monthly` of a run, with its Data Docs);
  4. publication: `publication.publish` of `ledger.trade_monthly` (the trade table readers
     get) into a new version folder, with its Parquet copy.

The generated periods span 1975-2025, earlier than the months the `ledger.trade_monthly` suite
accepts, so its check fails on `month` (`checks_passed: false`; a run would not publish): the
whole suite is still evaluated on every row, and publication is timed anyway, as the cost of that
stage. Rates are file rows / wall seconds; the ratio is the path's rate over DuckDB's (median of
`--repeat` rounds each). The last line is `ratio path / duckdb read_csv: R`. Each round also
prints the CPU seconds of each side and stage (the process and its finished children, dbt),
which a busy machine changes less than wall seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _child(args: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.trade_path", "--child", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        tail = (done.stdout + done.stderr).strip().splitlines()[-8:]
        raise SystemExit(f"trade_path: child {args[0]} failed: " + " | ".join(tail))
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (dbt), user + system."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child_duckdb(csv_path: Path, db: Path) -> dict[str, Any]:
    """DuckDB's own reader into a table of a database file (same settings as trade_load)."""
    from benchmarks.trade_load import child_duckdb as load

    return load(csv_path, db)


def child_path(csv_path: Path, home: Path) -> dict[str, Any]:
    """The trade path of a run on `csv_path`, in the fresh home `home`; seconds per stage."""
    import datetime as dt

    from ingestion.inputs import InputFile
    from ingestion.load import SourceFile
    from ingestion.trade.stream import load_into
    from orchestration.paths import LedgerPaths

    paths = LedgerPaths.from_env(home)
    paths.export()
    paths.warehouse.parent.mkdir(parents=True, exist_ok=True)
    out: dict[str, Any] = {}

    t0, c0 = time.perf_counter(), _cpu()
    source = SourceFile.of_input(InputFile(path=csv_path, root=csv_path.parent))
    report = load_into(paths.warehouse, [source], dt.datetime.now(dt.UTC), lake=paths.lake)
    out["raw_s"] = time.perf_counter() - t0
    out["raw_cpu_s"] = _cpu() - c0
    (counts,) = report.files
    out.update({k: counts[k] for k in ("records_in", "loaded", "rejected")})

    from orchestration.project import run_dbt

    t0, c0 = time.perf_counter(), _cpu()
    run_dbt(home, ["build", "--select", "+trade_monthly"])
    out["dbt_s"] = time.perf_counter() - t0
    out["dbt_cpu_s"] = _cpu() - c0

    from expectations.runner import columns_checked, read_table, validate_frame

    t0, c0 = time.perf_counter(), _cpu()
    # As the run's gate reads it: every row, the columns the suite reads.
    frame = read_table(paths.warehouse, "trade_monthly", columns_checked("trade_monthly"))
    summary = validate_frame(frame, "trade_monthly", docs_dir=paths.docs / "quality")
    out["checks_s"] = time.perf_counter() - t0
    out["checks_cpu_s"] = _cpu() - c0
    out["checks_passed"] = summary.success
    out["trade_monthly_rows"] = len(frame)
    del frame

    from orchestration.project import dbt_project
    from publication.publish import RunRecord, publish, table_docs_from_manifest

    t0, c0 = time.perf_counter(), _cpu()
    run = RunRecord(
        run_id="bench-trade-path",
        started_at=dt.datetime.now(dt.UTC),
        inputs=[{"kind": "trade", "file": source.display_name, "sha256": source.sha256}],
        checks_passed=int(summary.success),
        checks_failed=int(not summary.success),
    )
    publish(
        paths.warehouse,
        paths.published,
        ("trade_monthly",),
        run,
        parquet_dir=paths.published_dir / "parquet",
        docs=table_docs_from_manifest(dbt_project.manifest_path),
    )
    out["publish_s"] = time.perf_counter() - t0
    out["publish_cpu_s"] = _cpu() - c0
    out["total_s"] = out["raw_s"] + out["dbt_s"] + out["checks_s"] + out["publish_s"]
    out["total_cpu_s"] = sum(out[f"{k}_cpu_s"] for k in ("raw", "dbt", "checks", "publish"))
    return out


def run(rows: int, repeat: int, workdir: Path) -> dict[str, Any]:
    """Generate the file, time both sides `repeat` times (interleaved); the medians."""
    from benchmarks.trade_parse import generate

    csv_path = workdir / "comtrade_path.csv"
    generate(csv_path, rows)
    res: dict[str, Any] = {"rows": rows, "file_gb": csv_path.stat().st_size / 1e9}
    duck, path = [], []
    for r in range(repeat):
        db = workdir / "d.duckdb"
        duck.append(_child(["duckdb", str(csv_path), str(db)]))
        for f in workdir.glob("d.duckdb*"):
            f.unlink()
        path.append(_child(["path", str(csv_path), str(workdir / f"home{r}")]))
        print(
            f"  round {r + 1}: duckdb {duck[-1]['raw_s']:.1f} s, path {path[-1]['total_s']:.1f} s "
            f"(raw {path[-1]['raw_s']:.1f}, dbt {path[-1]['dbt_s']:.1f}, checks "
            f"{path[-1]['checks_s']:.1f}, publish {path[-1]['publish_s']:.1f}); CPU s: duckdb "
            f"{duck[-1]['raw_cpu_s']:.1f}, path {path[-1]['total_cpu_s']:.1f} (raw "
            f"{path[-1]['raw_cpu_s']:.1f}, dbt {path[-1]['dbt_cpu_s']:.1f}, checks "
            f"{path[-1]['checks_cpu_s']:.1f}, publish {path[-1]['publish_cpu_s']:.1f})",
            flush=True,
        )
    res["duckdb_s"] = statistics.median(d["raw_s"] for d in duck)
    res["duckdb_cpu_s"] = statistics.median(d["raw_cpu_s"] for d in duck)
    for stage in ("raw", "dbt", "checks", "publish", "total"):
        for unit in ("s", "cpu_s"):
            res[f"path_{stage}_{unit}"] = statistics.median(p[f"{stage}_{unit}"] for p in path)
    last = path[-1]
    for k in ("records_in", "loaded", "rejected", "trade_monthly_rows", "checks_passed"):
        res[k] = last[k]
    res["duckdb_rows_per_s"] = rows / res["duckdb_s"]
    res["path_rows_per_s"] = rows / res["path_total_s"]
    res["ratio"] = res["path_rows_per_s"] / res["duckdb_rows_per_s"]
    return res


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        kind, csv_path, target = argv[1:4]
        if kind == "duckdb":
            res = child_duckdb(Path(csv_path), Path(target))
        else:
            res = child_path(Path(csv_path), Path(target))
        print(json.dumps(res, default=str))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=4_000_000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--workdir", type=Path, default=None, help="default: a temporary folder")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        print(f"trade path: {args.rows:,} rows, {args.repeat} round(s)", flush=True)
        res = run(args.rows, args.repeat, Path(tmp))
    print(json.dumps(res, indent=2))
    print(
        f"rows/s: duckdb read_csv {res['duckdb_rows_per_s']:,.0f}, "
        f"path {res['path_rows_per_s']:,.0f}"
    )
    print(f"ratio path / duckdb read_csv: {res['ratio']:.2f}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    os.environ.setdefault("DBT_VERSION_CHECK", "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    sys.exit(main())
