"""The wiring stays thin: no manifest read on import, dbt only through dagster-dbt, no
benchmarks in the shipped packages, orchestration/ within its size."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SHIPPED = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"][
    "targets"
]["wheel"]["packages"]


def _python_files(*packages: str) -> list[Path]:
    return [path for package in packages for path in (REPO_ROOT / package).rglob("*.py")]


def test_importing_modules_reads_no_dbt_manifest() -> None:
    # A fresh interpreter: in this one the definitions (and so the manifest) may be loaded.
    code = (
        "import dagster_dbt.dbt_manifest as m\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError('the dbt manifest was read on import')\n"
        "m.read_manifest_path = refuse\n"
        "import orchestration.project, orchestration.assets.dbt, orchestration.assets.trade\n"
        "import orchestration.assets.raw, orchestration.assets.published\n"
        "import orchestration.assets.report, orchestration.jobs, orchestration.cli\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_no_module_starts_dbt_as_a_subprocess() -> None:
    # A module that imports subprocess and names the dbt executable (dagster-dbt's resource is
    # given the same path in orchestration/project.py, which imports no subprocess).
    uses_subprocess = re.compile(r"^\s*(import subprocess|from subprocess import)", re.MULTILINE)
    starts_dbt = re.compile(r"""with_name\(\s*["']dbt["']\s*\)|\[\s*["']dbt["']\s*,""")
    offenders = [
        str(path.relative_to(REPO_ROOT))
        for path in _python_files(*SHIPPED, "benchmarks")
        if uses_subprocess.search(text := path.read_text()) and starts_dbt.search(text)
    ]
    assert offenders == []


def test_shipped_packages_hold_no_benchmarks() -> None:
    assert "benchmarks" not in SHIPPED
    found = [
        str(path.relative_to(REPO_ROOT))
        for path in _python_files(*SHIPPED)
        if path.name.startswith("bench") or path.name == "loadtest.py"
    ]
    assert found == []


def test_orchestration_is_thin() -> None:
    lines = sum(len(path.read_text().splitlines()) for path in _python_files("orchestration"))
    assert lines <= 1600, lines


def test_dbt_commands_build_no_adapter_in_this_process(tmp_path, monkeypatch) -> None:
    """dagster-dbt would load the profile and build a dbt adapter here before every command
    (0.3-0.8 s of CPU each); it serves only fetch_row_counts/fetch_column_metadata, which no
    module calls."""
    import io
    from contextlib import redirect_stdout

    from orchestration.project import dbt_resource

    calls = re.compile(r"\.(fetch_row_counts|fetch_column_metadata)\(")
    assert [
        p.name for p in _python_files(*SHIPPED, "benchmarks") if calls.search(p.read_text())
    ] == []
    monkeypatch.setenv("LEDGER_HOME", str(tmp_path))
    with redirect_stdout(io.StringIO()):
        invocation = dbt_resource().cli(["parse"], target_path=tmp_path / "target").wait()
    assert invocation.is_successful()
    assert invocation.adapter is None
