"""The Dagster instance of a home: `<home>/dagster`, shared by the CLI, the UI and the daemon.

Every run, whether started by `tradeledger run`, from the UI, or by the schedule and the sensor,
is recorded there, so the UI shows its materializations and check results.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg

from orchestration.paths import LedgerPaths

# The one name of the code location: pyproject.toml's [tool.dagster] code_location_name says the
# same for `dagster dev` started from the repository.
CODE_LOCATION = "tradeledger"
DEFINITIONS_MODULE = "orchestration.definitions"
REPO_ROOT = Path(__file__).resolve().parents[1]
INSTANCE_TEMPLATE = Path(__file__).with_name("dagster_instance.yaml")


def instance_dir(paths: LedgerPaths) -> Path:
    """DAGSTER_HOME of a home."""
    return paths.home / "dagster"


def prepare_instance_dir(paths: LedgerPaths) -> Path:
    """Create `<home>/dagster` with its dagster.yaml (kept when present) and workspace.yaml."""
    home = instance_dir(paths)
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "dagster.yaml"
    if not settings.exists():
        shutil.copyfile(INSTANCE_TEMPLATE, settings)
    workspace = home / "workspace.yaml"
    text = (
        "# Written by tradeledger: the code location the UI and the daemon load.\n"
        "load_from:\n"
        "  - python_module:\n"
        f"      module_name: {DEFINITIONS_MODULE}\n"
        f"      location_name: {CODE_LOCATION}\n"
        f"      working_directory: {REPO_ROOT}\n"
    )
    if not workspace.exists() or workspace.read_text(encoding="utf-8") != text:
        workspace.write_text(text, encoding="utf-8")
    return home


def open_instance(paths: LedgerPaths) -> dg.DagsterInstance:
    """The home's persistent instance (close it with `dispose()` or a `with` block)."""
    return dg.DagsterInstance.from_config(str(prepare_instance_dir(paths)))
