"""Load benchmark: a big Comtrade CSV into DuckDB by tradeledger, DuckDB `read_csv` and pandas.

    python -m benchmarks.trade_load --rows 20000000      # = make bench-trade

Generates a Comtrade-format CSV (`trade_parse.generate`, 47 columns, 1% breakdown rows that become
rejects), then loads the same file, each loader in its own subprocess so that its peak memory
can be measured (RSS of the process tree sampled every 100 ms from /proc):

* tradeledger: `stream.load_comtrade_csv` (all Comtrade rules, rejects table) into
  `raw.trade__flows` of a warehouse file, then `dbt run` of `ledger.trade_monthly` (and the
  staging/intermediate views under it) on that warehouse;
* duckdb: `create table t as select * from read_csv(path)` into a database file;
* pandas: `pandas.read_csv` (in `--pandas-chunk`-row pieces, so that 20 million rows fit the
  machine's memory next to other work; 0 = the whole file at once) then an insert into DuckDB;
  with `--pandas-object-strings` also once with object strings, the default before pandas 3.0
  (context only: the ratios are against the installed pandas with its defaults).

Rates are file rows / seconds inside the loader (Python start-up excluded). The ratios are
tradeledger's raw-load rate over each other rate; loaders run one after another in one script so
background load on the shared machine hits them alike (`--repeat` > 1 interleaves rounds).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# Same for every loader: DuckDB may reorder rows (cheaper parallel inserts) and keeps its
# buffers under this limit (it spills beyond it).
DUCKDB_SETTINGS = {"preserve_insertion_order": "false", "memory_limit": "2GB"}


def _tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    return total


def _run_child(args: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run one loader as `python -m benchmarks.trade_load --child ...`; add its peak RSS."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.trade_load", "--child", *args],
        stdout=subprocess.PIPE,
        cwd=REPO,
        env=env,
        text=True,
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    stop.set()
    sampler.join()
    if proc.returncode:
        raise RuntimeError(f"loader {args[0]} failed with exit code {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_gb"] = peak / 1e9
    return result


def _connect(db: Path):  # type: ignore[no-untyped-def]
    import duckdb

    con = duckdb.connect(str(db))
    for k, v in DUCKDB_SETTINGS.items():
        con.execute(f"set {k} = '{v}'")
    return con


def child_tradeledger(csv_path: Path, home: Path, with_dbt: bool) -> dict[str, Any]:
    """The tradeledger path: bulk loader into raw, then dbt builds ledger.trade_monthly."""
    import datetime as dt

    from ingestion.load import SourceFile
    from ingestion.trade.stream import ensure_tables, load_comtrade_csv

    db = home / "warehouse" / "warehouse.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    t0, c0 = time.perf_counter(), time.process_time()
    con = _connect(db)
    try:
        ensure_tables(con, replace=True)
        source = SourceFile.of(csv_path, "bench")  # hashing 4 GB is not part of the load
        report = load_comtrade_csv(con, csv_path, source, dt.datetime.now(dt.UTC))
    finally:
        con.close()
    raw_s = time.perf_counter() - t0
    res = {
        # Peak of this process alone, i.e. of the raw load (dbt runs in a child process).
        "raw_peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6,
        "raw_s": raw_s,
        "raw_cpu_s": time.process_time() - c0,
        "loaded": report.loaded,
        "rejected": report.rejected,
    }
    if with_dbt:
        from orchestration.project import run_dbt

        t1 = time.perf_counter()
        run_dbt(home, ["run", "--select", "+trade_monthly"])
        res["dbt_s"] = time.perf_counter() - t1
        res["dbt_peak_rss_gb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e6
        con = _connect(db)
        try:
            sql = "select count(*) from ledger.trade_monthly"
            res["trade_monthly_rows"] = con.execute(sql).fetchall()[0][0]
        finally:
            con.close()
    return res


def child_duckdb(csv_path: Path, db: Path) -> dict[str, Any]:
    """DuckDB's own reader, auto-detected types, into a table of a database file."""
    t0, c0 = time.perf_counter(), time.process_time()
    con = _connect(db)
    try:
        con.execute("create or replace table t as select * from read_csv(?)", [str(csv_path)])
        n = con.execute("select count(*) from t").fetchall()[0][0]
    finally:
        con.close()
    return {"raw_s": time.perf_counter() - t0, "raw_cpu_s": time.process_time() - c0, "loaded": n}


def child_pandas(
    csv_path: Path, db: Path, chunk: int, object_strings: bool = False
) -> dict[str, Any]:
    """pandas `read_csv` (default C engine and dtypes) then an insert into DuckDB.

    `object_strings` reads text columns as Python objects, the default before pandas 3.0
    (pandas 3 infers its Arrow-backed `str` dtype): reported for context, not as the baseline.
    """
    import warnings

    import pandas as pd

    if object_strings:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the option is deprecated in pandas 3
            pd.set_option("future.infer_string", False)

    t0, c0 = time.perf_counter(), time.process_time()
    con = _connect(db)
    n = 0
    try:
        pieces = pd.read_csv(csv_path, chunksize=chunk) if chunk else [pd.read_csv(csv_path)]
        for i, df in enumerate(pieces):
            verb = "create or replace table t as" if i == 0 else "insert into t"
            con.execute(f"{verb} select * from df")
            n += len(df)
            del df
    finally:
        con.close()
    return {"raw_s": time.perf_counter() - t0, "raw_cpu_s": time.process_time() - c0, "loaded": n}


def run(
    rows: int,
    repeat: int,
    pandas_chunk: int,
    workdir: Path,
    with_dbt: bool,
    pandas_object: bool = False,
) -> dict[str, Any]:
    """Generate the file and time the three loaders; returns the numbers."""
    from benchmarks.trade_parse import generate

    csv_path = workdir / "comtrade_bench.csv"
    t0 = time.perf_counter()
    generate(csv_path, rows)
    out: dict[str, Any] = {
        "rows": rows,
        "file_gb": csv_path.stat().st_size / 1e9,
        "generate_s": time.perf_counter() - t0,
    }
    rounds: dict[str, list[dict[str, Any]]] = {"tradeledger": [], "duckdb": [], "pandas": []}
    if pandas_object:
        rounds["pandas_object_strings"] = []
    for r in range(repeat):
        home = workdir / f"home{r}"
        rounds["tradeledger"].append(
            _run_child(["tradeledger", str(csv_path), str(home), str(int(with_dbt and r == 0))])
        )
        rounds["duckdb"].append(_run_child(["duckdb", str(csv_path), str(workdir / "d.duckdb")]))
        rounds["pandas"].append(
            _run_child(["pandas", str(csv_path), str(workdir / "p.duckdb"), str(pandas_chunk)])
        )
        if pandas_object:
            args = [str(csv_path), str(workdir / "p.duckdb"), str(pandas_chunk)]
            rounds["pandas_object_strings"].append(_run_child(["pandas_object", *args]))
        for f in workdir.glob("[dp].duckdb*"):
            f.unlink()
    for name, res in rounds.items():
        best = min(res, key=lambda x: x["raw_s"])
        out[name] = {
            **best,
            "rows_per_s": rows / best["raw_s"],
            "rows_per_cpu_s": rows / best["raw_cpu_s"],
        }
        out[name]["peak_rss_gb"] = max(x["peak_rss_gb"] for x in res)
    ours = out["tradeledger"]
    if "dbt_s" in rounds["tradeledger"][0]:
        first = rounds["tradeledger"][0]
        ours["dbt_s"] = first["dbt_s"]
        ours["trade_monthly_rows"] = first["trade_monthly_rows"]
        ours["dbt_peak_rss_gb"] = first["dbt_peak_rss_gb"]
        ours["raw_plus_trade_monthly_rows_per_s"] = rows / (first["raw_s"] + first["dbt_s"])
    out["ratio_vs_duckdb"] = ours["rows_per_s"] / out["duckdb"]["rows_per_s"]
    out["ratio_vs_pandas"] = ours["rows_per_s"] / out["pandas"]["rows_per_s"]
    # The machine is shared: CPU seconds are less disturbed by other work than wall time.
    out["cpu_ratio_vs_duckdb"] = ours["rows_per_cpu_s"] / out["duckdb"]["rows_per_cpu_s"]
    out["cpu_ratio_vs_pandas"] = ours["rows_per_cpu_s"] / out["pandas"]["rows_per_cpu_s"]
    if pandas_object:
        legacy = out["pandas_object_strings"]["rows_per_s"]
        out["ratio_vs_pandas_object_strings"] = ours["rows_per_s"] / legacy
    return out


def main() -> None:
    """CLI entry point (the parent script, or one loader with --child)."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, *rest = sys.argv[2:]
        if kind == "tradeledger":
            res = child_tradeledger(Path(rest[0]), Path(rest[1]), rest[2] == "1")
        elif kind == "duckdb":
            res = child_duckdb(Path(rest[0]), Path(rest[1]))
        else:
            res = child_pandas(
                Path(rest[0]), Path(rest[1]), int(rest[2]), object_strings=kind == "pandas_object"
            )
        print(json.dumps(res))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=20_000_000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--pandas-chunk", type=int, default=2_000_000)
    ap.add_argument("--no-dbt", action="store_true", help="skip the ledger.trade_monthly build")
    ap.add_argument(
        "--pandas-object-strings",
        action="store_true",
        help="also time pandas with object strings (the default before pandas 3), for context",
    )
    ap.add_argument("--workdir", type=Path, default=None, help="default: a temporary folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        res = run(
            args.rows,
            args.repeat,
            args.pandas_chunk,
            Path(tmp),
            not args.no_dbt,
            args.pandas_object_strings,
        )
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
