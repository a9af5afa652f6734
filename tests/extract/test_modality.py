"""Negation, hedging, conditions and threats."""

from __future__ import annotations

from tests.extract.conftest import statements


def test_negated_action_gives_no_statement() -> None:
    assert statements("China has not lifted its export ban on gallium, officials said.") == []
    assert statements("The ministry did not impose new tariffs on Monday.") == []


def test_hedged_action_gives_no_statement() -> None:
    assert statements("Washington could restrict the sale of chip tools to China next year.") == []
    assert statements("Officials are considering raising the levy on Chinese cranes.") == []


def test_conditional_gives_no_statement() -> None:
    text = "If Beijing does not back down, the tariffs on Chinese goods will go even higher."
    assert statements(text) == []


def test_threat_is_threatened() -> None:
    out = statements(
        "Trump threatened to impose an additional 50% tariff on Chinese goods on Monday.",
        "2025-04-08",
    )
    assert out and out[0]["status"] == "threatened" and out[0]["kind"] == "tariff_increase"


def test_may_as_month_is_not_a_hedge() -> None:
    out = statements(
        "The Commerce Department told software makers on May 23 to halt shipments "
        "to Chinese customers.",
        "2025-05-28",
    )
    assert out and out[0]["kind"] == "export_control"
    assert str(out[0]["announced_on"]) == "2025-05-23"


def test_subordinate_reference_is_not_news() -> None:
    text = "Exports recovered in July to levels seen before Beijing imposed export curbs."
    assert statements(text, "2025-08-20") == []


def test_marked_background_in_body_is_skipped_but_body_news_is_kept() -> None:
    lede = (
        "Beijing said on Tuesday it would impose a 15% duty on US coal. Markets were calm. "
        "Analysts were not surprised. Traders shrugged. "
    )
    background = lede + "At one point, Washington hit Chinese goods with levies of 145 percent."
    news = lede + "The Commerce Ministry also put tungsten and indium under export licensing."
    assert {s["kind"] for s in statements(background, "2025-02-04")} == {"tariff_increase"}
    kinds = {s["kind"] for s in statements(news, "2025-02-04")}
    assert "export_control" in kinds
