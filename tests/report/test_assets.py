"""The report and the dbt docs site are assets downstream of the published file."""

from pathlib import Path

import dagster as dg


def test_documents_follow_the_published_file() -> None:
    from orchestration.project import ensure_manifest

    ensure_manifest()
    from orchestration import definitions

    graph = definitions.defs.resolve_asset_graph()
    published = dg.AssetKey(["published", "tradeledger"])
    for key in (dg.AssetKey(["published", "report"]), dg.AssetKey(["published", "dbt_docs"])):
        assert published in set(graph.get(key).parent_keys), key
    # Part of the one job, so every published version gets its report and docs.
    job = definitions.defs.resolve_job_def("ledger_job")
    assert dg.AssetKey(["published", "report"]) in job.asset_layer.selected_asset_keys


def test_report_asset_writes_the_report_with_a_preview(sample_home: Path) -> None:
    from orchestration.assets.report import REPORT, published_report
    from orchestration.resources import LedgerSettings

    (sample_home / "published" / "report.html").unlink()
    result = dg.materialize(
        [published_report], resources={"settings": LedgerSettings(home=str(sample_home))}
    )
    assert result.success
    assert (sample_home / "published" / "report.html").stat().st_size > 0
    [event] = result.get_asset_materialization_events()
    metadata = event.materialization.metadata
    assert event.asset_key == REPORT
    assert "| entry_id |" in metadata["preview"].value  # type: ignore[union-attr]
    assert "quality" in str(metadata["quality_docs"].value)
