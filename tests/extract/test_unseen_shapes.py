"""Sentence shapes met in news written for a held-out check: each test is a sentence of our own
with the shape (other countries, goods and dates), and fails without the rule it names."""

from __future__ import annotations

from ingestion.extract.rates import find_rates
from tests.extract.conftest import run, statements


def _keys(out: list[dict]) -> list[tuple]:
    return [(s["actor"], s["target"], s["kind"], s["rate_after_pct"]) for s in out]


def test_the_removal_of_a_countrys_duties_is_a_cut_by_that_country() -> None:
    out = statements(
        "MEXICO CITY - The removal of Mexican retaliatory duties on a list of Korean goods, "
        "effective March 3, was announced by the economy ministry on Tuesday.",
        "2026-02-17",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [
        ("MEX", "KOR", "tariff_reduction")
    ]


def test_announcing_the_lifting_of_duties_is_no_increase() -> None:
    out = statements(
        "Brazil announced on Monday the lifting of its surcharges on Indian steel pipes.",
        "2026-03-02",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [
        ("BRA", "IND", "tariff_reduction")
    ]


def test_other_countries_facing_a_rate_are_every_country() -> None:
    out = statements(
        "Ottawa raised its surtax on Chilean copper to 40% on Monday. "
        "Other countries will face a 12% duty on the metal while talks go on.",
        "2026-05-04",
    )
    assert ("CAN", "WLD", "tariff_increase", 12.0) in _keys(out)
    assert not [s for s in out if s["actor"] == "CHL"]


def test_goods_named_by_a_demonym_after_a_reporting_verb_pay_the_duty() -> None:
    out = statements(
        "Trade Minister Ana Lopes told reporters that Argentine beef would face a 30 percent "
        "duty from Friday, as Brazil widened its dispute with Buenos Aires.",
        "2026-06-09",
    )
    assert ("BRA", "ARG") in [(s["actor"], s["target"]) for s in out]
    assert ("ARG", "BRA") not in [(s["actor"], s["target"]) for s in out]


def test_retaliation_that_would_come_answers_nothing_yet() -> None:
    ext = run(
        "OTTAWA - Canada on Monday imposed tariffs on $20 billion of Peruvian fish and warned "
        "Lima that retaliation would trigger duties on the rest of its exports.",
        "2026-04-14",
    )
    keys = [(s["actor"], s["target"]) for s in ext.statements.to_dicts()]
    assert keys == [("CAN", "PER")]


def test_a_level_adjusted_down_is_a_cut() -> None:
    assert find_rates(
        "the additional duty of 20 per cent on goods in List A shall be adjusted to 8 per cent"
    ) == (20.0, 8.0)
    out = statements(
        "Effective from 1 March, the additional duty of 20 per cent imposed on Australian wine "
        "shall be adjusted to 8 per cent, the Indian finance ministry said on Friday.",
        "2026-02-20",
    )
    assert [(s["actor"], s["target"], s["kind"], s["rate_after_pct"]) for s in out] == [
        ("IND", "AUS", "tariff_reduction", 8.0)
    ]


def test_a_level_named_by_its_start_month_is_halved_now() -> None:
    out = statements(
        "The EU trade chief said the 30% tariffs imposed in June on Turkish tiles would be "
        "halved to 15% under the settlement reached on Friday.",
        "2026-10-17",
    )
    assert ("EUN", "TUR", "tariff_reduction", 15.0) in _keys(out)


def test_a_rate_charged_to_one_country_by_another_is_the_chargers() -> None:
    out = statements(
        '"Given how Ottawa has behaved, I am hereby raising the duty charged to Canada by the '
        'United States to 45%," the president wrote on Thursday.',
        "2026-08-14",
    )
    assert ("USA", "CAN", "tariff_increase", 45.0) in _keys(out)


def test_a_firm_added_to_a_blacklist_by_noun_is_a_control_on_its_country() -> None:
    out = statements(
        "The addition of Hikvision and 14 of its subsidiaries to a US trade blacklist threatens "
        "to starve the camera maker of American processors. The listing means any sale of US "
        "parts to the group will need a licence, the Commerce Department said on Monday.",
        "2026-03-10",
    )
    keys = {(s["actor"], s["target"], s["kind"], s["status"]) for s in out}
    assert keys and all(k[:3] == ("USA", "CHN", "export_control") for k in keys)
    assert all(k[3] != "threatened" for k in keys)


def test_what_markets_expect_or_a_spokesman_alleges_is_no_measure() -> None:
    out = statements(
        "SYDNEY - Shares of Australian winemakers jumped on Tuesday amid growing expectations "
        "that Beijing will scrap its punitive tariffs on Australian wine. Separately, a Chinese "
        "spokesman said Canberra was abusing export control measures to block Chinese buyers.",
        "2026-04-21",
    )
    assert out == []


def test_a_probe_opened_months_before_is_background() -> None:
    out = statements(
        "The dairy lobby said in a letter this week that Beijing's anti-subsidy investigation "
        "into European cheese, opened earlier this year, had already frozen new orders.",
        "2026-09-02",
    )
    assert out == []


def test_a_reading_by_others_names_no_target() -> None:
    out = statements(
        "Beijing launched an anti-dumping investigation into imports of European wine on "
        "Thursday, a move widely seen as a warning to Italy, Portugal and Austria.",
        "2026-07-10",
    )
    assert [(s["actor"], s["target"], s["kind"], s["status"]) for s in out] == [
        ("CHN", "EUN", "investigation", "announced")
    ]


def test_a_deal_reached_with_a_partner_months_before_does_not_date_the_cut() -> None:
    out = statements(
        "SEOUL - Shares of Korean shipbuilders rallied on Friday after the president signed an "
        "order implementing the accord reached with Seoul in June, cutting US tariffs on Korean "
        "ships to 12% from 25%.",
        "2026-09-11",
    )
    assert ("USA", "KOR", "tariff_reduction", 12.0) in _keys(out)


def test_a_quota_let_in_at_the_normal_tariff_is_a_cut() -> None:
    out = statements(
        "Mexico will allow up to 20,000 Korean-built buses a year into its market at the "
        "most-favoured-nation tariff of 5%, under a deal struck on Thursday.",
        "2026-05-22",
    )
    assert ("MEX", "KOR", "tariff_reduction", 5.0) in _keys(out)


def test_granting_visa_free_entry_is_a_visa_measure() -> None:
    out = statements(
        "Under the agreement, Japan will also grant visa-free entry to holders of ordinary "
        "Brazilian passports for stays of up to 90 days, the foreign ministry said on Monday.",
        "2026-06-01",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [("JPN", "BRA", "visa_policy")]


def test_opening_duty_free_quotas_for_a_countrys_goods_is_a_cut() -> None:
    out = statements(
        "In return, Norway will open duty-free quotas for Canadian pork and cheese from "
        "January, the trade ministry said on Wednesday.",
        "2026-11-18",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [
        ("NOR", "CAN", "tariff_reduction")
    ]


def test_a_doubling_of_a_duty_in_a_bodys_proposal_is_that_bodys_rise() -> None:
    out = statements(
        "BRUSSELS - A doubling of the out-of-quota duty on aluminium to 40% is the centrepiece "
        "of a European Commission proposal published on Wednesday.",
        "2026-02-11",
    )
    assert [(s["actor"], s["kind"], s["rate_after_pct"]) for s in out] == [
        ("EUN", "tariff_increase", 40.0)
    ]


def test_a_rise_a_request_answers_is_no_rise_of_its_own() -> None:
    out = statements(
        "The request was made in response to the increase in the duty by Canada from 10 per "
        "cent to 30 per cent, the WTO said on Wednesday.",
        "2026-02-11",
    )
    assert [s for s in out if s["kind"] == "tariff_increase" and s["rate_after_pct"]] == []


def test_a_tariff_noun_naming_talks_is_no_object_and_analysts_inference_no_news() -> None:
    out = statements(
        "Analysts said the steps suggested Ottawa would keep tightening screening rules even as "
        "tariff talks with Washington went on.",
        "2026-03-03",
    )
    assert out == []
    out = statements(
        "Ottawa kept tightening investment screening rules on Monday even as tariff talks with "
        "Washington went on.",
        "2026-03-03",
    )
    assert not [s for s in out if s["kind"].startswith("tariff")]


def test_a_firm_halting_its_own_sales_is_no_governments_measure() -> None:
    out = statements(
        "The Commerce Department has ordered US makers of lithography software to stop selling "
        "to Indian customers without a licence. Cadence confirmed it had received a letter from "
        "the Bureau of Industry and Security and said it had suspended sales and support in "
        "India pending clarification.",
        "2026-05-29",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [("USA", "IND", "export_control")]


def test_a_review_ordered_earlier_this_year_is_background() -> None:
    out = statements(
        "The Commerce Department is conducting a Section 232 review of nickel imports that the "
        "president ordered earlier this year, and traders are betting duties could follow soon.",
        "2026-04-08",
    )
    assert out == []


def test_a_city_where_someone_spoke_is_no_target_and_willingness_no_measure() -> None:
    out = statements(
        "The president told business leaders in Riyadh on Tuesday that Vietnam was willing to "
        "charge us no tariff at all on American farm goods.",
        "2026-05-14",
    )
    assert out == []


def test_a_rate_a_country_currently_faces_is_the_state_of_things() -> None:
    out = statements(
        "Trade talks between Bangkok and Washington resumed on Monday. Thailand faces a 36% "
        '"reciprocal" tariff that is currently suspended until early August, with a 10% '
        "baseline levy in place.",
        "2026-05-18",
    )
    assert out == []


def test_duties_imposed_under_an_earlier_administration_are_background() -> None:
    out = statements(
        "The trade minister is expected in Washington next week. The tariffs imposed during the "
        "Biden administration remain under a statutory review by the trade office, and "
        "some importers have urged it to lift them.",
        "2026-02-03",
    )
    assert out == []


def test_a_fact_noted_beside_the_news_is_no_measure() -> None:
    out = statements(
        '"We have the best access of any partner," the prime minister told reporters, noting '
        "that most Mexican exports to the US enter tariff-free under the USMCA.",
        "2026-08-21",
    )
    assert out == []


def test_barring_exports_to_a_country_is_an_export_control() -> None:
    out = statements(
        "The prime minister also said Japan would bar exports of high-end machine tools and "
        "precision lasers to Iran from next month.",
        "2026-10-05",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [("JPN", "IRN", "export_control")]


def test_halving_a_named_level_gives_both_sides_of_the_cut() -> None:
    out = statements(
        "In return, Ottawa will halve the 20% tariff it placed on about $8 billion of Korean "
        "goods, the finance minister said on Tuesday.",
        "2026-06-02",
    )
    assert [(s["actor"], s["target"], s["rate_before_pct"], s["rate_after_pct"]) for s in out] == [
        ("CAN", "KOR", 20.0, 10.0)
    ]


def test_a_baseline_year_does_not_make_a_pledge_background() -> None:
    out = statements(
        "Under the 90-page text, Hanoi committed to buy an additional $40 billion of "
        "Australian coal and wheat over the next two years on top of 2023 levels.",
        "2026-03-09",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out][:1] == [
        ("VNM", "AUS", "purchase_commitment")
    ]


def test_stopping_exports_of_an_ore_is_an_export_ban() -> None:
    out = statements(
        "MANILA - The Philippines will stop exports of raw chromite ore from March 1, officials "
        "at the mines bureau confirmed on Tuesday.",
        "2026-01-13",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [("PHL", "WLD", "export_control")]


def test_a_rate_that_steps_down_later_keeps_its_first_level() -> None:
    out = statements(
        "Washington approved safeguard tariffs on imported steel wire on Monday. Under the plan, "
        "imported steel wire will face a 40% duty in the first year, stepping down gradually to "
        "20% by the third year, the trade office said.",
        "2026-02-09",
    )
    assert [s["rate_after_pct"] for s in out if s["rate_after_pct"] is not None] == [40.0]


def test_a_start_on_a_weekday_after_entering_into_force_is_ahead() -> None:
    out = statements(
        "BRUSSELS - European Union countermeasures against Indian steel tariffs will enter into "
        "force on Friday, the Commission said on Wednesday, placing a 20% import duty on a list "
        "of Indian products worth 1.2 billion euros.",
        "2026-07-09",
    )
    assert [(s["actor"], s["target"], str(s["effective_on"])) for s in out] == [
        ("EUN", "IND", "2026-07-10")
    ]


def test_one_sentence_telling_a_tariff_with_and_without_its_rate_is_one_measure() -> None:
    import dataclasses
    import datetime as dt

    from ingestion.extract.stages import _share_with_rated_twin, extract_article

    (rated,) = extract_article(
        "a",
        "Canada's countermeasures against Indian steel tariffs will start on Friday, placing a "
        "20% import duty on a list of Indian products.",
        dt.date(2026, 7, 9),
    )
    bare = dataclasses.replace(rated, rate_before_pct=None, rate_after_pct=None, effective_on=None)
    _share_with_rated_twin([bare, rated], 0)
    assert (bare.rate_after_pct, bare.effective_on) == (20.0, rated.effective_on)
    # (a part on goods of its own keeps its rate to itself)
    part = dataclasses.replace(rated, products="rice")
    bare = dataclasses.replace(rated, rate_before_pct=None, rate_after_pct=None)
    _share_with_rated_twin([bare, part], 0)
    assert bare.rate_after_pct is None


def test_what_a_ban_still_lets_through_is_no_easing() -> None:
    out = statements(
        "HANOI - Vietnam has banned rice exports with immediate effect, the trade ministry said "
        "on Friday. Cargoes already loaded may still sail, and Hanoi will allow exports to "
        "neighbours that request supplies for food security.",
        "2026-08-14",
    )
    assert [(s["actor"], s["kind"]) for s in out] == [("VNM", "export_control")]


def test_a_complaint_or_a_failed_attempt_is_no_measure() -> None:
    out = statements(
        "Korean officials, for their part, raised concerns about Japanese chip curbs. EU member "
        "states failed to block the duties on Korean steel, with Italy among those voting "
        "against.",
        "2026-09-01",
    )
    assert out == []


def test_the_measure_a_step_is_described_as_answering_is_not_its_kind() -> None:
    out = statements(
        "ASTANA - Kazakhstan has imposed temporary restrictions on exports of uranium to Canada, "
        "the government said on Friday, describing the step as a response to Ottawa's ban on "
        "imports of Kazakh steel.",
        "2026-11-20",
    )
    kaz = [(s["actor"], s["target"], s["kind"]) for s in out if s["actor"] == "KAZ"]
    assert kaz == [("KAZ", "CAN", "export_control")]


def test_striking_back_at_a_country_on_a_day_with_tariffs_is_a_rise() -> None:
    out = statements(
        "CANBERRA - Australia struck back at Jakarta on Tuesday with 20% tariffs on A$2 billion "
        "worth of Indonesian goods.",
        "2026-04-07",
    )
    assert ("AUS", "IDN", "tariff_increase", 20.0) in _keys(out)


def test_reviewing_procurement_is_no_purchase_pledge() -> None:
    out = statements(
        "Ottawa slapped tariffs on US steel on Monday, and Prime Minister Carney said a second "
        "list would follow in 21 days if the American duties remain. Several provinces also said "
        "they would review procurement contracts with American firms.",
        "2026-03-02",
    )
    assert not [s for s in out if s["kind"] == "purchase_commitment"]


def test_a_safeguard_falls_on_every_origin_whatever_the_story_blames() -> None:
    out = statements(
        "NEW DELHI - Indonesia has imposed a provisional safeguard duty of 15% on imports of "
        "ceramic tiles for 200 days, to curb cheap shipments that local makers blame on Chinese "
        "overcapacity, the finance ministry said on Monday.",
        "2026-06-16",
    )
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in out] == [("IDN", "WLD", 15.0)]


def test_scrapping_remedy_duties_named_after_another_remedy_noun_is_a_cut() -> None:
    out = statements(
        "LIMA - Peruvian avocados will return to Korean shelves without punitive duties from "
        "Friday after Seoul said it would scrap the anti-dumping tariffs it imposed three years "
        "ago.",
        "2026-05-01",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [
        ("KOR", "PER", "tariff_reduction")
    ]


def test_the_level_faced_during_a_pause_belongs_to_the_pause() -> None:
    out = statements(
        "Washington on Monday raised its tariff on Brazilian goods to 90% while announcing a "
        "60-day pause on the higher duties for dozens of other trading partners. During the "
        "pause, those countries will face a baseline 8% levy, officials said.",
        "2026-03-10",
    )
    rated = [s for s in out if s["rate_after_pct"] == 8.0]
    assert [(s["target"], s["kind"]) for s in rated] == [("WLD", "tariff_suspension")]


def test_a_levy_left_in_place_or_currently_faced_is_no_step() -> None:
    out = statements(
        "Under the accord, Ottawa will lower its 40% surtax on Mexican trucks to 15%, while "
        "leaving in place a separate 10% levy tied to migration. Mexico will scrap duties on "
        "Canadian goods, including pork, which currently face tariffs of up to 30%.",
        "2026-04-20",
    )
    assert sorted((s["actor"], s["kind"]) for s in out) == [
        ("CAN", "tariff_reduction"),
        ("MEX", "tariff_reduction"),
    ]


def test_firms_spared_from_duties_just_told_are_their_carve_out() -> None:
    out = statements(
        "Korea will levy anti-dumping duties of between 12% and 30% on olive oil imported from "
        "the European Union for five years starting Monday. Producers that signed price "
        "undertakings will be exempt from the duties, the ministry said.",
        "2026-06-05",
    )
    assert [(s["actor"], s["kind"]) for s in out] == [("KOR", "tariff_increase")]


def test_a_duty_that_will_fall_to_a_level_is_a_cut_by_the_importer() -> None:
    out = statements(
        "Seoul and Ottawa concluded a trade deal on Tuesday. Import duties on Canadian pork, "
        "currently above 40%, will fall to 5% under a quota.",
        "2026-05-05",
    )
    assert ("KOR", "CAN", "tariff_reduction", 5.0) in _keys(out)


def test_opening_tariff_rate_quotas_and_a_quota_at_the_regular_rate_are_cuts() -> None:
    out = statements(
        "As part of the deal, Norway will open tariff-rate quotas for Chilean salmon feed, the "
        "trade ministry said on Friday.",
        "2026-05-08",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [
        ("NOR", "CHL", "tariff_reduction")
    ]
    out = statements(
        "Mexico will allow up to 30,000 Korean-made trucks a year into the country at the regular "
        "5% tariff, in exchange for Korea slashing duties on Mexican avocados, officials said on "
        "Friday.",
        "2026-05-08",
    )
    assert ("MEX", "KOR", "tariff_reduction", 5.0) in _keys(out)


def test_duties_under_review_or_a_level_described_are_no_new_measure() -> None:
    out = statements(
        "Korea's trade ministry, which has been reviewing the anti-dumping and countervailing "
        "duties of up to 90 per cent on Chilean wine, has not published a final ruling.",
        "2026-03-05",
    )
    assert out == []
    out = statements(
        "Ottawa will move to strip Belarus of the trading status, which guarantees the same low "
        "tariffs applied to other WTO members, the prime minister said on Friday.",
        "2026-03-06",
    )
    assert not [s for s in out if s["actor"] == "BLR"]


def test_a_blocs_goods_are_each_members() -> None:
    out = statements(
        "Under the accord signed on Friday, Canada will remove tariffs on around 90% of Mercosur "
        "goods over ten years.",
        "2026-09-04",
    )
    assert sorted(s["target"] for s in out if s["actor"] == "CAN") == ["ARG", "BRA", "PRY", "URY"]


def test_a_rate_named_as_the_subject_that_applies_now_is_news() -> None:
    out = statements(
        "Seoul said on Monday it would answer Tokyo's new duties. Later in the day, a trade "
        "ministry spokesman said Korea had been forced to respond and that a 20% duty on 300 "
        "Japanese products, including beer, cars and cosmetics, applies immediately.",
        "2026-07-06",
    )
    assert ("KOR", "JPN", "tariff_increase", 20.0) in _keys(out)
