"""Shared helpers for the extractor tests: build article frames from plain strings."""

from __future__ import annotations

import datetime as dt
import hashlib

import polars as pl
import pytest

from ingestion.extract import Extraction, extract_corpus
from ingestion.schemas import ARTICLE_SCHEMA


def make_frame(items: list[tuple[str, str | None, str]]) -> pl.DataFrame:
    """(url, ISO date or None, text) triples -> a frame of ARTICLE_SCHEMA."""
    rows = []
    for i, (url, pub, text) in enumerate(items):
        rows.append(
            {
                "article_id": hashlib.sha256(url.encode()).hexdigest()[:16],
                "url": url,
                "title": None,
                "published_on": dt.date.fromisoformat(pub) if pub else None,
                "text": text,
                "language": "en",
                "source_format": "jsonl",
                "record_position": f"line {i + 1}",
            }
        )
    return pl.DataFrame(rows, schema=ARTICLE_SCHEMA)


def run(text: str, pub: str | None = "2025-04-09", url: str = "https://t.example/a") -> Extraction:
    """Extract one article."""
    return extract_corpus(make_frame([(url, pub, text)]))


def statements(text: str, pub: str | None = "2025-04-09") -> list[dict]:
    """The statements of one article as dicts."""
    return run(text, pub).statements.to_dicts()


@pytest.fixture
def extract_one():
    """Fixture form of `statements`."""
    return statements
