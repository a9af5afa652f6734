"""`make bench-run`'s script runs end to end and prints its ratio line (tiny input, no timing
assertion: the figures depend on the machine)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# One article and the small trade sample: every blocking check has rows to pass on.
TINY_NEWS = REPO_ROOT / "samples" / "news" / "china_counter_tariffs_2025-02-04.txt"
TINY_TRADE = REPO_ROOT / "samples" / "trade" / "comtrade_china_magnet_exports_2025.csv"


@pytest.mark.e2e
def test_bench_run_prints_the_ratio_of_a_repeat_run_to_the_floor(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--home",
            str(tmp_path),
            "--news",
            str(TINY_NEWS),
            "--trade",
            str(TINY_TRADE),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    for label in ("stack imports:", "plain dbt build:", "floor (imports + dbt build):"):
        assert any(line.strip().startswith(label) for line in lines), done.stdout
    match = re.fullmatch(r"\s*ratio repeat / floor: (\d+\.\d\d)", lines[-1])
    assert match, done.stdout
    assert float(match.group(1)) > 0
    # The repeat run published from the tiny input.
    assert (tmp_path / "published" / "tradeledger.duckdb").exists()
