"""Load test: BI-style readers query the published ledger while runs publish new versions.

    python -m benchmarks.loadtest --readers 8 --runs 5 --home /tmp/load

Each reader process opens the published file read-only, counts entries, links and evidence,
reads the newest `ledger.runs` row, closes, and starts over: a fresh connection per read, the
way a BI tool that refreshes sees a file that was swapped under it. Meanwhile `--runs` full
runs (`tradeledger run --home ...`, subprocesses, one after the other) publish.

A read passes when it raised nothing and its three counts equal the `row_counts` that the
newest run row of the same file recorded: a reader must see one complete version, never a mix
or a half-built file. Any failed or inconsistent read, or any failed run, makes the exit code 1.
Readers stop when the runs are done, and in any case after `--max-seconds`.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from orchestration.paths import LedgerPaths

COUNTED = ("entries", "links", "evidence")
READ_SQL = (
    "select "
    + ", ".join(f"(select count(*) from ledger.{table})" for table in COUNTED)
    + ", (select run_id from ledger.runs order by finished_at desc limit 1)"
    + ", (select row_counts from ledger.runs order by finished_at desc limit 1)"
)
MAX_ERRORS_KEPT = 5


@dataclass
class ReaderResult:
    """What one reader process saw."""

    reader: int
    reads: int = 0
    failed: int = 0
    inconsistent: int = 0
    errors: list[str] = field(default_factory=list)
    run_ids: list[str] = field(default_factory=list)  # distinct, in the order first seen
    latencies_ms: list[float] = field(default_factory=list)


def _read_once(db: Path) -> tuple[list[int], str, dict[str, int]]:
    """One read as a BI tool does it: connect read-only, query, close."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(READ_SQL).fetchone()
    finally:
        con.close()
    assert row is not None
    counts = [int(v) for v in row[: len(COUNTED)]]
    return counts, str(row[len(COUNTED)]), json.loads(row[len(COUNTED) + 1])


def _reader(index: int, db: str, stop: object, deadline: float, out: object) -> None:
    """Read in a loop until told to stop (or the deadline), then report on the queue."""
    result = ReaderResult(index)
    path = Path(db)
    while not stop.is_set() and time.time() < deadline:  # type: ignore[attr-defined]
        if not path.exists():  # before the first run publishes there is nothing to read
            time.sleep(0.05)
            continue
        started = time.perf_counter()
        try:
            counts, run_id, recorded = _read_once(path)
        except Exception as error:  # any failure to read is what this test counts
            result.failed += 1
            if len(result.errors) < MAX_ERRORS_KEPT:
                result.errors.append(f"{type(error).__name__}: {error}"[:300])
            continue
        result.latencies_ms.append((time.perf_counter() - started) * 1000)
        result.reads += 1
        if run_id not in result.run_ids:
            result.run_ids.append(run_id)
        expected = [recorded.get(table) for table in COUNTED]
        if counts != expected:
            result.inconsistent += 1
            if len(result.errors) < MAX_ERRORS_KEPT:
                result.errors.append(f"run {run_id}: read {counts}, recorded {expected}")
    out.put(asdict(result))  # type: ignore[attr-defined]


def _run_once(home: Path, timeout: float) -> dict[str, object]:
    """One full run as a subprocess; its exit code, duration and last output line."""
    command = [str(Path(sys.executable).with_name("tradeledger")), "run", "--home", str(home)]
    started = time.monotonic()
    # Its own process group, so a timeout stops dbt too, not only the run's main process.
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        stdout, _ = proc.communicate(timeout=timeout)
        code, tail = proc.returncode, (stdout.strip().splitlines() or [""])[-1]
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        code, tail = -1, f"timed out after {timeout:.0f} s"
    return {"code": code, "seconds": round(time.monotonic() - started, 1), "last_line": tail}


def load_test(
    home: Path, readers: int, runs: int, run_timeout: float, max_seconds: float
) -> dict[str, object]:
    """Run the load test; returns the summary that main() prints."""
    db = LedgerPaths.from_env(home).published
    # spawn, not fork: the children must not inherit this process's imported libraries' state.
    ctx = mp.get_context("spawn")
    stop, out = ctx.Event(), ctx.Queue()
    deadline = time.time() + max_seconds
    procs = [
        ctx.Process(target=_reader, args=(i, str(db), stop, deadline, out), daemon=True)
        for i in range(readers)
    ]
    for proc in procs:
        proc.start()
    started = time.monotonic()
    run_results = []
    for _ in range(runs):
        if time.time() >= deadline:
            break
        run_results.append(_run_once(home, min(run_timeout, max(deadline - time.time(), 1))))
    # Keep reading briefly after the last swap, so the last version is read too.
    time.sleep(1.0)
    stop.set()
    elapsed = time.monotonic() - started
    results: list[dict] = []
    collect_until = time.monotonic() + 30
    while len(results) < readers and time.monotonic() < collect_until:
        try:
            results.append(out.get(timeout=max(collect_until - time.monotonic(), 0.1)))
        except Exception:  # queue.Empty: a reader died without reporting
            break
    for proc in procs:
        proc.join(timeout=5)
        if proc.is_alive():
            proc.kill()
    latencies = sorted(ms for r in results for ms in r["latencies_ms"])
    reads = sum(r["reads"] for r in results)
    versions = {run_id for r in results for run_id in r["run_ids"]}
    return {
        "home": str(home),
        "readers": readers,
        "readers_reported": len(results),
        "runs": run_results,
        "runs_published": sum(1 for r in run_results if r["code"] == 0),
        "seconds": round(elapsed, 1),
        "reads": reads,
        "reads_per_s": round(reads / elapsed, 1) if elapsed else 0.0,
        "failed_reads": sum(r["failed"] for r in results),
        "inconsistent_reads": sum(r["inconsistent"] for r in results),
        "versions_seen": len(versions),
        "latency_ms_p50": round(statistics.median(latencies), 1) if latencies else None,
        "latency_ms_p99": round(latencies[int(len(latencies) * 0.99)], 1) if latencies else None,
        "errors": [e for r in results for e in r["errors"]][:20],
    }


def main(argv: list[str] | None = None) -> int:
    """Entry point: `python -m benchmarks.loadtest`; exit 1 on any failed read or run."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.loadtest", description=__doc__)
    parser.add_argument("--readers", type=int, default=8, help="reader processes (default 8)")
    parser.add_argument("--runs", type=int, default=5, help="runs that publish in a row")
    parser.add_argument("--home", required=True, help="home folder of the runs (a scratch one)")
    parser.add_argument("--run-timeout", type=float, default=600, help="seconds per run")
    parser.add_argument(
        "--max-seconds", type=float, default=1800, help="hard limit for the whole test"
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    home = Path(args.home).expanduser().resolve()
    home.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    os.environ.setdefault("DBT_VERSION_CHECK", "false")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    summary = load_test(home, args.readers, args.runs, args.run_timeout, args.max_seconds)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        for number, run in enumerate(summary["runs"], 1):  # type: ignore[arg-type]
            print(f"run {number}: exit {run['code']} in {run['seconds']} s  ({run['last_line']})")
        for key in (
            "readers_reported", "seconds", "reads", "reads_per_s", "failed_reads",
            "inconsistent_reads", "versions_seen", "latency_ms_p50", "latency_ms_p99",
        ):  # fmt: skip
            print(f"{key + ':':20} {summary[key]}")
        for error in summary["errors"]:  # type: ignore[attr-defined]
            print(f"  {error}")
    ok = (
        summary["failed_reads"] == 0
        and summary["inconsistent_reads"] == 0
        and summary["runs_published"] == args.runs
        and summary["readers_reported"] == args.readers
    )
    print("load test: " + ("PASSED" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
