"""Class 3: a file given twice is read once; a repeated article is rejected where it was dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.faults.conftest import GOOD_CENSUS, assert_rows_balance, ingest

pytestmark = pytest.mark.faults


def _article(n: int, url: str | None = None) -> str:
    return (
        json.dumps(
            {
                "url": url or f"https://example.org/article-{n}",
                "title": f"Article {n}",
                "published": "2025-05-0" + str(n % 9 + 1),
                "text": f"Beijing raised tariffs on US goods to {10 + n}% on May 2, 2025.",
            }
        )
        + "\n"
    )


def test_the_same_file_given_twice_lists_its_rejects_once(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    news = folder / "mixed.jsonl"
    news.write_text(_article(1) + "not json\n" + _article(2))
    trade = tmp_path / "census.json"
    trade.write_text(GOOD_CENSUS[:-2] + ',["5700","8505110070","x","1","KG","2025-07"]]\n')
    # The file itself, again, and the folder holding it; the trade file twice.
    loaded = ingest(tmp_path / "home", news=[news, news, folder], trade=[trade, trade])
    assert sorted(loaded.articles) == [("mixed.jsonl", "line 1"), ("mixed.jsonl", "line 3")]
    assert [r[:2] for r in loaded.news_rejects] == [("mixed.jsonl", "line 2")]
    assert len(loaded.flows) == 1
    assert len(loaded.trade_rejects) == 1
    assert list(loaded.per_file) == ["news:mixed.jsonl", "trade:census.json"]
    assert_rows_balance(loaded)


def test_the_same_article_in_two_files_is_rejected_in_the_file_whose_copy_was_dropped(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    shared = _article(5)
    # a.jsonl is read first and keeps the article; b.jsonl's copy (line 2, the http address of
    # the same page) is the one dropped. c.jsonl has nothing to do with it.
    (folder / "a.jsonl").write_text(_article(1) + shared)
    (folder / "b.jsonl").write_text(
        _article(2) + _article(5, url="http://example.org/article-5") + _article(3)
    )
    (folder / "c.jsonl").write_text(_article(4))
    loaded = ingest(tmp_path / "home", news=[folder])

    assert sorted(loaded.articles) == [
        ("a.jsonl", "line 1"),
        ("a.jsonl", "line 2"),
        ("b.jsonl", "line 1"),
        ("b.jsonl", "line 3"),
        ("c.jsonl", "line 1"),
    ]
    [(name, position, reason, snippet)] = loaded.news_rejects
    assert (name, position) == ("b.jsonl", "line 2")
    assert reason.startswith("same article as a.jsonl line 2 (article_id ")
    assert snippet == "http://example.org/article-5"
    assert loaded.per_file["news:b.jsonl"] == {"records_in": 3, "loaded": 2, "rejected": 1}
    assert loaded.per_file["news:a.jsonl"] == {"records_in": 2, "loaded": 2, "rejected": 0}
    assert_rows_balance(loaded)
