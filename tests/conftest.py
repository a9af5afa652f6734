"""Test-session set-up shared by every test package.

- The environment: dbt beside the interpreter, tools offline, the dbt manifest parsed once.
- ``sample_run``: the one end-to-end run of the fast lane. The whole job runs once per session
  on the bundled sample, in a home outside the checkout; every test that only reads a
  published file uses it (``sample_home``, ``published``). Tests that must run their own job
  (fault injection, reliability, the CLI's output) are marked ``e2e`` and run in
  ``make test-all`` only.
- ``needs_shared``: tests of the read-only material in ../shared skip when it is missing on a
  developer's machine, and fail in CI (env CI=true), where it must be mounted.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_configure(config: pytest.Config) -> None:
    """Find dbt beside the interpreter, keep tools offline, and parse the dbt project once.

    Runs before collection: test modules import the Dagster definitions, which need the dbt
    manifest to exist.
    """
    from console.commands import prepare_environment
    from orchestration.project import ensure_manifest

    prepare_environment()
    ensure_manifest()


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.needs_shared(path)``: skip when path is missing, fail instead in CI."""
    for marker in item.iter_markers("needs_shared"):
        path = Path(marker.args[0])
        if path.exists():
            continue
        message = f"{path} is missing (read-only material expected in ../shared beside the repo)"
        if IN_CI:
            pytest.fail(f"{message}; CI must provide it", pytrace=False)
        pytest.skip(message)


def checkout_state() -> str:
    """What git sees of the checkout: the status of tracked and untracked (not ignored) files,
    and a digest of the content of every change against HEAD."""

    def git(*args: str) -> bytes:
        return subprocess.run(
            ["git", *args], cwd=REPO_ROOT, capture_output=True, check=True, timeout=60
        ).stdout

    status = git("status", "--porcelain", "--untracked-files=all").decode()
    digest = hashlib.sha256(git("diff", "HEAD", "--binary")).hexdigest()
    return f"{status}diff {digest}\n"


@dataclass
class SampleRun:
    """The session's run of the whole job on the bundled sample."""

    home: Path
    code: int
    checkout_before: str  # checkout_state() just before the run
    checkout_after: str  # and just after it

    @property
    def published(self) -> Path:
        return self.home / "published" / "tradeledger.duckdb"


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> SampleRun:
    """The whole job, once per session, on the bundled sample (about a minute)."""
    from orchestration.cli import run
    from orchestration.project import ensure_manifest

    ensure_manifest()
    home = tmp_path_factory.mktemp("sample-home")
    before = checkout_state()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEDGER_HOME", str(home))
        code = run([], [], str(home))
    return SampleRun(home, code, before, checkout_state())


@pytest.fixture(scope="session")
def sample_home(sample_run: SampleRun) -> Path:
    """A home in which the whole job ran once on the bundled sample and published."""
    assert sample_run.code == 0, "the sample run did not publish"
    return sample_run.home


@pytest.fixture(scope="session")
def published(sample_home: Path) -> Path:
    """The published ledger of the sample run."""
    return sample_home / "published" / "tradeledger.duckdb"
