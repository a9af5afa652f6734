"""The code location loads and its graph runs from raw files to the published ledger."""

import dagster as dg
import pytest

from orchestration.jobs import landing_fingerprint
from orchestration.paths import LedgerPaths


@pytest.fixture(scope="module")
def defs() -> dg.Definitions:
    from orchestration import definitions

    return definitions.defs


def test_asset_graph_runs_from_raw_to_published(defs: dg.Definitions) -> None:
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    for expected in [
        "raw/news__articles",
        "raw/news__statements",
        "raw/trade__flows",
        "staging/stg_news__articles",
        "intermediate/int_entries_merged",
        "ledger/entries",
        "ledger/links",
        "ledger/evidence",
        "ledger/trade_monthly",
        "ledger/commitment_checks",
        "published/tradeledger",
    ]:
        assert expected in keys
    published = dg.AssetKey(["published", "tradeledger"])
    upstream = graph.upstream_key_iterator(published)
    assert {k.to_user_string() for k in upstream} >= {
        "ledger/entries",
        "ledger/links",
        "ledger/evidence",
    }
    # The dbt sources resolve to the ingestion assets, so lineage is unbroken.
    staging = dg.AssetKey(["staging", "stg_news__articles"])
    assert dg.AssetKey(["raw", "news__articles"]) in set(graph.upstream_key_iterator(staging))


def test_every_published_table_has_a_blocking_suite(defs: dg.Definitions) -> None:
    graph = defs.resolve_asset_graph()
    checks = {
        (key.asset_key.to_user_string(), key.name): graph.get_check_spec(key)
        for key in graph.asset_check_keys
    }
    for table in ["entries", "links", "evidence", "trade_monthly", "commitment_checks"]:
        spec = checks[(f"ledger/{table}", f"gx_{table}")]
        assert spec.blocking
    # dbt data tests arrive as checks too (unique entry ids, accepted kinds).
    assert ("ledger/entries", "unique_entries_entry_id") in checks


def test_job_schedule_and_sensor_are_defined(defs: dg.Definitions) -> None:
    job = defs.resolve_job_def("ledger_job")
    assert job.executor_def.name == "in_process"
    assert defs.resolve_schedule_def("ledger_daily").cron_schedule == "0 6 * * *"
    assert defs.resolve_sensor_def("landing_sensor").job_name == "ledger_job"


def test_landing_sensor_requests_one_run_per_new_state(tmp_path, monkeypatch) -> None:
    from orchestration.jobs import landing_sensor

    monkeypatch.setenv("LEDGER_HOME", str(tmp_path))
    context = dg.build_sensor_context()
    assert not landing_sensor(context).run_requests

    (tmp_path / "landing" / "news").mkdir(parents=True)
    (tmp_path / "landing" / "news" / "a.txt").write_text("Title\n\nBody.\n")
    first = landing_sensor(dg.build_sensor_context(cursor=None))
    assert len(first.run_requests) == 1
    again = landing_sensor(dg.build_sensor_context(cursor=first.cursor))
    assert not again.run_requests
    (tmp_path / "landing" / "news" / "b.txt").write_text("Other\n\nBody two.\n")
    assert landing_fingerprint(LedgerPaths(tmp_path)) != first.cursor
    assert len(landing_sensor(dg.build_sensor_context(cursor=first.cursor)).run_requests) == 1
