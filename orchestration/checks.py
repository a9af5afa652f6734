"""The quality gate: a Great Expectations suite per published table, as blocking asset checks.

The suites hold what dbt's contracts and data tests do not already enforce (column order,
not-null, unique, vocabularies, relationships and every_row_has_match are dbt's); dbt's
tests are blocking checks too, so the gate as a whole is as strict as before.

A failing suite stops the publish asset (it depends on every ledger table), so readers keep
the last good file. The suites run in one step (`ledger_suites`, one blocking check per table):
Great Expectations is set up once and its quality docs rendered once per run, not per table.
"""

from collections.abc import Iterator

import dagster as dg

from orchestration.resources import LedgerSettings

# Tables whose promises to readers are stated as a Great Expectations suite.
SUITE_TABLES = (
    "entries",
    "links",
    "evidence",
    "trade_monthly",
    "commitment_checks",
    "tariff_timeline",
)


def ledger_key(table: str) -> dg.AssetKey:
    """Asset key of a ledger mart."""
    return dg.AssetKey(["ledger", table])


def _suite_spec(table: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        name=f"gx_{table}",
        asset=ledger_key(table),
        blocking=True,
        description=f"Great Expectations suite: what readers of ledger.{table} are promised.",
    )


@dg.multi_asset_check(
    name="ledger_suites",
    specs=[_suite_spec(t) for t in SUITE_TABLES],
    can_subset=True,
    description=(
        "The Great Expectations suites of the ledger tables, in one step: Great Expectations is "
        "set up once and the quality docs are rendered once for all of them."
    ),
)
def ledger_suites(
    context: dg.AssetCheckExecutionContext, settings: LedgerSettings
) -> Iterator[dg.AssetCheckResult]:
    """One blocking check result per table; a failed one stops what depends on its table."""
    from expectations.runner import columns_checked, read_table, validate_frames

    paths = settings.paths()
    selected = {key.name for key in context.selected_asset_check_keys}
    tables = [t for t in SUITE_TABLES if f"gx_{t}" in selected]
    # Every row, but only the columns a suite reads (ledger.trade_monthly can be large).
    frames = {t: read_table(paths.warehouse, t, columns_checked(t)) for t in tables}
    summaries = validate_frames(
        frames, docs_dir=paths.docs / "quality", run_name=context.run.run_id
    )
    for table in tables:
        summary = summaries[table]
        yield dg.AssetCheckResult(
            asset_key=ledger_key(table),
            check_name=f"gx_{table}",
            passed=summary.success,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "rows": len(frames[table]),
                "expectations_evaluated": summary.evaluated,
                "failed_expectations": dg.MetadataValue.json(summary.failed),
                "quality_docs": dg.MetadataValue.path(str(paths.docs / "quality")),
            },
        )


@dg.asset_check(
    asset=ledger_key("entries"),
    name="cross_table_integrity",
    blocking=True,
    additional_deps=[ledger_key("links")],
    description="Every link joins entries of different actors.",
)
def cross_table_integrity(settings: LedgerSettings) -> dg.AssetCheckResult:
    """Rules that span tables, which a single-table suite cannot state and dbt does not test
    (evidence for every entry and links to existing entries are dbt's tests)."""
    from expectations.cross_table import TABLES, cross_table_failures
    from expectations.runner import read_table

    warehouse = settings.paths().warehouse
    frames = {t: read_table(warehouse, t) for t in TABLES}
    failures = cross_table_failures(frames)
    return dg.AssetCheckResult(
        passed=not failures,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"failures": dg.MetadataValue.json(failures[:50])},
    )


ledger_checks = [ledger_suites, cross_table_integrity]
