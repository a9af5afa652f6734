"""Actor and target resolution from the alias gazetteer."""

from __future__ import annotations

import pytest

from ingestion.extract.rules import actor_mentions
from tests.extract.conftest import statements


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Beijing will slap a 20% duty on American pork from next week.", "CHN"),
        ("The White House raised the levy on Chinese cranes to 60% on Tuesday.", "USA"),
        (
            "MOFCOM added eight US defence contractors to its unreliable entity list on Friday.",
            "CHN",
        ),
        # A bare ministry belongs to the country the article is about (never the US's).
        (
            "Beijing hit back at Washington on Tuesday. The Commerce Ministry imposed export "
            "controls on antimony on Wednesday.",
            "CHN",
        ),
        (
            "New Delhi answered the US steel duties on Monday. The commerce ministry imposed "
            "a 20% duty on US almonds on Tuesday.",
            "IND",
        ),
        ("Lutnick said on Monday that Washington imposed new curbs on chip tools.", "USA"),
        ("Bessent announced a 25% tariff on Chinese drones on Monday.", "USA"),
        (
            "He Lifeng said on Monday that China will cut its levy on US beef to 10% from 25%.",
            "CHN",
        ),
        (
            "The Bureau of Industry and Security told toolmakers to stop selling to a Chinese "
            "chipmaker on Thursday.",
            "USA",
        ),
    ],
)
def test_actor_from_alias(sentence: str, actor: str) -> None:
    out = statements(sentence)
    assert out, sentence
    assert out[0]["actor"] == actor


def test_us_only_uppercase() -> None:
    text = "Tell us what you think. The US raised tariffs."
    isos = [m.iso for m in actor_mentions(text, 0, len(text))]
    assert isos == ["USA"]


def test_goods_adjective_is_not_subject() -> None:
    text = "China raised its duty on U.S. goods to 84% on Wednesday."
    ms = actor_mentions(text, 0, len(text))
    by_iso = {m.iso: m.subject for m in ms}
    assert by_iso == {"CHN": True, "USA": False}
    out = statements(text)
    assert out[0]["actor"] == "CHN" and out[0]["target"] == "USA"


def test_passive_agent_is_actor() -> None:
    out = statements(
        "China answered the US move on Tuesday. "
        "The duties announced by the Commerce Ministry take effect from March 10.",
        "2025-03-04",
    )
    assert out and out[0]["actor"] == "CHN"


def test_pronoun_follows_previous_subject() -> None:
    text = (
        "China was unhappy with the decision. It imposed an extra 10% duty on US sorghum "
        "on Tuesday."
    )
    out = statements(text, "2025-03-04")
    assert out and out[0]["actor"] == "CHN" and out[0]["target"] == "USA"


def test_speaker_we_and_they() -> None:
    text = (
        "Washington and Beijing have settled their differences, Lutnick said on Thursday. "
        '"Once they ship the magnets, we will take down our countermeasures," Lutnick said.'
    )
    out = statements(text, "2025-06-27")
    by_kind = {s["kind"]: s["actor"] for s in out}
    assert by_kind.get("export_control_relaxation") == "USA"
    assert by_kind.get("license_approval") == "CHN"


def test_all_destinations_target_is_wld() -> None:
    out = statements("China imposed export controls on graphite to all destinations on Monday.")
    assert out and out[0]["target"] == "WLD"


def test_both_sides_gives_one_statement_each() -> None:
    text = (
        "Washington and Beijing ended their talks in Rome on Monday. "
        "Both countries will suspend the port fees on each other's vessels for a year."
    )
    out = statements(text, "2025-10-27")
    assert sorted(s["actor"] for s in out if s["kind"] == "port_fee") == ["CHN", "USA"]


def test_agent_of_an_order_acts() -> None:
    out = statements(
        "An executive order signed by President Trump cuts the levy on Chinese "
        "solar panels to 15 percent from 25 percent.",
        "2025-11-05",
    )
    assert out and out[0]["actor"] == "USA" and out[0]["kind"] == "tariff_reduction"


def test_owner_of_a_falling_rate_is_read_from_the_goods() -> None:
    out = statements(
        "Washington and Beijing settled their dispute on Monday. "
        "Officials said the levy on Chinese bicycles would fall to 10 percent "
        "from 20 percent next month.",
        "2025-10-30",
    )
    assert out and out[0]["actor"] == "USA" and out[0]["target"] == "CHN"


def test_duties_on_imported_goods_of_a_country_are_the_other_sides() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Ottawa hit back on Tuesday. An additional 25% duty will be imposed on imported U.S. "
        "whiskey and orange juice, according to the finance department.",
        "2025-03-04",
    )
    assert [(s["actor"], s["target"]) for s in out] == [("CAN", "USA")]
