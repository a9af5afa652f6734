"""dbt models as Dagster assets; dbt data tests become (blocking) asset checks."""

import functools
import os
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    dbt_assets,
)

from orchestration.checks import ledger_key
from orchestration.project import dbt_project, prepare_if_dev, spark_dbt_resource
from orchestration.resources import LedgerSettings
from publication.from_spark import build_on_spark


class LedgerDbtTranslator(DagsterDbtTranslator):
    """Asset key == [schema, relation]; sources take the key in their `meta.dagster.asset_key`."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        """The relation a node builds is its key: staging/stg_..., ledger/entries."""
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        name = dbt_resource_props.get("alias") or dbt_resource_props["name"]
        return dg.AssetKey([dbt_resource_props["schema"], name])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        """Group by layer folder: staging, intermediate, marts; seeds (code tables): reference;
        snapshots: snapshots."""
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        if dbt_resource_props["resource_type"] == "snapshot":
            return "snapshots"  # beside the recorded history (entries_history_recorded)
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else "dbt"


translator = LedgerDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


# The entries snapshot merges into a pending copy of the recorded history, in the same dbt
# build as every other model; the copy becomes the recorded history (HISTORY) only after the
# blocking quality checks: a run that fails the gate records no versions of entries that were
# never published, and no second dbt process is started for the history.
HISTORY = dg.AssetKey(["snapshots", "entries_snapshot"])
PENDING_HISTORY = dg.AssetKey(["snapshots", "entries_snapshot_pending"])
# Read by dbt_project/snapshots/entries_snapshot.sql.
RUN_ID_ENV = "LEDGER_RUN_ID"


def _build(context: dg.AssetExecutionContext, dbt: DbtCliResource, settings: LedgerSettings):
    from publication.publish import restore_history, stage_history

    paths = settings.paths()
    paths.export()
    # A warehouse that lost its snapshot (deleted, rebuilt) first gets the published history;
    # then the snapshot starts from a copy of the recorded history.
    restored = restore_history(paths.warehouse, paths.published)
    if restored:
        context.log.warning(
            f"the warehouse had no entries history; {restored} versions restored from "
            f"{paths.published.name}"
        )
    stage_history(paths.warehouse)
    # The run id reaches the entries snapshot, so each recorded version names its run. It goes
    # through the environment, not --vars: dbt re-parses the whole project when its vars change
    # (every run), but only the files that read an environment variable whose value changed.
    os.environ[RUN_ID_ENV] = context.run.run_id
    if settings.engine == "spark":
        return build_on_spark(paths, dbt_project.manifest_path, spark_dbt_resource(), dbt, context)
    return dbt.cli(["build"], context=context, target_path=paths.dbt_target).stream()


@functools.cache
def dbt_asset_defs() -> tuple[dg.AssetsDefinition, ...]:
    """The dbt models as one multi-asset; built (and the manifest read) on the first call only.

    Called when the definitions are built (`orchestration.definitions`), never at import time:
    importing any other module must not read, or under `dagster dev` rebuild, the manifest.
    """
    prepare_if_dev()

    @dbt_assets(
        manifest=dbt_project.manifest_path,
        project=dbt_project,
        dagster_dbt_translator=translator,
    )
    def ledger_dbt_models(
        context: dg.AssetExecutionContext, dbt: DbtCliResource, settings: LedgerSettings
    ):
        """`dbt build`: reference seeds, staging, intermediate and ledger models with their
        tests, in DAG order, and the entries snapshot into its pending table."""
        yield from _build(context, dbt, settings)

    return (ledger_dbt_models,)


@dg.asset(
    key=HISTORY,
    group_name="snapshots",
    kinds={"duckdb"},
    deps=[PENDING_HISTORY, ledger_key("entries")],
    description=(
        "The recorded history of ledger entries: the run's entries snapshot, once every blocking "
        "check of the ledger passed (published as ledger.entries_history)."
    ),
)
def entries_history_recorded(settings: LedgerSettings) -> dg.MaterializeResult:
    """Make the run's snapshot the recorded history (one copy, one transaction)."""
    from publication.publish import commit_history

    versions = commit_history(settings.paths().warehouse)
    return dg.MaterializeResult(metadata={"dagster/row_count": versions})
