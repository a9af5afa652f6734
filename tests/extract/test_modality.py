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


def test_what_a_deal_is_for_is_still_to_come() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Canada's prime minister says he has struck a deal with Seoul to let as many as 20,000 "
        "Korean trucks into Canada at a 2% tariff.",
        "2025-11-12",
    )
    assert [(s["actor"], s["target"], s["status"]) for s in out] == [("CAN", "KOR", "announced")]


def test_the_date_a_deal_was_signed_is_not_the_date_of_the_cut() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Canada has cut its tariff on Korean trucks to 2% under a deal signed in March.",
        "2025-11-12",
    )
    assert [(s["actor"], s["status"]) for s in out] == [("CAN", "implemented")]


def test_being_open_to_a_cut_is_no_cut() -> None:
    from tests.extract.conftest import statements

    assert statements("Seoul said it was open to cutting its duties on US rice to zero.") == []


def test_a_measure_held_until_the_other_side_gives_way_is_a_threat() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Ottawa will impose 40% tariffs on US bourbon from May 1 unless Washington withdraws "
        "its lumber duties, the finance minister said.",
        "2025-04-10",
    )
    assert [(s["actor"], s["kind"], s["status"]) for s in out] == [
        ("CAN", "tariff_increase", "threatened")
    ]


def test_counterfactuals_complaints_and_demands_are_no_measures() -> None:
    from tests.extract.conftest import run

    for text in (
        # (a complaint about licences not approved, a lobby's demand)
        "Officials in Washington have complained that Beijing is slow to approve export "
        "licences for gallium.",
        "Canadian farm groups have lobbied for the duties on Chinese fertiliser to be scrapped.",
        "Exporters are pressing for the tariffs on US whiskey to be lifted before the summer.",
    ):
        assert run(text, "2025-09-01").statements.is_empty(), text


def test_what_would_have_happened_is_no_measure() -> None:
    from tests.extract.conftest import run

    out = run(
        "Ottawa and Washington extended their truce on Monday. Without the extension, Canadian "
        "levies on US whiskey would have jumped back to 25% on top of the 10% federal tariff.",
        "2025-08-12",
    ).statements
    assert "tariff_increase" not in out["kind"].to_list()
    # (a counterfactual in an aside far after the measure leaves the measure alone)
    out = run(
        "Brazil raised its tariff on US ethanol to 18% on Monday, a move analysts said would have "
        "been unthinkable a year ago.",
        "2025-08-12",
    ).statements
    assert out["rate_after_pct"].to_list() == [18.0]


def test_what_a_recovery_came_after_is_its_reference_point() -> None:
    from tests.extract.conftest import run

    # (a long "came after" phrase, and a date that belongs to the object eased)
    out = run(
        "Indonesia's nickel exports rose again in July. The recovery came after Jakarta agreed "
        "to a string of deals with Japan and Korea to raise shipments and ease the export "
        "restrictions imposed in March.",
        "2025-08-20",
    ).statements
    assert out.is_empty()
    # ("minutes after": the reference event is the same day's news)
    out = run(
        "Ottawa's counter-tariffs came minutes after a 25% US duty on all Canadian steel took "
        "effect.",
        "2025-03-04",
    ).statements
    assert "USA" in out["actor"].to_list()


def test_a_risk_reduced_is_no_tariff_cut_and_goods_that_can_now_enter_are_news() -> None:
    from tests.extract.conftest import run

    # (the object of "reduced" is a risk; the tariff named far after is another noun)
    out = run(
        "The European Union on Tuesday paused its countermeasures for six months. Analysts at a "
        "Dutch bank said the truce reduced the risk of escalation but left exporters facing far "
        "higher US tariffs than before.",
        "2025-08-06",
    ).statements
    assert ("USA", "tariff_reduction") not in list(zip(out["actor"], out["kind"], strict=True))
    # ("can now": a permission in force, no hedge; "face no tariff": a zero rate)
    out = run(
        "Lower US tariffs on Australian goods took effect on Monday. Up to 50,000 Australian cars "
        "a year can now enter the United States at a 10% tariff rather than 25%, while aircraft "
        "parts such as engines and wings will face no tariff at all.",
        "2025-06-30",
    ).statements
    assert ("tariff_reduction", 0.0) in list(zip(out["kind"], out["rate_after_pct"], strict=True))


def test_a_probe_answers_only_a_measure_it_names_as_its_object() -> None:
    from tests.extract.conftest import run

    out = run(
        "Ottawa on Monday launched an investigation into China's production of steel wire, a "
        "probe that could lead to new tariffs on the wire used in tyres.",
        "2024-12-23",
    ).statements
    assert [(a, k) for a, k in zip(out["actor"], out["kind"], strict=True)] == [
        ("CAN", "investigation")
    ]


def test_a_business_cancelling_its_own_orders_is_no_tariff_cut() -> None:
    from tests.extract.conftest import run

    out = run(
        "Garment makers in Bangladesh say they have started laying off workers and cancelling "
        "shifts as American buyers put orders on hold, a week after US tariffs on many "
        "Bangladeshi goods reached 35%.",
        "2025-09-04",
    ).statements
    assert "tariff_reduction" not in out["kind"].to_list()


def test_what_news_comes_at_a_time_of_is_its_backdrop() -> None:
    from tests.extract.conftest import run

    out = run(
        "Beijing banned exports of antimony to Japan on Tuesday. The tightening comes at a time "
        "when Washington's incoming leader keeps warning he will lift duties steeply on goods "
        "from Japan and elsewhere.",
        "2024-12-03",
    ).statements
    assert out["actor"].to_list() == ["CHN"]


def test_a_recommended_rate_is_a_threat() -> None:
    from tests.extract.conftest import run

    out = run(
        "President Donald Trump said on Friday he was recommending a straight 40% tariff on "
        "goods from Brazil starting on June 1.",
        "2025-05-24",
    ).statements
    assert list(zip(out["actor"], out["target"], out["status"], strict=True)) == [
        ("USA", "BRA", "threatened")
    ]


def test_abbreviated_since_hopes_and_court_rulings_are_no_new_measures() -> None:
    from tests.extract.conftest import run

    for text in (
        "Beijing put 100% tariffs on Canadian canola oil on Saturday. Ottawa's 100% surtax on "
        "Chinese EVs has been in force since Oct. 1.",
        "Beijing put 100% tariffs on Canadian canola oil on Saturday. Seoul's foreign ministry "
        "said it hoped Tokyo would remove the export controls on chip chemicals.",
        "Beijing put 100% tariffs on Canadian canola oil on Saturday. An Indian trade court on "
        "Friday upheld the duties New Delhi imposed on Chinese steel in 2023.",
    ):
        out = run(text, "2025-03-08").statements
        assert out["actor"].to_list() == ["CHN"], text
