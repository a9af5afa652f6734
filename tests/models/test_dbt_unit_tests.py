"""dbt's unit tests (`unit_tests:` in dbt_project/models/**/*.yml), run through dbt's Python API.

dbt unit tests need the models' parent relations to exist (dbt reads their column types), so
they run against a copy of the warehouse of the session's sample run (dbt-duckdb keeps its
connection open in the process, which would lock the shared one for the tests that read it);
dbt writes its target and logs into a temporary folder, never into the checkout. They also
run inside every job's `dbt build`; this test names them and shows dbt's diff when one fails.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orchestration.project import DBT_PROJECT_DIR

# The rules each unit test holds; a renamed or lost test fails here rather than silently.
EXPECTED = {
    # the verdict rule (commitment_checks)
    "verdict_compares_three_months_after_with_three_months_before",
    # the quarantine rules (int_statements_screened: rows set aside in ledger.quarantine)
    "quarantine_rules_set_aside_implausible_statements",
    # the link ranking (links: one link per pair of entries, the most confident reading)
    "links_keep_the_most_confident_reading_of_each_pair",
    "entry_summary_reads_as_a_sentence_when_fields_are_unknown",
    "tariff_layers_stack_and_suspensions_lower_them",
    "merging_counts_outlets_not_copies",
    "merging_takes_rates_from_reports_that_give_them",
    "later_easing_sets_the_status_of_a_restriction",
}


def test_dbt_unit_tests_pass(
    sample_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dbt.cli.main import dbtRunner

    home = tmp_path / "home"
    (home / "warehouse").mkdir(parents=True)
    for source in (sample_home / "warehouse").glob("warehouse.duckdb*"):
        shutil.copy2(source, home / "warehouse" / source.name)
    monkeypatch.setenv("LEDGER_HOME", str(home))
    result = dbtRunner().invoke(
        [
            "test",
            "--select",
            "test_type:unit",
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            str(tmp_path / "target"),
            "--log-path",
            str(tmp_path / "logs"),
            "--quiet",
        ]
    )
    assert result.exception is None, result.exception
    # The project's on-run-start hook (a no-op on DuckDB) reports a result too: unit tests only.
    outcomes = {
        r.node.name: (str(r.status), r.message or "")
        for r in result.result.results
        if r.node.resource_type == "unit_test"
    }
    failed = {name: message for name, (status, message) in outcomes.items() if status != "pass"}
    assert not failed, "\n\n".join(f"{name}:\n{message}" for name, message in failed.items())
    assert result.success
    assert set(outcomes) >= EXPECTED, sorted(EXPECTED - set(outcomes))
