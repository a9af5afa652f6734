"""`make bench-run`: how far a repeat run of the sample is from the stack's floor.

The floor is what any run of this stack pays however little it does: importing the stack
(Dagster, dagster-dbt, dbt, Great Expectations, Polars, DuckDB) in a fresh interpreter, plus one
plain `dbt build` of the project on the same warehouse. The repeat run is `tradeledger run -q`
on a home where the same inputs were run once already. Both are measured in this script, one
after the other, on the same machine state; the ratio is repeat / floor.

    python -m benchmarks.run [--home DIR] [--repeats N]
"""

from __future__ import annotations

import argparse
import os
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


def _timed(cmd: list[str], env: dict[str, str], cwd: Path = REPO_ROOT) -> float:
    started = time.monotonic()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
        raise SystemExit(f"bench-run: {' '.join(cmd[:3])} failed: " + " | ".join(tail))
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    parser.add_argument("--home", default=None, help="scratch home (default: a new temp dir)")
    parser.add_argument("--repeats", type=int, default=1, help="measurements of each (median)")
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
    print(f"bench-run: home {home}", flush=True)
    first = _timed(run, env)
    print(f"  first run (not counted):     {first:6.1f} s", flush=True)

    # dbt through dagster-dbt, as the run starts it; its saved parse is warm, as the run's is.
    from orchestration.project import run_dbt

    def dbt_build() -> float:
        started = time.monotonic()
        run_dbt(home, ["build"])
        return time.monotonic() - started

    run_dbt(home, ["parse"])
    imports, builds, repeats = [], [], []
    for _ in range(args.repeats):
        imports.append(_timed([sys.executable, "-c", STACK_IMPORTS], env))
        builds.append(dbt_build())
        repeats.append(_timed(run, env))
    floor = statistics.median(imports) + statistics.median(builds)
    repeat = statistics.median(repeats)
    print(f"  stack imports:               {statistics.median(imports):6.1f} s")
    print(f"  plain dbt build:             {statistics.median(builds):6.1f} s")
    print(f"  floor (imports + dbt build): {floor:6.1f} s")
    print(f"  repeat run:                  {repeat:6.1f} s")
    print(f"  ratio repeat / floor:        {repeat / floor:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
