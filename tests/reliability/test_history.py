"""ledger.entries_history keeps every version of an entry across runs.

The warehouse's ledger tables are rebuilt by every run, but the dbt snapshot behind
entries_history is only merged into: after a run in which one entry's status changed, the
history shows the old version (closed, from the first run) and the new one (open, from the new
run), and entries that did not change keep a single version.
"""

from __future__ import annotations

import hashlib

import pytest

from orchestration.cli import run

from .conftest import PublishedHome, query

pytestmark = pytest.mark.e2e


def _entry_id(entry_key: str) -> str:
    """The entry id dbt derives from an entry key (int_statements_joined_to_articles.sql)."""
    return "e_" + hashlib.md5(entry_key.encode()).hexdigest()[:16]


@pytest.fixture(scope="module")
def changed(published_home: PublishedHome, monkeypatch_module: pytest.MonkeyPatch) -> dict:
    """Run again (in-process) with one entry's status changed; returns what was changed."""
    import polars as pl

    import ingestion.extract

    published = published_home.published
    entry_id, old_status = query(
        published, "select entry_id, status from ledger.entries order by entry_id limit 1"
    )[0]
    new_status = "revoked" if old_status != "revoked" else "suspended"
    real = ingestion.extract.extract_corpus

    def status_changed(articles):  # every report of this one entry now says new_status
        extraction = real(articles)
        ids = extraction.statements["entry_key"].map_elements(_entry_id, return_dtype=pl.String)
        extraction.statements = extraction.statements.with_columns(
            status=pl.when(ids == entry_id).then(pl.lit(new_status)).otherwise(pl.col("status"))
        )
        return extraction

    monkeypatch_module.setattr(ingestion.extract, "extract_corpus", status_changed)
    monkeypatch_module.setenv("LEDGER_HOME", str(published_home.home))
    runs_before = [r[0] for r in query(published, "select run_id from ledger.runs")]
    code = run([], [], str(published_home.home))
    return {
        "code": code,
        "entry_id": entry_id,
        "old": old_status,
        "new": new_status,
        "runs_before": runs_before,
    }


@pytest.fixture(scope="module")
def monkeypatch_module():
    """A monkeypatch that lasts for this module (the changed run is made once)."""
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_changed_status_publishes(changed: dict) -> None:
    assert changed["code"] == 0


def test_history_has_the_old_and_the_new_version(
    changed: dict, published_home: PublishedHome
) -> None:
    published = published_home.published
    versions = query(
        published,
        "select status, valid_from, valid_to, changed_by_run_id from ledger.entries_history "
        f"where entry_id = '{changed['entry_id']}' order by valid_from",
    )
    assert [v[0] for v in versions] == [changed["old"], changed["new"]]
    (_, old_from, old_to, old_run), (_, new_from, new_to, new_run) = versions
    assert old_to == new_from  # the new version starts where the old one ends
    assert old_from < old_to
    assert new_to is None
    # The first version came from a run before this one; the new one names this run.
    assert old_run in changed["runs_before"]
    newest = query(published, "select run_id from ledger.runs order by finished_at desc limit 1")
    assert new_run == newest[0][0]
    assert query(
        published,
        f"select status from ledger.entries where entry_id = '{changed['entry_id']}'",
    ) == [(changed["new"],)]


def test_unchanged_entries_keep_one_open_version(
    changed: dict, published_home: PublishedHome
) -> None:
    published = published_home.published
    rows = query(
        published,
        "select count(*), count(distinct entry_id), count(*) filter (where valid_to is null) "
        f"from ledger.entries_history where entry_id <> '{changed['entry_id']}'",
    )
    total, entries, open_versions = rows[0]
    assert total == entries == open_versions
    assert entries == query(published, "select count(*) from ledger.entries")[0][0] - 1
