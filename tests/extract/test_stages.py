"""Each stage of `ingestion.extract.stages` on its own, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from ingestion.extract import stages
from ingestion.extract.rules import ArticleContext
from ingestion.extract.statement import Statement
from ingestion.schemas import STATEMENT_SCHEMA
from tests.extract.conftest import statements

PUB = dt.date(2025, 6, 10)  # a Tuesday
SURTAX = "Ottawa said it would impose a 25% surtax on American steel from July 1."
ALMONDS = "India lowered its tariff on Australian almonds to 10% from 35% on Tuesday."
PROBE = "Mexico opened an anti-dumping investigation into Chinese steel pipes on Tuesday."
LISTING = "Washington added 14 firms based in China and Iran to its Entity List on Monday."
WHEAT = "Beijing agreed to purchase more American wheat and corn, the trade ministry said."
WINE = "Brazil and Argentina will both cut the duty on each other's wine to 5% from 20%."
JUICE = "Canada will scrap the tariffs on US orange juice for 90 days from May 5."


def first_clause(text: str, pub: dt.date | None = PUB) -> tuple[ArticleContext, stages.Clause]:
    """The article context and the first clause of `text` that names a measure."""
    ctx = stages.article_context("art", text, pub)
    body = 0
    for sent in stages.clauses(text):
        body += sent.body
        stages.sentence_context(ctx, sent, body)
        for cs, ce in sent.clauses:
            c = stages.kind(ctx, sent, cs, ce)
            if c is not None:
                return ctx, c
    raise AssertionError(f"no clause with a kind in {text!r}")


def read(
    text: str, pub: dt.date | None = PUB
) -> tuple[ArticleContext, stages.Clause, stages.Modality, stages.Parties, stages.Dates | None]:
    """All stages on the first clause with a kind: (ctx, clause, modality, parties, dates)."""
    ctx, c = first_clause(text, pub)
    mod = stages.modality(c)
    assert mod is not None
    who = stages.parties(ctx, c)
    assert who is not None
    return ctx, c, mod, who, stages.dates(ctx, c, mod)


# --- sentences and clauses ---------------------------------------------------------------------
def test_clauses_give_offsets_into_the_text() -> None:
    text = (
        "Trade talks resumed.  Lima will lower its duty on Korean cars to 4%, "
        "while Seoul will open its market to Peruvian blueberries. Is a deal near?"
    )
    sents = stages.clauses(text)
    assert len(sents) == 3
    for s in sents:
        assert text[s.start : s.end] == s.words
        for cs, ce in s.clauses:
            assert s.start <= cs < ce <= s.end
    # Too short to state a measure, and a question: sentences without clauses.
    assert not sents[0].body and sents[0].clauses == []
    assert not sents[2].body and sents[2].clauses == []
    # The promise of each side is its own clause.
    assert len(sents[1].clauses) == 2
    first, second = (text[cs:ce] for cs, ce in sents[1].clauses)
    assert "Lima" in first and "Seoul" not in first
    assert "Seoul" in second and "Lima" not in second
    assert sents[0].following == [(sents[1].start, sents[1].end)]
    assert sents[2].following == []


def test_sentence_context_reads_subject_dates_and_tense() -> None:
    text = "Ottawa said on Monday it would impose a 25% surtax on American steel from July 1."
    ctx = stages.article_context("art", text, PUB)
    (sent,) = stages.clauses(text)
    stages.sentence_context(ctx, sent, 1)
    assert sent.subject == "CAN"
    assert sent.body_index == 1
    assert sent.future
    assert {d.value for d in sent.dates} == {dt.date(2025, 6, 9), dt.date(2025, 7, 1)}


def test_article_context_ranks_the_parties() -> None:
    text = (
        "Ottawa will raise its duty on American steel. Canada said the levy answers Washington. "
        "Talks were held in Rome."
    )
    ctx = stages.article_context("art", text, PUB)
    assert ctx.parties[0] == "CAN"
    assert "USA" in ctx.parties
    assert ctx.main_actor == "CAN"
    assert not ctx.deal


# --- kind -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SURTAX, "tariff_increase"),
        (ALMONDS, "tariff_reduction"),
        (PROBE, "investigation"),
        (LISTING, "export_control"),
        (WHEAT, "purchase_commitment"),
    ],
)
def test_kind_of_the_clause(text: str, expected: str) -> None:
    _, c = first_clause(text)
    assert c.kind.kind == expected
    assert c.words == text[c.start : c.end]
    assert c.start <= c.trigger < c.end


def test_kind_none_without_a_measure() -> None:
    text = "Shipping volumes at the port of Santos rose by a tenth in the spring, analysts said."
    ctx = stages.article_context("art", text, PUB)
    (sent,) = stages.clauses(text)
    stages.sentence_context(ctx, sent, 1)
    assert all(stages.kind(ctx, sent, cs, ce) is None for cs, ce in sent.clauses)


def test_kind_reads_the_instrument() -> None:
    _, c = first_clause(LISTING)
    assert c.instrument == "Entity List"
    _, c = first_clause(PROBE)
    assert c.instrument == "anti-dumping duty"


# --- modality ---------------------------------------------------------------------------------
def test_modality_future_promise_is_announced() -> None:
    _, c = first_clause(JUICE)
    mod = stages.modality(c)
    assert mod is not None
    assert mod.future and not mod.threat
    assert mod.status == "announced"
    assert mod.is_commitment


def test_modality_threat_and_past() -> None:
    _, c = first_clause(
        "The European Commission threatened on Friday to slap a 30% levy on US whiskey."
    )
    mod = stages.modality(c)
    assert mod is not None and mod.threat and mod.status == "threatened"
    _, c = first_clause(LISTING)
    mod = stages.modality(c)
    assert mod is not None and mod.status == "implemented" and not mod.is_commitment


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo has not withdrawn its curbs on sales of chip-making gear to Chinese buyers.",
        "Seoul may consider raising fees on foreign cargo ships next spring, an aide hinted.",
        "If talks fail, Ottawa will put a 25% surtax on American aluminium within weeks.",
    ],
)
def test_modality_drops_negated_hedged_and_conditional(text: str) -> None:
    _, c = first_clause(text)
    assert stages.modality(c) is None
    assert stages.extract_article("art", text, PUB) == []


# --- parties ----------------------------------------------------------------------------------
def test_parties_actor_and_target() -> None:
    _, _, _, who, _ = read(SURTAX)
    assert (who.actor, who.targets, who.partner) == ("CAN", ["USA"], None)
    assert who.rule == who.final_rule == "actor_subject"


def test_parties_both_sides() -> None:
    _, _, _, who, _ = read(WINE)
    assert {who.actor, who.partner} == {"BRA", "ARG"}
    assert who.targets == [({"BRA", "ARG"} - {who.actor}).pop()]


def test_parties_listing_names_each_country() -> None:
    _, _, _, who, _ = read(LISTING)
    assert who.actor == "USA"
    assert who.targets == ["CHN", "IRN"]


# --- dates ------------------------------------------------------------------------------------
def test_dates_resolved_against_publication() -> None:
    _, _, _, _, when = read(SURTAX)
    assert when is not None
    assert when.announced == PUB  # the report announces it
    assert when.effective == dt.date(2025, 7, 1)
    assert when.explicit and not when.explicit_ann and not when.month_only


def test_dates_duration_gives_expiry() -> None:
    _, _, _, _, when = read(
        JUICE,
        dt.date(2025, 4, 22),
    )
    assert when is not None
    assert when.effective == dt.date(2025, 5, 5)
    assert when.expires == dt.date(2025, 8, 3)


def test_dates_drop_a_measure_recalled_from_months_ago() -> None:
    _, c, mod, _, when = read(
        "India lowered its tariff on Australian almonds to 10% from 35% on March 3."
    )
    assert when is None
    # The same sentence in a report of that week is news.
    ctx, c = first_clause(c.words, dt.date(2025, 3, 5))
    when = stages.dates(ctx, c, mod)
    assert when is not None and when.announced == dt.date(2025, 3, 3)


# --- rates ------------------------------------------------------------------------------------
def test_rates_before_and_after() -> None:
    _, c = first_clause(ALMONDS)
    assert stages.rates(c) == (35.0, 10.0)
    _, c = first_clause(SURTAX)
    assert stages.rates(c) == (0.0, 25.0)


def test_rates_scrapped_tariff_goes_to_zero_and_non_tariffs_have_none() -> None:
    _, c = first_clause(JUICE)
    assert stages.rates(c) == (None, 0.0)
    _, c = first_clause(PROBE)
    assert stages.rates(c) == (None, None)


# --- statement --------------------------------------------------------------------------------
def test_statement_assembles_the_record() -> None:
    text = SURTAX
    ctx, c, mod, who, when = read(text)
    assert when is not None
    (st,) = stages.statement(ctx, c, mod, who, when, stages.rates(c), 3)
    assert isinstance(st, Statement)
    assert st.statement_id == "art:3"
    assert (st.actor, st.target, st.kind, st.status) == (
        "CAN",
        "USA",
        "tariff_increase",
        "announced",
    )
    assert (st.rate_before_pct, st.rate_after_pct) == (0.0, 25.0)
    assert (st.announced_on, st.effective_on) == (PUB, dt.date(2025, 7, 1))
    assert st.products == "steel"
    assert st.quote == text and (st.start_char, st.end_char) == (0, len(text))
    assert st.rules == "tariff_up_verb,actor_subject"
    assert st.trigger == c.trigger and st.clause == (c.start, c.end)
    assert st.ann_from_pub and not st.month_only


def test_statement_one_per_party() -> None:
    text = WINE
    ctx, c, mod, who, when = read(text)
    assert when is not None
    out = stages.statement(ctx, c, mod, who, when, stages.rates(c), 0)
    assert {(s.actor, s.target) for s in out} == {("BRA", "ARG"), ("ARG", "BRA")}
    assert [s.statement_id for s in out] == ["art:0", "art:1"]
    assert all(s.is_commitment and s.rate_after_pct == 5.0 for s in out)


def test_to_row_has_exactly_the_published_columns() -> None:
    text = LISTING
    out = stages.extract_article("art", text, PUB)
    assert [s.target for s in out] == ["CHN", "IRN"]
    row = out[0].to_row()
    assert list(row) == list(STATEMENT_SCHEMA)
    assert row["announced_on"] == dt.date(2025, 6, 9)
    assert not any(k.startswith("_") for k in row)


def test_a_clause_detailing_the_measure_before_it_is_that_measures() -> None:
    out = statements(
        "Brazil will impose new duties on US goods from August 1, the finance ministry said. "
        "A 20% levy will apply to ethanol, and a 12% levy will be charged on machinery.",
        "2025-07-20",
    )
    detailed = [s for s in out if s["rate_after_pct"] in (20.0, 12.0)]
    assert sorted(s["rate_after_pct"] for s in detailed) == [12.0, 20.0]
    assert {(s["actor"], s["target"]) for s in detailed} == {("BRA", "USA")}
    # ... from the day the measure they detail starts
    assert {s["effective_on"] for s in detailed} == {dt.date(2025, 8, 1)}


def test_a_partyless_clause_far_from_any_measure_is_not_claimed() -> None:
    out = statements(
        "Brazil will impose new duties on US goods from August 1, the finance ministry said. "
        "Farmers were worried. Exporters met in Sao Paulo. Prices moved. "
        "A 20% levy will apply to ethanol.",
        "2025-07-20",
    )
    assert not any(s["rate_after_pct"] == 20.0 for s in out)


def test_a_second_measure_joined_by_along_with_keeps_no_rate_of_the_first() -> None:
    out = statements(
        "Seoul said on Friday that Washington had ordered extra 15% tariffs on imports from "
        "Korea, along with tariffs on Japan that were later postponed.",
        "2025-05-09",
    )
    kor = [s for s in out if s["target"] == "KOR"]
    jpn = [s for s in out if s["target"] == "JPN"]
    assert kor and all(s["rate_after_pct"] == 15.0 for s in kor)
    # (what later befell Japan's tariffs is an aside: see test_world's relative-clause test)
    assert all(s["rate_after_pct"] != 15.0 for s in jpn)


def test_imports_from_the_country_are_the_other_party() -> None:
    out = statements(
        "India announced duties on US almonds and walnuts on Monday. "
        "The step follows Washington's decision last week to put a 26% tariff on imports from "
        "the country, officials in New Delhi said.",
        "2025-04-14",
    )
    assert any(
        s["actor"] == "USA" and s["target"] == "IND" and s["rate_after_pct"] == 26.0 for s in out
    )


def test_a_clause_without_subject_shares_the_nearest_subject_before_it() -> None:
    out = statements(
        "Washington said on Tuesday that Hanoi had agreed to scrap duties on US pork and "
        "buy more American aircraft.",
        "2025-07-08",
    )
    bought = [s for s in out if s["kind"] == "purchase_commitment"]
    assert bought and all(s["actor"] == "VNM" for s in bought)


def test_a_country_inside_a_parenthesis_is_no_subject_to_share() -> None:
    out = statements(
        "Canada will cut the duties on Korean steel (including steel routed via Guam "
        "and the Macao free port) and drop the fee on Korean ships.",
        "2025-07-08",
    )
    assert out and all(s["actor"] == "CAN" for s in out)


def test_a_possessive_is_no_subject_to_share() -> None:
    out = statements(
        "Later that day the Indian trade minister said he was raising the duty on US almonds to "
        "40 percent, citing Washington's refusal to talk, while announcing a pause on higher "
        "rates for other partners.",
        "2025-04-10",
    )
    assert out and all(s["actor"] == "IND" for s in out)


def test_a_compound_subject_that_acts_on_each_other_gives_both_sides() -> None:
    out = statements(
        "Ottawa and Seoul stepped back from their dispute on Monday, announcing that they would "
        "cut duties on each other's steel by 20 percentage points.",
        "2025-05-12",
    )
    assert {(s["actor"], s["target"]) for s in out} == {("CAN", "KOR"), ("KOR", "CAN")}


def test_these_duties_are_the_goods_just_named_and_a_later_step_is_its_own_entry() -> None:
    out = statements(
        "Ottawa will impose a 15% surtax on imported steel wire from March 3. "
        "As of July 1, these duties will rise to 30%.",
        "2025-02-20",
    )
    steps = sorted(out, key=lambda s: s["rate_after_pct"])
    assert [(s["rate_after_pct"], s["products"] != "") for s in steps] == [
        (15.0, True),
        (30.0, True),
    ]
    assert steps[0]["entry_key"] != steps[1]["entry_key"]
