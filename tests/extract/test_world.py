"""Any country, any pair, any year: sentences written for these tests, not taken from the sets."""

from __future__ import annotations

import datetime as dt

import pytest

from ingestion.extract import lexicons
from ingestion.extract.dates import text_year
from ingestion.extract.rules import _raw_mentions, classify
from tests.extract.conftest import run, statements


def _pairs(out: list[dict], kind_prefix: str = "") -> set[tuple[str, str]]:
    return {(s["actor"], s["target"]) for s in out if s["kind"].startswith(kind_prefix)}


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Switzerland", "CHE"),
        ("Brazil", "BRA"),
        ("Indonesia", "IDN"),
        ("Cambodia", "KHM"),
        ("Argentina", "ARG"),
        ("Taiwan", "TWN"),
        ("the Netherlands", "NLD"),
        ("Türkiye", "TUR"),
        ("Kazakhstan", "KAZ"),  # from pycountry only: not in countries.csv
    ],
)
def test_country_names_come_from_data(name: str, iso: str) -> None:
    text = f"{name} raised its duties on steel on Monday."
    assert [m[2] for m in _raw_mentions(text)][:1] == [iso]


def test_demonym_with_a_government_noun_acts() -> None:
    out = statements(
        "The Malaysian government imposed a 15% duty on Thai rice on Tuesday.", "2025-08-05"
    )
    assert ("MYS", "THA") in _pairs(out, "tariff")


def test_lowercase_country_words_are_not_countries() -> None:
    assert not _raw_mentions("We roasted a turkey and a chad of paper in china cups.")


def test_officials_file_names_governments() -> None:
    assert lexicons.ACTOR_ALIASES["piyush goyal"] == "IND"
    assert lexicons.CASE_SENSITIVE_ALIASES["Sheinbaum"] == "MEX"


def test_coordinated_targets_give_one_entry_each() -> None:
    out = statements(
        "Washington imposed 25% tariffs on Canada and Mexico on Saturday.", "2025-02-03"
    )
    assert _pairs(out, "tariff_increase") == {("USA", "CAN"), ("USA", "MEX")}


def test_accepted_tariff_is_set_by_the_importer() -> None:
    out = statements(
        "Tokyo and Washington sealed their deal on Tuesday. "
        "Japan accepted a 15% tariff on its cars under the deal.",
        "2025-07-23",
    )
    tariffs = [s for s in out if s["kind"].startswith("tariff")]
    assert tariffs and all((s["actor"], s["target"]) == ("USA", "JPN") for s in tariffs)


def test_sectoral_tariff_without_a_country_is_on_everyone() -> None:
    out = statements(
        "Ottawa protested on Monday. The White House raised its tariff on imported copper to "
        "50% on Wednesday.",
        "2025-07-30",
    )
    assert ("USA", "WLD") in _pairs(out, "tariff_increase")


def test_anti_dumping_duty_is_a_tariff_with_its_instrument() -> None:
    out = statements(
        "India imposed anti-dumping duties of 30% on Chinese glass on Friday.", "2025-06-06"
    )
    rows = [s for s in out if s["kind"] == "tariff_increase"]
    assert rows and rows[0]["actor"] == "IND" and rows[0]["target"] == "CHN"
    assert rows[0]["instrument"] == "anti-dumping duty"


def test_investment_and_market_access_pledges_are_other() -> None:
    assert classify("Seoul pledged to invest $350 billion in American shipyards").kind == "other"
    assert classify("Hanoi will open its markets to US pork and beef").kind == "other"


def test_older_rounds_keep_their_year() -> None:
    out = statements(
        "Ottawa imposed a 25% surtax on US steel on Sunday, answering Washington's steel duties.",
        "2018-07-01",
    )
    rows = [s for s in out if s["kind"] == "tariff_increase" and s["actor"] == "CAN"]
    assert rows and rows[0]["announced_on"] == dt.date(2018, 7, 1)


def test_undated_story_takes_the_latest_past_year_it_cites() -> None:
    text = "The 2025 truce held until February 2026; exports should double by 2030."
    assert text_year(text, 2025) == 2026
    assert text_year("Tariffs will apply throughout 2027.", 2026) == 2026
    assert text_year("Exports fell in 2024.", 2025) == 2025
    assert text_year("Exports fell in 2019.", 2025) == 2019


def test_both_sides_of_an_unnamed_deal_meet_across_outlets() -> None:
    from ingestion.extract import extract_corpus
    from tests.extract.conftest import make_frame

    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://a.example/1",
                    "2025-07-03",
                    "Under the trade deal with Washington, Hanoi will eliminate its tariffs on "
                    "US goods from next month.",
                ),
                (
                    "https://b.example/2",
                    "2025-07-04",
                    "Washington will cut its tariff on Vietnamese goods to 20% from 46% under "
                    "the trade agreement with Hanoi announced on Wednesday.",
                ),
            ]
        )
    )
    st = {r["statement_id"]: r for r in ex.statements.to_dicts()}
    sides = {
        frozenset(
            (st[r["commitment_statement_id"]]["actor"], st[r["reciprocal_statement_id"]]["actor"])
        )
        for r in ex.links.to_dicts()
    }
    assert frozenset(("USA", "VNM")) in sides
    assert {s["agreement"] for s in st.values()} == {"USA-VNM deal 2025-07"}


def test_weekday_beside_a_date_picks_its_year() -> None:
    from ingestion.extract.dates import infer_publication_date

    # 2 February was a Monday in 2026, a Sunday in 2025.
    text = "The deal was posted online on Monday, February 2, and markets rose."
    assert infer_publication_date(text, 2025) == dt.date(2026, 2, 2)


def test_undated_day_follows_the_latest_month_cited() -> None:
    from ingestion.extract.dates import infer_publication_date

    text = "The sides agreed a framework in November 2025. They signed the treaty on Feb. 5."
    assert infer_publication_date(text, 2025) == dt.date(2026, 2, 5)
    assert infer_publication_date("They signed the treaty on Feb. 5.", 2025) == dt.date(2025, 2, 5)


@pytest.mark.parametrize(
    ("sentence", "expires"),
    [
        (
            "Ottawa and Washington agreed on Monday to pause their new duties for 90 days from "
            "June 2.",
            dt.date(2025, 8, 31),
        ),
        (
            "Seoul will suspend its tariff on US beef for one year from July 1.",
            dt.date(2026, 7, 1),
        ),
        (
            "Brazil announced a six-month suspension of its steel duties on Tuesday.",
            dt.date(2025, 11, 27),
        ),
        (
            "The EU suspended its countermeasures on US whiskey until December 1 on Friday.",
            dt.date(2025, 12, 1),
        ),
    ],
)
def test_stated_durations_give_expires_on(sentence: str, expires: dt.date | None) -> None:
    out = [
        s for s in statements(sentence, "2025-05-30") if s["kind"].startswith(("tariff", "export"))
    ]
    assert out, sentence
    assert out[0]["expires_on"] == expires


def test_weekday_fixes_the_year_of_a_date_in_an_undated_article() -> None:
    from ingestion.extract.dates import find_dates

    # 7 October was a Tuesday in 2025, a Wednesday in 2026.
    text = "The commission presented its steel plan on Tuesday 7 October."
    found = find_dates(text, 0, len(text), None, 2026)
    assert [d.value for d in found] == [dt.date(2025, 10, 7)]


def test_goods_name_the_target_before_other_objects() -> None:
    out = statements(
        "Mexico raised tariffs on Chinese cars to 50% on Tuesday, bowing to US pressure.",
        "2025-09-10",
    )
    assert _pairs(out, "tariff_increase") == {("MEX", "CHN")}


def test_lower_house_is_no_tariff_cut() -> None:
    out = statements(
        "Mexico's lower house approved tariffs of up to 50% on Chinese cars on Wednesday.",
        "2025-12-10",
    )
    assert {s["kind"] for s in out if s["kind"].startswith("tariff")} == {"tariff_increase"}


def test_product_wide_tariff_with_no_one_named_continues_the_story() -> None:
    out = statements(
        "The White House issued a proclamation on Monday. "
        "Imports of softwood lumber will be subject to a 10 percent tariff from October 14.",
        "2025-09-29",
    )
    rows = [s for s in out if s["kind"] == "tariff_increase" and s["rate_after_pct"] == 10.0]
    assert rows and (rows[0]["actor"], rows[0]["target"]) == ("USA", "WLD")


def test_publication_date_of_an_undated_notice_is_near_its_first_date_to_come() -> None:
    from ingestion.extract.dates import infer_publication_date

    text = (
        "Notice on wood products\n\nEffective October 14, 2025, lumber will face a 10% duty, "
        "and as of January 1, 2026, the duty on cabinets will rise."
    )
    assert infer_publication_date(text, 2025) == dt.date(2025, 10, 14)


def test_entity_listing_is_a_control_on_each_country_named() -> None:
    out = statements(
        "On Friday the Commerce Department added 19 firms to its Entity List for diverting "
        "chips. The listings include Brazil (4), Vietnam (10) and Pakistan (5).",
        "2025-03-28",
    )
    pairs = _pairs(out, "export_control")
    assert {("USA", "BRA"), ("USA", "VNM"), ("USA", "PAK")} <= pairs


def test_wto_suspension_of_concessions_is_a_tariff_increase() -> None:
    out = statements(
        "Brazil notified the WTO on Monday of a suspension of concessions on US goods.",
        "2025-05-12",
    )
    assert ("BRA", "USA") in _pairs(out, "tariff_increase")


def test_a_pledge_belongs_to_its_owner_not_to_who_reports_it() -> None:
    out = statements(
        "Trump on Monday hailed Vietnam's pledge to buy more US aircraft and farm goods.",
        "2025-07-07",
    )
    assert ("VNM", "USA") in _pairs(out, "purchase")


def test_hyphenated_pair_names_both_parties() -> None:
    out = statements("US-Vietnam deal: Washington cuts its tariff to 20% on Monday.", "2025-07-07")
    assert ("USA", "VNM") in _pairs(out, "tariff")


def test_eliminated_tariffs_go_to_zero() -> None:
    out = statements(
        "Buenos Aires and Washington signed their deal on Thursday. "
        "Argentina will eliminate tariffs on 300 US farm products.",
        "2026-02-05",
    )
    rows = [s for s in out if s["kind"] == "tariff_reduction" and s["actor"] == "ARG"]
    assert rows and rows[0]["rate_after_pct"] == 0.0 and rows[0]["target"] == "USA"


def test_a_list_of_countries_is_one_clause() -> None:
    out = statements(
        "Washington cut its tariffs on Peru, Chile, and Colombia to 10% on Friday.", "2025-08-01"
    )
    rows = [s for s in out if s["kind"] == "tariff_reduction"]
    assert {r["target"] for r in rows} == {"PER", "CHL", "COL"}
    assert {r["rate_after_pct"] for r in rows} == {10.0}


def test_a_part_named_in_an_including_parenthesis_is_no_target() -> None:
    out = statements(
        "Ottawa will cut its surtax on American goods (including goods shipped from Puerto "
        "Rico and Guam) to 10% on Monday.",
        "2025-06-02",
    )
    assert {s["target"] for s in out if s["kind"].startswith("tariff")} == {"USA"}


def test_a_measure_inside_a_time_clause_is_a_reference_point() -> None:
    out = statements(
        "Japan raised duties on Korean steel on Friday, two days after Seoul agreed to lower "
        "its tariffs on Japanese cars.",
        "2025-06-06",
    )
    assert _pairs(out, "tariff") == {("JPN", "KOR")}


def test_an_investigation_into_a_measure_answers_it() -> None:
    from ingestion.extract import extract_corpus
    from tests.extract.conftest import make_frame

    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://a.example/tr",
                    "2025-03-03",
                    "Turkey raised its tariffs on Brazilian poultry to 40% on Monday.",
                ),
                (
                    "https://b.example/br",
                    "2025-03-20",
                    "Brazil launched an anti-dumping investigation into Turkey's tariffs on its "
                    "poultry on Thursday.",
                ),
            ]
        )
    )
    st = {s["statement_id"]: s for s in ex.statements.to_dicts()}
    linked = [
        (st[lk["commitment_statement_id"]], st[lk["reciprocal_statement_id"]])
        for lk in ex.links.to_dicts()
    ]
    answer = [(a, b) for a, b in linked if a["kind"] == "investigation"]
    assert answer and answer[0][1]["actor"] == "TUR"
    # The answered measure is the one reported on 3 March, not a new one.
    tr_key = next(
        s["entry_key"] for s in st.values() if s["article_id"] != answer[0][0]["article_id"]
    )
    assert answer[0][1]["entry_key"] == tr_key


def test_impose_no_tariffs_is_a_promise_of_zero() -> None:
    out = statements(
        "Hanoi and Washington closed their deal on Wednesday. Vietnam will impose no tariffs "
        "on US cars.",
        "2025-07-02",
    )
    rows = [s for s in out if s["actor"] == "VNM"]
    assert rows and rows[0]["kind"] == "tariff_reduction" and rows[0]["rate_after_pct"] == 0.0


def test_a_rate_once_faced_is_background() -> None:
    out = statements(
        "Washington cut its tariff on Laos to 20% on Friday. Laos had previously faced a 48% "
        "rate, Myanmar 44%.",
        "2025-08-01",
    )
    assert all(s["rate_after_pct"] != 48.0 for s in out)
    assert not any(s["actor"] == "MMR" for s in out)


def test_with_clause_reports_news_and_restricting_exports_is_trade_news() -> None:
    out = statements(
        "Ottawa and Washington ended their dispute on Friday, with Canada dropping its "
        "retaliatory duties on American orange juice.",
        "2025-09-01",
    )
    assert ("CAN", "USA") in _pairs(out, "tariff_reduction")
    out = statements(
        "Jakarta will restrict exports of nickel ore from March 1, the ministry said on Monday.",
        "2025-01-06",
    )
    assert ("IDN", "WLD") in _pairs(out, "export_control")


def test_the_address_dates_an_undated_article() -> None:
    from ingestion.extract import extract_corpus
    from ingestion.extract.dates import infer_publication_date, url_date
    from tests.extract.conftest import make_frame

    assert url_date("https://news.example/2025/04/09/tariffs") == (dt.date(2025, 4, 9), False)
    assert url_date("https://gov.example/fact-sheets/2025/october/deal") == (
        dt.date(2025, 10, 1),
        True,
    )
    assert url_date("https://news.example/item/125051201384.html") == (None, False)
    # A date cited as the date of an instrument is not when the story was written.
    assert infer_publication_date("Under Executive Order 14999 of September 5, 2025, ...") is None
    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://news.example/2025/04/09/seoul",
                    None,
                    "Seoul raised its tariff on US beef to 40% on Wednesday.",
                )
            ]
        )
    )
    assert ex.statements["announced_on"].to_list() == [dt.date(2025, 4, 9)]


def test_product_wide_tariffs_of_one_day_stay_apart_by_their_goods() -> None:
    from ingestion.extract import extract_corpus
    from tests.extract.conftest import make_frame

    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://a.example/wood",
                    "2025-09-29",
                    "The White House issued a proclamation on Monday. Imports of softwood lumber "
                    "will be subject to a 10% tariff, and imports of kitchen cabinets will be "
                    "subject to a 25% tariff.",
                )
            ]
        )
    )
    keys = {
        (r["products"], r["entry_key"])
        for r in ex.statements.to_dicts()
        if r["kind"] == "tariff_increase" and r["target"] == "WLD"
    }
    assert len({k for _, k in keys}) == 2, keys


def test_extending_a_truce_and_lifting_a_ban() -> None:
    out = statements(
        "Ottawa and Washington extended their tariff truce by another 60 days on Monday.",
        "2025-08-11",
    )
    assert _pairs(out, "tariff_suspension") == {("CAN", "USA"), ("USA", "CAN")}
    assert {s["expires_on"] for s in out} == {dt.date(2025, 10, 10)}
    out = statements(
        "Jakarta lifted its ban on exports of bauxite to India on Sunday.", "2025-11-09"
    )
    assert ("IDN", "IND") in _pairs(out, "export_control_relaxation")


def test_a_day_after_the_report_is_when_a_measure_takes_effect() -> None:
    out = statements(
        "On October 1, Ottawa will begin charging a 25% surtax on imported US trucks.",
        "2025-09-26",
    )
    rows = [s for s in out if s["kind"] == "tariff_increase"]
    assert rows and rows[0]["announced_on"] == dt.date(2025, 9, 26)
    assert rows[0]["effective_on"] == dt.date(2025, 10, 1)


def test_next_days_new_rate_is_the_next_step_of_an_escalation() -> None:
    from ingestion.extract import extract_corpus
    from tests.extract.conftest import make_frame

    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://a.example/s1",
                    "2025-03-10",
                    "Ankara raised its tariff on Greek olives to 40% on Monday.",
                ),
                (
                    "https://b.example/s2",
                    "2025-03-11",
                    "Ankara raised its tariff on Greek olives to 60% on Tuesday.",
                ),
            ]
        )
    )
    keys = {r["rate_after_pct"]: r["entry_key"] for r in ex.statements.to_dicts()}
    assert keys[40.0] != keys[60.0]


def test_one_sentence_several_promises_and_a_rate_up_from() -> None:
    out = statements(
        "Under the pact, Seoul will buy $100 billion of US gas over ten years and invest $350 "
        "billion in American shipyards, while Washington will charge a 15% tariff on Korean "
        "cars, down from 25%.",
        "2025-07-31",
    )
    kinds = {(s["actor"], s["kind"]) for s in out}
    assert {("KOR", "purchase_commitment"), ("KOR", "other")} <= kinds
    rows = [s for s in out if s["actor"] == "USA" and s["kind"].startswith("tariff")]
    assert rows and (rows[0]["rate_before_pct"], rows[0]["rate_after_pct"]) == (25.0, 15.0)


def test_suspending_port_fees_is_a_suspended_port_fee() -> None:
    out = statements(
        "Seoul and Tokyo closed their talks on Friday. Japan will suspend its port fees on "
        "Korean ships for one year from March 1.",
        "2026-02-20",
    )
    rows = [s for s in out if s["kind"] == "port_fee"]
    assert rows and rows[0]["status"] == "suspended"
    assert rows[0]["expires_on"] == dt.date(2027, 3, 1)


def test_a_rate_set_under_a_deal_is_a_reduction() -> None:
    out = statements(
        "Washington will charge a 17% tariff on Malaysian goods under the new trade pact, "
        "officials said on Friday.",
        "2025-07-25",
    )
    assert ("USA", "MYS") in _pairs(out, "tariff_reduction")
    assert not _pairs(out, "tariff_increase")


def test_a_raise_under_a_deal_stays_an_increase() -> None:
    out = statements(
        "Ottawa will raise its tariff on Chinese steel to 25% under the new framework, the "
        "finance minister said on Monday.",
        "2025-06-02",
    )
    assert ("CAN", "CHN") in _pairs(out, "tariff_increase")


def test_a_smaller_duty_free_quota_is_no_tariff_cut() -> None:
    out = statements(
        "Brussels proposed on Tuesday to cut tariff-free steel imports by a third and to double "
        "the out-of-quota duty to 50%.",
        "2025-10-07",
    )
    assert not _pairs(out, "tariff_reduction")
    assert _pairs(out, "tariff_increase")


def test_goods_as_subject_are_taxed_by_the_other_side() -> None:
    out = statements(
        "Washington announced a trade deal with Peru on Sunday. Certain Peruvian products will "
        "be exempt from the 19% tariff, and goods originating from Peru will otherwise pay 19%.",
        "2025-10-27",
    )
    assert ("USA", "PER") in _pairs(out, "tariff_reduction")
    assert ("PER", "USA") not in _pairs(out, "tariff_reduction")


def test_an_export_control_naming_no_destination_is_on_every_country() -> None:
    out = statements(
        "Seoul tightened export controls on advanced battery equipment on Friday, officials "
        "said. Japanese firms make most of the tools.",
        "2025-03-08",
    )
    assert ("KOR", "WLD") in _pairs(out, "export_control")


def test_an_unaimed_control_in_a_tit_for_tat_story_is_on_the_other_side() -> None:
    out = statements(
        "Beijing retaliated against Washington's tariffs on Tuesday. China also imposed export "
        "controls on five rare metals, the commerce ministry said.",
        "2025-02-05",
    )
    assert ("CHN", "USA") in _pairs(out, "export_control")


def test_a_destination_in_another_clause_of_the_sentence_is_the_target() -> None:
    out = statements(
        "Canada imposed a licence requirement on Monday on shipments of ethane to India, "
        "which halted exports.",
        "2025-06-20",
    )
    assert {t for a, t in _pairs(out, "export_control")} == {"IND"}


def test_a_country_named_for_comparison_is_no_target() -> None:
    out = statements(
        "Washington said on Thursday it would cut levies on most Peruvian goods from 20% to "
        "15%, in line with the rates on Chile and Colombia.",
        "2025-06-26",
    )
    assert _pairs(out, "tariff_reduction") == {("USA", "PER")}


def test_a_deal_that_foresees_purchases_and_tariff_cuts_on_nearly_all_goods() -> None:
    out = statements(
        "Seoul struck a deal with Washington on Sunday. The framework foresees Korea procuring "
        "40 U.S. aircraft. It also included abolishing import tariffs on nearly all U.S. farm "
        "products.",
        "2025-10-27",
    )
    assert ("KOR", "USA") in _pairs(out, "purchase_commitment")
    assert ("KOR", "USA") in _pairs(out, "tariff_reduction")
    assert ("USA", "KOR") not in _pairs(out, "tariff_reduction")


def test_places_listed_after_including_are_no_targets() -> None:
    out = statements(
        "Washington will lower the duty on goods from China, including those from Macau, to "
        "10% on Wednesday, the White House said.",
        "2025-05-12",
    )
    assert {t for _, t in _pairs(out, "tariff_reduction")} == {"CHN"}


def test_a_measure_taken_after_the_other_side_acted_answers_it() -> None:
    from ingestion.extract import extract_corpus
    from tests.extract.conftest import make_frame

    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://example.org/potash",
                    "2025-03-03",
                    "Ottawa announced on Monday a ban on exports of potash to India. The "
                    "Canadian trade ministry made the move after New Delhi tightened its "
                    "import licences on Canadian lentils.",
                )
            ]
        )
    )
    st = {r["statement_id"]: (r["actor"], r["kind"]) for r in ex.statements.to_dicts()}
    pairs = {
        (st[r["commitment_statement_id"]], st[r["reciprocal_statement_id"]])
        for r in ex.links.to_dicts()
    }
    assert (("CAN", "export_control"), ("IND", "export_control")) in pairs


def test_a_fee_on_work_visas_is_a_visa_measure() -> None:
    out = statements(
        "Britain said on Monday it will charge a 5,000 pound fee on new skilled-worker visa "
        "petitions, and will restrict the entry of certain H-1B style workers.",
        "2025-09-22",
    )
    assert _pairs(out, "visa_policy")


def test_a_tariff_the_story_introduced_keeps_its_actor_and_targets() -> None:
    out = statements(
        "Ottawa imposed a 20% tariff on imports of steel from everywhere on Monday. The tariff on "
        "steel will increase to 35% in March.",
        "2025-01-13",
    )
    rows = [s for s in out if s["kind"] == "tariff_increase"]
    assert {(s["actor"], s["target"], s["rate_after_pct"]) for s in rows} >= {("CAN", "WLD", 35.0)}


def test_refraining_from_a_measure_is_no_measure() -> None:
    out = statements(
        "Under the deal, Vietnam will refrain from imposing taxes on digital services, officials "
        "said on Sunday.",
        "2025-10-27",
    )
    assert not _pairs(out, "tariff_increase")


def test_a_year_old_measure_in_an_undated_story_is_recalled_not_reported() -> None:
    from ingestion.extract import extract_corpus
    from tests.extract.conftest import make_frame

    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://example.org/wto-notice",
                    None,
                    "On May 9, 2025, India told the WTO it would suspend concessions on US goods. "
                    "On March 8, 2018, the United States imposed a 25 per cent tariff on steel "
                    "imports from all countries.",
                )
            ]
        )
    )
    years = {r["announced_on"].year for r in ex.statements.to_dicts() if r["announced_on"]}
    assert 2018 not in years and 2025 in years


def test_a_response_with_matching_duties_is_a_tariff_increase() -> None:
    out = statements(
        "Washington put 20% tariffs on $15 billion of Brazilian goods on Friday. Brasilia hit back "
        "within hours with matching duties on $15 billion of American products.",
        "2019-03-01",
    )
    assert ("BRA", "USA") in _pairs(out, "tariff_increase")


def test_goods_counted_in_money_name_whose_goods_they_are() -> None:
    out = statements(
        "Mexico on Monday began charging retaliatory duties of 20% on 3 billion dollars of US "
        "goods, answering US tariffs on Mexican steel.",
        "2018-06-04",
    )
    rows = [s for s in out if s["kind"] == "tariff_increase"]
    assert ("MEX", "USA", 20.0) in {(s["actor"], s["target"], s["rate_after_pct"]) for s in rows}


def test_published_export_controls_and_remedy_measures_are_measures() -> None:
    out = statements(
        "Tokyo on Friday published sweeping export controls that bar Chinese firms from buying "
        "advanced lithography tools. India imposed provisional anti-dumping measures on steel "
        "imported from Vietnam on Friday.",
        "2023-03-31",
    )
    assert ("JPN", "CHN") in _pairs(out, "export_control")
    assert ("IND", "VNM") in _pairs(out, "tariff_increase")


def test_two_raises_joined_by_and_are_two_measures_with_their_rates() -> None:
    out = statements(
        "Ottawa on Tuesday tripled its surtax on Chinese aluminium to 30% and raised duties on "
        "Chinese solar panels to 25%.",
        "2024-06-04",
    )
    rates = {s["rate_after_pct"] for s in out if s["kind"] == "tariff_increase"}
    assert rates == {30.0, 25.0}


def test_a_rate_before_a_long_remedy_noun_is_read() -> None:
    out = statements(
        "Beijing imposed a 73.6% anti-dumping and anti-subsidy duty on Canadian canola on Monday.",
        "2025-08-11",
    )
    assert [s["rate_after_pct"] for s in out if s["kind"] == "tariff_increase"] == [73.6]


def test_a_deal_under_which_exports_face_a_rate_is_the_importers_cut() -> None:
    out = statements(
        "Seoul and Washington struck a framework deal on Sunday under which most Korean exports "
        "will face a 15% tariff. In return Korea pledged to buy $100 billion of American energy "
        "and to invest $350 billion in the United States.",
        "2025-07-30",
    )
    cuts = [s for s in out if s["kind"] == "tariff_reduction"]
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in cuts] == [("USA", "KOR", 15.0)]
    assert ("KOR", "USA") in _pairs(out, "purchase_commitment")
    assert ("KOR", "USA") in _pairs(out, "other")


def test_countermeasures_on_goods_are_tariffs() -> None:
    out = statements(
        "Ottawa said on Wednesday it would impose countermeasures on up to 20 billion dollars of "
        "US goods from April 1.",
        "2025-03-12",
    )
    assert ("CAN", "USA") in _pairs(out, "tariff_increase")
    assert not _pairs(out, "export_control")


def test_a_quota_let_in_at_a_low_rate_is_a_tariff_cut_at_that_rate() -> None:
    out = statements(
        "Ottawa will allow up to 30,000 Chinese electric vehicles into its market at a 6% tariff, "
        "officials said on Friday.",
        "2026-01-16",
    )
    cuts = [s for s in out if s["kind"] == "tariff_reduction"]
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in cuts] == [("CAN", "CHN", 6.0)]


def test_a_deal_to_cut_one_sides_tariffs_on_the_others_goods_has_one_actor() -> None:
    out = statements(
        "Norway and the United States reached a deal on Friday to cut US tariffs on Norwegian "
        "goods to 15% from 30%.",
        "2025-11-14",
    )
    assert _pairs(out, "tariff_reduction") == {("USA", "NOR")}


def test_a_measure_that_takes_effect_later_is_announced_not_implemented() -> None:
    out = statements(
        "Chile's Congress approved tariffs of up to 30% on steel from China on Wednesday, to take "
        "effect on January 1.",
        "2025-12-10",
    )
    rows = [s for s in out if s["kind"] == "tariff_increase"]
    assert rows and {s["status"] for s in rows} == {"announced"}


def test_a_country_that_imposes_an_additional_rate_acts_itself() -> None:
    out = statements(
        "Delhi and Washington met again on Monday. The new round follows talks that stalled "
        "and comes after the US put an extra 25% duty on Indian goods on Nov. 10.",
        "2025-11-17",
    )
    assert _pairs(out, "tariff_increase") == {("USA", "IND")}


def test_duties_cut_to_zero_have_a_zero_rate() -> None:
    out = statements(
        "On February 2, Canberra cut its duties on American almonds to zero, the trade ministry "
        "said.",
        "2026-02-10",
    )
    rows = [s for s in out if s["kind"] == "tariff_reduction"]
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in rows] == [("AUS", "USA", 0.0)]


def test_a_measure_of_last_year_is_recalled_not_reported() -> None:
    out = statements(
        "Last year Ottawa imposed a 100% surtax on Chinese electric vehicles. On Tuesday Ottawa "
        "raised its tariff on Chinese steel to 25%.",
        "2026-01-20",
    )
    rates = {s["rate_after_pct"] for s in out if s["kind"] == "tariff_increase"}
    assert rates == {25.0}


def test_an_effective_day_after_a_past_tense_report_is_ahead_of_it() -> None:
    out = statements(
        "Beijing on Thursday imposed export controls on lithium battery technology, effective "
        "December 1.",
        "2025-10-09",
    )
    rows = [s for s in out if s["kind"] == "export_control"]
    assert rows and rows[0]["effective_on"] == dt.date(2025, 12, 1)
    assert rows[0]["status"] == "announced"


def test_tariffs_that_rise_to_a_rate_are_the_importers() -> None:
    out = statements(
        "Canberra said on Wednesday that tariffs on Indonesian goods would rise to 40%.",
        "2025-04-09",
    )
    rows = [s for s in out if s["kind"] == "tariff_increase"]
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in rows] == [("AUS", "IDN", 40.0)]


def test_extending_listing_rules_to_subsidiaries_is_a_control() -> None:
    out = statements(
        "Tokyo on Monday extended its export control restrictions to subsidiaries owned by "
        "listed Russian firms.",
        "2025-09-29",
    )
    assert _pairs(out, "export_control")


def test_a_pause_for_another_year_expires_a_year_on() -> None:
    out = statements(
        "Seoul said on Wednesday it will suspend the additional 20% tariff on Japanese goods for "
        "another year.",
        "2025-11-05",
    )
    rows = [s for s in out if s["kind"] == "tariff_suspension"]
    assert rows and rows[0]["expires_on"] == dt.date(2026, 11, 5)


def test_punitive_measures_walked_back_are_an_easing() -> None:
    out = statements(
        "Tokyo and Seoul agreed on Thursday to walk back some punitive measures imposed during "
        "their tariff dispute.",
        "2025-10-30",
    )
    assert not _pairs(out, "tariff_increase")


def test_goods_subject_to_a_rate_decide_over_an_agent_named_later() -> None:
    out = statements(
        "By Jane Cruz | Manila Wire\nShipments from Peru to America are to be subject to a 19% "
        "duty rather than 20%, Trump said after meeting President Boluarte on Tuesday.",
        "2025-07-22",
    )
    assert ("USA", "PER") in _pairs(out, "tariff")
    assert ("PER", "USA") not in _pairs(out, "tariff")


def test_a_later_scheduled_step_does_not_replace_the_first() -> None:
    out = statements(
        "Washington will impose 10% tariffs on $50 billion of Vietnamese goods starting Sept. 24, "
        "rising to 25% on Jan. 1, officials said on Monday.",
        "2018-09-17",
    )
    rows = [s for s in out if s["kind"] == "tariff_increase"]
    assert [(s["rate_after_pct"], s["effective_on"]) for s in rows] == [
        (10.0, dt.date(2018, 9, 24))
    ]


def test_removal_from_a_white_list_is_an_export_control() -> None:
    out = statements(
        "Seoul's cabinet approved on Friday the removal of Japan from its export white list of "
        "trusted trading partners, effective Sept. 18.",
        "2019-08-02",
    )
    assert ("KOR", "JPN") in _pairs(out, "export_control")


def test_each_side_keeps_its_own_rate_in_a_mutual_truce() -> None:
    out = statements(
        "Seoul and Tokyo extended their tariff truce by 90 days on Monday, keeping Korean duties "
        "at 12% and Japanese duties at 8%.",
        "2025-08-11",
    )
    rates = {(s["actor"], s["rate_after_pct"]) for s in out if s["kind"].startswith("tariff")}
    assert rates == {("KOR", 12.0), ("JPN", 8.0)}


def test_a_cut_by_points_to_a_rate_started_above_it() -> None:
    from ingestion.extract.rates import find_rates

    assert find_rates("will cut tariffs by 115 percentage points to 30%") == (145.0, 30.0)
    assert find_rates("raised tariffs by 50 percentage points to 84%") == (34.0, 84.0)


def test_he_is_the_last_person_named_not_the_last_country() -> None:
    out = statements(
        "Ottawa retaliated with tariffs of 25% on US goods on Friday, Canada's finance ministry "
        "said. Trump spoke to reporters later. He explained his decision to pause the tariffs on "
        "Canadian steel.",
        "2025-03-08",
    )
    assert ("USA", "CAN") in _pairs(out, "tariff_suspension")


def test_a_deal_partner_buying_more_and_goods_getting_zero_duty() -> None:
    from tests.extract.conftest import statements

    lede = "Peru and the United States signed a trade deal on Tuesday. "
    bought = statements(
        lede + "The president added that Lima would also increase its purchases of American "
        "wheat under the new trade deal.",
        "2025-07-22",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in bought] == [
        ("PER", "USA", "purchase_commitment")
    ]
    zero = statements(
        lede + "Under the deal, certain Peruvian products will receive a zero-percent tariff rate.",
        "2025-07-22",
    )
    assert [(s["actor"], s["target"], s["kind"], s["rate_after_pct"]) for s in zero] == [
        ("USA", "PER", "tariff_reduction", 0.0)
    ]


def test_the_side_hit_with_a_rate_is_taxed_whoever_an_aside_names() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Norway was hit with a 30% tariff on Friday, one of the steepest rates set by "
        "Washington, after talks stalled.",
        "2025-08-01",
    )
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in out] == [("USA", "NOR", 30.0)]


def test_a_quota_at_a_tariff_of_a_rate() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Australia will allow up to 20,000 Japanese trucks into its market at a tariff of 2.5%.",
        "2026-01-16",
    )
    assert [(s["actor"], s["target"], s["kind"], s["rate_after_pct"]) for s in out] == [
        ("AUS", "JPN", "tariff_reduction", 2.5)
    ]


def test_the_total_a_layer_brings_is_not_the_layers_rate() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "An extra 20% duty on Brazilian goods took effect on Wednesday, bringing the total US "
        "tariff on many Brazilian products to 30%.",
        "2025-08-06",
    )
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in out] == [("USA", "BRA", 20.0)]


def test_reimposed_countermeasures_answer_the_tariff_on_a_product_line() -> None:
    from ingestion.extract import extract_corpus
    from tests.extract.conftest import make_frame, statements

    answer = (
        "Tokyo said it would reimpose countermeasures on up to 900 billion yen of US goods from "
        "May 1 in response to the US steel and aluminium tariffs."
    )
    # (alone, the tariff answered can only be dated by its answer: it is left out)
    assert {(s["actor"], s["target"], s["kind"]) for s in statements(answer, "2025-03-12")} == {
        ("JPN", "USA", "tariff_increase")
    }
    # (with a report of its own, the answer is linked to it)
    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://t.example/steel",
                    "2025-02-11",
                    "Washington on Monday raised its tariffs on imported steel and aluminium "
                    "to 25% for every country.",
                ),
                ("https://t.example/tokyo", "2025-03-12", answer),
            ]
        )
    )
    st = {r["statement_id"]: r for r in ex.statements.to_dicts()}
    answered = {
        (st[r["commitment_statement_id"]]["actor"], st[r["reciprocal_statement_id"]]["target"])
        for r in ex.links.to_dicts()
        if r["basis"] == "retaliation"
    }
    assert ("JPN", "WLD") in answered


def _keys(text: str, pub: str) -> set[tuple[str, str, str]]:
    from tests.extract.conftest import statements

    return {(s["actor"], s["target"], s["kind"]) for s in statements(text, pub)}


def test_the_side_facing_a_tariff_is_taxed_and_a_state_is_no_measure() -> None:
    assert _keys("Chile will face American tariffs from October 1.", "2025-09-10") == {
        ("USA", "CHL", "tariff_increase")
    }
    # ("with Brazil facing ...": a state the story describes, not a measure it reports)
    assert not _keys(
        "The accord follows months of strained talks, with Brazil facing some of the steepest "
        "American duties anywhere.",
        "2025-09-10",
    )


def test_what_negotiations_seek_is_no_measure_but_what_they_agree_is() -> None:
    assert not _keys(
        "Washington published the final reciprocal tariff rates after months of negotiations "
        "with several Asian economies to lower tariffs.",
        "2025-09-10",
    )
    assert _keys(
        "Seoul agreed in talks with Washington to cut tariffs on US cars to zero.", "2025-09-10"
    ) == {("KOR", "USA", "tariff_reduction")}


def test_a_pledge_to_buy_after_stopping_other_purchases_buys_from_the_goods_country() -> None:
    assert _keys(
        "Under the trade deal, Ankara would stop buying Iranian gas and commit to purchasing "
        "$40 billion of American liquefied natural gas, while Washington cuts its tariff to 15%.",
        "2025-09-10",
    ) >= {("TUR", "USA", "purchase_commitment")}
    assert not any(
        t == "IRN"
        for _, t, _ in _keys(
            "Under the trade deal, Ankara would stop buying Iranian gas and commit to purchasing "
            "$40 billion of American liquefied natural gas, while Washington cuts its tariff to "
            "15%.",
            "2025-09-10",
        )
    )


def test_a_verb_on_market_access_or_a_quota_is_no_tariff_change() -> None:
    from ingestion.extract.rules import classify

    assert classify("Brussels confirms steel quota halving, 50% tariffs proposal") is None
    offered = classify(
        "came after negotiations in which Seoul put forward concessions to Washington, including "
        "increased market access and an end to some farm tariffs"
    )
    assert offered is None or offered.kind != "tariff_increase"


def test_a_summary_of_recent_years_is_no_measure() -> None:
    assert not _keys(
        "The probe will also examine other trade restrictions imposed by Brazil on Chinese "
        "firms in recent years, the ministry said.",
        "2025-09-25",
    )


def test_delivering_on_a_promise_is_no_resumed_supply() -> None:
    from ingestion.extract.rules import classify

    kind = classify(
        "DELIVERING ON FAIR TRADE: The President announced a trade deal that will give US "
        "exporters new market access."
    )
    assert kind is not None and kind.kind != "license_approval"


def test_a_compound_word_is_no_tariff_verb() -> None:
    from ingestion.extract.rules import classify

    kind = classify(
        "The two leaders struck a truce at their first face-to-face meeting in years, with Ottawa "
        "cutting its steel tariff in half"
    )
    assert kind is not None and kind.kind == "tariff_reduction"


def test_a_demonyms_authorities_decision_names_the_actor() -> None:
    keys = _keys(
        "Kenya asked Washington for talks at the WTO on Monday, after American authorities' "
        "decision to impose 25% tariffs on Kenyan tea.",
        "2025-05-12",
    )
    assert keys == {("USA", "KEN", "tariff_increase")}
    # (a decision about tariffs the story already told is discussed, not reported again)
    assert not _keys(
        "Kenya asked Washington for talks at the WTO in early May, after American authorities' "
        "decision to impose these tariffs.",
        "2025-05-12",
    )


def test_the_country_whose_pressure_led_to_a_control_is_not_its_target() -> None:
    keys = _keys(
        "Seoul's licence requirements for chip equipment were introduced under US pressure to "
        "limit shipments to China.",
        "2025-03-26",
    )
    assert keys == {("KOR", "CHN", "export_control")}


def test_potential_controls_and_measures_of_a_past_term_are_no_news() -> None:
    assert not _keys(
        "Brussels unveiled potential export controls on chip tools to China.", "2025-02-25"
    )
    assert _keys("Brussels unveiled export controls on chip tools to China.", "2025-02-25")
    assert not _keys(
        "Washington launched several steel investigations during the second Trump administration.",
        "2025-08-01",
    )


def test_a_threat_of_the_past_does_not_make_the_new_rate_a_threat() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Washington and Manila reached a framework under which the US will impose a 19 percent "
        "tariff on Philippine imports, down from the previously threatened 20 percent.",
        "2025-07-22",
    )
    assert [(s["actor"], s["target"], s["status"]) for s in out] == [("USA", "PHL", "announced")]


def test_hong_kong_named_beside_china_is_one_target_with_it() -> None:
    assert _keys(
        "The State Department will tighten visa screening for applicants from China and Hong "
        "Kong, officials said.",
        "2025-05-29",
    ) == {("USA", "CHN", "visa_policy")}


def test_what_later_befell_a_measure_in_a_relative_clause_is_an_aside() -> None:
    assert _keys(
        "Beijing hit back after Washington ordered an extra 10% duty on Chinese goods, along "
        "with levies on Canada and Mexico that were later delayed.",
        "2025-02-01",
    ) == {("USA", "CHN", "tariff_increase")}


def test_removing_trade_barriers_on_goods_is_a_tariff_cut() -> None:
    assert _keys(
        "Under the trade agreement, Peru will eliminate trade barriers on 150 categories of US "
        "goods, including chemicals and machinery.",
        "2025-11-13",
    ) == {("PER", "USA", "tariff_reduction")}


def test_a_suspension_of_concessions_is_aimed_at_the_member_whose_measure_it_answers() -> None:
    assert _keys(
        "Brazil told the WTO's goods council it plans a suspension of concessions over "
        "the safeguard duties the United States prolonged on steel imports, a filing showed.",
        "2025-05-12",
    ) == {("BRA", "USA", "tariff_increase")}


def test_aircraft_bought_under_a_deal_are_named_as_such() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Under the trade deal with Washington, Malaysia will buy 30 Boeing aircraft worth $19 "
        "billion.",
        "2025-10-26",
    )
    assert [(s["actor"], s["kind"], s["products"], list(s["hs_codes"])) for s in out] == [
        ("MYS", "purchase_commitment", "aircraft", ["8802"])
    ]


def test_countries_told_their_goods_will_face_a_rate_all_pay_it() -> None:
    assert _keys(
        "Trump sent letters informing South Korea and Japan that their goods would face a 25% "
        "tariff from August 1.",
        "2025-07-07",
    ) == {("USA", "KOR", "tariff_increase"), ("USA", "JPN", "tariff_increase")}


def test_a_country_named_on_the_measures_own_noun_owns_it() -> None:
    keys = _keys(
        "Beijing said it would impose special port fees on US-owned vessels from October 14 in "
        "response to US port charges on Chinese ships.",
        "2025-10-10",
    )
    assert keys == {("CHN", "USA", "port_fee"), ("USA", "CHN", "port_fee")}
    # (a subject right before "bans" is the verb's subject, read as before)
    assert _keys(
        "Ottawa bans exports of canola meal to China, officials said on Thursday.", "2025-03-20"
    ) == {("CAN", "CHN", "export_control")}


def test_suspended_countermeasures_that_snap_back_are_put_back_in_force() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Brussels said its suspended countermeasures against US steel tariffs would snap back "
        "on April 1.",
        "2025-03-12",
    )
    eu = [s for s in out if s["actor"] == "EUN"]
    assert [(s["target"], s["kind"], str(s["effective_on"])) for s in eu] == [
        ("USA", "tariff_increase", "2025-04-01")
    ]


def test_a_headline_comma_joins_two_subjects() -> None:
    assert _keys("US, Vietnam agree to slash tariffs in Hanoi breakthrough", "2025-07-02") == {
        ("USA", "VNM", "tariff_reduction"),
        ("VNM", "USA", "tariff_reduction"),
    }


def test_a_range_of_rates_is_no_change_from_the_lowest() -> None:
    from ingestion.extract.rates import find_rates

    assert find_rates(
        "an order imposing tariffs ranging from 10% to 41% on dozens of countries"
    ) == (
        None,
        41.0,
    )
    assert find_rates("raised the tariff from 10% to 50%") == (10.0, 50.0)


def test_the_day_an_eased_measure_took_effect_is_not_the_easings() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Washington delayed by a month the 25% tariffs on most goods from Peru that took effect "
        "on Tuesday.",
        "2025-03-06",
    )
    assert [(s["target"], s["kind"], s["effective_on"]) for s in out] == [
        ("PER", "tariff_suspension", None)
    ]


def test_granted_duty_free_imports_are_a_cut_to_zero_on_the_goods_named() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Under the proposed deal, New Delhi will allow duty-free imports of US walnuts, officials "
        "said.",
        "2025-06-04",
    )
    assert [
        (s["actor"], s["target"], s["kind"], s["rate_after_pct"], s["products"]) for s in out
    ] == [("IND", "USA", "tariff_reduction", 0.0, "nuts")]


def test_canola_and_peas_are_named_products() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Beijing announced 100% tariffs on Canadian canola oil and peas on Saturday.", "2025-03-08"
    )
    assert [s["products"] for s in out if s["actor"] == "CHN"] == ["canola, peas"]


def test_a_list_of_targets_with_their_rates_is_no_parenthesis_of_examples() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Washington announced steep tariffs on about 60 countries, including 34% on China, 20% "
        "on the EU and 24% on Japan.",
        "2025-04-02",
    )
    assert {(s["target"], s["rate_after_pct"]) for s in out} == {
        ("CHN", 34.0),
        ("EUN", 20.0),
        ("JPN", 24.0),
    }


def test_effective_in_a_number_of_days_counts_from_the_report() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Washington signed an order imposing an additional 25% tariff on Brazilian goods, "
        "effective in 21 days.",
        "2025-08-06",
    )
    assert [(s["target"], str(s["effective_on"])) for s in out] == [("BRA", "2025-08-27")]


def test_a_suspended_listing_eases_a_control() -> None:
    assert _keys(
        "Beijing suspended the unreliable entity listing of 17 US firms for 90 days.", "2025-05-14"
    ) == {("CHN", "USA", "export_control_relaxation")}


def test_a_threatened_tariff_is_a_threatened_increase() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "An ad by Ontario prompted Washington to end trade talks and threaten a further 10% levy "
        "on Canadian goods.",
        "2025-10-24",
    )
    assert [(s["actor"], s["target"], s["kind"], s["status"]) for s in out] == [
        ("USA", "CAN", "tariff_increase", "threatened")
    ]


def test_an_act_judged_in_a_gerund_is_no_news_but_an_answer_by_one_is() -> None:
    assert not _keys(
        "The court ruled that Trump exceeded his authority in imposing the tariffs on "
        "Brazilian goods.",
        "2025-05-29",
    )
    assert ("CAN", "USA", "tariff_increase") in _keys(
        "Ottawa responded by imposing 25% tariffs on US steel on Thursday.", "2025-03-13"
    )


def test_an_act_after_a_state_of_facing_tariffs_is_the_news() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "The EU and China are close to a deal on EV duties, EU officials said. The EU wants "
        "price floors. The talks come as both sides face steep US tariffs: Washington raised its "
        "levy on Chinese goods to 145% this month.",
        "2025-04-14",
    )
    assert {(s["actor"], s["target"], s["rate_after_pct"]) for s in out} == {("USA", "CHN", 145.0)}


def test_provisional_deposits_are_duties() -> None:
    assert _keys(
        "Beijing imposed provisional anti-subsidy deposits of up to 39% on Canadian canola on "
        "Tuesday.",
        "2025-08-12",
    ) == {("CHN", "CAN", "tariff_increase")}


def test_a_measure_of_last_october_is_recalled_not_reported() -> None:
    assert not _keys(
        "Brussels imposed countervailing duties of up to 35.3% on Chinese-made EVs last October.",
        "2025-04-14",
    )


def test_goods_that_face_a_rate_in_a_detail_clause_are_the_last_measures() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Ottawa said on Tuesday it would impose tariffs on US farm goods from March 10, after "
        "Washington raised its tariff on Canadian goods to 25%. The finance ministry said a 25% "
        "levy would apply to chicken and wheat, while soybeans and pork would face 10%.",
        "2025-03-04",
    )
    can = [s for s in out if s["actor"] == "CAN"]
    # (the goods named first are the measure's, not the goods of the measure it answers)
    assert {(s["target"], s["products"]) for s in can} >= {
        ("USA", "farm products"),
        ("USA", "soybeans, pork"),
    }
    assert not [s for s in out if s["actor"] == "USA" and "soybeans" in s["products"]]


def test_an_institution_is_no_goods_origin_and_a_possessive_sets_the_rate() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Under Ottawa's response, US chicken and wheat will carry an additional 25 percent from "
        "March 13. The move followed word from the White House that the total US tariff on most "
        "Canadian goods was 35 percent.",
        "2025-03-12",
    )
    assert ("CAN", "USA", 25.0) in {(s["actor"], s["target"], s["rate_after_pct"]) for s in out}
    assert not [s for s in out if s["actor"] == "CAN" and s["rate_after_pct"] == 35.0]


def test_a_promise_to_supply_rare_earths_is_a_resumed_export_and_limiting_exports_a_control() -> (
    None
):
    assert ("CHN", "USA", "license_approval") in _keys(
        "Beijing will supply rare earth magnets up front, while Washington will ease its chip "
        "curbs, the White House said.",
        "2025-06-11",
    )
    assert not _keys("China supplies about 90% of the world's rare earth magnets.", "2025-06-11")
    assert _keys(
        "Seoul unveiled a rule on Monday limiting chip exports to most countries.", "2025-01-15"
    ) == {("KOR", "WLD", "export_control")}


def test_a_rate_called_a_penalty_is_a_duty_aimed_at_the_possessor_of_the_reason() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "A 15% US tariff on Turkish goods took effect on Thursday. Washington has also ordered a "
        "further 25% penalty from August 27 over Ankara's purchases of Russian oil.",
        "2025-08-07",
    )
    keys = {(s["actor"], s["target"], s["rate_after_pct"], str(s["effective_on"])) for s in out}
    assert ("USA", "TUR", 25.0, "2025-08-27") in keys
    assert not [s for s in out if s["target"] == "RUS"]


def test_a_restored_tariff_that_ends_exemptions_falls_on_every_country() -> None:
    keys = _keys(
        "Washington signed proclamations restoring a full 25% tariff on steel imports and raising "
        "aluminium tariffs to 25%, ending exemptions for Canada, Mexico and Brazil.",
        "2025-02-10",
    )
    assert keys == {("USA", "WLD", "tariff_increase")}


def test_a_rate_up_from_an_earlier_level_is_a_rise() -> None:
    out = statements(
        "Ankara hit back at Washington on Monday. Turkey will raise duties on US goods, and US "
        "rice will face a 60% levy, up from 40%.",
        "2018-06-25",
    )
    rice = [s for s in out if s["rate_after_pct"] == 60.0]
    assert [(s["kind"], s["rate_before_pct"]) for s in rice] == [("tariff_increase", 40.0)]


def test_set_with_a_rate_imposes_a_tariff_and_set_without_one_does_not() -> None:
    out = statements(
        "Chilean exporters scrambled on Friday after the White House set a 30% tariff on goods "
        "from Chile.",
        "2025-08-01",
    )
    assert [(s["actor"], s["target"], s["kind"], s["rate_after_pct"]) for s in out] == [
        ("USA", "CHL", "tariff_increase", 30.0)
    ]
    assert classify("Santiago set up a working group on US tariffs on Tuesday") is None


def test_a_quota_let_in_duty_free_is_a_cut_to_zero() -> None:
    out = statements(
        "The United States and Japan settled their steel dispute on Monday. Under the accord, "
        "Washington will let a quota of Japanese steel enter the US duty-free.",
        "2022-02-08",
    )
    assert [(s["actor"], s["target"], s["kind"], s["rate_after_pct"]) for s in out] == [
        ("USA", "JPN", "tariff_reduction", 0.0)
    ]


def test_a_standard_rate_a_measure_comes_on_top_of_is_not_its_rate() -> None:
    from ingestion.extract.rates import find_rates

    assert find_rates("The new duties come on top of the standard 10% car import duty") == (
        None,
        None,
    )
    # (a rate is read from its first digit: "110%" holds no "10%")
    assert find_rates("on top of the usual 110% duty") == (None, None)
    assert find_rates("raised the duty to 110%") == (None, 110.0)


def test_a_second_verb_of_the_same_subject_falls_on_the_same_country() -> None:
    out = statements(
        "Ottawa on Monday tripled its surtax on Chinese electric cars to 100% and raised the "
        "rate on steel to 25%.",
        "2024-08-26",
    )
    assert {(s["actor"], s["target"], s["rate_after_pct"]) for s in out} == {
        ("CAN", "CHN", 100.0),
        ("CAN", "CHN", 25.0),
    }


def test_a_later_sentence_dates_and_bounds_the_measure_it_refers_back_to() -> None:
    out = statements(
        "Beijing said on Thursday it would scrap its duties on Australian barley. The duties of "
        "up to 80% were first imposed in 2020. The removal takes effect on Saturday.",
        "2023-08-03",
    )
    assert [(s["actor"], s["target"], s["kind"], str(s["effective_on"])) for s in out] == [
        ("CHN", "AUS", "tariff_reduction", "2023-08-05")
    ]
    out = statements(
        "Brussels will charge anti-dumping duties of 30% on Chinese steel wire from Monday. The "
        "duties will last for five years.",
        "2024-04-10",
    )
    assert [(str(s["effective_on"]), str(s["expires_on"])) for s in out] == [
        ("2024-04-15", "2029-04-15")
    ]
    # (three sentences on, "the increase" is no longer that measure's)
    out = statements(
        "Brussels will charge anti-dumping duties of 30% on Chinese steel wire. Producers had "
        "asked for help for months. Chinese exporters said they would appeal. Prices have risen "
        "sharply. The increase takes effect on Friday.",
        "2024-04-10",
    )
    assert [s["effective_on"] for s in out] == [None]


def test_an_answer_to_tariff_actions_is_a_tit_for_tat_story_for_unaimed_controls() -> None:
    text = (
        "Ottawa will charge extra duties on some American goods from March 4 in response to "
        "Washington's tariff actions, the finance ministry said. Canada said separately that "
        "it is imposing export controls on some critical minerals such as nickel and cobalt."
    )
    controls = [s for s in statements(text, "2025-03-02") if s["kind"] == "export_control"]
    assert [(s["actor"], s["target"]) for s in controls] == [("CAN", "USA")]
    # ("in response to questions" answers no measure: the control stays unaimed)
    text = (
        "Ottawa will charge extra duties on some American goods from March 4, the minister said "
        "in response to questions from Washington. Canada said separately that it is imposing "
        "export controls on some critical minerals such as nickel and cobalt."
    )
    controls = [s for s in statements(text, "2025-03-02") if s["kind"] == "export_control"]
    assert [(s["actor"], s["target"]) for s in controls] == [("CAN", "WLD")]


def test_an_absolute_with_phrase_sets_the_scene_and_reports_no_measure() -> None:
    text = (
        "Seoul cut its tariff on US beef to 20% on Monday. With Washington approving export "
        "licences for some chip firms and promising faster reviews, Korean carmakers now expect "
        "more orders."
    )
    out = statements(text, "2025-06-30")
    assert [(s["actor"], s["kind"]) for s in out] == [("KOR", "tariff_reduction")]
    # (the same licences told as the news are a statement)
    out = statements(
        "Washington approved export licences for some chip firms on Monday.", "2025-06-30"
    )
    assert [(s["actor"], s["kind"]) for s in out] == [("USA", "license_approval")]


def test_exempting_goods_from_an_export_ban_eases_it() -> None:
    k = classify("Beijing said on Sunday it will exempt some lithium cells from its export ban")
    assert k is not None and k.kind == "export_control_relaxation"
    k = classify("Tokyo granted exemptions to its export controls on photoresists for two firms")
    assert k is not None and k.kind == "export_control_relaxation"
    # (an exemption from tariffs is no easing of a control)
    k = classify("Washington will exempt smartphones from the 20% tariff on Chinese goods")
    assert k is not None and k.kind == "tariff_reduction"


def test_each_target_takes_the_rate_told_in_its_own_part_of_the_clause() -> None:
    out = statements(
        "Brazil's duties of 30% on goods from Peru and Chile came into force on Monday, together "
        "with a rise in the levy on Bolivian imports to 15%.",
        "2025-06-02",
    )
    assert {(s["target"], s["rate_after_pct"]) for s in out} == {
        ("PER", 30.0),
        ("CHL", 30.0),
        ("BOL", 15.0),
    }


def test_the_tariffs_named_again_are_the_last_tariffs_not_the_last_subjects() -> None:
    out = statements(
        "Washington threatened on Monday to put a 5% duty on all Colombian goods from June 10, "
        "rising steadily to 25% by October. Colombia's trade minister flew to Washington for "
        "talks. Days later, the tariffs were suspended after the two sides reached a deal.",
        "2019-06-03",
    )
    got = {(s["actor"], s["target"], s["kind"], s["rate_after_pct"]) for s in out}
    assert got == {
        ("USA", "COL", "tariff_increase", 5.0),
        ("USA", "COL", "tariff_suspension", None),
    }


def test_product_duties_right_after_a_country_targeted_measure_fall_on_that_country() -> None:
    text = (
        "Arbitrators cleared Brussels to impose duties on $4 billion of American goods over "
        "subsidies to Boeing. The Commission said it would apply a 15% tariff on aircraft and "
        "25% on tractors from November 10."
    )
    out = statements(text, "2020-10-27")
    assert {s["target"] for s in out} == {"USA"}
    # (one measure: the duties announced, then their rates and start a fortnight on)
    assert len({s["entry_key"] for s in out}) == 1


def test_the_side_that_pays_a_rate_agreed_in_a_deal_is_taxed_at_a_lower_rate() -> None:
    out = statements(
        "Peru will pay a 12% tariff on goods it sells to the United States under a deal "
        "announced on Tuesday, Washington said.",
        "2025-07-16",
    )
    assert [(s["actor"], s["target"], s["kind"], s["rate_after_pct"]) for s in out] == [
        ("USA", "PER", "tariff_reduction", 12.0)
    ]
    out = statements(
        "The European Union agreed on Sunday to a 15% US tariff on most of its exports in a deal "
        "struck in Brussels, officials said. The bloc pledged to purchase $100 billion "
        "of US energy.",
        "2025-07-28",
    )
    assert {(s["actor"], s["target"], s["kind"]) for s in out} == {
        ("USA", "EUN", "tariff_reduction"),
        ("EUN", "USA", "purchase_commitment"),
    }
    # (a deal told in the sentence before makes the rate paid the deal's)
    out = statements(
        "We concluded our trade deal with Chile, Washington said. Chile will pay "
        "a 12% tariff on the goods it ships to the United States.",
        "2025-07-16",
    )
    assert [(s["actor"], s["kind"]) for s in out] == [("USA", "tariff_reduction")]


def test_a_weekday_counts_either_side_of_a_publication_day_that_is_only_inferred() -> None:
    from ingestion.extract.dates import find_dates

    text = "The president posted early Wednesday."
    tuesday = dt.date(2025, 7, 22)
    assert [d.value for d in find_dates(text, 0, len(text), tuesday, 2025)] == [
        dt.date(2025, 7, 16)
    ]
    assert [d.value for d in find_dates(text, 0, len(text), tuesday, 2025, around=True)] == [
        dt.date(2025, 7, 23)
    ]


def test_tariffs_on_the_country_after_two_signatories_fall_on_the_one_named_last() -> None:
    out = statements(
        "The US and Vietnam have signed an agreement that will cut tariffs on the country to 20 "
        "per cent in exchange for $90bn of purchases.",
        "2026-01-15",
    )
    assert [
        (s["actor"], s["target"], s["kind"]) for s in out if s["kind"].startswith("tariff")
    ] == [("USA", "VNM", "tariff_reduction")]


def test_a_weekday_after_a_past_tense_start_is_the_one_before_the_report() -> None:
    out = statements(
        "The Canadian surtaxes of 25% on US steel came into force on Friday, officials said.",
        "2018-07-02",
    )
    assert [(str(s["effective_on"]), s["status"]) for s in out] == [("2018-06-29", "implemented")]


def test_lifting_a_named_rate_removes_it() -> None:
    out = statements(
        "Beijing said on Friday it would lift the 73.6% duties on Australian wine from Saturday.",
        "2023-08-04",
    )
    assert [(s["kind"], s["rate_before_pct"], s["rate_after_pct"]) for s in out] == [
        ("tariff_reduction", 73.6, 0.0)
    ]


def test_the_level_a_deal_rate_replaces_is_its_rate_before_and_not_its_date_or_threat() -> None:
    out = statements(
        "Washington will charge a 20% tariff on Thai exports, down from the 36% rate announced "
        "in April.",
        "2025-07-23",
    )
    assert [(s["actor"], s["target"], s["kind"], s["rate_before_pct"]) for s in out] == [
        ("USA", "THA", "tariff_reduction", 36.0)
    ]
    out = statements(
        "Chile and the United States agreed on Wednesday to a 12% tariff on Chilean goods, "
        "instead of the 25% Trump had threatened.",
        "2025-07-31",
    )
    assert [
        (s["actor"], s["target"], s["rate_before_pct"], s["status"], str(s["announced_on"]))
        for s in out
    ] == [("USA", "CHL", 25.0, "implemented", "2025-07-30")]


def test_a_spread_between_two_rates_tells_the_top() -> None:
    from ingestion.extract.rates import find_rates

    assert find_rates("provisional duties of between 12.5% and 41.2% on Chinese tyres") == (
        None,
        41.2,
    )


def test_holding_off_or_not_going_ahead_puts_a_tariff_off() -> None:
    for clause in (
        "Washington agreed to hold off on raising tariffs on Chinese goods for 90 days",
        "the US will not go ahead with tariffs on Chinese phones due on December 15",
    ):
        k = classify(clause)
        assert k is not None and k.kind == "tariff_suspension", clause


def test_countries_told_with_their_own_rates_each_pay_their_rate_to_the_speakers_side() -> None:
    out = statements(
        "Peru will face a 40% tariff from August 1, Trump said on Wednesday, while Chile will "
        "face 15%, Bolivia 25% and Ecuador 30%.",
        "2025-07-09",
    )
    assert {(s["actor"], s["target"], s["rate_after_pct"]) for s in out} == {
        ("USA", "PER", 40.0),
        ("USA", "CHL", 15.0),
        ("USA", "BOL", 25.0),
        ("USA", "ECU", 30.0),
    }
    out = statements(
        "Washington told Hanoi and Phnom Penh in letters on Monday that Vietnam would face a 20% "
        "tariff and Cambodia a 36% tariff from August 1.",
        "2025-07-08",
    )
    assert {(s["target"], s["rate_after_pct"]) for s in out} == {("VNM", 20.0), ("KHM", 36.0)}


def test_a_condition_told_after_a_later_coordinated_part_is_that_parts() -> None:
    out = statements(
        "Norway will impose 20% tariffs on American goods immediately, the prime minister said "
        "on Tuesday, and on a further $10 billion in 21 days if the US tariffs remain.",
        "2025-03-04",
    )
    assert [s["status"] for s in out if s["rate_after_pct"] == 20.0] == ["announced"]


def test_goods_named_by_a_demonym_at_the_head_of_the_clause_pay_the_rate() -> None:
    out = statements(
        "Washington ordered 25% tariffs on imports from Chile and Peru and 10% on goods from "
        "Bolivia. Chilean copper will face a lower 10% rate.",
        "2025-02-01",
    )
    lower = [(s["actor"], s["target"]) for s in out if s["kind"] == "tariff_reduction"]
    assert lower == [("USA", "CHL")]


def test_he_also_repeats_the_last_act_and_its_actor() -> None:
    out = statements(
        "Trump agreed on Monday to pause the tariffs on Colombia for 30 days after President "
        "Gustavo Petro promised to take back deportees. Hours later, he also paused the tariffs "
        "on Peru for 30 days.",
        "2025-02-03",
    )
    assert {(s["actor"], s["target"]) for s in out} == {("USA", "COL"), ("USA", "PER")}


def test_the_date_of_the_level_a_rate_replaces_is_not_the_measures() -> None:
    out = statements(
        "Chile will face a 12% US tariff after its president met Trump, a slight cut from the 15% "
        "rate set out in a letter earlier this month.",
        "2025-07-23",
    )
    assert [(str(s["announced_on"]), s["rate_before_pct"]) for s in out] == [("2025-07-23", 15.0)]


def test_ending_trade_preferences_raises_duties_on_the_country_that_loses_them() -> None:
    out = statements(
        "Washington intends to end Turkey's designation as a beneficiary developing country "
        "under the Generalized System of Preferences, the trade representative said on Monday.",
        "2019-03-05",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [
        ("USA", "TUR", "tariff_increase")
    ]
    out = statements(
        "Brussels decided on Wednesday to withdraw part of Myanmar's trade preferences under the "
        "Everything But Arms scheme, effective August 12.",
        "2020-02-13",
    )
    assert [(s["actor"], s["target"], str(s["effective_on"])) for s in out] == [
        ("EUN", "MMR", "2020-08-12")
    ]


def test_more_ways_of_telling_a_measure() -> None:
    cases = [
        # items added to a control list, export permits required
        (
            "Seoul added 12 types of battery equipment to its export control list on Tuesday.",
            "export_control",
        ),
        (
            "Jakarta will require export permits for some nickel products from December 1.",
            "export_control",
        ),
        # deposits told by their rate, proposed tariffs, goods hit with a rate
        (
            "Beijing will require importers of pork from Spain to pay deposits of 20% to 62% from "
            "Friday.",
            "tariff_increase",
        ),
        (
            "Washington proposed tariffs of up to 100% on $2 billion of Italian goods on Monday.",
            "tariff_increase",
        ),
        (
            "Ottawa said it will hit bourbon and jeans from the US with 25% duties if Washington "
            "proceeds.",
            "tariff_increase",
        ),
    ]
    for text, kind in cases:
        out = statements(text, "2024-10-08")
        assert [s["kind"] for s in out] == [kind], text
    out = statements(
        "Washington proposed tariffs of up to 100% on $2 billion of Italian products on Monday.",
        "2019-12-03",
    )
    assert [s["status"] for s in out] == ["announced"]


def test_what_the_target_buys_and_whom_pressure_is_on_are_not_targets() -> None:
    out = statements(
        "President Trump signed an order on Wednesday imposing an additional 25% in tariffs on "
        "Turkey over the country's purchases of Iranian oil, to ramp up pressure on Tehran.",
        "2025-08-06",
    )
    assert {(s["actor"], s["target"]) for s in out} == {("USA", "TUR")}


def test_two_subjects_that_each_act_on_the_other_both_act() -> None:
    out = statements(
        "Japan and South Korea both suspended their port fees on each other's ships for one "
        "year from Monday.",
        "2025-11-10",
    )
    assert {(s["actor"], s["target"]) for s in out} == {("JPN", "KOR"), ("KOR", "JPN")}
    # (one subject acting on a pair's behalf is one statement)
    out = statements(
        "Japan and South Korea signed a deal under which Tokyo will impose port fees on "
        "Korean ships from Monday.",
        "2025-11-10",
    )
    assert {(s["actor"], s["target"]) for s in out} == {("JPN", "KOR")}


def test_a_list_of_rates_on_countries_gives_each_country_its_rate() -> None:
    out = statements(
        "Washington sends letters: 30% tariffs on Peru and Chile, 20% on Bolivia and Ecuador, "
        "15% on Uruguay from August 1.",
        "2025-07-08",
    )
    assert {(s["target"], s["rate_after_pct"]) for s in out} == {
        ("PER", 30.0),
        ("CHL", 30.0),
        ("BOL", 20.0),
        ("ECU", 20.0),
        ("URY", 15.0),
    }
    out = statements(
        "President Trump signed an order on new tariffs on Thursday. The order sets rates of 20% "
        "for Peru, 15% for Chile and Bolivia, and 30% for Ecuador, effective August 7.",
        "2025-08-01",
    )
    assert {(s["actor"], s["target"], s["rate_after_pct"]) for s in out} == {
        ("USA", "PER", 20.0),
        ("USA", "CHL", 15.0),
        ("USA", "BOL", 15.0),
        ("USA", "ECU", 30.0),
    }


def test_a_regulator_speaks_for_its_side_and_a_level_that_stays_is_no_measure() -> None:
    out = statements(
        "Seoul said on Tuesday it would impose tariffs on steel from Japan from February 10. The "
        "market regulator said it had opened an antitrust investigation into Toyota.",
        "2025-02-04",
    )
    assert ("KOR", "JPN", "investigation") in {(s["actor"], s["target"], s["kind"]) for s in out}
    out = statements(
        "Seoul cut its tariffs on Japanese farm goods on Wednesday. Rice will still face a 13% "
        "tariff, traders said.",
        "2025-11-05",
    )
    assert [s["kind"] for s in out] == ["tariff_reduction"]


def test_a_pause_that_now_runs_until_a_day_ends_then() -> None:
    out = statements(
        "Seoul and Tokyo extended their tariff truce on Monday. The pause now runs until "
        "November 10.",
        "2025-08-12",
    )
    assert {str(s["expires_on"]) for s in out} == {"2025-11-10"}


def test_a_start_told_once_at_the_end_of_a_sentence_is_every_parts() -> None:
    out = statements(
        "Seoul will cut its tariff on Japanese goods to 10% from 25%, and Tokyo will lower its "
        "duties on Korean goods to 5% from 20%, starting May 14.",
        "2025-05-12",
    )
    assert {(s["actor"], str(s["effective_on"])) for s in out} == {
        ("KOR", "2025-05-14"),
        ("JPN", "2025-05-14"),
    }


def test_a_second_verb_after_but_or_and_has_its_own_measure() -> None:
    out = statements(
        "Ottawa paused most of its new tariffs for 90 days but raised the levy on Chinese goods "
        "to 125%, officials said.",
        "2025-04-10",
    )
    assert ("tariff_increase", "CHN", 125.0) in {
        (s["kind"], s["target"], s["rate_after_pct"]) for s in out
    }
    k = classify(
        "Washington will suspend for a year the rule that extends export restrictions to "
        "affiliates of listed firms"
    )
    assert k is not None and k.kind == "export_control_relaxation"


def test_put_on_par_is_no_measure_and_put_on_hold_is_a_pause() -> None:
    assert classify("its new tariff rate and treatment put it on par with other partners") is None
    k = classify("Washington put the tariffs on Mexican goods on hold for a month")
    assert k is not None and k.kind == "tariff_suspension"


def test_port_fees_told_by_amount_per_call_and_their_start_in_the_next_sentence() -> None:
    out = statements(
        "The US Trade Representative proposed on Thursday fees of up to $1 million per port call "
        "on Korean-built ships. The fees will start in 180 days, on October 14.",
        "2025-04-18",
    )
    assert [(s["actor"], s["target"], s["kind"], str(s["effective_on"])) for s in out] == [
        ("USA", "KOR", "port_fee", "2025-10-14")
    ]


def test_a_named_lists_keeper_acts_when_no_one_else_is_named() -> None:
    out = statements(
        "Beijing imposed tariffs on Canadian canola on Tuesday. Ten Canadian firms were added "
        "to the unreliable entity list.",
        "2025-03-04",
    )
    assert ("CHN", "CAN", "export_control") in {(s["actor"], s["target"], s["kind"]) for s in out}


def test_any_further_measures_and_a_date_naming_the_object_are_no_news() -> None:
    out = statements(
        "The finance ministry in Ottawa said it would ignore any further US tariff increases.",
        "2025-04-11",
    )
    assert out == []
    out = statements(
        "Beijing also suspended the October 9 rare earth rules, the commerce ministry said on "
        "Monday.",
        "2025-11-10",
    )
    assert [(s["kind"], str(s["announced_on"])) for s in out] == [
        ("export_control_relaxation", "2025-11-10")
    ]


def test_a_change_told_from_one_level_to_another_keeps_its_start() -> None:
    out = statements(
        "Ottawa will bring its combined duty on Chinese products down from 45 percent to 15 "
        "percent from May 14.",
        "2025-05-12",
    )
    assert [(s["rate_before_pct"], s["rate_after_pct"], str(s["effective_on"])) for s in out] == [
        (45.0, 15.0, "2025-05-14")
    ]


def test_a_currency_named_by_a_demonym_is_no_goods_and_counter_tariffs_have_a_rate() -> None:
    out = statements(
        "Mexico said it would impose 25% counter-tariffs on 30 billion Canadian dollars worth of "
        "US products from Thursday.",
        "2025-03-12",
    )
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in out if s["rate_after_pct"]] == [
        ("MEX", "USA", 25.0)
    ]


def test_a_level_in_place_since_a_date_or_already_paid_is_no_measure() -> None:
    for text in (
        "Washington raised tariffs on Peru to 40% on Wednesday. Peruvian goods have faced a 10% "
        "baseline tariff since April.",
        "Washington raised tariffs on Peru to 40% on Wednesday. Peruvian goods currently face an "
        "extra 10% tariff on top of existing duties.",
    ):
        out = statements(text, "2025-07-31")
        assert [s["rate_after_pct"] for s in out] == [40.0], text


def test_a_year_told_earlier_in_the_sentence_dates_a_later_day_without_one() -> None:
    from ingestion.extract.dates import find_dates

    text = "On March 8, 2025, Beijing announced 100% tariffs on Canadian peas, effective March 20."
    assert [d.value for d in find_dates(text, 0, len(text), dt.date(2026, 1, 17), 2026)] == [
        dt.date(2025, 3, 8),
        dt.date(2025, 3, 20),
    ]


def test_a_countrys_firms_pledging_under_a_deal_are_its_side() -> None:
    out = statements(
        "Washington will cut tariffs on Norwegian goods to 15% under a deal reached on Friday. "
        "Norwegian companies pledged to invest 100 billion dollars in the United States by 2028.",
        "2025-11-14",
    )
    assert ("NOR", "USA", "other") in {(s["actor"], s["target"], s["kind"]) for s in out}


def test_a_quoted_white_list_and_a_lapsing_suspension() -> None:
    out = statements(
        "Seoul dropped Tokyo from its own 'white list' on August 28, requiring licences for many "
        "exports.",
        "2019-09-18",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [("KOR", "JPN", "export_control")]
    k = classify(
        "Ottawa said it would let the suspension of its countermeasures against the US lapse on "
        "April 1"
    )
    assert k is not None and k.kind == "tariff_increase"


def test_goods_named_by_their_country_pay_and_collecting_a_rate_imposes_it() -> None:
    out = statements(
        "Under the deal, most Korean exports to the United States will face a 15% tariff, down "
        "from the 25% Trump had threatened.",
        "2025-07-28",
    )
    out += statements(
        "Under the deal, most EU exports to the United States will face a 15% tariff.",
        "2025-07-28",
    )
    assert {(s["actor"], s["target"], s["kind"]) for s in out} == {
        ("USA", "KOR", "tariff_reduction"),
        ("USA", "EUN", "tariff_reduction"),
    }
    k = classify("The United States began collecting 25% tariffs on all imports of steel on Friday")
    assert k is not None and k.kind == "tariff_increase"
    # (revenue collected is no measure)
    assert classify("The United States collected $30 billion in customs receipts in May") is None


def test_a_quota_let_in_at_a_rate_instead_of_an_older_surtax_is_a_cut_from_it() -> None:
    out = statements(
        "Ottawa will allow up to 20,000 Chinese electric trucks a year into its market at a "
        "tariff of 6.1%, instead of the 100% surtax imposed in 2024.",
        "2026-01-16",
    )
    assert [(s["kind"], s["rate_before_pct"], s["rate_after_pct"]) for s in out] == [
        ("tariff_reduction", 100.0, 6.1)
    ]


def test_those_allowed_to_import_are_the_targets_of_the_sellers_easing() -> None:
    out = statements(
        "Qatar and Oman will be allowed to import advanced American AI chips under new "
        "licences, the Commerce Department said.",
        "2025-05-14",
    )
    assert {(s["actor"], s["target"]) for s in out} == {("USA", "QAT"), ("USA", "OMN")}


def test_a_zero_tariff_named_as_a_price_and_a_relative_threat_are_read_right() -> None:
    k = classify("in exchange for a zero US tariff on British medicines for three years")
    assert k is not None and k.kind == "tariff_reduction"
    out = statements(
        "Beijing will allow exemptions to its ban on exports of gallium for civilian use, "
        "easing a shortage that had threatened chip production.",
        "2025-11-09",
    )
    assert [s["status"] for s in out] == ["announced"]


def test_a_probe_by_its_verb_rules_on_sales_and_an_extended_deadline() -> None:
    out = statements(
        "The United States will investigate Italy's new 3% tax on digital services, the trade "
        "representative said on Wednesday.",
        "2019-07-11",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [("USA", "ITA", "investigation")]
    out = statements(
        "Tokyo tightened its rules on sales of chipmaking tools to China on Tuesday.",
        "2023-10-17",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [("JPN", "CHN", "export_control")]
    out = statements(
        "Trump extended the deadline for the tariffs on Mexican goods to August 1, the White House "
        "said on Monday.",
        "2025-07-07",
    )
    assert [(s["kind"], str(s["announced_on"]), str(s["expires_on"])) for s in out] == [
        ("tariff_suspension", "2025-07-07", "2025-08-01")
    ]


def test_more_measures_from_a_blind_test() -> None:
    out = statements(
        "President Trump announced new tariffs on Wednesday. Dozens of trading partners will "
        "face higher rates from April 9: 34% for China, 20% for the European Union and 24% for "
        "Japan.",
        "2025-04-03",
    )
    assert {(s["actor"], s["target"], s["rate_after_pct"]) for s in out if s["rate_after_pct"]} >= {
        ("USA", "CHN", 34.0),
        ("USA", "EUN", 20.0),
        ("USA", "JPN", 24.0),
    }
    out = statements(
        "Ottawa will impose a 100% surtax on electric vehicles made in China from October 1.",
        "2024-08-27",
    )
    assert [(s["actor"], s["target"]) for s in out] == [("CAN", "CHN")]
    k = classify(
        "Washington began collecting tariffs on $7.5 billion of goods from the EU on Friday"
    )
    assert k is not None and k.kind == "tariff_increase"
    k = classify(
        "the Commission said it would suspend for 90 days the countermeasures on 21 billion euros "
        "of US goods"
    )
    assert k is not None and k.kind == "tariff_suspension"


def test_a_reason_clause_names_another_measure() -> None:
    # The measure is the one of the main clause; the goods, rates and products of a reason
    # clause ("after Washington doubled ...") belong to the measure it recalls.
    out = statements(
        "Indonesia on Monday removed its 5% import duty on American wheat until the end of "
        "February, a gesture that followed after Washington lowered tariffs on Indonesian goods "
        "to 19%.",
        "2028-01-10",
    )
    assert [
        (s["actor"], s["kind"], s["rate_before_pct"], s["rate_after_pct"], str(s["expires_on"]))
        for s in out
    ] == [("IDN", "tariff_reduction", 5.0, 0.0, "2028-02-29")]
    out = statements(
        "Vietnam on Tuesday scrapped its 10% duty on ethanol until the end of June, a step that "
        "helps American farmers after Washington raised tariffs on Vietnamese goods to 46%.",
        "2027-04-13",
    )
    assert [(s["actor"], s["kind"], s["rate_after_pct"]) for s in out] == [
        ("VNM", "tariff_reduction", 0.0)
    ]


def test_a_firm_named_as_the_object_gives_the_target() -> None:
    # A measure on a firm, with no country named, is aimed at the firm's country; a body of
    # government going on after ", and" starts a measure of its own.
    out = statements(
        "Beijing's market regulator on Friday opened an antitrust probe into Qualcomm.",
        "2027-03-12",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [("CHN", "USA", "investigation")]
    out = statements(
        "The ministry of commerce in Beijing restricted exports of bismuth, and customs "
        "authorities began an inquiry into Micron.",
        "2027-03-12",
    )
    assert {(s["actor"], s["target"], s["kind"]) for s in out} == {
        ("CHN", "WLD", "export_control"),
        ("CHN", "USA", "investigation"),
    }


def test_a_second_infinitive_shares_the_threat_and_the_aim() -> None:
    out = statements(
        "President Trump threatened on Sunday to put a 60% tariff on Brazilian goods and to curb "
        "exports of aircraft parts.",
        "2027-05-09",
    )
    assert {(s["actor"], s["target"], s["kind"], s["status"]) for s in out} == {
        ("USA", "BRA", "tariff_increase", "threatened"),
        ("USA", "BRA", "export_control", "threatened"),
    }
    out = statements(
        "Tokyo said it would invest $90 billion in American shipyards, and Washington will lower "
        "its tariff on Japanese ships to 10%.",
        "2027-05-09",
    )
    assert {(s["actor"], s["target"], s["kind"]) for s in out} == {
        ("JPN", "USA", "other"),
        ("USA", "JPN", "tariff_reduction"),
    }


def test_a_us_statute_names_the_actor_and_a_rate_that_rose_is_in_force() -> None:
    out = statements(
        "Section 301 duties of 50% on Chinese solar wafers came into force on Wednesday, the "
        "trade office said.",
        "2027-01-06",
    )
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in out] == [("USA", "CHN", 50.0)]
    out = statements(
        "The Mexican levy on Chinese steel not shipped under the quota agreed with Beijing last "
        "year rose to 45% from 30% on Monday, after Mexico City said Beijing had done little to "
        "curb overcapacity and had retaliated against Mexican duties.",
        "2027-03-02",
    )
    assert [
        (s["actor"], s["target"], s["rate_before_pct"], s["rate_after_pct"], s["status"])
        for s in out
    ] == [("MEX", "CHN", 30.0, 45.0, "implemented")]


def test_a_list_of_rates_by_product_gives_one_measure_per_part() -> None:
    ex = run(
        "Ottawa will levy 20% on American bourbon and wine and 12% on steel and aluminium from "
        "Monday, the finance department said.",
        "2027-06-04",
    )
    out = ex.statements.to_dicts()
    assert sorted((s["actor"], s["target"], s["rate_after_pct"], s["products"]) for s in out) == [
        ("CAN", "USA", 12.0, "steel, aluminium"),
        ("CAN", "USA", 20.0, "spirits, wine"),
    ]
    assert len({s["entry_key"] for s in out}) == 2
    # (a list by country is not a list by product)
    out = statements("Washington will put 30% tariffs on Chinese steel and 20% on Brazilian steel.")
    assert {(s["target"], s["rate_after_pct"]) for s in out} == {("CHN", 30.0), ("BRA", 20.0)}


def test_a_second_party_in_turn_and_a_date_of_the_object() -> None:
    out = statements(
        "Washington halted for a year the docking fees on Chinese-owned ships that it began "
        "collecting on Oct. 14, and Beijing in turn suspended its own port charges on US vessels.",
        "2027-11-16",
    )
    assert {
        (s["actor"], s["target"], s["kind"], s["status"], str(s["announced_on"])) for s in out
    } == {
        ("USA", "CHN", "port_fee", "suspended", "2027-11-16"),
        ("CHN", "USA", "port_fee", "suspended", "2027-11-16"),
    }


def test_a_means_a_level_that_stays_and_an_averted_measure_are_no_news() -> None:
    assert not statements(
        "Judges on the appeals court questioned President Trump's use of a 1977 emergency law "
        "to impose duties on Indian and Brazilian goods.",
        "2027-09-02",
    )
    assert not statements(
        "President Trump said the 35% tariff on Canadian goods, the 25% levy on cars and the 50% "
        "duty on steel would remain in place for Canada.",
        "2027-09-02",
    )
    assert not statements(
        'Brazil\'s minister said "we averted the tariff increase announced for Friday" after the '
        "call with Washington.",
        "2027-09-02",
    )
    out = statements(
        "Washington used emergency powers to impose 40% tariffs on Brazilian goods on Monday.",
        "2027-09-02",
    )
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in out] == [("USA", "BRA", 40.0)]
    out = statements(
        "Indonesian carriers agreed on Friday to buy 30 Boeing jets under the trade deal.",
        "2027-09-03",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [
        ("IDN", "USA", "purchase_commitment")
    ]


def test_an_import_ban_and_its_end_are_measures_of_their_own() -> None:
    out = statements(
        "Russia has informed Moldova that it is halting imports of Moldovan wine from Monday, "
        "the agriculture ministry in Moscow said, escalating a trade row with new tariffs in view.",
        "2027-04-02",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [("RUS", "MDA", "other")]
    out = statements(
        "Beijing said on Friday it would resume imports of Australian barley, lifting a ban that "
        "accompanied its 80% tariff.",
        "2027-04-02",
    )
    assert ("CHN", "AUS", "other") in {(s["actor"], s["target"], s["kind"]) for s in out}


def test_both_as_the_subject_a_little_before_the_measure() -> None:
    out = statements(
        "Seoul and Tokyo met on Monday. Both governments will also suspend for two whole years "
        "the port fees each charged on the other's cargo ships last summer.",
        "2027-06-14",
    )
    assert {(s["actor"], s["target"]) for s in out} == {("KOR", "JPN"), ("JPN", "KOR")}


def test_a_bare_ministry_belongs_to_the_country_the_story_opens_with() -> None:
    out = statements(
        "India raised its duty on American almonds to 20% on Monday. The commerce ministry also "
        "placed export controls on rice. Officials in Brazil said they were watching closely.",
        "2027-05-10",
    )
    assert {s["actor"] for s in out} == {"IND"}


def test_ending_duty_free_treatment_is_an_increase_and_suspended_deliveries_no_tariff() -> None:
    out = statements(
        "Canada ended duty-free treatment for low-value parcels from all countries on Monday.",
        "2027-03-01",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [
        ("CAN", "WLD", "tariff_increase")
    ]
    assert not statements(
        "Over a dozen postal services, including those of Spain, Italy, Korea and Brazil, have "
        "suspended most parcel deliveries to the US, citing confusion over how the duties will be "
        "collected.",
        "2027-03-02",
    )


def test_scrapping_a_named_rate_and_the_date_of_a_deal_struck_earlier() -> None:
    out = statements(
        "Canada and Mexico signed a trade pact on Monday. Ottawa agreed to scrap its 8% tariff "
        "on Mexican ethanol for a quota of 500 million litres.",
        "2027-04-13",
    )
    assert [
        (s["actor"], s["rate_before_pct"], s["rate_after_pct"], s["products"]) for s in out
    ] == [("CAN", 8.0, 0.0, "ethanol")]
    out = statements(
        "Canada and Mexico on Friday released the text of the pact struck in Ottawa last month, "
        "with Mexico committing to eliminate tariffs on Canadian machinery.",
        "2027-05-14",
    )
    assert [(s["actor"], str(s["announced_on"])) for s in out] == [("MEX", "2027-05-14")]


def test_what_came_after_a_measure_makes_it_a_reference_point() -> None:
    out = statements(
        "Ottawa's new offer to Washington comes after the US imposed a 35% tariff on Canadian "
        "goods, officials said on Tuesday.",
        "2027-08-10",
    )
    assert not [s for s in out if s["kind"] == "tariff_increase"]
    out = statements(
        "The offer comes after the US imposed a 35% tariff on Canadian goods on Friday.",
        "2027-08-10",
    )
    assert [(s["actor"], s["target"], s["rate_after_pct"]) for s in out] == [("USA", "CAN", 35.0)]


def test_without_a_deal_is_no_deal_and_nouns_that_look_like_verbs() -> None:
    out = statements(
        "Peru's new tariffs of up to 40% on imports from countries without a trade agreement took "
        "effect on Thursday. Cars from Vietnam now face a 40% duty, officials in Lima said.",
        "2027-01-08",
    )
    assert {(s["actor"], s["kind"]) for s in out} == {("PER", "tariff_increase")}
    out = statements(
        "Beijing said a 20% levy now applies to six items including pork and scrap copper.",
        "2027-01-08",
    )
    assert {s["kind"] for s in out} <= {"tariff_increase"}
    assert not statements(
        "The listing bars US suppliers from selling Huawei chips without a hard-to-obtain permit, "
        "a rule Beijing condemned on Monday.",
        "2027-01-08",
    )


def test_goods_then_their_rate_in_a_list() -> None:
    out = statements(
        "Turkey on Friday raised the duty on American apples to 60% and on walnuts to 110%, "
        "answering Washington's steel tariffs.",
        "2027-07-09",
    )
    rows = {
        (s["actor"], s["target"], s["rate_after_pct"], s["products"])
        for s in out
        if s["actor"] == "TUR"
    }
    assert rows == {("TUR", "USA", 60.0, "fruit"), ("TUR", "USA", 110.0, "nuts")}


def test_a_range_of_rates_details_the_measure_just_told() -> None:
    ex = run(
        "Canada's duties on steel from Vietnam took effect on Monday for three years. The final "
        "duties range from 12.5% for one mill to 41.2% for another, with smaller makers facing "
        "20%.",
        "2027-02-15",
    )
    out = ex.statements.to_dicts()
    assert {(s["actor"], s["target"], s["kind"]) for s in out} == {
        ("CAN", "VNM", "tariff_increase")
    }
    assert 41.2 in {s["rate_after_pct"] for s in out}
    assert len({s["entry_key"] for s in out}) == 1


def test_a_promise_in_the_past_perfect_is_background() -> None:
    out = statements(
        "Soybean futures slid on Tuesday. Under the 2020 pact, Beijing had committed to increase "
        "purchases of US farm goods by $32 billion, a goal it missed by a wide margin.",
        "2027-02-09",
    )
    assert not [s for s in out if s["kind"] == "purchase_commitment"]
    out = statements(
        "Beijing committed on Tuesday to increase purchases of US farm goods by $32 billion.",
        "2027-02-09",
    )
    assert [(s["actor"], s["kind"]) for s in out] == [("CHN", "purchase_commitment")]


def test_without_right_before_the_verb_and_every_country() -> None:
    assert not statements(
        "Brazil called the tariff unjustified and said it would defend its exporters, without "
        "announcing countermeasures.",
        "2027-03-03",
    )
    out = statements(
        "Canada ended duty-free treatment for small parcels from every country on Monday. Postal "
        "services in France and Japan paused deliveries to Canada.",
        "2027-03-01",
    )
    assert [(s["actor"], s["target"], s["kind"]) for s in out] == [
        ("CAN", "WLD", "tariff_increase")
    ]


def test_a_permission_to_sell_abroad_makes_a_story_relevant() -> None:
    out = statements(
        "Prime Minister Takaichi said on Monday she would allow Tokyo Electron to sell its older "
        "chipmaking tools to approved buyers in China, with the government reviewing each "
        "order. The trade ministry is drafting the details and will publish them this month, "
        "she told reporters in parliament, adding that the newest machines are not part of the "
        "plan. Beijing said it welcomed the step. The decision reverses a policy that had kept "
        "the tools off limits to Chinese buyers since last year. Some lawmakers in her own party "
        "criticised the move, and shares of Tokyo Electron rose 3% in afternoon trading in "
        "Tokyo, where investors had been expecting a narrower change for several weeks.",
        "2027-09-14",
    )
    assert ("JPN", "CHN", "export_control_relaxation") in {
        (s["actor"], s["target"], s["kind"]) for s in out
    }


def test_import_permits_are_given_by_the_importing_side() -> None:
    # (a permit to bring goods in opens the buyer's market; it eases no seller's export curbs)
    assert _keys(
        "Under the framework, Vietnam will issue import permits for American pork within 60 days.",
        "2025-11-02",
    ) == {("VNM", "USA", "other")}
    # (a heading before the colon and a country right after a gerund are not the subject)
    assert _keys(
        "Opening Markets for U.S. Farmers: Indonesia has committed to accepting U.S. inspection "
        "certificates and to issuing import permits for U.S. dairy products.",
        "2025-11-02",
    ) == {("IDN", "USA", "other")}


def test_a_relative_clause_leaves_the_subject_with_its_verb() -> None:
    keys = _keys(
        "Ecuador's congress on Tuesday backed a bill raising tariffs on imports from its "
        "neighbours. The bill, which still needs the president's signature, would lift duties "
        "to 30% on cement and coffee from Andean countries that have no trade pact with Quito, "
        "including Peru and Bolivia.",
        "2026-02-11",
    )
    assert keys and {actor for actor, _, _ in keys} == {"ECU"}


def test_the_country_after_a_speech_verb_is_its_clauses_subject() -> None:
    # (beside the gerund rule above: "accepting US certificates" has an object, "saying Peru
    # would ..." a clause of its own)
    assert _keys(
        "Trump announced a trade deal with Peru on Friday, saying Peru would charge no tariffs "
        "on US farm goods.",
        "2025-09-13",
    ) == {("PER", "USA", "tariff_reduction")}


def test_a_measure_in_force_since_a_past_day_is_the_state_of_things() -> None:
    # (present perfect with "since": the level stands, nothing happened in the story's time; the
    # sentence's other clause without a day of its own is old too)
    assert not _keys(
        "Exports to Canada fell again in May, the statistics office said on Friday. Ottawa has "
        "charged 25% on American steel since April, and Washington answered with duties on "
        "Canadian lumber.",
        "2025-07-04",
    )
    assert not _keys(
        "Tokyo protested on Monday. Ties have been strained by a row over fishing rights, and "
        "Beijing has since blocked imports of Japanese scallops.",
        "2025-11-20",
    )
    assert not _keys(
        "Shrimp prices rose in August. Canberra has levied duties on Thai shrimp since 2019.",
        "2025-09-02",
    )
    # (the perfect of the measure's object is no state of the measure: a lift is news)
    assert _keys(
        "Canberra said on Tuesday it would lift the duties it has charged on Thai shrimp since "
        "2019.",
        "2025-09-02",
    ) == {("AUS", "THA", "tariff_reduction")}


def test_the_past_perfect_told_by_the_article_sets_the_scene() -> None:
    assert _keys(
        "Peru raised its duty on Chilean wine to 18% on Monday. Santiago had raised its own "
        "levies on Peruvian grapes twice this year.",
        "2025-06-03",
    ) == {("PER", "CHL", "tariff_increase")}
    # (reported by someone, the past perfect is the news: "said it had imposed")
    assert _keys(
        "Peru said on Monday it had imposed a 20% duty on Chilean wine.", "2025-06-03"
    ) == {("PER", "CHL", "tariff_increase")}


def test_goods_spared_from_a_named_sides_tariffs_are_its_exemption() -> None:
    assert _keys(
        "Auto parts from Canada will be spared from Washington's new steel tariffs, officials "
        "said on Friday.",
        "2025-04-13",
    ) == {("USA", "CAN", "tariff_reduction")}


def test_the_past_perfect_of_this_month_is_still_the_scene() -> None:
    # ("this month" dates the step only roughly: no day of its own, no news of its own)
    assert _keys(
        "Seoul cut its duty on US beef to 5% on Monday. Washington had raised its levies on "
        "Korean steel twice this month.",
        "2025-06-23",
    ) == {("KOR", "USA", "tariff_reduction")}


def test_the_measure_answered_is_not_the_responders() -> None:
    # (the rate and the actor after "in response to" are the answered side's)
    text = (
        "Ottawa on Friday unveiled counter-tariffs on US orange juice in response to US tariffs "
        "of 35% on lumber and paper that took effect the same day."
    )
    rates = {(s["actor"], s["rate_after_pct"]) for s in statements(text, "2025-08-01")}
    assert ("CAN", None) in rates
    assert ("USA", 35.0) in rates
    assert ("CAN", 35.0) not in rates


def test_remedy_duties_with_rates_in_the_thousands_fall_on_each_country_named() -> None:
    keys = _keys(
        "The Commerce Department on Tuesday set final anti-dumping duties on steel wire from "
        "Laos, Indonesia and Peru, with rates as high as 1,204% for some Lao producers.",
        "2025-06-11",
    )
    assert {("USA", iso, "tariff_increase") for iso in ("LAO", "IDN", "PER")} <= keys


def test_goods_named_before_imports_still_make_an_import_ban() -> None:
    assert _keys(
        "Seoul on Friday suspended poultry imports from three Brazilian exporters after a bird "
        "flu outbreak, the agriculture ministry said, as a trade dispute over tariffs simmered.",
        "2025-05-16",
    ) == {("KOR", "BRA", "other")}


def test_an_extension_told_before_its_object_is_still_an_extension() -> None:
    assert _keys(
        "Mexico on Friday signed a decree extending by 60 days the suspension of its duties on "
        "Canadian pork.",
        "2025-09-05",
    ) == {("MEX", "CAN", "tariff_suspension")}


def test_a_date_months_before_in_an_after_phrase_is_not_the_measures() -> None:
    assert _keys(
        "The Commerce Department began issuing export licences on Friday for Micron's memory "
        "chips to Indian buyers, months after the administration halted the sales in March.",
        "2025-08-11",
    ) >= {("USA", "IND", "license_approval")}


def test_shutting_a_sides_firms_out_of_public_tenders_is_a_measure() -> None:
    assert _keys(
        "Brazil will bar companies from South Korea from public tenders for railway equipment, "
        "the finance ministry said on Monday, in retaliation for Korean tariffs on its steel.",
        "2025-10-06",
    ) >= {("BRA", "KOR", "other")}


def test_what_a_named_agreement_did_is_dated_by_the_agreement() -> None:
    out = statements(
        "Beijing on Monday accused Washington of breaking the truce. Under the Geneva accord, "
        "the two sides cut their tariffs on each other's goods for 90 days.",
        "2025-06-03",
    )
    assert out and {s["announced_on"] for s in out} == {dt.date(2025, 5, 12)}


def test_each_partner_of_a_multi_country_deal_gets_and_gives_its_side() -> None:
    text = (
        "Washington on Friday announced trade frameworks with Peru, Paraguay and Uruguay, under "
        "which it will remove its tariffs on some goods those countries grow, such as cocoa and "
        "avocados. In return, Peru will give preferential access to US machinery and medical "
        "devices. Paraguay and Uruguay agreed to remove barriers to US farm goods."
    )
    keys = _keys(text, "2025-11-15")
    assert {("USA", iso, "tariff_reduction") for iso in ("PER", "PRY", "URY")} <= keys
    assert {(iso, "USA", "tariff_reduction") for iso in ("PER", "PRY", "URY")} <= keys
    # (each partner's side answers the cut aimed at it, not the other partners')
    ex = run(text, "2025-11-15")
    st = {r["statement_id"]: (r["actor"], r["target"]) for r in ex.statements.to_dicts()}
    for lk in ex.links.to_dicts():
        a, b = st[lk["commitment_statement_id"]], st[lk["reciprocal_statement_id"]]
        if lk["basis"] == "in return":
            assert a == (b[1], b[0]), (a, b)


def test_a_zero_rate_set_under_deals_with_two_countries_is_a_cut_for_each() -> None:
    assert _keys(
        "The United States signed trade deals with Laos and Nepal on Sunday, keeping a 20% "
        "tariff on most of their goods but setting a zero rate for some farm products.",
        "2025-10-27",
    ) >= {("USA", "LAO", "tariff_reduction"), ("USA", "NPL", "tariff_reduction")}


def test_an_unnamed_ministry_belongs_to_the_side_that_just_acted() -> None:
    # (the other side is named more often, but the story's last sentence opened with the actor)
    text = (
        "Japan protested after Tokyo firms were hit. Japanese officials said Japan would not "
        "accept it. China on Monday banned exports of gallium to Japanese defence users, and a "
        "day later opened an anti-dumping probe into Japanese photoresist. The commerce ministry "
        "said the export ban took effect at once."
    )
    keys = _keys(text, "2026-01-08")
    assert ("CHN", "JPN", "export_control") in keys
    assert ("CHN", "JPN", "investigation") in keys
    assert not {k for k in keys if k[0] == "JPN"}


def test_a_reading_by_others_names_no_answered_measure() -> None:
    keys = _keys(
        "Beijing will impose anti-dumping duties of 30% on pork from Spain from Saturday, "
        "concluding a probe widely seen as retaliation for EU tariffs on Chinese cars.",
        "2025-07-04",
    )
    assert keys == {("CHN", "ESP", "tariff_increase")}


def test_has_since_carries_to_the_verb_joined_after_it() -> None:
    assert not _keys(
        "Tokyo protested on Monday against the new tariffs. Seoul has since urged its citizens "
        "not to travel to Japan and halted imports of Japanese scallops.",
        "2025-11-20",
    )


def test_an_ally_a_control_is_aligned_with_is_not_its_destination() -> None:
    keys = _keys(
        "Japan will restrict exports of 23 types of chipmaking equipment from July, aligning "
        "itself with US efforts to curb China's access to advanced technology.",
        "2023-05-23",
    )
    assert ("JPN", "USA", "export_control") not in keys
    assert keys


def test_final_approval_given_to_tariffs_and_goods_not_yet_covered() -> None:
    keys = _keys(
        "EU governments gave final approval on Monday to higher tariffs on steel and farm goods "
        "from Belarus.",
        "2025-06-13",
    )
    assert keys == {("EUN", "BLR", "tariff_increase")}
    # (a negation in the subject's own description leaves the measure standing)
    out = statements(
        "Ottawa on Monday approved new tariffs on steel from China. Steel products not already "
        "covered by earlier duties will face an extra 25% tariff from July.",
        "2025-06-13",
    )
    assert ("CAN", "CHN", 25.0) in [(s["actor"], s["target"], s["rate_after_pct"]) for s in out]


def test_controls_deferred_and_purchases_made_are_each_a_pledge() -> None:
    keys = _keys(
        "A Japanese official said on Sunday that China would defer for a year the gallium export "
        "controls it unveiled on Oct. 9 and make large purchases of Japanese seafood, though he "
        "gave no volumes.",
        "2025-10-27",
    )
    assert ("CHN", "JPN", "export_control_relaxation") in keys
    assert ("CHN", "JPN", "purchase_commitment") in keys
    assert ("CHN", "JPN", "export_control") not in keys


def test_a_purchase_pledge_listing_amounts_of_different_goods_is_one_per_part() -> None:
    out = statements(
        "Seoul pledged on Thursday to buy $90 billion of US energy by 2028 and $25 "
        "billion of American aircraft.",
        "2025-08-22",
    )
    parts = sorted(s["products"] for s in out if s["kind"] == "purchase_commitment")
    assert parts == ["aircraft", "energy products"]


def test_the_answering_sides_duties_on_a_product_list_fall_on_the_side_it_answers() -> None:
    keys = _keys(
        "Tokyo said on Friday it would impose retaliatory tariffs on $30 billion of US goods, "
        "prompting President Donald Trump to hit back hours later with higher duties on Japanese "
        "imports in a sharp escalation of the trade war. Japan's finance ministry said additional "
        "tariffs of 5% or 10% would be applied in two batches, on Sept. 1 and Dec. 15, covering "
        "2,100 products including soybeans, crude oil and small aircraft.",
        "2025-08-24",
    )
    assert ("JPN", "USA", "tariff_increase") in keys
    assert ("JPN", "WLD", "tariff_increase") not in keys
    # (the side answered keeps its product-wide tariffs on everyone)
    assert ("USA", "WLD", "tariff_increase") in _keys(
        "Washington put 50% tariffs on all steel imports on Monday. Ottawa hit back on Tuesday "
        "with duties on US bourbon.",
        "2025-06-04",
    )


def test_a_digital_services_tax_is_a_measure_of_its_own_and_a_vow_of_tariffs_a_threat() -> None:
    out = statements(
        "Poland scrapped its digital services tax on Monday, hours before the first payments were "
        "due, after President Donald Trump abruptly cut off trade talks and vowed to announce "
        "new tariffs on Polish goods within a week.",
        "2025-06-30",
    )
    got = {(s["actor"], s["target"], s["kind"], s["status"]) for s in out}
    assert ("POL", "USA", "other", "implemented") in got
    assert ("USA", "POL", "tariff_increase", "threatened") in got
    assert not any(k == "tariff_reduction" for _, _, k, _ in got)


def test_a_blacklist_extended_to_cover_affiliates_is_a_control() -> None:
    assert _keys(
        "Tokyo on Monday extended its export blacklists to cover any firm at least half owned by "
        "a listed Russian company.",
        "2025-09-30",
    ) == {("JPN", "RUS", "export_control")}


def test_a_letter_sent_earlier_in_the_month_in_the_past_perfect_is_background() -> None:
    assert not _keys(
        "Trump had sent a letter to Lula earlier in July threatening a tariff of 50% on "
        "Brazilian imports if Brazil did not agree to a deal.",
        "2025-07-30",
    )


def test_market_access_given_to_the_actors_own_people_is_the_partners_to_give() -> None:
    assert _keys(
        "The White House on Sunday unveiled a trade deal that will give Americans far wider market "
        "access in Peru.",
        "2025-10-26",
    ) == {("PER", "USA", "other")}


def test_a_pause_extended_in_a_story_about_export_bans_eases_the_ban() -> None:
    keys = _keys(
        "Beijing suspended its ban on exports of antimony to Japan on Sunday, the commerce "
        "ministry said. The restrictions had barred shipments of dual-use items to Japanese "
        "buyers. On Wednesday, China said it would extend the suspension.",
        "2025-11-09",
    )
    assert ("CHN", "JPN", "tariff_suspension") not in keys
    assert ("CHN", "JPN", "export_control_relaxation") in keys


def test_countries_named_in_the_sentence_after_n_countries_are_the_targets() -> None:
    keys = _keys(
        "President Trump threatened on Saturday to put a 10% tariff on all goods from five "
        "Asian countries that voted against the resolution, starting March 1. The countries "
        "named in his post were Laos, Nepal, Mongolia, Bhutan and Sri Lanka.",
        "2026-01-18",
    )
    assert {t for a, t, k in keys if a == "USA"} == {"LAO", "NPL", "MNG", "BTN", "LKA"}


def test_a_rate_list_split_by_semicolons_goes_on_with_the_last_tariffs_setter() -> None:
    out = statements(
        "Chile and Peru will face a 25% tariff on their goods from Aug. 1 unless they reach "
        "trade agreements with Washington, President Donald Trump warned on Monday. Other rates "
        "in the letters were: 30% for Ghana; 32% for Kenya; and 40% for Nepal and Bhutan.",
        "2025-07-08",
    )
    got = {(s["actor"], s["target"], s["kind"], s["rate_after_pct"]) for s in out}
    assert ("USA", "CHL", "tariff_increase", 25.0) in got
    assert {("USA", "GHA", "tariff_increase", 30.0), ("USA", "KEN", "tariff_increase", 32.0)} <= got
    assert {("USA", "NPL", "tariff_increase", 40.0), ("USA", "BTN", "tariff_increase", 40.0)} <= got


def test_a_country_right_before_a_product_names_its_origin_not_the_actor() -> None:
    keys = _keys(
        "Ottawa struck back on Tuesday at a fresh round of US tariffs. Under Canada's response, "
        "US chicken, wheat and cotton will be charged an additional 15%.",
        "2025-03-04",
    )
    assert keys == {("CAN", "USA", "tariff_increase")}


def test_a_rate_far_below_a_threatened_one_passive_import_bans_and_charged_rates() -> None:
    out = statements(
        "President Trump said on Wednesday that the United States had struck a trade deal with "
        "Cambodia under which Cambodian goods will pay a 19% tariff when they enter the country, "
        "far below the 49% he threatened in April.",
        "2025-07-03",
    )
    assert [(s["actor"], s["target"], s["rate_before_pct"], s["rate_after_pct"]) for s in out] == [
        ("USA", "KHM", 49.0, 19.0)
    ]
    assert _keys(
        "Imports of timber and paper products from Belarus were banned by Poland on Tuesday, in a "
        "new package of sanctions.",
        "2022-03-16",
    ) == {("POL", "BLR", "other")}
    rates = {
        s["rate_after_pct"]
        for s in statements(
            "Brussels said on Monday it would impose tariffs on US goods from Tuesday in a dispute "
            "over subsidies. Helicopters made in the United States will be charged 15%.",
            "2020-11-10",
        )
    }
    assert 15.0 in rates


def test_a_sides_own_exports_spared_tariffs_are_the_other_sides_exemption() -> None:
    assert _keys(
        "Ireland's pharmaceutical exports to the United States will be spared tariffs for two "
        "years under a deal announced on Monday.",
        "2025-12-01",
    ) == {("USA", "IRL", "tariff_reduction")}


def test_an_import_ban_partly_lifted_and_an_agentless_export_ban() -> None:
    # (a brief about an import ban alone is trade news; the ban's own old date, in the trailing
    # "partly lifting a ban imposed ... in 2023", is not the resumption's)
    assert _keys(
        "Seoul will resume imports of Japanese scallops from 12 prefectures, its food ministry "
        "said on Sunday, partly lifting a ban imposed when the plant began releasing water in "
        "August 2023. Products from the other prefectures stay barred.",
        "2025-06-30",
    ) == {("KOR", "JPN", "other")}
    # ("... are prohibited", with no agent, goes on with the side that just acted)
    assert ("GBR", "RUS", "export_control") in _keys(
        "Britain banned imports of Russian copper on Tuesday in a new sanctions package. Exports "
        "of luxury cars to Russia are prohibited.",
        "2022-03-16",
    )
