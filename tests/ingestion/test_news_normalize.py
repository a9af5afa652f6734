"""Normalisation helpers: canonical urls, ids, datelines, feed dates, HTML to text."""

from __future__ import annotations

from datetime import date

import pytest

from ingestion.news.htmltext import html_to_text
from ingestion.news.normalize import (
    article_id,
    canonical_url,
    clean_text,
    dateline_date,
    detect_language,
    parse_date,
    repair_text,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTP://WWW.Example.COM/a/b/", "https://www.example.com/a/b"),
        (
            "https://example.com:443/x?utm_source=a&id=3&UTM_medium=b#top",
            "https://example.com/x?id=3",
        ),
        ("http://example.com:8080/x", "https://example.com:8080/x"),
        ("file://Notes.txt", "file://Notes.txt"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_article_id() -> None:
    assert article_id("http://a.example/x/", "t1") == article_id("https://A.example/x", "t2")
    assert article_id(None, "same") == article_id("", "same") != article_id(None, "other")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEIJING, April 4, 2025 — The ministry said", date(2025, 4, 4)),
        ("June 27, 2025: Officials said", date(2025, 6, 27)),
        ("WASHINGTON (Reuters), Sept. 3, 2025 - Officials", date(2025, 9, 3)),
        ("12 May 2025 — Geneva", date(2025, 5, 12)),
        (" date 2025-05-12 On May 12 the two sides", date(2025, 5, 12)),
        ("On May 12, 2025, Washington and Beijing said", None),
        ("The tariffs took effect on April 10, 2025 — a Thursday.", None),
        ("February 30, 2025 — impossible", None),
    ],
)
def test_dateline_date(text: str, expected: date | None) -> None:
    assert dateline_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-05-12", date(2025, 5, 12)),
        ("2025-05-12T23:30:00+08:00", date(2025, 5, 12)),
        ("2025-05-12 08:00:00", date(2025, 5, 12)),
        ("2025-05-12T08:00:00Z", date(2025, 5, 12)),
        ("Fri, 31 Oct 2025 22:15:00 +0800", date(2025, 10, 31)),
        ("Published May 3, 2025 by staff", date(2025, 5, 3)),
        ("soon", None),
        ("", None),
        (None, None),
        (20250512, None),
    ],
)
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


def test_repair_and_clean_text() -> None:
    assert repair_text("donâ€™t") == "don’t"
    good = "“Quoted” — and ‘single’ quotes, ﬁ ligature, full-width Ａ stay."
    assert repair_text(good) == good
    assert clean_text("e\u0301te\r\nnext\x00 ") == "\u00e9te\nnext"


def test_detect_language() -> None:
    assert detect_language("Short.") == "und"
    assert detect_language("12345 67890 !!! ???") == "und"
    assert detect_language("China will suspend the additional tariffs for ninety days.") == "en"
    chinese = "中国商务部宣布对部分中重稀土相关物项实施出口管制措施，以维护国家安全和利益。"
    assert detect_language(chinese) == "zh"


def test_html_to_text() -> None:
    html = "<div><p>One &amp; two</p><script>x()</script><p>Three<br/>four</p></div>"
    assert html_to_text(html) == "One & two\n\nThree\nfour"
    assert html_to_text("plain words") == "plain words"
