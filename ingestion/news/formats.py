"""One parser per news format. Each fills a `Rows` builder and a reject list."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from ingestion.limits import JsonTooDeep, loads_limited
from ingestion.news import normalize as nz
from ingestion.news.reading import FileRejected, RawFile, decode_text
from ingestion.schemas import ARTICLE_SCHEMA, Reject

SNIPPET_CHARS = 200
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def snippet(value: str | bytes) -> str:
    """At most 200 printable characters of an offending record, for the reject table."""
    if isinstance(value, bytes):
        value = value[: SNIPPET_CHARS * 4].decode("utf-8", "replace")
    return _UNPRINTABLE.sub(" ", value[:SNIPPET_CHARS]).strip()


@dataclass
class Rows:
    """Column-wise builder of an ARTICLE_SCHEMA frame."""

    source_format: str
    columns: dict[str, list] = field(default_factory=lambda: {k: [] for k in ARTICLE_SCHEMA})
    rejects: list[Reject] = field(default_factory=list)
    records_in: int = 0

    def add(
        self,
        *,
        url: str | None,
        title: str | None,
        published_on: date | None,
        text: str,
        position: str,
        source_format: str | None = None,
    ) -> None:
        """Append one article; the id and language are derived here so every format agrees."""
        col = self.columns
        col["article_id"].append(nz.article_id(url, text))
        col["url"].append(url)
        col["title"].append(title)
        col["published_on"].append(published_on or nz.dateline_date(text))
        col["text"].append(text)
        col["language"].append(nz.detect_language(text))
        col["source_format"].append(source_format or self.source_format)
        col["record_position"].append(position)

    def reject(self, position: str, reason: str, raw: str | bytes = "") -> None:
        """Record a rejected record."""
        self.rejects.append(Reject(position=position, reason=reason, snippet=snippet(raw)))

    def frame(self) -> pl.DataFrame:
        """The collected articles with exactly ARTICLE_SCHEMA."""
        return pl.DataFrame(self.columns, schema=ARTICLE_SCHEMA)


# --------------------------------------------------------------------------------------------
# JSONL
# --------------------------------------------------------------------------------------------


def _optional_str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f"field '{key}' must be a string or null, got {type(value).__name__}")


def parse_jsonl(raw: RawFile) -> Rows:
    """One article per line; a bad line is rejected alone, good lines still load.

    Lines are decoded one at a time so a single invalid UTF-8 line cannot spoil the file.
    Blank lines are not records (not counted, not rejected). `text` is kept exactly as given
    unless it is mojibake, because evidence offsets index into it.
    """
    rows = Rows("jsonl")
    data = raw.data
    if raw.bom_encoding in ("utf-16", "utf-32"):
        data = data.decode(raw.bom_encoding).encode("utf-8")
    elif data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        rows.records_in += 1
        position = f"line {number}"
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            rows.reject(position, f"invalid UTF-8 at byte {exc.start}: {exc.reason}", line)
            continue
        try:
            obj = loads_limited(decoded)
        except json.JSONDecodeError as exc:
            rows.reject(position, f"invalid JSON: {exc.msg} at column {exc.colno}", decoded)
            continue
        except JsonTooDeep as exc:
            rows.reject(position, str(exc), decoded)
            continue
        if not isinstance(obj, dict):
            rows.reject(position, f"not a JSON object but {type(obj).__name__}", decoded)
            continue
        try:
            text = _optional_str(obj, "text")
            url = _optional_str(obj, "url")
            title = _optional_str(obj, "title")
        except ValueError as exc:
            rows.reject(position, str(exc), decoded)
            continue
        if text is None or not text.strip():
            rows.reject(position, "missing or empty text", decoded)
            continue
        published = obj.get("published")
        rows.add(
            url=(url or "").strip() or None,
            title=nz.clean_inline(title),
            published_on=nz.parse_date(published),
            text=nz.repair_text(text),
            position=position,
        )
    return rows


# --------------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------------

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30


def _looks_like_title(line: str) -> bool:
    """Short, and not ending like a sentence or a dateline."""
    line = line.strip()
    if not line or len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS:
        return False
    if line[-1] in ".,;:—–-" or nz.dateline_date(line + "\n"):
        return False
    return sum(ch.isalpha() for ch in line) >= 3


def parse_txt(raw: RawFile, path: Path) -> Rows:
    """A plain article: the first line is the title when it looks like one, the rest the text."""
    rows = Rows("txt")
    rows.records_in = 1
    text = nz.clean_text(decode_text(raw))
    first, _, rest = text.partition("\n")
    title: str | None = None
    body = text
    if rest.strip() and _looks_like_title(first):
        title = nz.clean_inline(first)
        body = rest.strip()
    if not body:
        rows.reject("file", "no article text", text)
        return rows
    rows.add(
        url="file://" + path.name,
        title=title,
        published_on=nz.dateline_date(body) or nz.dateline_date(text),
        text=body,
        position="file",
    )
    return rows


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
# Consent and cookie layers are not article text; trafilatura's fallback extractors keep them
# when a page has nothing else, so they are pruned before extraction.
_PRUNE_XPATH = [
    "//*[contains(translate(@class, 'COKIE', 'cokie'), 'cookie')]",
    "//*[contains(translate(@id, 'COKIE', 'cokie'), 'cookie')]",
    "//*[contains(translate(@class, 'CONSET', 'conset'), 'consent')]",
    "//*[contains(translate(@id, 'CONSET', 'conset'), 'consent')]",
    "//*[contains(@class, 'gdpr')]",
]
# Fewer letters than this is a stub, an error message or a loading screen, not an article.
_MIN_ARTICLE_LETTERS = 40
_NOT_LETTER = re.compile(r"[\W\d_]+")


def _first(tree, *xpaths: str) -> str | None:  # type: ignore[no-untyped-def]
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            text = value if isinstance(value, str) else value.text_content()
            text = " ".join(str(text).split())
            if text:
                return text
    return None


def parse_html(raw: RawFile, path: Path) -> Rows:
    """One article from a web page: main text via trafilatura, metadata from the head.

    The page is parsed once by lxml's HTML parser with network access off; HTML parsing
    never loads DTDs or external entities, and nothing is fetched.
    """
    import lxml.html
    import trafilatura

    rows = Rows("html")
    rows.records_in = 1
    html = _XML_DECLARATION.sub("", decode_text(raw, html=True), count=1)
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, huge_tree=False)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise FileRejected(f"unparseable HTML: {exc}") from exc

    # Read the metadata before trafilatura, which prunes the tree it is given.
    title = _first(
        tree,
        "//meta[@property='og:title']/@content",
        "//title",
        "//h1",
    )
    url = _first(
        tree,
        "//link[@rel='canonical']/@href",
        "//meta[@property='og:url']/@content",
    )
    published = nz.parse_date(
        _first(
            tree,
            "//meta[@property='article:published_time']/@content",
            "//meta[@name='article:published_time']/@content",
            "//time/@datetime",
        )
    )
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        prune_xpath=_PRUNE_XPATH,
    )
    text = nz.clean_text(getattr(document, "text", None) or "")
    if len(_NOT_LETTER.sub("", text)) < _MIN_ARTICLE_LETTERS:
        rows.reject("file", "no article text", html)
        return rows
    if document is not None:
        title = title or document.title
        url = url or document.url
        published = published or nz.parse_date(document.date)
    if url and not url.lower().startswith(("http://", "https://")):
        url = None  # a relative or odd canonical link identifies nothing
    rows.add(
        url=url,
        title=nz.clean_inline(title),
        published_on=published,
        text=text,
        position="file",
    )
    return rows
