"""The dbt project handle.

Kept in a module of its own, with absolute imports only and no @dbt_assets, so that
`dagster-dbt project prepare-and-package --file orchestration/project.py` can load it as a script.
"""

import hashlib
from pathlib import Path

from dagster_dbt import DbtProject

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


# Under `dagster dev` the manifest is rebuilt when the SQL changed; elsewhere
# ensure_manifest() does it.
if manifest_is_stale():
    dbt_project.prepare_if_dev()
