"""Near-duplicate articles, cross-article merging into entries, order independence."""

from __future__ import annotations

from ingestion.extract import extract_corpus
from ingestion.extract.corpus import duplicate_groups
from tests.extract.conftest import make_frame

BODY = (
    "Beijing said on Friday it would impose a 34% duty on all American goods from April 10. "
    "The Commerce Ministry also added eleven US drone makers to its unreliable entity list. "
    "Markets in Asia fell sharply after the announcement, and bond yields dropped. "
    "Analysts expect more volatility in the weeks ahead as both sides dig in."
)


def test_exact_and_near_duplicates_grouped() -> None:
    a = BODY
    b = "SYNDICATED — " + BODY + " Copyright 2025 Example Wire."
    c = "An unrelated piece about rainfall in the Pacific Northwest and salmon runs this year."
    groups = duplicate_groups(["a1", "b2", "c3"], [a, b, c], [None, None, None])
    assert groups["a1"] == groups["b2"] == "a1"
    assert groups["c3"] == "c3"


def test_same_measure_in_two_articles_shares_entry_key() -> None:
    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://t.example/1",
                    "2025-04-04",
                    "China will impose a 34% tariff on all US goods from April 10, the "
                    "ministry said.",
                ),
                (
                    "https://t.example/2",
                    "2025-04-05",
                    "Beijing on Friday announced a 34 percent levy on American imports, "
                    "effective April 10.",
                ),
            ]
        )
    )
    keys = set(ex.statements.filter(ex.statements["kind"] == "tariff_increase")["entry_key"])
    assert len(keys) == 1


def test_keys_do_not_depend_on_input_order() -> None:
    items = [
        (
            "https://t.example/1",
            "2025-04-04",
            "China will impose a 34% tariff on all US goods from April 10, the ministry said.",
        ),
        (
            "https://t.example/2",
            "2025-04-09",
            "Washington raised its levy on Chinese goods to 104% on Tuesday.",
        ),
        (
            "https://t.example/3",
            "2025-04-05",
            "Beijing on Friday announced a 34 percent levy on American imports, "
            "effective April 10.",
        ),
    ]
    one = extract_corpus(make_frame(items)).statements.sort("statement_id")
    two = extract_corpus(make_frame(items[::-1])).statements.sort("statement_id")
    assert one["entry_key"].to_list() == two["entry_key"].to_list()
    assert one.equals(two)


def test_different_days_of_an_escalation_stay_apart() -> None:
    ex = extract_corpus(
        make_frame(
            [
                (
                    "https://t.example/1",
                    "2025-04-02",
                    "Trump imposed a 34% tariff on Chinese goods on Wednesday.",
                ),
                (
                    "https://t.example/2",
                    "2025-04-09",
                    "Trump raised the tariff on Chinese goods to 125% on Wednesday.",
                ),
            ]
        )
    )
    assert ex.statements["entry_key"].n_unique() == 2


def test_a_sentence_ends_after_a_one_digit_day() -> None:
    from ingestion.extract.text import split_sentences

    text = "The levy applies from March 3. Officials declined to comment."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The levy applies from March 3.",
        "Officials declined to comment.",
    ]


def test_a_total_and_its_layer_are_one_measure_and_another_rate_is_another() -> None:
    from tests.extract.conftest import statements

    out = statements(
        "Seoul and Ottawa agreed on Monday to ease their dispute. "
        "Seoul will suspend 15 points of its 25% duty on Canadian pork, leaving 10 percent. "
        "Seoul's combined duty on Canadian pork will fall from 40 percent to 25 percent "
        "from May 14.",
        "2025-05-12",
    )
    kor = [s for s in out if s["actor"] == "KOR" and s["rate_after_pct"] in (10.0, 25.0)]
    assert len(kor) == 2 and len({s["entry_key"] for s in kor}) == 1


def _entry_keys(articles: list[tuple[str, str, str]], actor: str, kind: str) -> set[str]:
    """The entry keys the actor's statements of one kind get across the given articles."""
    return {
        s["entry_key"]
        for s in extract_corpus(make_frame(articles)).statements.to_dicts()
        if s["actor"] == actor and s["kind"] == kind
    }


def test_a_step_ordered_and_its_taking_effect_days_later_are_one_entry() -> None:
    keys = _entry_keys(
        [
            (
                "https://t.example/ordered",
                "2025-06-07",
                "Ottawa on Saturday ordered an extra 12% duty on Korean steel, officials said.",
            ),
            (
                "https://t.example/in-force",
                "2025-06-10",
                "Ottawa imposed the new duties on Korean steel to shield its mills, officials "
                "said.",
            ),
        ],
        "CAN",
        "tariff_increase",
    )
    assert len(keys) == 1


def test_a_measure_named_as_a_probes_object_joins_the_measure_reported_before() -> None:
    keys = _entry_keys(
        [
            (
                "https://t.example/proposal",
                "2025-09-10",
                "Brazil on Wednesday proposed raising tariffs on Korean steel to 40%.",
            ),
            (
                "https://t.example/probe",
                "2025-09-25",
                "Seoul's trade ministry on Thursday announced the initiation of a trade "
                "barriers investigation into Brazil's proposed tariff increases on Korean goods.",
            ),
        ],
        "BRA",
        "tariff_increase",
    )
    assert len(keys) == 1
