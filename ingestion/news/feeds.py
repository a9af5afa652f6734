"""RSS 2.0 and Atom feeds, checked with defusedxml before feedparser sees them.

defusedxml refuses any entity declaration, which covers external entities (XXE: reading local
files or fetching urls) and entity-expansion bombs ("billion laughs") before a single entity is
expanded, so a hostile feed costs no memory. Only a feed that passed goes to feedparser.
"""

from __future__ import annotations

import io
import re
from datetime import date
from xml.etree.ElementTree import ParseError

from defusedxml import (
    DefusedXmlException,
    DTDForbidden,
    EntitiesForbidden,
    ExternalReferenceForbidden,
)
from defusedxml.ElementTree import fromstring as defused_fromstring

from ingestion.news import normalize as nz
from ingestion.news.formats import Rows
from ingestion.news.htmltext import html_to_text
from ingestion.news.reading import FileRejected, RawFile

_ATOM_NS = "{http://www.w3.org/2005/Atom}"
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _security_reason(exc: DefusedXmlException) -> str:
    if isinstance(exc, EntitiesForbidden):
        if exc.sysid or exc.pubid:
            return (
                f"refused: external entity '{exc.name}' ({exc.sysid or exc.pubid}) "
                "declared (XXE); feeds may not reference external entities"
            )
        return (
            f"refused: entity declaration '{exc.name}' (entity expansion, e.g. billion "
            "laughs); feeds may not declare entities"
        )
    if isinstance(exc, ExternalReferenceForbidden):
        return f"refused: external reference {exc.sysid or exc.pubid} (XXE/DTD retrieval)"
    if isinstance(exc, DTDForbidden):
        return "refused: DTD not allowed"
    return f"refused: unsafe XML ({type(exc).__name__})"


def _feed_kind(data: bytes) -> str:
    """ "rss" or "atom" from the root element of a document that defusedxml accepts."""
    try:
        root = defused_fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as exc:
        raise FileRejected(_security_reason(exc)) from exc
    except ParseError as exc:
        if _DOCTYPE.search(data[:65536]):
            # A malformed document with a DTD: the lenient fallback below might act on
            # declarations the strict check never got to see, so refuse.
            raise FileRejected(f"malformed XML with a DTD: {exc}") from exc
        return "unknown"
    tag = root.tag
    # Atom 1.0, or the pre-standard Atom 0.3 namespace that some sites still serve.
    if tag == f"{_ATOM_NS}feed" or tag == "feed" or tag.endswith("}feed"):
        return "atom"
    if tag == "rss" or tag.endswith("}RDF") or tag.lower() == "rdf:rdf":
        return "rss"
    raise FileRejected(f"not an RSS or Atom feed: root element <{tag}>")


def _entry_text(entry) -> str:  # type: ignore[no-untyped-def]
    """The item's content (full text) when present, else its description/summary, as text."""
    candidates = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or "text/html"))
    detail = entry.get("summary_detail") or {}
    if entry.get("summary"):
        candidates.append((entry["summary"], detail.get("type") or "text/html"))
    texts = []
    for value, kind in candidates:
        text = html_to_text(value) if "html" in kind else value
        text = nz.clean_text(text)
        if text:
            texts.append(text)
    # Feeds that carry both usually put the full article in content and a teaser in summary.
    return max(texts, key=len) if texts else ""


def _entry_date(entry):  # type: ignore[no-untyped-def]
    for key in ("published", "updated", "created"):
        found = nz.parse_date(entry.get(key))
        if found:
            return found
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def parse_feed(raw: RawFile) -> Rows:
    """Items of an RSS 2.0 / RSS 1.0 or Atom feed as articles, one per item."""
    kind = _feed_kind(raw.data)
    import feedparser

    # A file-like object, never a string: feedparser fetches strings that look like urls.
    parsed = feedparser.parse(io.BytesIO(raw.data), resolve_relative_uris=False, sanitize_html=True)
    if kind == "unknown":
        version = parsed.get("version") or ""
        if not parsed.entries or not version:
            reason = parsed.get("bozo_exception") or "no RSS or Atom structure"
            raise FileRejected(f"malformed XML, not a readable feed: {reason}")
        kind = "atom" if version.startswith("atom") else "rss"
    rows = Rows(kind)
    for number, entry in enumerate(parsed.entries, start=1):
        rows.records_in += 1
        position = f"item {number}"
        text = _entry_text(entry)
        title = entry.get("title")
        if title and "html" in ((entry.get("title_detail") or {}).get("type") or ""):
            title = html_to_text(title)
        if not text:
            rows.reject(position, "item has no description or content", title or "")
            continue
        link = (entry.get("link") or "").strip() or None
        rows.add(
            url=link,
            title=nz.clean_inline(title),
            published_on=_entry_date(entry),
            text=text,
            position=position,
        )
    return rows
