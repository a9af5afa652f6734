"""The published file: all that readers see, replaced only after every blocking check passed."""

import datetime as dt

import dagster as dg

from ingestion.load import connect
from orchestration.assets.dbt import HISTORY
from orchestration.checks import ledger_key
from orchestration.project import dbt_project
from orchestration.resources import LedgerSettings
from publication.publish import (
    PUBLISHED_TABLES,
    RunRecord,
    current_version,
    publish,
    set_aside_if_unreadable,
    table_docs_from_manifest,
)
from report import REPORT_FILE_NAME
from report.queries import entries_preview_markdown

PUBLISHED = dg.AssetKey(["published", "tradeledger"])


def _inputs(settings: LedgerSettings) -> list[dict[str, str]]:
    """Every input file this run read, with its content hash (loaded or rejected alike)."""
    sources = [
        ("news", "news__articles", "_source_file", "_source_sha256"),
        ("news", "news__rejects", "source_file", "source_sha256"),
        ("trade", "trade__flows", "_source_file", "_source_sha256"),
        ("trade", "trade__rejects", "source_file", "source_sha256"),
    ]
    union = " union ".join(
        f"select distinct '{kind}' as kind, {file} as file, {sha} as sha256 from raw.{table}"
        for kind, table, file, sha in sources
    )
    with connect(settings.paths().warehouse, read_only=True) as con:
        rows = con.execute(f"select * from ({union}) order by kind, file").fetchall()
    return [{"kind": k, "file": f, "sha256": s} for k, f, s in rows]


@dg.asset(
    key=PUBLISHED,
    group_name="published",
    kinds={"duckdb", "parquet"},
    # The recorded history too: what is published is what was recorded.
    deps=[*(ledger_key(t) for t in PUBLISHED_TABLES), HISTORY],
    description=(
        "published/tradeledger.duckdb (schema ledger) and its Parquet copies: one version "
        "folder per run, switched in atomically (one rename of the link published/current)."
    ),
)
def published_ledger(
    context: dg.AssetExecutionContext, settings: LedgerSettings
) -> dg.MaterializeResult:
    """Copy the checked ledger into a new version folder and point `published/current` at it."""
    paths = settings.paths()
    checks = context.instance.all_logs(
        context.run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
    )
    evaluations = [e.dagster_event.event_specific_data for e in checks if e.dagster_event]
    passed = sum(1 for e in evaluations if e.passed)  # type: ignore[union-attr]
    stats = context.instance.get_run_stats(context.run.run_id)
    started = dt.datetime.fromtimestamp(stats.start_time or 0, dt.UTC)
    run = RunRecord(
        run_id=context.run.run_id,
        started_at=started,
        inputs=_inputs(settings),
        checks_passed=passed,
        checks_failed=len(evaluations) - passed,
    )
    aside = set_aside_if_unreadable(paths.published)
    if aside is not None:
        context.log.warning(
            f"the published file could not be read ({aside.reason}); set aside as "
            f"{aside.path.relative_to(paths.published_dir)}, its run history is not carried over"
        )
    counts = publish(
        paths.warehouse,
        paths.published,
        PUBLISHED_TABLES,
        run,
        parquet_dir=paths.published_dir / "parquet",
        # dbt's descriptions travel with the tables: comments in DuckDB, Parquet metadata.
        docs=table_docs_from_manifest(dbt_project.manifest_path),
    )
    context.log.info(f"published {paths.published}: {counts}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(paths.published)),
            "version": dg.MetadataValue.text(current_version(paths.published_dir) or ""),
            "set_aside": dg.MetadataValue.text(str(aside.path) if aside else ""),
            "set_aside_reason": dg.MetadataValue.text(aside.reason if aside else ""),
            "row_counts": dg.MetadataValue.json(counts),
            "bytes": paths.published.stat().st_size,
            "dagster/row_count": counts.get("entries", 0),
            # At a glance in the UI: the first entries, and where the documents of this version are.
            "preview": dg.MetadataValue.md(entries_preview_markdown(paths.published)),
            "report": dg.MetadataValue.path(str(paths.published_dir / REPORT_FILE_NAME)),
            "quality_docs": dg.MetadataValue.path(str(paths.docs / "quality")),
        }
    )
