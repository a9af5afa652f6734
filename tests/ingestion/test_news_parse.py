"""parse_news_file: every format, good files and the ways a file or a record can be bad."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from ingestion.news import DEFAULT_MAX_BYTES, discover_news_inputs, parse_news_file
from ingestion.schemas import ARTICLE_SCHEMA, ParseResult

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "news"


def parse(path: Path, **kwargs) -> ParseResult:
    """Parse and check the invariants every result must satisfy."""
    result = parse_news_file(path, **kwargs)
    assert dict(result.records.schema) == ARTICLE_SCHEMA
    if not any(r.position == "file" for r in result.rejects) or result.records_in:
        assert result.records_in == result.records.height + len(result.rejects)
    for reject in result.rejects:
        assert reject.reason
        assert len(reject.snippet) <= 200
    return result


def only_file_reject(result: ParseResult) -> str:
    assert result.records.height == 0
    assert [r.position for r in result.rejects] == ["file"]
    return result.rejects[0].reason


# ---------------------------------------------------------------------------- JSONL


def test_jsonl_good_file() -> None:
    result = parse(FIXTURES / "good.jsonl")
    assert result.records_in == 3 and not result.rejects
    rows = result.records.to_dicts()
    assert [r["record_position"] for r in rows] == ["line 1", "line 2", "line 3"]
    assert {r["source_format"] for r in rows} == {"jsonl"}
    assert {r["language"] for r in rows} == {"en"}
    assert rows[0]["published_on"] == date(2025, 11, 3)
    # A datetime keeps the publisher's calendar day, not the UTC one.
    assert rows[1]["published_on"] == date(2025, 7, 2)
    # No published value: the dateline at the start of the text gives the date.
    assert rows[2]["published_on"] == date(2025, 3, 5)
    assert rows[2]["url"] is None and rows[2]["title"] is None
    assert all(len(r["article_id"]) == 16 for r in rows)
    # The text is byte-for-byte what the JSON held, curly quotes included.
    source = [json.loads(line)["text"] for line in (FIXTURES / "good.jsonl").open(encoding="utf-8")]
    assert result.records["text"].to_list() == source


def test_jsonl_invalid_utf8_and_broken_json_lines_beside_good_lines(tmp_path: Path) -> None:
    good = json.dumps(
        {
            "url": "https://a.example/1",
            "title": "t",
            "published": None,
            "text": "A perfectly ordinary sentence about export licences.",
        }
    )
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        good.encode()
        + b"\n"
        + b'{"url": "https://a.example/2", "text": "caf\xe9 au lait \xff"}\n'
        + b'{"url": "https://a.example/3", "text": "unterminated\n'
        + b"\n"  # blank lines are not records
        + good.replace("/1", "/4").encode()
        + b"\n"
        + b'["an", "array"]\n'
        + b'{"url": "https://a.example/5", "text": "   "}\n'
        + b'{"url": 7, "text": "a url that is a number"}\n'
    )
    result = parse(path)
    assert result.records["record_position"].to_list() == ["line 1", "line 5"]
    reasons = {r.position: r.reason for r in result.rejects}
    assert reasons["line 2"].startswith("invalid UTF-8 at byte")
    assert reasons["line 3"].startswith("invalid JSON: Unterminated string")
    assert reasons["line 6"] == "not a JSON object but list"
    assert reasons["line 7"] == "missing or empty text"
    assert reasons["line 8"] == "field 'url' must be a string or null, got int"
    assert result.records_in == 7


def test_jsonl_line_with_a_nul_byte_is_rejected_alone(tmp_path: Path) -> None:
    good = json.dumps({"url": "https://n.example/1", "text": "Duties on wire rose again."})
    path = tmp_path / "nul.jsonl"
    path.write_bytes(good.encode() + b'\n{"text": "bad\x00line"}\n' + good.encode() + b"\n")
    result = parse(path)
    assert result.records.height == 2
    assert [(r.position, r.reason[:12]) for r in result.rejects] == [("line 2", "invalid JSON")]


def test_jsonl_mojibake_is_repaired_good_text_untouched() -> None:
    result = parse(FIXTURES / "mojibake.jsonl")
    first, second = result.records.to_dicts()
    assert first["text"].startswith("Traders don’t expect")
    assert "they’re" in first["text"]
    assert first["title"] == "Traders don’t expect relief"
    source = json.loads((FIXTURES / "mojibake.jsonl").read_text("utf-8").splitlines()[1])
    assert second["text"] == source["text"]


def test_jsonl_lossy_mojibake_keeps_length() -> None:
    """Damage whose invisible bytes were stripped ("didnât") is repaired one char for one."""
    from ingestion.news.normalize import repair_text

    text = "It didnât take long; the ministryâs âfirm responseâ came at once."

    fixed = repair_text(text)
    assert fixed == "It didn’t take long; the ministry’s “firm response” came at once."
    assert len(fixed) == len(text)


def test_jsonl_leaves_real_circumflex_words_alone() -> None:
    from ingestion.news.normalize import repair_text

    text = "Guvernul României a anunțat când vor intra în vigoare taxele; pâine și vin."
    assert repair_text(text) == text


# ---------------------------------------------------------------------------- TXT


def test_txt_title_dateline_and_file_url() -> None:
    result = parse(FIXTURES / "article.txt")
    (row,) = result.records.to_dicts()
    assert row["title"] == "Beijing adds seven metals to its export licence list"
    assert row["text"].startswith("BEIJING, April 4, 2025 — The commerce ministry")
    assert row["published_on"] == date(2025, 4, 4)
    assert row["url"] == "file://article.txt"
    assert row["source_format"] == "txt" and row["record_position"] == "file"
    assert result.records_in == 1


def test_txt_dateline_first_line_is_not_a_title() -> None:
    (row,) = parse(FIXTURES / "dateline_only.txt").records.to_dicts()
    assert row["title"] is None
    assert row["published_on"] == date(2025, 6, 27)
    assert row["text"].startswith("June 27, 2025: Officials")


def test_txt_windows_line_ends_and_latin1(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(
        "Tariff note\r\n\r\nThe café owners said duties on Spanish ham would hurt sales in "
        "the spring, and that the ministry had not answered them.\r\n".encode("latin-1")
    )
    (row,) = parse(path).records.to_dicts()
    assert row["title"] == "Tariff note"
    assert "\r" not in row["text"] and "café" in row["text"]


# ---------------------------------------------------------------------------- HTML


def test_html_main_text_and_metadata() -> None:
    result = parse(FIXTURES / "article.html")
    (row,) = result.records.to_dicts()
    assert row["title"] == "Tariff truce extended by ninety days"
    assert row["url"] == "https://wire.example.com/2025/08/truce-extended/"
    assert row["published_on"] == date(2025, 8, 11)
    assert "keep the suspension of their higher tariff rates" in row["text"]
    for boilerplate in ("cookies", "tracking", "document.write", "Copyright", "Markets"):
        assert boilerplate not in row["text"]
    assert row["source_format"] == "html" and row["language"] == "en"


def test_html_without_article_text_is_rejected() -> None:
    result = parse(FIXTURES / "no_text.html")
    assert result.records_in == 1
    assert [(r.position, r.reason) for r in result.rejects] == [("file", "no article text")]


def test_html_entities_in_doctype_are_not_resolved(tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        "<html><body><article><p>The ministry published a long list of goods whose export "
        "now needs a licence, from graphite to several rare metals. &xxe;</p>"
        "<p>Traders said the rules were stricter than expected.</p></article></body></html>",
        encoding="utf-8",
    )
    (row,) = parse(path).records.to_dicts()
    assert "root:" not in row["text"]


# ---------------------------------------------------------------------------- Feeds


def test_rss_items_become_articles() -> None:
    result = parse(FIXTURES / "feed.rss")
    assert result.records_in == 3
    first, second = result.records.to_dicts()
    assert first["source_format"] == "rss" and first["record_position"] == "item 1"
    assert first["text"] == (
        "Both sides said they would suspend their port fees on each other’s ships for one year."
    )
    assert first["published_on"] == date(2025, 10, 31)  # the feed's own day, not UTC
    assert first["url"] == "https://desk.example.com/items/vessel-fees"
    # content:encoded (the full text) wins over a teaser description.
    assert second["text"].startswith("The full story:")
    assert "\n\nFurther orders" in second["text"]
    assert [(r.position, r.reason) for r in result.rejects] == [
        ("item 3", "item has no description or content")
    ]


def test_atom_entries_become_articles() -> None:
    result = parse(FIXTURES / "feed.atom")
    first, second = result.records.to_dicts()
    assert {first["source_format"], second["source_format"]} == {"atom"}
    assert first["text"] == "Twenty-three firms were added to the entity list on Sunday."
    assert first["published_on"] == date(2025, 9, 14)
    assert second["text"] == "Officials said talks would resume in Madrid & the date would follow."
    assert second["published_on"] == date(2025, 9, 16)  # no published: updated


def test_feed_with_external_entity_is_refused() -> None:
    result = parse(FIXTURES / "xxe.rss")
    reason = only_file_reject(result)
    assert "external entity 'secret'" in reason and "XXE" in reason
    assert "root:" not in result.rejects[0].snippet


def test_feed_with_billion_laughs_is_refused_quickly() -> None:
    started = time.perf_counter()
    reason = only_file_reject(parse(FIXTURES / "bomb.rss"))
    assert "entity expansion" in reason and "billion laughs" in reason
    assert time.perf_counter() - started < 2


def test_good_feed_parses_beside_hostile_ones(tmp_path: Path) -> None:
    for name in ("xxe.rss", "bomb.rss", "feed.rss"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    results = {p.name: parse(p) for p in discover_news_inputs([tmp_path])}
    assert results["feed.rss"].records.height == 2
    assert results["xxe.rss"].records.height == results["bomb.rss"].records.height == 0


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text("<settings><colour>blue</colour></settings>", encoding="utf-8")
    assert only_file_reject(parse(path)) == "not an RSS or Atom feed: root element <settings>"


def test_malformed_feed_without_dtd_is_read_leniently(tmp_path: Path) -> None:
    path = tmp_path / "sloppy.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>x</title><item><title>Duties&nbsp;rise</title>'
        "<link>https://s.example/1</link><description>Customs raised the levy on "
        "imported steel wire to a quarter of its value.</description></item></channel></rss>",
        encoding="utf-8",
    )
    result = parse(path)
    assert result.records.height == 1
    assert result.records["text"][0].startswith("Customs raised the levy")


# ---------------------------------------------------------------------------- Whole-file rejects


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.txt", "empty.html", "empty.rss"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert only_file_reject(parse(path)) == "empty file"
    path.write_bytes(b"  \n\n\t ")
    assert only_file_reject(parse(path)) == "empty file (whitespace only)"


def test_file_over_the_cap_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: 21 MB on paper, nothing written
    reason = only_file_reject(parse(path))
    assert reason == (
        f"file too large: {21 * 1024 * 1024} bytes (21.0 MB) exceeds the cap of "
        f"{DEFAULT_MAX_BYTES} bytes (20.0 MB)"
    )


def test_cap_is_configurable(tmp_path: Path) -> None:
    path = FIXTURES / "good.jsonl"
    assert "exceeds the cap of 100 bytes" in only_file_reject(parse(path, max_bytes=100))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01\x02\x03binary\x00stuff", "binary content: NUL byte at offset 0"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary content: looks like a PDF file"),
        (b"\x1f\x8b\x08\x08\xaa\xbb\xcc\xdd", "binary content: looks like a gzip file"),
    ],
)
def test_binary_file(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(content)
    assert only_file_reject(parse(path)) == expected


def test_undecodable_encoding(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    # A UTF-16 byte-order mark followed by a lone surrogate cannot be decoded.
    path.write_bytes(b"\xff\xfe" + "Tariffs".encode("utf-16-le") + b"\x00\xd8")
    reason = only_file_reject(parse(path))
    assert reason.startswith("undecodable encoding: starts with a UTF-16 byte-order mark")


def test_utf16_text_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(
        "Export rules\n\nThe ministry widened the licence rules to cover more metals.".encode(
            "utf-16"
        )
    )
    (row,) = parse(path).records.to_dicts()
    assert row["title"] == "Export rules"


def test_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("reporter,partner,value\nUSA,CHN,12\n", encoding="utf-8")
    reason = only_file_reject(parse(path))
    assert reason.startswith("unknown format: extension .csv is not one of")


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    cases = [("good.jsonl", "jsonl"), ("feed.atom", "atom"), ("article.html", "html")]
    for name, expected in cases:
        path = tmp_path / (name.split(".")[0] + ".dat")
        path.write_bytes((FIXTURES / name).read_bytes())
        result = parse(path)
        assert result.records.height >= 1, name
        assert set(result.records["source_format"]) == {expected}


def test_missing_file(tmp_path: Path) -> None:
    reason = only_file_reject(parse(tmp_path / "nope.jsonl"))
    assert reason.startswith("cannot read file")


# ---------------------------------------------------------------------------- ids and discovery


def test_http_and_https_give_the_same_article_id(tmp_path: Path) -> None:
    lines = [
        {"url": "https://News.Example.com/story/42/", "text": "First copy of the story."},
        {"url": "http://news.example.com/story/42?utm_campaign=x", "text": "Second copy."},
        {"url": "https://news.example.com/story/43", "text": "A different story."},
    ]
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    ids = parse(path).records["article_id"].to_list()
    assert ids[0] == ids[1] != ids[2]


def test_article_id_from_text_when_no_url(tmp_path: Path) -> None:
    path = tmp_path / "nourl.jsonl"
    path.write_text(
        json.dumps({"text": "Same words."}) + "\n" + json.dumps({"text": "Same words."}) + "\n",
        encoding="utf-8",
    )
    ids = parse(path).records["article_id"].to_list()
    assert ids[0] == ids[1] and len(ids[0]) == 16


def test_short_text_language_is_und(tmp_path: Path) -> None:
    path = tmp_path / "short.jsonl"
    path.write_text(json.dumps({"url": "https://s.example", "text": "Tariffs up."}) + "\n")
    assert parse(path).records["language"].to_list() == ["und"]


def test_discover_news_inputs(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ["a.jsonl", "b/c.rss", "b/README.md", ".hidden.jsonl", ".git/x.jsonl", "z.txt"]:
        (tmp_path / rel).write_text("x", encoding="utf-8")
    found = discover_news_inputs([tmp_path, tmp_path / "z.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.jsonl", "b/c.rss", "z.txt"]
    with pytest.raises(FileNotFoundError):
        discover_news_inputs([tmp_path / "missing"])


def test_results_concatenate_across_formats() -> None:
    frames = [parse(p).records for p in discover_news_inputs([FIXTURES])]
    combined = pl.concat(frames)
    assert dict(combined.schema) == ARTICLE_SCHEMA
    assert set(combined["source_format"]) == {"jsonl", "txt", "html", "rss", "atom"}
