"""What `tradeledger run` tells its user: a line per step, nothing with -q, one-line errors."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orchestration.cli import EXIT_NO_INPUT, input_problem

REPO_ROOT = Path(__file__).resolve().parents[2]
TRADELEDGER = Path(sys.executable).with_name("tradeledger")
RUN_TIMEOUT_S = 1500
# "  <step>   <what it did>  (<seconds> s)"
PROGRESS_LINE = re.compile(r"^  \S.*\S  \(\d+\.\d s\)$")


def _tradeledger(
    *args: str, home: Path, timeout: float = RUN_TIMEOUT_S
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(TRADELEDGER), *args, "--home", str(home)],
        cwd=REPO_ROOT,
        env={**os.environ, "LEDGER_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_missing_news_path_fails_at_once_in_one_line(tmp_path: Path) -> None:
    started = time.monotonic()
    done = _tradeledger("run", "--news", "missing.jsonl", home=tmp_path / "home", timeout=60)
    elapsed = time.monotonic() - started
    assert done.returncode == EXIT_NO_INPUT == 66
    assert done.stderr.strip().splitlines() == [
        "tradeledger: news input not found: missing.jsonl; nothing was run"
    ]
    assert done.stdout == ""
    assert elapsed < 10, elapsed  # no Dagster, dbt or GX import before the check
    assert not (tmp_path / "home").exists(), "a refused run must not touch the home"


def test_every_given_path_is_checked(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text("{}\n")
    assert input_problem([str(good)], []) is None
    assert input_problem(["https://example.org/feed.xml"], []) is None  # fetched by the run
    assert input_problem([str(good)], [str(tmp_path / "gone.csv")]) == (
        f"trade input not found: {tmp_path / 'gone.csv'}"
    )
    link = tmp_path / "dangling.jsonl"
    link.symlink_to(tmp_path / "nowhere.jsonl")
    assert input_problem([str(link)], []) == f"news input not found: {link}"


@pytest.fixture(scope="module")
def two_runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[subprocess.CompletedProcess]]:
    """The sample run twice in one home: with progress lines, then with -q."""
    home = tmp_path_factory.mktemp("progress-home")
    first = _tradeledger("run", home=home)
    second = _tradeledger("run", "-q", home=home)
    return home, [first, second]


@pytest.mark.e2e
def test_run_prints_a_line_per_step_with_its_time(two_runs) -> None:
    _, (first, _) = two_runs
    assert first.returncode == 0, first.stdout + first.stderr
    lines = [line for line in first.stdout.splitlines() if PROGRESS_LINE.match(line)]
    assert len(lines) >= 5, first.stdout
    text = "\n".join(lines)
    for said in (
        "articles parsed",
        "statements extracted",
        "models built",
        "checks passed",
        "published, ",
    ):
        assert said in text, (said, first.stdout)
    published = next(line for line in lines if "published, " in line)
    assert re.search(r"\d+(\.\d)? (bytes|KB|MB) published, \d+ entries", published)
    # The lines come before the summary, and no Dagster or dbt log line leaks into stdout.
    assert first.stdout.index(lines[-1]) < first.stdout.index("published:        ")
    assert "DEBUG" not in first.stdout and " - ledger_job - " not in first.stdout


@pytest.mark.e2e
def test_quiet_run_prints_the_summary_only(two_runs) -> None:
    _, (_, second) = two_runs
    assert second.returncode == 0, second.stdout + second.stderr
    assert not [line for line in second.stdout.splitlines() if PROGRESS_LINE.match(line)]
    assert "tradeledger: home" not in second.stdout
    assert "published:        " in second.stdout
