"""Adding a kind touches the registry (and the extractor's cue words), nothing else.

A copy of the dbt project gets one more row in `seeds/vocab_kinds.csv`, a subsidy, and nothing
else changes: dbt parses and loads it, the relationships test of `ledger.entries.kind` accepts
an entry of the new kind (and still refuses a kind the registry does not hold), the summary
names it with the registry's phrase and the commitment checks observe it on the registry's
flow (dbt unit tests, added to the copy only), and the Python side (ingestion.vocabulary, the
extractor's easing kinds, the Great Expectations suite of ledger.entries) takes it from the
same file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from ingestion import vocabulary
from orchestration.project import DBT_PROJECT_DIR

NEW_KIND = "subsidy"
NEW_ROW = (
    f"{NEW_KIND},misc,easing,import,true,false,false,,a subsidy,#17becf,a grant to growers,other\n"
)

# Unit tests of the copy only: the registry's phrase and flow reach the models.
UNIT_TESTS = """
unit_tests:
  - name: a_new_kind_is_summarised_with_its_phrase
    model: entries
    config: {tags: [new_kind]}
    given:
      - input: ref('vocab_kinds')
        format: sql
        rows: "{% raw %}{{ vocab_fixture('vocab_kinds') }}{% endraw %}"
      - input: ref('int_entries_with_status')
        format: sql
        rows: |
          select 's1' as entry_id, 'CHN' as actor, 'USA' as target, 'subsidy' as kind,
              true as is_commitment, null::varchar as instrument, 'soybeans' as products,
              []::varchar[] as hs_codes, null::double as rate_before_pct,
              null::double as rate_after_pct, date '2025-05-01' as announced_on,
              null::date as effective_on, 'announced' as status, null::varchar as agreement,
              1 as source_count, null::date as first_reported_on,
              null::date as last_reported_on, null::date as expires_on
    expect:
      rows:
        - entry_id: s1
          summary: >-
            CHN commits to a subsidy concerning USA on soybeans, announced on 2025-05-01;
            status: announced.
  - name: a_new_kind_is_checked_on_its_flow
    model: commitment_checks
    config: {tags: [new_kind]}
    given:
      - input: ref('vocab_kinds')
        format: sql
        rows: "{% raw %}{{ vocab_fixture('vocab_kinds') }}{% endraw %}"
      - input: ref('entries')
        format: sql
        rows: |
          select 's1' as entry_id, 'CHN' as actor, 'USA' as target, 'subsidy' as kind,
              ['1201'] as hs_codes, date '2025-05-01' as announced_on,
              null::date as effective_on
      - input: ref('trade_monthly')
        format: sql
        rows: |
          select * from (values
              ('CHN', 'USA', '120190', 'import', date '2025-04-01', 100.0, 'comtrade'),
              ('CHN', 'USA', '120190', 'import', date '2025-05-01', 200.0, 'comtrade')
          ) as t (reporter, partner, hs_code, flow, month, quantity, source)
    expect:
      rows:
        - {entry_id: s1, flow: import, baseline_months: 1, after_months: 1, verdict: resumed}
"""

KIND_TEST = "relationships_entries_kind__kind__ref_vocab_kinds_"


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "dbt_project"
    shutil.copytree(
        DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages")
    )
    with (project / "seeds" / "vocab_kinds.csv").open("a", encoding="utf-8") as handle:
        handle.write(NEW_ROW)
    (project / "models" / "marts" / "ledger" / "_new_kind__unit_tests.yml").write_text(UNIT_TESTS)
    return project


def _dbt(project: Path, tmp_path: Path, *args: str) -> dict[str, str]:
    from dbt.cli.main import dbtRunner

    result = dbtRunner().invoke(
        [
            *args,
            "--project-dir",
            str(project),
            "--profiles-dir",
            str(project),
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
            "--quiet",
        ]
    )
    assert result.exception is None, result.exception
    return {r.node.name: f"{r.status}: {r.message or ''}" for r in result.result.results}


def _entries_table(home: Path, kinds: list[str]) -> None:
    """A stand-in ledger.entries, one announced entry per kind (what the vocabulary tests read)."""
    conn = duckdb.connect(str(home / "warehouse" / "warehouse.duckdb"))
    try:
        conn.execute("create schema if not exists ledger")
        conn.execute(
            "create or replace table ledger.entries "
            "(entry_id varchar, kind varchar, status varchar)"
        )
        rows = [(str(n), kind, "announced") for n, kind in enumerate(kinds)]
        conn.executemany("insert into ledger.entries values (?, ?, ?)", rows)
    finally:
        conn.close()


def test_a_new_kind_needs_only_its_registry_row(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "warehouse").mkdir(parents=True)
    monkeypatch.setenv("LEDGER_HOME", str(home))
    _entries_table(home, [NEW_KIND, "tariff_increase"])

    # the seeds with their own tests, then the kind test and the copy's unit tests
    outcomes = _dbt(project_copy, tmp_path, "build", "--select", "vocab_kinds vocab_statuses")
    outcomes |= _dbt(project_copy, tmp_path, "test", "--select", KIND_TEST, "tag:new_kind")
    failed = {n: o for n, o in outcomes.items() if not o.startswith(("pass", "success"))}
    assert not failed, failed
    assert {
        KIND_TEST,
        "a_new_kind_is_summarised_with_its_phrase",
        "a_new_kind_is_checked_on_its_flow",
    } <= set(outcomes), sorted(outcomes)

    # the registry, not a list, decides: a kind it does not hold still fails the test
    _entries_table(home, [NEW_KIND, "bribery"])
    outcomes = _dbt(project_copy, tmp_path, "test", "--select", KIND_TEST)
    assert outcomes[KIND_TEST].startswith("fail"), outcomes


def test_python_reads_a_new_kind_from_the_registry(project_copy: Path) -> None:
    registry = vocabulary.load(project_copy / "seeds")
    assert registry.kind_names()[-1] == NEW_KIND
    assert registry.kinds[NEW_KIND].colour == "#17becf"
    # the extractor's easing kinds (rules._EASING) are this set
    assert NEW_KIND in registry.kinds_where(direction="easing")
    assert NEW_KIND not in registry.kinds_where(direction="restrictive")
    # the report marks it on the import series
    assert NEW_KIND in registry.kinds_where(trade_flow="import")


def test_the_entries_suite_accepts_a_new_kind(
    project_copy: Path, frames: dict[str, pd.DataFrame]
) -> None:
    from expectations.runner import validate_frame

    entries = frames["entries"]
    entries["kind"] = NEW_KIND  # the kind rule is dbt's (the relationships test above)
    summary = validate_frame(entries, "entries")
    assert summary.success, summary
