"""The calendar of known agreements dates articles that carry no date of their own."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import polars as pl

from ingestion.extract import extract_corpus
from ingestion.extract.agreements import agreement_for_undated, reference_date
from ingestion.extract.rules import party_counts
from ingestion.schemas import ARTICLE_SCHEMA

MANILA = (
    "Manila agrees trade deal with Washington. The Philippines will scrap its tariffs on American "
    "cars, while the United States will lower its levy on Philippine goods to 19%, officials said."
)


def test_a_deal_story_without_a_date_takes_the_day_its_agreement_was_announced():
    assert reference_date(MANILA, party_counts(MANILA)) == dt.date(2025, 7, 22)


def test_no_deal_in_the_lede_means_no_date_from_the_calendar():
    text = (
        "Washington raised its levy on Philippine goods. " + "x " * 250 + "Talks on a trade deal "
        "between the Philippines and the United States went on."
    )
    assert reference_date(text, party_counts(text)) is None


def test_the_leading_parties_must_be_the_agreements_parties():
    counts = Counter({"USA": 10, "CHN": 8, "DEU": 5, "PHL": 1})
    assert agreement_for_undated("A trade deal was struck.", counts) is None


def test_a_cue_word_chooses_between_two_deals_of_one_pair():
    first = "Argentina and the US unveil the framework of a trade deal on beef and steel."
    second = "The US and Argentina sign their trade agreement, cutting tariffs on beef."
    counts = Counter({"USA": 4, "ARG": 4})
    assert reference_date(first, counts) == dt.date(2025, 11, 13)
    assert reference_date(second, counts) == dt.date(2026, 2, 5)


def test_the_month_of_the_address_must_agree():
    counts = Counter({"USA": 4, "THA": 4})
    text = "Thailand and the US agree a framework for a trade deal."
    assert reference_date(text, counts, (2025, 10)) == dt.date(2025, 10, 26)
    assert reference_date(text, counts, (2025, 7)) is None


def test_statements_of_an_undated_deal_story_reach_the_ledger():
    row = dict.fromkeys(ARTICLE_SCHEMA)
    row.update(
        article_id="a1", url="https://example.org/news/manila-deal", text=MANILA, language="en"
    )
    articles = pl.DataFrame([row], schema=ARTICLE_SCHEMA)
    got = extract_corpus(articles).statements
    sides = {(r["actor"], r["target"], r["kind"]) for r in got.to_dicts()}
    assert ("USA", "PHL", "tariff_reduction") in sides
    assert ("PHL", "USA", "tariff_reduction") in sides
    assert set(got["announced_on"].to_list()) == {dt.date(2025, 7, 22)}


def test_a_bargain_in_the_lede_is_a_deal_story():
    text = (
        "Manila will scrap its duties on American cars in exchange for a lower levy on Philippine "
        "goods, the United States said."
    )
    assert reference_date(text, party_counts(text)) == dt.date(2025, 7, 22)
