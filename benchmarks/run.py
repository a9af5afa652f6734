"""`make bench-run`: how far a repeat run of the sample is from the stack's floor.

The floor is what any run of this stack pays however little it does: importing the stack
(Dagster, dagster-dbt, dbt, Great Expectations, Polars, DuckDB) in a fresh interpreter, plus one
plain `dbt build` of the project on the same warehouse. The repeat run is `tradeledger run -q`
on a home where the same inputs were run once already. Both are measured in this script, one
after the other, on the same machine state; the ratio is repeat / floor.

    python -m benchmarks.run [--home DIR] [--repeats N] [--news PATH ...] [--trade PATH ...]

`--news`/`--trade` replace the bundled sample (the smoke test runs it on one tiny file). The
machine is shared: rounds are interleaved (imports, dbt build, repeat run), medians are taken,
and CPU seconds (user + system of the child processes) are printed beside wall seconds.
The last line is `ratio repeat / floor: R` (wall clock).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
STACK_IMPORTS = (
    "import dagster, dagster_dbt, dbt.cli.main, great_expectations, polars, duckdb, pandas"
)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str], env: dict[str, str], cwd: Path = REPO_ROOT) -> tuple[float, float]:
    """(wall, CPU) seconds of one command run to completion."""
    started, cpu = time.monotonic(), _children_cpu()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
        raise SystemExit(f"bench-run: {' '.join(cmd[:3])} failed: " + " | ".join(tail))
    return elapsed, _children_cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    parser.add_argument("--home", default=None, help="scratch home (default: a new temp dir)")
    parser.add_argument("--repeats", type=int, default=1, help="measurements of each (median)")
    parser.add_argument("--news", nargs="*", default=[], help="news inputs (default: the sample)")
    parser.add_argument("--trade", nargs="*", default=[], help="trade inputs (default: sample)")
    args = parser.parse_args(argv)
    home = Path(args.home or tempfile.mkdtemp(prefix="tradeledger-bench-")).resolve()
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "LEDGER_HOME": str(home),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_VERSION_CHECK": "false",
        "GX_ANALYTICS_ENABLED": "false",
    }
    run = [str(bin_dir / "tradeledger"), "run", "-q", "--home", str(home)]
    for kind in ("news", "trade"):
        for item in getattr(args, kind):
            run += [f"--{kind}", str(Path(item).resolve())]
    print(f"bench-run: home {home}", flush=True)
    first, _ = _timed(run, env)
    print(f"  first run (not counted):     {first:6.1f} s", flush=True)

    # dbt through dagster-dbt, as the run starts it; its saved parse is warm, as the run's is.
    from orchestration.project import run_dbt

    def dbt_build() -> tuple[float, float]:
        # dbt runs in a child process of this one; dagster-dbt's streaming runs here.
        started, cpu = time.monotonic(), _children_cpu() + _self_cpu()
        run_dbt(home, ["build"])
        return time.monotonic() - started, _children_cpu() + _self_cpu() - cpu

    run_dbt(home, ["parse"])
    imports, builds, repeats = [], [], []
    for i in range(args.repeats):
        imports.append(_timed([sys.executable, "-c", STACK_IMPORTS], env))
        builds.append(dbt_build())
        repeats.append(_timed(run, env))
        print(
            f"  round {i + 1}: imports {imports[-1][0]:.1f} s, dbt build {builds[-1][0]:.1f} s, "
            f"repeat run {repeats[-1][0]:.1f} s",
            flush=True,
        )

    def median(values: list[tuple[float, float]], which: int) -> float:
        return statistics.median(v[which] for v in values)

    floor = median(imports, 0) + median(builds, 0)
    repeat = median(repeats, 0)
    floor_cpu = median(imports, 1) + median(builds, 1)
    repeat_cpu = median(repeats, 1)
    print(f"  {'':29s}{'wall':>8s}{'CPU':>8s}")
    for label, wall, cpu in (
        ("stack imports:", median(imports, 0), median(imports, 1)),
        ("plain dbt build:", median(builds, 0), median(builds, 1)),
        ("floor (imports + dbt build):", floor, floor_cpu),
        ("repeat run:", repeat, repeat_cpu),
    ):
        print(f"  {label:29s}{wall:6.1f} s{cpu:6.1f} s")
    print(f"  ratio repeat / floor (CPU):  {repeat_cpu / floor_cpu:6.2f}")
    print(f"  ratio repeat / floor: {repeat / floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
