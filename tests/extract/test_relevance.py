"""Articles that are not about trade measures give no statements."""

from __future__ import annotations

import polars as pl

from tests.extract.conftest import run


def test_off_topic_article() -> None:
    ex = run(
        "The city council approved a new bicycle lane along the river on Tuesday. "
        "Residents welcomed the plan, which will be finished by autumn."
    )
    assert ex.statements.height == 0
    assert ex.annotations["is_relevant"].to_list() == [False]


def test_older_trade_war_is_read_like_any_other() -> None:
    # The 2018-2019 rounds are the same kind of news as the 2025 ones: dated in their own year.
    ex = run(
        "Washington imposed a 25% tariff on Chinese machinery on Monday. "
        "Beijing said it would retaliate with duties on US soybeans.",
        "2019-05-13",
    )
    assert ex.annotations["is_relevant"].to_list() == [True]
    rows = ex.statements.filter(pl.col("kind") == "tariff_increase").to_dicts()
    assert any(
        r["actor"] == "USA" and r["target"] == "CHN" and r["announced_on"].year == 2019
        for r in rows
    )


def test_non_latin_text_is_not_read() -> None:
    ex = run("中国商务部宣布对部分稀土相关物项实施出口管制。关税将于四月十日生效。")
    assert ex.statements.height == 0


def test_market_colour_gives_no_statement() -> None:
    ex = run(
        "Tariffs dominated the conversation at the trade fair, where exporters swapped "
        "stories about freight rates. Shares of shipping firms rose 3% on Monday."
    )
    assert ex.statements.height == 0
