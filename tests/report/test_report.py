"""The HTML report: what it shows for the sample, that it escapes the data, and its CLI."""

import re
import shutil
from pathlib import Path

import duckdb
import markupsafe
import pytest

from orchestration.cli import main
from report.queries import entries_preview_markdown
from report.render import render_report, safe_url

from .conftest import query

# Reads the session's shared sample run (tests/conftest.py): fast lane.


@pytest.fixture(scope="module")
def report_html(published: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = render_report(published, tmp_path_factory.mktemp("report") / "report.html")
    return out.read_text(encoding="utf-8")


def test_report_is_self_contained(report_html: str) -> None:
    # plotly.js is inline (it names a CDN only for map topologies, which no chart here uses);
    # no script, style sheet or image is loaded from elsewhere.
    assert '<script src="https://cdn.plot.ly' not in report_html
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?:', report_html)
    assert report_html.count("Plotly.newPlot") >= 2


def test_report_shows_the_june_2025_licence_deal(published: Path, report_html: str) -> None:
    deal = query(
        published,
        """
        select c.entry_id, c.summary, r.entry_id, r.summary
        from ledger.links as links
        join ledger.entries as c on c.entry_id = links.commitment_entry_id
        join ledger.entries as r on r.entry_id = links.reciprocal_entry_id
        where c.actor = 'CHN' and c.kind = 'license_approval' and r.actor = 'USA'
        """,
    )
    assert deal, "the sample's ledger has no China licence commitment linked to a US measure"
    for commitment_id, _, reciprocal_id, _ in deal:
        for entry_id in (commitment_id, reciprocal_id):
            quotes = query(
                published, "select quote from ledger.evidence where entry_id = ?", [entry_id]
            )
            assert quotes
            # Quotes are escaped like any other text (quotation marks become entities).
            assert all(str(markupsafe.escape(q)) in report_html for (q,) in quotes)
    assert "chart-tariffs" in report_html and "chart-timeline" in report_html


def test_report_draws_magnet_exports_to_the_us(published: Path, report_html: str) -> None:
    months = query(
        published,
        "select count(distinct month) from ledger.trade_monthly "
        "where reporter = 'CHN' and partner = 'USA' and flow = 'export' and hs_code like '8505%'",
    )[0][0]
    if not months:
        pytest.skip("the sample's ledger.trade_monthly holds no magnet exports (trade parser)")
    assert "CHN exports of HS 8505" in report_html
    assert "chart-series-0" in report_html


def test_report_escapes_text_from_the_data(published: Path, tmp_path: Path) -> None:
    db = tmp_path / "hostile.duckdb"
    shutil.copy(published, db)
    con = duckdb.connect(str(db))
    try:
        entry_id = con.execute(
            "select entry_id from ledger.evidence order by entry_id limit 1"
        ).fetchone()[0]  # type: ignore[index]
        con.execute(
            "update ledger.entries set summary = '<script>window.pwned = 1</script>' "
            "where entry_id = ?",
            [entry_id],
        )
        con.execute(
            "update ledger.evidence set url = 'javascript:alert(1)', "
            "quote = '<img src=x onerror=1>' where entry_id = ?",
            [entry_id],
        )
    finally:
        con.close()
    html = render_report(db, tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>window.pwned" not in html
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html


def test_safe_url_only_links_http() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(None) is None


def test_preview_is_a_markdown_table(published: Path) -> None:
    preview = entries_preview_markdown(published, limit=3)
    lines = preview.splitlines()
    assert lines[0].startswith("| entry_id |")
    assert len(lines) == 2 + min(3, query(published, "select count(*) from ledger.entries")[0][0])


def test_cli_report_writes_the_file(sample_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "r.html"
    assert main(["report", "--home", str(sample_home), "--out", str(out)]) == 0
    assert out.stat().st_size > 1_000_000  # plotly.js alone is megabytes
    assert main(["report", "--home", str(tmp_path / "empty")]) == 1
