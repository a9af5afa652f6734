"""The bundled sample's headline facts (skipped when the sample is absent)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import polars as pl
import pytest

from ingestion.extract import Extraction, extract_corpus

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "news"

pytestmark = pytest.mark.skipif(not SAMPLE.is_dir(), reason="samples/news is not in this checkout")


@cache
def _extraction() -> Extraction:
    from ingestion.news import discover_news_inputs, parse_news_file

    arts = pl.concat([parse_news_file(p).records for p in discover_news_inputs([SAMPLE])])
    return extract_corpus(arts)


def _statements() -> dict[str, dict]:
    return {s["statement_id"]: s for s in _extraction().statements.to_dicts()}


def _directed() -> list[tuple[dict, dict]]:
    """(commitment, reciprocal) statement pairs of every link."""
    st = _statements()
    return [
        (st[lk["commitment_statement_id"]], st[lk["reciprocal_statement_id"]])
        for lk in _extraction().links.to_dicts()
    ]


def test_geneva_commitment_is_linked_to_the_us_tariff_cut() -> None:
    assert any(
        {a["actor"], b["actor"]} == {"CHN", "USA"}
        and "other" in (a["kind"], b["kind"])
        and any(x["actor"] == "USA" and x["kind"].startswith("tariff_") for x in (a, b))
        for a, b in _directed()
    )


def test_june_licence_commitment_buys_the_lifting_of_the_us_curbs() -> None:
    # China's licence approvals are the commitment; the US lifting its curbs on chip-design
    # software, ethane and jet engines is what they buy, not the other way round.
    june = [
        (a, b)
        for a, b in _directed()
        if a["announced_on"] is not None and a["announced_on"].month == 6
    ]
    assert june
    for a, b in june:
        assert (a["actor"], a["kind"]) == ("CHN", "license_approval")
        assert (b["actor"], b["kind"]) == ("USA", "export_control_relaxation")
    lifted = {p.strip() for _, b in june for p in b["products"].split(",") if p.strip()}
    assert {"chip design software", "ethane", "jet engines"} <= lifted


def test_no_us_easing_of_rare_earth_controls() -> None:
    # No report in the sample says the US eased controls on rare earths: China's are eased.
    for s in _statements().values():
        if s["actor"] == "USA" and s["kind"] in ("export_control_relaxation", "license_approval"):
            assert "rare earth" not in s["products"], s["quote"]


def _rates(actor: str) -> dict[float, set[dt.date]]:
    out: dict[float, set[dt.date]] = {}
    for s in _statements().values():
        if s["actor"] == actor and s["kind"] == "tariff_increase" and s["rate_after_pct"]:
            day = s["announced_on"] or s["effective_on"]
            if day is not None and day.month == 4 and day.year == 2025:
                out.setdefault(s["rate_after_pct"], set()).add(day)
    return out


def test_april_2025_steps_carry_their_rates_both_ways() -> None:
    us, cn = _rates("USA"), _rates("CHN")
    # US: 34 (2 April) -> 84, or 104 with the fentanyl duty (8-9 April) -> 125, or 145 (9-10).
    assert dt.date(2025, 4, 2) in us.get(34.0, set())
    assert us.keys() & {84.0, 104.0}
    assert us.keys() & {125.0, 145.0}
    # China: 34 (4 April) -> 84 (9 April) -> 125 (11 April).
    assert dt.date(2025, 4, 4) in cn.get(34.0, set())
    assert dt.date(2025, 4, 9) in cn.get(84.0, set())
    assert dt.date(2025, 4, 11) in cn.get(125.0, set())


def test_april_steps_are_separate_entries() -> None:
    # China's 34% (4 April) and 84% (9 April) both took effect on 10 April: still two measures.
    keys: dict[float, set[str]] = {}
    for s in _statements().values():
        if s["actor"] == "CHN" and s["kind"] == "tariff_increase" and s["rate_after_pct"]:
            keys.setdefault(s["rate_after_pct"], set()).add(s["entry_key"])
    assert keys[34.0].isdisjoint(keys[84.0])
    assert keys[84.0].isdisjoint(keys[125.0])
