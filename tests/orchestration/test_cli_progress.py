"""What `tradeledger run` tells its user: a line per step, nothing with -q, one-line errors."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from console.args import EXIT_NO_INPUT, input_problem

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
    site = home / "docs" / "dbt" / "static_index.html"
    DOCS_AFTER_FIRST_RUN.update(mtime=site.stat().st_mtime_ns if site.exists() else None)
    second = _tradeledger("run", "-q", home=home)
    return home, [first, second]


DOCS_AFTER_FIRST_RUN: dict[str, int | None] = {}


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


@pytest.mark.e2e
def test_both_runs_are_recorded_in_the_homes_dagster_instance(two_runs) -> None:
    import dagster as dg

    home, done = two_runs
    assert [d.returncode for d in done] == [0, 0]
    with dg.DagsterInstance.from_config(str(home / "dagster")) as instance:
        runs = instance.get_runs()
        assert len(runs) == 2
        assert {r.job_name for r in runs} == {"ledger_job"}
        assert {r.status for r in runs} == {dg.DagsterRunStatus.SUCCESS}
        # The UI shows what the runs built and checked.
        published = instance.fetch_materializations(
            dg.AssetKey(["published", "tradeledger"]), limit=10
        ).records
        assert {m.run_id for m in published} == {r.run_id for r in runs}
        checks = instance.get_records_for_run(
            runs[0].run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION, limit=1000
        ).records
        assert len(checks) >= 80


def test_one_code_location_name_everywhere(tmp_path: Path) -> None:
    import tomllib

    from orchestration.instance import CODE_LOCATION, prepare_instance_dir
    from orchestration.paths import LedgerPaths

    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["dagster"]["code_location_name"] == CODE_LOCATION
    instance_home = prepare_instance_dir(LedgerPaths(tmp_path))
    assert f"location_name: {CODE_LOCATION}\n" in (instance_home / "workspace.yaml").read_text()
    assert "telemetry" in (instance_home / "dagster.yaml").read_text()
    # A settings file the operator edited is kept.
    (instance_home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    prepare_instance_dir(LedgerPaths(tmp_path))
    assert (instance_home / "dagster.yaml").read_text() == "telemetry:\n  enabled: false\n"
    # No dagster.yaml at the repository root that `dagster dev` would warn it ignores.
    assert not (REPO_ROOT / "dagster.yaml").exists()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.e2e
def test_dev_ui_shows_the_cli_runs_without_a_deprecation_warning(two_runs) -> None:
    import json
    import signal
    import urllib.request

    home, _ = two_runs
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "orchestration.dev", "--port", str(port), "--home", str(home)],
        cwd=REPO_ROOT,
        env={**os.environ, "LEDGER_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    query = (
        "{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus } } } "
        "runsOrError { ... on Runs { results { runId status } } } }"
    )
    try:
        answer = None
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/graphql",
                    data=json.dumps({"query": query}).encode(),
                    headers={"Content-Type": "application/json"},
                )
                with urllib.request.urlopen(request, timeout=10) as response:
                    answer = json.loads(response.read())["data"]
                locations = answer["workspaceOrError"]["locationEntries"]
                if all(loc["loadStatus"] == "LOADED" for loc in locations):
                    break
            except OSError:
                pass
            time.sleep(1)
        assert answer is not None, "the UI did not answer"
        assert answer["workspaceOrError"]["locationEntries"] == [
            {"name": "tradeledger", "loadStatus": "LOADED"}
        ]
        assert len(answer["runsOrError"]["results"]) == 2
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            out, _ = proc.communicate(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            raise
    lowered = out.lower()
    assert "superseded" not in lowered and "deprecat" not in lowered and "dg dev" not in lowered
    assert "dagster.yaml" not in lowered, out


@pytest.mark.e2e
def test_quality_docs_of_the_runs_work_offline(two_runs) -> None:
    import dagster as dg

    from expectations.offline_docs import remote_references

    home, _ = two_runs
    quality = home / "docs" / "quality"
    assert remote_references(quality) == []
    with dg.DagsterInstance.from_config(str(home / "dagster")) as instance:
        run_ids = {r.run_id for r in instance.get_runs()}
    pages = list((quality / "validations").rglob("*.html"))
    # Every suite, validated in each of the two runs; each page names its table and its run.
    from expectations.suites import SUITES

    assert len(pages) == 2 * len(SUITES) == 12
    for page in pages:
        text = page.read_text(encoding="utf-8")
        suite, run_id = page.relative_to(quality / "validations").parts[:2]
        assert run_id in run_ids
        assert f"Run:</strong> {run_id}" in text
        assert f"Table:</strong> ledger.{suite.removeprefix('ledger_')}" in text


@pytest.mark.e2e
def test_dbt_docs_are_regenerated_only_when_the_project_changed(two_runs) -> None:
    from orchestration.assets.report import DOCS_STAMP
    from orchestration.project import project_fingerprint

    home, (first, _) = two_runs
    site = home / "docs" / "dbt" / "static_index.html"
    assert "documentation site written" in first.stdout
    assert DOCS_AFTER_FIRST_RUN["mtime"] is not None
    # The second run found the site current and left it as it was.
    assert site.stat().st_mtime_ns == DOCS_AFTER_FIRST_RUN["mtime"]
    assert (home / "docs" / "dbt" / DOCS_STAMP).read_text().strip() == project_fingerprint()
