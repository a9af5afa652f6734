"""Texts readers see: commitment checks say what they rest on, summaries read as sentences."""

import re
from pathlib import Path

from report.render import check_basis, render_report

from .conftest import query


def _check(**fields: object) -> dict:
    return {
        "verdict": "resumed",
        "ratio": 11.2125,
        "baseline_months": 1,
        "baseline_quantity": 46400.0,
        "after_months": 3,
        "after_quantity": 520333.3,
        **fields,
    }


def test_check_names_the_months_it_used() -> None:
    text = check_basis(_check())
    assert "11.21 times" in text
    assert "1 month before the effective month and 3 months from it on (of 3 each)" in text
    assert "520,333 against 46,400" in text
    assert text.endswith("Fewer months than the window: read it with care.")


def test_a_full_window_has_no_caution_and_no_data_says_why() -> None:
    full = check_basis(_check(baseline_months=3, verdict="not yet", ratio=0.9))
    assert "3 months before the effective month and 3 months from it on" in full
    assert "care" not in full
    none = check_basis(_check(verdict="no data", ratio=None, baseline_months=0, after_months=2))
    assert none == (
        "Trade statistics cover 0 months before the effective month and 2 months from it on "
        "(of 3 each): too few to compare."
    )


def test_sample_summaries_have_no_gaps(published: Path) -> None:
    summaries = [row[0] for row in query(published, "select summary from ledger.entries")]
    assert summaries
    for summary in summaries:
        assert summary.endswith(".")
        assert not re.search(r"\s{2}| ,| on [,.;]| on announced|concerning [,.;]", summary), summary


def test_report_says_how_many_months_each_check_used(published: Path, tmp_path: Path) -> None:
    checks = query(published, "select baseline_months, after_months from ledger.commitment_checks")
    assert checks
    html = render_report(published, tmp_path / "report.html").read_text(encoding="utf-8")
    for before, after in checks:
        assert f"before the effective month and {after} month" in html
        assert re.search(rf"\b{before} months? before the effective month", html)
