"""The vocabulary registry (dbt_project/seeds/vocab_*.csv) as Python reads it."""

from __future__ import annotations

import pytest

from ingestion import vocabulary
from ingestion.extract import kinds, rules

CONTRACT_KINDS = (
    "tariff_increase",
    "tariff_reduction",
    "tariff_suspension",
    "export_control",
    "export_control_relaxation",
    "license_approval",
    "purchase_commitment",
    "visa_policy",
    "port_fee",
    "investigation",
    "other",
)


def test_the_registry_holds_the_contract_vocabulary() -> None:
    assert vocabulary.kinds() == CONTRACT_KINDS
    assert vocabulary.statuses() == (
        "threatened",
        "announced",
        "implemented",
        "suspended",
        "revoked",
        "expired",
    )
    assert vocabulary.verdicts() == ("resumed", "not yet", "no data")


def test_every_kind_is_described_in_full() -> None:
    registry = vocabulary.load()
    for kind in registry.kinds.values():
        assert kind.direction in ("restrictive", "easing", "neutral"), kind
        assert kind.trade_flow in (None, "export", "import"), kind
        assert kind.undoes_as in (None, *registry.statuses), kind
        assert not kind.checked_against_trade or kind.trade_flow, kind
        assert kind.summary_phrase and kind.colour.startswith("#"), kind


def test_the_extractor_sets_come_from_the_registry() -> None:
    # the sets rules.py held as literals before the registry
    assert {
        "tariff_increase",
        "export_control",
        "investigation",
        "port_fee",
        "visa_policy",
    } == rules._RESTRICTIVE
    assert {
        "tariff_reduction",
        "tariff_suspension",
        "export_control_relaxation",
        "license_approval",
        "purchase_commitment",
        "other",
    } == rules._EASING


def test_the_extractor_constants_name_registry_kinds() -> None:
    named = {v for k, v in vars(kinds).items() if k.isupper() and isinstance(v, str)}
    assert named == set(vocabulary.kinds())


def test_a_bad_flag_is_refused(tmp_path) -> None:
    for name in ("vocab_kinds.csv", "vocab_statuses.csv", "vocab_verdicts.csv"):
        (tmp_path / name).write_text((vocabulary.SEEDS_DIR / name).read_text())
    with (tmp_path / "vocab_kinds.csv").open("a") as handle:
        handle.write("subsidy,misc,easing,,maybe,false,false,,a subsidy,#17becf,a grant\n")
    with pytest.raises(ValueError, match="line 13: expected true or false"):
        vocabulary.load(tmp_path)


def test_published_columns_come_from_the_contracts() -> None:
    assert vocabulary.contract_columns("links") == (
        "link_id",
        "commitment_entry_id",
        "reciprocal_entry_id",
        "agreement",
        "basis",
        "confidence",
    )
