"""The rules the GX suites leave to dbt are really dbt's: each is a data test or a contract.

The suites (expectations/suites) and the cross-table check state only what dbt does not; this
file lists every rule they dropped because dbt enforces it, and fails if the dbt project stops
testing one of them, so the quality gate as a whole keeps its strength. It also holds the dbt
contracts to the contract's column order and vocabulary in expectations/suites/_common.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from expectations.suites import _common

MARTS = Path(__file__).resolve().parents[2] / "dbt_project" / "models" / "marts" / "ledger"

# (model, column or None for a model-level test, dbt test name) for each rule dropped from GX.
LEFT_TO_DBT: list[tuple[str, str | None, str]] = [
    ("entries", "entry_id", "not_null"),
    ("entries", "entry_id", "unique"),
    ("entries", "actor", "not_null"),
    ("entries", "kind", "not_null"),
    ("entries", "kind", "accepted_values"),
    ("entries", "status", "not_null"),
    ("entries", "status", "accepted_values"),
    ("entries", "is_commitment", "not_null"),
    ("entries", "summary", "not_null"),
    ("entries", None, "every_row_has_match"),  # was cross_table: every entry has evidence
    ("links", "link_id", "not_null"),
    ("links", "link_id", "unique"),
    ("links", "commitment_entry_id", "not_null"),
    ("links", "commitment_entry_id", "relationships"),  # was cross_table
    ("links", "reciprocal_entry_id", "not_null"),
    ("links", "reciprocal_entry_id", "relationships"),  # was cross_table
    ("links", "basis", "not_null"),
    ("evidence", "entry_id", "not_null"),
    ("evidence", "entry_id", "relationships"),  # was cross_table: evidence of no entry
    ("evidence", "article_id", "not_null"),
    ("evidence", "quote", "not_null"),
    ("trade_monthly", "reporter", "not_null"),
    ("trade_monthly", "partner", "not_null"),
    ("trade_monthly", "month", "not_null"),
    ("trade_monthly", "flow", "accepted_values"),
    ("commitment_checks", "entry_id", "not_null"),
    ("commitment_checks", "verdict", "not_null"),
    ("commitment_checks", "verdict", "accepted_values"),
    ("tariff_timeline", "entry_id", "not_null"),
    ("tariff_timeline", "entry_id", "unique"),
    ("tariff_timeline", "actor", "not_null"),
    ("tariff_timeline", "target", "not_null"),
    ("tariff_timeline", "rate_pct", "not_null"),
    ("tariff_timeline", "valid_from", "not_null"),
]

# Column order was expect_table_columns_to_match_ordered_list in every suite.
CONTRACT_COLUMNS = {
    "entries": _common.ENTRY_COLUMNS,
    "links": _common.LINK_COLUMNS,
    "evidence": _common.EVIDENCE_COLUMNS,
    "trade_monthly": _common.TRADE_MONTHLY_COLUMNS,
    "commitment_checks": _common.COMMITMENT_CHECK_COLUMNS,
    "tariff_timeline": _common.TARIFF_TIMELINE_COLUMNS,
}

VOCABULARIES = [
    ("entries", "kind", _common.KINDS),
    ("entries", "status", _common.STATUSES),
    ("trade_monthly", "flow", _common.FLOWS),
    ("commitment_checks", "verdict", _common.VERDICTS),
]


def _model(name: str) -> dict:
    (model,) = [m for m in yaml.safe_load((MARTS / f"{name}.yml").read_text())["models"]]
    assert model["name"] == name
    return model


def _tests(entries: list) -> dict[str, dict]:
    """dbt test name -> its arguments, for a data_tests list (strings or one-key maps)."""
    found: dict[str, dict] = {}
    for test in entries or []:
        if isinstance(test, str):
            found[test] = {}
        else:
            ((name, body),) = test.items()
            found[name] = (body or {}).get("arguments", body or {})
    return found


def _column(model: dict, column: str) -> dict:
    (found,) = [c for c in model["columns"] if c["name"] == column]
    return found


@pytest.mark.parametrize(
    ("model", "column", "test"),
    LEFT_TO_DBT,
    ids=[f"{m}.{c or '*'}:{t}" for m, c, t in LEFT_TO_DBT],
)
def test_rule_dropped_from_gx_is_a_dbt_test(model: str, column: str | None, test: str) -> None:
    spec = _model(model)
    tests = _tests(
        spec.get("data_tests", [])
        if column is None
        else _column(spec, column).get("data_tests", [])
    )
    assert test in tests, (
        f"{model}.{column or '(model)'} lost its dbt {test} test; GX no longer checks this rule, "
        f"so put the test back in dbt_project/models/marts/ledger/{model}.yml or the rule "
        "back in its GX suite"
    )


@pytest.mark.parametrize("model", sorted(CONTRACT_COLUMNS))
def test_contract_fixes_the_column_order(model: str) -> None:
    spec = _model(model)
    assert spec["config"]["contract"]["enforced"] is True
    assert tuple(c["name"] for c in spec["columns"]) == CONTRACT_COLUMNS[model]


@pytest.mark.parametrize(("model", "column", "values"), VOCABULARIES)
def test_accepted_values_are_the_contract_vocabulary(
    model: str, column: str, values: tuple[str, ...]
) -> None:
    args = _tests(_column(_model(model), column)["data_tests"])["accepted_values"]
    assert tuple(args["values"]) == values
