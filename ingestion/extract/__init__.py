"""Rule-based extraction of trade commitments and measures from news articles.

Public entry point: `extract_corpus(articles) -> Extraction`. A plain library (no Dagster): the
orchestration layer calls it on a frame of ARTICLE_SCHEMA and loads the three frames it returns.

Per article, in named stages (`stages.py`, whose rules live in `rules.py`): relevance (English,
trade vocabulary, an actor; any year) -> sentences and clauses with offsets into the original
text (`text.py`) -> a kind per clause from verb + noun lexicons (`lexicons.py`) -> modality:
negation, hedges, conditions, threats, status -> parties: actor and targets from the alias
gazetteer, passive agents, quoted speakers and pronouns -> dates resolved against the
publication date (`dates.py`) -> rates (`rates.py`) -> a `Statement` record (`statement.py`) with
products and HS codes, instrument, named agreement. Corpus level (`corpus.py`): near-duplicate
articles (MinHash), entry keys that merge one measure reported by several articles, links from
cue phrases (retaliation / response, in return / in exchange, once ... will, mutual promises) and
from shared named agreements. `bench.py` measures throughput.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

import polars as pl

from ingestion.extract.agreements import reference_date
from ingestion.extract.corpus import (
    agreement_links,
    article_links,
    assign_entry_keys,
    duplicate_groups,
)
from ingestion.extract.dates import infer_publication_date, text_year, url_date
from ingestion.extract.rules import is_relevant, party_counts
from ingestion.extract.stages import extract_article
from ingestion.extract.statement import Statement
from ingestion.schemas import (
    ARTICLE_ANNOTATION_SCHEMA,
    STATEMENT_LINK_SCHEMA,
    STATEMENT_SCHEMA,
)

__all__ = ["Extraction", "extract_corpus"]


@dataclass
class Extraction:
    """The three frames the extractor produces, each conforming to its schema."""

    statements: pl.DataFrame
    links: pl.DataFrame
    annotations: pl.DataFrame


_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


def _mostly_latin(text: str) -> bool:
    """True when most letters are Latin: a cheap guard against non-English text labelled 'en'."""
    sample = text[:3000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return False
    return len(_LATIN.findall(sample)) / letters >= 0.7


def extract_corpus(articles: pl.DataFrame) -> Extraction:
    """Extract statements, links and per-article annotations from a frame of ARTICLE_SCHEMA."""
    rows = sorted(
        articles.select(["article_id", "url", "text", "published_on", "language"]).to_dicts(),
        key=lambda r: r["article_id"],
    )
    years = Counter(r["published_on"].year for r in rows if r["published_on"] is not None)
    default_year = years.most_common(1)[0][0] if years else None

    pubs: dict[str, dt.date | None] = {}
    for r in rows:
        text = r["text"] or ""
        # The address often carries the date of publication (/2025/04/09/, /202509/): a full
        # date there is trusted, a year and month only steer the year of the text's own dates.
        from_url, month_only = url_date(r["url"] or "")
        year = from_url.year if from_url else text_year(text, default_year)
        pub = r["published_on"] or (None if month_only else from_url)
        if pub is None:
            pub = infer_publication_date(text, year)
            if (
                month_only
                and pub is not None
                and (pub.year, pub.month)
                != (
                    from_url.year,
                    from_url.month,
                )
            ):
                pub = None  # a date the text cites from another month is not when it was written
        if pub is None:
            pub = reference_date(
                text,
                party_counts(text),
                (from_url.year, from_url.month) if month_only and from_url else None,
            )
        pubs[r["article_id"]] = pub

    groups = duplicate_groups(
        [r["article_id"] for r in rows],
        [r["text"] or "" for r in rows],
        [pubs[r["article_id"]] for r in rows],
    )

    statements: list[Statement] = []
    links: dict = {}
    annotations: list[dict] = []
    for r in rows:
        aid, text = r["article_id"], r["text"] or ""
        pub = pubs[aid]
        relevant = _mostly_latin(text) and is_relevant(text, r["language"])
        stmts: list[Statement] = []
        if relevant:
            stmts = extract_article(
                aid,
                text,
                pub,
                text_year(text, default_year),
                pub_inferred=r["published_on"] is None,
            )
            stmts += article_links(text, stmts, links)
        statements.extend(stmts)
        annotations.append(
            {
                "article_id": aid,
                "duplicate_group": groups[aid],
                "is_relevant": relevant,
                "language": r["language"] or "und",
                "statement_count": len(stmts),
            }
        )

    assign_entry_keys(statements)
    # A statement that neither carries a date nor joins a dated entry cannot be placed in time,
    # nor told apart from other measures of its kind: it is left out of the ledger.
    dropped = {s.statement_id for s in statements if s.entry_key.endswith("|undated")}
    if dropped:
        statements = [s for s in statements if s.statement_id not in dropped]
        links = {k: v for k, v in links.items() if k[0] not in dropped and k[1] not in dropped}
        counts = Counter(s.article_id for s in statements)
        for a in annotations:
            a["statement_count"] = counts.get(a["article_id"], 0)
    agreement_links(statements, links)

    st_frame = (
        pl.DataFrame([s.to_row() for s in statements], schema=STATEMENT_SCHEMA)
        if statements
        else pl.DataFrame(schema=STATEMENT_SCHEMA)
    )
    link_rows = sorted(
        links.values(), key=lambda x: (x["commitment_statement_id"], x["reciprocal_statement_id"])
    )
    lk_frame = (
        pl.DataFrame(link_rows, schema=STATEMENT_LINK_SCHEMA)
        if link_rows
        else pl.DataFrame(schema=STATEMENT_LINK_SCHEMA)
    )
    an_frame = pl.DataFrame(annotations, schema=ARTICLE_ANNOTATION_SCHEMA)
    return Extraction(st_frame, lk_frame, an_frame)
