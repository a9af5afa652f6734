"""Date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

from ingestion.extract.dates import find_dates, infer_publication_date

PUB = dt.date(2025, 6, 27)  # a Friday


def _one(text: str, future: bool = False):
    found = find_dates(text, 0, len(text), PUB, 2025, future=future)
    assert len(found) == 1, found
    return found[0]


def test_weekday_is_the_last_one_before_publication() -> None:
    d = _one("the ministry said on Thursday")
    assert d.value == dt.date(2025, 6, 26) and d.role == "announced"


def test_weekday_ahead_when_it_takes_effect() -> None:
    d = _one("the duty takes effect on Monday", future=True)
    assert d.value == dt.date(2025, 6, 30) and d.role == "effective"


def test_effective_and_since_roles() -> None:
    assert _one("effective May 14").role == "effective"
    d = _one("measures in place since April 2, 2025")
    assert d.value == dt.date(2025, 4, 2) and d.role == "background"


def test_relative_expressions() -> None:
    assert _one("last month").value == dt.date(2025, 5, 1)
    assert _one("several weeks ago").value == PUB - dt.timedelta(days=21)
    assert _one("in April").granularity == "month"


def test_month_day_without_year_takes_the_nearest_year() -> None:
    assert _one("on Feb. 10").value == dt.date(2025, 2, 10)
    # A past report seldom cites a day months after its own date: last year's November.
    assert _one("on November 3").value == dt.date(2024, 11, 3)


def test_modal_may_is_not_a_month() -> None:
    assert find_dates("officials may act soon", 0, 23, PUB, 2025) == []


def test_publication_date_from_dateline() -> None:
    assert infer_publication_date("SEOUL, March 3, 2025 — Officials met.") == dt.date(2025, 3, 3)
    assert infer_publication_date("Talks went on (April 10) all day.", 2025) == dt.date(2025, 4, 10)
    assert infer_publication_date("No date here.") is None


def test_date_of_a_relative_clause_is_not_the_statement_date() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "China will suspend for one year the graphite controls it announced on "
        "October 9, the ministry said on Thursday.",
        "2025-10-31",
    )
    assert out and str(out[0]["announced_on"]) == "2025-10-30"


def test_only_dates_to_come_put_the_story_before_them() -> None:
    # The one month-day is when duties start; the story was written on the weekday it names.
    text = (
        "Ottawa said on Thursday it will charge duties on some US steel starting March 17. "
        "Officials gave no other details."
    )
    # March 17 of 2025 is a Monday: the Thursday before it is March 13.
    assert infer_publication_date(text, 2025) == dt.date(2025, 3, 13)


def test_a_participle_after_the_trigger_dates_its_noun_not_the_act() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Seoul said on Thursday it was suspending the export curbs introduced on March 3 "
        "on shipments of photoresist to Japan.",
        "2025-06-14",
    )
    assert out and all(s["announced_on"] == dt.date(2025, 6, 12) for s in out)


def test_next_year_is_when_a_measure_applies() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Chile's senate on Tuesday approved duties of up to 40% next year on imports from China.",
        "2025-11-12",
    )
    assert [(s["effective_on"], s["status"]) for s in out] == [(dt.date(2026, 1, 1), "announced")]


def test_beginning_a_day_points_forward() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "The US proclamation warns of rate increases beginning January 1, including furniture "
        "tariffs rising to 40% for some countries.",
        "2025-10-01",
    )
    assert [(s["announced_on"], s["effective_on"]) for s in out] == [
        (dt.date(2025, 10, 1), dt.date(2026, 1, 1))
    ]


def test_retroactive_is_when_it_applies_and_the_report_when_it_is_announced() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Norway and Japan finalised a deal that lowers Japanese tariffs on Norwegian salmon to "
        "2% from 8%, retroactive to November 1.",
        "2025-12-02",
    )
    assert [(s["announced_on"], s["effective_on"]) for s in out] == [
        (dt.date(2025, 12, 2), dt.date(2025, 11, 1))
    ]


def test_the_year_a_rule_was_first_introduced_is_not_the_storys_year() -> None:
    from ingestion.extract.dates import text_year

    text = (
        "Seoul's licence rules were first introduced in 2019 and have been tightened since. "
        "The ministry said on Monday it will expand them from July 1."
    )
    assert text_year(text, 2025) == 2025
    assert text_year("The rules adopted in 2019 were tightened on Monday.", 2025) == 2019


def test_a_president_elect_dates_a_story_that_gives_no_year() -> None:
    from ingestion.extract.dates import text_year

    text = (
        "Beijing barred sales of graphite to American buyers on Tuesday, weeks before "
        "President-elect Trump takes office. Shipments had already slumped since 2023."
    )
    assert text_year(text, 2025) == 2024
    # (with no year cited, the window nearest the corpus's usual year)
    text = "The move came ahead of the inauguration of President-elect Donald Trump."
    assert text_year(text, 2017) == 2016
    assert text_year(text, 2025) == 2024
    assert text_year("Beijing barred sales of graphite on Tuesday.", 2025) == 2025
