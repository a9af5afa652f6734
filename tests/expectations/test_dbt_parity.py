"""The rules the GX suites leave to dbt are really dbt's: each is a data test or a contract.

The suites (expectations/suites) and the cross-table check state only what dbt does not; this
file lists every rule they dropped because dbt enforces it, and fails if the dbt project stops
testing one of them, so the quality gate as a whole keeps its strength. It also pins the dbt
contracts to the ledger contract's columns (the one copy of those lists, on purpose: everything
else reads them from the models' yml), and holds the vocabulary columns to the registry seeds.
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
    ("entries", "kind", "relationships"),
    ("entries", "status", "not_null"),
    ("entries", "status", "relationships"),
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
    ("commitment_checks", "verdict", "relationships"),
    ("tariff_timeline", "entry_id", "not_null"),
    ("tariff_timeline", "entry_id", "unique"),
    ("tariff_timeline", "actor", "not_null"),
    ("tariff_timeline", "target", "not_null"),
    ("tariff_timeline", "rate_pct", "not_null"),
    ("tariff_timeline", "valid_from", "not_null"),
]

# Column order was expect_table_columns_to_match_ordered_list in every suite. The published
# columns, in order (ledger-contract.md and the README's tables): a change here is a change of
# the contract with its readers, and needs a migration note.
CONTRACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "entries": (
        "entry_id", "actor", "target", "kind", "is_commitment", "instrument", "products",
        "hs_codes", "rate_before_pct", "rate_after_pct", "announced_on", "effective_on",
        "status", "agreement", "source_count", "first_reported_on", "last_reported_on",
        "summary", "expires_on",
    ),
    "links": (
        "link_id", "commitment_entry_id", "reciprocal_entry_id", "agreement", "basis",
        "confidence",
    ),
    "evidence": (
        "entry_id", "article_id", "url", "published_on", "quote", "start_char", "end_char",
    ),
    "trade_monthly": (
        "reporter", "partner", "hs_code", "flow", "month", "quantity", "unit", "value_usd",
        "source",
    ),
    "commitment_checks": (
        "entry_id", "hs_codes", "reporter", "partner", "flow", "effective_month",
        "baseline_months", "baseline_quantity", "after_months", "after_quantity", "ratio",
        "verdict",
    ),
    "tariff_timeline": (
        "actor", "target", "products", "hs_codes", "rate_pct", "valid_from", "valid_to",
        "entry_id",
    ),
}  # fmt: skip

# Vocabulary columns held to a registry seed by a dbt relationships test.
REGISTRIES = [
    ("entries", "kind", "vocab_kinds", "kind"),
    ("entries", "status", "vocab_statuses", "status"),
    ("commitment_checks", "verdict", "vocab_verdicts", "verdict"),
]
# Vocabularies that are not registries (yet): still accepted_values lists.
VOCABULARIES = [
    ("trade_monthly", "flow", _common.FLOWS),
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


def test_suites_and_conftests_read_the_columns_from_the_contracts() -> None:
    """GX and the test conftests read the yml (ingestion.vocabulary), so they follow the pin."""
    from tests.orchestration.conftest import CONTRACT_COLUMNS as PUBLISHED

    assert CONTRACT_COLUMNS["entries"] == _common.ENTRY_COLUMNS
    assert CONTRACT_COLUMNS["links"] == _common.LINK_COLUMNS
    assert CONTRACT_COLUMNS["evidence"] == _common.EVIDENCE_COLUMNS
    assert CONTRACT_COLUMNS["trade_monthly"] == _common.TRADE_MONTHLY_COLUMNS
    assert CONTRACT_COLUMNS["commitment_checks"] == _common.COMMITMENT_CHECK_COLUMNS
    assert CONTRACT_COLUMNS["tariff_timeline"] == _common.TARIFF_TIMELINE_COLUMNS
    assert {table: tuple(cols) for table, cols in PUBLISHED.items()} == {
        table: CONTRACT_COLUMNS[table] for table in PUBLISHED
    }


@pytest.mark.parametrize(("model", "column", "seed", "field"), REGISTRIES)
def test_vocabulary_columns_are_held_to_the_registry(
    model: str, column: str, seed: str, field: str
) -> None:
    tests = _tests(_column(_model(model), column)["data_tests"])
    assert "accepted_values" not in tests, f"{model}.{column}: a copied list beside the registry"
    args = tests["relationships"]
    assert args["to"] == f"ref('{seed}')"
    assert args["field"] == field


@pytest.mark.parametrize(("model", "column", "values"), VOCABULARIES)
def test_accepted_values_are_the_contract_vocabulary(
    model: str, column: str, values: tuple[str, ...]
) -> None:
    args = _tests(_column(_model(model), column)["data_tests"])["accepted_values"]
    assert tuple(args["values"]) == values
