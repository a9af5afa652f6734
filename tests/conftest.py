"""Test-session set-up shared by every test package."""

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Find dbt beside the interpreter, keep tools offline, and parse the dbt project once.

    Runs before collection: test modules import the Dagster definitions, which need the dbt
    manifest to exist.
    """
    from console.commands import prepare_environment
    from orchestration.project import ensure_manifest

    prepare_environment()
    ensure_manifest()
