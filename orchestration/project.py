"""The dbt project handle, and the one way this project starts dbt: dagster-dbt's resource.

Kept in a module of its own, with absolute imports only and no @dbt_assets, so that
`dagster-dbt project prepare-and-package --file orchestration/project.py` can load it as a script.
Importing it reads neither the manifest nor the project's files: that happens when the dbt assets
are built (`orchestration.assets.dbt.dbt_asset_defs`) or a command asks for the manifest.
"""

import contextlib
import hashlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject
from packaging import version

DBT_PROJECT_DIR = Path(__file__).resolve().parents[1] / "dbt_project"

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def _project_files() -> list[Path]:
    """Every file dbt parses (seed CSVs too), outside its build output."""
    watched = ("*.sql", "*.yml", "*.yaml", "*.csv")
    return sorted(
        path
        for pattern in watched
        for path in DBT_PROJECT_DIR.rglob(pattern)
        if "target" not in path.parts and "dbt_packages" not in path.parts
    )


def project_fingerprint() -> str:
    """sha256 over the names and contents of the files dbt parses: changes with the project."""
    digest = hashlib.sha256()
    for path in _project_files():
        digest.update(path.relative_to(DBT_PROJECT_DIR).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def manifest_is_stale() -> bool:
    """True when the manifest is missing or older than any file dbt parses (seed CSVs too)."""
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    return any(path.stat().st_mtime > built for path in _project_files())


def ensure_manifest() -> Path:
    """Parse the dbt project when its manifest is stale; returns the manifest path.

    Called before the definitions are imported (CLI, tests, Makefile), never at import time:
    `dagster dev` re-imports this module in every subprocess, and a parse costs seconds.
    """
    if manifest_is_stale():
        dbt_project.preparer.prepare(dbt_project)
    return dbt_project.manifest_path


def prepare_if_dev() -> None:
    """Under `dagster dev`, rebuild the manifest when the project changed (no-op elsewhere, where
    `ensure_manifest()` does it before the definitions are loaded)."""
    if manifest_is_stale():
        dbt_project.prepare_if_dev()


# The dbt installed beside this interpreter, so that a run works without an activated venv.
_venv_dbt = Path(sys.executable).with_name("dbt")
DBT_EXECUTABLE = str(_venv_dbt) if _venv_dbt.exists() else "dbt"


class LedgerDbtCliResource(DbtCliResource):
    """dagster-dbt's resource, without the work it does in this process before each dbt command.

    - dagster-dbt asks the dbt executable for its version (about 1.3 s: a Python start and dbt's
      imports) once per resource instance, that is per step. The dbt used here is the one
      installed beside this interpreter, whose version this process can read directly.
    - Before every command it also builds a dbt adapter in this process (loads and renders the
      profile and the project: 0.3-0.8 s of CPU each time). That adapter only serves
      `fetch_row_counts()` and `fetch_column_metadata()` on the event stream, which this project
      does not call (row counts come from the steps' own metadata), so none is built.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        if self.dbt_executable != str(_venv_dbt):
            return super()._cli_version
        from dbt.version import __version__

        return version.parse(__version__)

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> None:  # type: ignore[override]
        # dagster-dbt accepts no adapter (it is optional on the invocation); see the class doc.
        return None


def dbt_resource() -> LedgerDbtCliResource:
    """The dbt resource of the code location (also used outside Dagster: tests, benchmarks)."""
    return LedgerDbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)


def spark_dbt_resource() -> LedgerDbtCliResource:
    """dbt with the Spark adapter (`make setup-spark`), on the profile's `spark` target."""
    from publication.from_spark import SPARK_DBT_EXECUTABLE as dbt

    return LedgerDbtCliResource(project_dir=dbt_project, dbt_executable=str(dbt), target="spark")


@contextlib.contextmanager
def _home_env(home: Path) -> Iterator[None]:
    """LEDGER_HOME set to `home` while dbt runs (profiles.yml reads it), restored afterwards."""
    before = os.environ.get("LEDGER_HOME")
    os.environ["LEDGER_HOME"] = str(home)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("LEDGER_HOME", None)
        else:
            os.environ["LEDGER_HOME"] = before


def _joined_selection(args: list[str]) -> list[str]:
    """`--select a b` as `--select "a b"`: dagster-dbt takes one value after --select/--exclude
    (the rest would reach dbt as stray arguments), dbt reads space-separated ones."""
    out: list[str] = []
    value_at: int | None = None  # where the current flag's value is (or goes)
    for arg in args:
        if value_at is not None and not arg.startswith("-"):
            if value_at == len(out):
                out.append(arg)
            else:
                out[value_at] += f" {arg}"
            continue
        value_at = len(out) + 1 if arg in ("--select", "-s", "--exclude") else None
        out.append(arg)
    return out


def run_dbt(home: Path, args: list[str], dbt: DbtCliResource | None = None) -> None:
    """dbt `args` on the warehouse of `home` through dagster-dbt, artefacts kept in the home.

    Raises `DagsterDbtCliRuntimeError` when dbt fails. For work outside a dbt asset's step (the
    monthly trade load, benchmarks, tests); the dbt assets stream their own invocation.
    """
    ensure_manifest()
    # dagster-dbt echoes dbt's log to stdout; kept out, as dbt's --quiet did (errors are in the
    # exception raised).
    with _home_env(home), contextlib.redirect_stdout(io.StringIO()):
        (dbt or dbt_resource()).cli(
            _joined_selection(args), target_path=home / "dbt" / "target"
        ).wait()
