"""The bundled sample must give its two headline links (skipped when the sample is absent)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from ingestion.extract import extract_corpus

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "news"

pytestmark = pytest.mark.skipif(not SAMPLE.is_dir(), reason="samples/news is not in this checkout")


def _pairs() -> set[tuple[str, str, str, str]]:
    from ingestion.news import discover_news_inputs, parse_news_file

    arts = pl.concat([parse_news_file(p).records for p in discover_news_inputs([SAMPLE])])
    ex = extract_corpus(arts)
    st = {s["statement_id"]: s for s in ex.statements.to_dicts()}
    out = set()
    for lk in ex.links.to_dicts():
        a, b = st[lk["commitment_statement_id"]], st[lk["reciprocal_statement_id"]]
        out.add((a["actor"], a["kind"], b["actor"], b["kind"]))
        out.add((b["actor"], b["kind"], a["actor"], a["kind"]))
    return out


def test_sample_headline_links() -> None:
    pairs = _pairs()
    # Geneva: China's non-tariff countermeasures commitment <-> the US tariff cut.
    assert any(
        p[:2] == ("CHN", "other") and p[2] == "USA" and p[3].startswith("tariff_") for p in pairs
    )
    # June: China's licence commitment <-> the US lifting its countermeasures.
    assert ("CHN", "license_approval", "USA", "export_control_relaxation") in pairs
