"""Documents made from each published version: the analysts' HTML report and the dbt docs site.

Both run after `published/tradeledger`, so what they show is what readers of that file see.
"""

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.assets.published import PUBLISHED
from orchestration.project import dbt_project, project_fingerprint
from orchestration.resources import LedgerSettings
from publication.from_spark import docs_generate_args
from report import REPORT_FILE_NAME

REPORT = dg.AssetKey(["published", "report"])
DBT_DOCS = dg.AssetKey(["published", "dbt_docs"])
# Beside the docs site: the fingerprint of the dbt project it was generated from.
DOCS_STAMP = ".dbt-project.sha256"


@dg.asset(
    key=REPORT,
    group_name="published",
    kinds={"html", "plotly"},
    deps=[PUBLISHED],
    description=(
        "published/report.html: timeline, tariff rates each way, commitments beside what was "
        "given in return with their evidence, and checked commitments against trade data."
    ),
)
def published_report(settings: LedgerSettings) -> dg.MaterializeResult:
    """Render the self-contained HTML report of the published file."""
    from report.queries import entries_preview_markdown
    from report.render import render_report

    paths = settings.paths()
    out = render_report(paths.published, paths.published_dir / REPORT_FILE_NAME)
    quality = paths.docs / "quality"
    dbt_docs = paths.docs / "dbt"
    links = "\n".join(
        [
            f"- report: [{out}]({out.as_uri()})",
            f"- data quality docs: [{quality}]({quality.as_uri()})",
            f"- dbt docs (lineage): [{dbt_docs}]({dbt_docs.as_uri()})",
        ]
    )
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(out)),
            "report": dg.MetadataValue.url(out.as_uri()),
            "quality_docs": dg.MetadataValue.path(str(quality)),
            "bytes": out.stat().st_size,
            "preview": dg.MetadataValue.md(
                f"{links}\n\nFirst entries of ledger.entries:\n\n"
                + entries_preview_markdown(paths.published)
            ),
        }
    )


@dg.asset(
    key=DBT_DOCS,
    group_name="published",
    kinds={"dbt"},
    deps=[PUBLISHED],
    description="dbt docs site (lineage, column descriptions) for the published version: docs/dbt.",
)
def published_dbt_docs(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, settings: LedgerSettings
) -> dg.MaterializeResult:
    """`dbt docs generate --static` into <home>/docs/dbt, once the file it describes is out.

    Only when the dbt project changed since the site was last written (or there is none): the
    site describes models, columns and lineage, which only the project changes.
    """
    paths = settings.paths()
    # dbt's profile reads LEDGER_HOME: the catalog must come from this run's warehouse.
    paths.export()
    target = paths.docs / "dbt"
    site = target / "static_index.html"
    stamp = target / DOCS_STAMP
    fingerprint = project_fingerprint()
    current = stamp.exists() and site.exists() and stamp.read_text().strip() == fingerprint
    succeeded = True
    if current:
        context.log.info(f"dbt docs in {target} are current (dbt project unchanged)")
    else:
        stamp.unlink(missing_ok=True)
        extra = docs_generate_args(settings.engine, dbt_project.manifest_path, target)
        invocation = dbt.cli(
            ["docs", "generate", "--static", *extra],
            target_path=target,
            manifest=dbt_project.manifest_path,
        ).wait()
        succeeded = invocation.is_successful()
        if succeeded:
            stamp.write_text(fingerprint + "\n")
        context.log.info(f"dbt docs written to {target}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(target)),
            "site": dg.MetadataValue.url(site.as_uri()),
            "succeeded": succeeded,
            "regenerated": not current,
        }
    )
