"""The quality docs open without a network and say which table and run each page checked."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from expectations.offline_docs import make_offline, remote_references
from expectations.runner import validate_frame


def test_scan_finds_what_a_browser_would_fetch(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        '<html><head><link rel="stylesheet" href="https://cdn.example/b.css">'
        '<script src="//cdn.example/jquery.js"></script></head>'
        '<body><a href="https://example.org/">a link is not a load</a>'
        '<img src="http://example.org/logo.png"></body></html>'
    )
    (tmp_path / "s.css").write_text("h1 { background: url('https://x.example/a.png') }")
    found = remote_references(tmp_path)
    assert len(found) == 4, found
    assert not any('example.org/"' in f for f in found)


def test_validation_pages_work_offline_and_name_table_and_run(
    gx_module: object, frames: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    docs = tmp_path / "docs" / "quality"
    validate_frame(frames["entries"], "entries", docs_dir=docs, run_name="run-entries-1")
    frames["evidence"].loc[0, "end_char"] = 0
    validate_frame(frames["evidence"], "evidence", docs_dir=docs, run_name="run-evidence-2")

    assert remote_references(docs) == []
    pages = sorted((docs / "validations").rglob("*.html"))
    assert len(pages) == 2
    texts = {p.relative_to(docs / "validations").parts[0]: p.read_text() for p in pages}
    assert "Table:</strong> ledger.entries" in texts["ledger_entries"]
    assert "Run:</strong> run-entries-1" in texts["ledger_entries"]
    assert "Result:</strong> Succeeded" in texts["ledger_entries"]
    assert "Table:</strong> ledger.evidence" in texts["ledger_evidence"]
    assert "Result:</strong> Failed" in texts["ledger_evidence"]
    # The index lists both validations without any script.
    index = (docs / "index.html").read_text()
    assert "<script" not in index
    rows = re.findall(r"<tr><td>(ledger\.\w+)</td><td>([^<]+)</td>", index)
    assert sorted(rows) == [
        ("ledger.entries", "run-entries-1"),
        ("ledger.evidence", "run-evidence-2"),
    ]
    for href in re.findall(r'href="([^"]+)"', index):
        assert (docs / href).is_file(), href
    # Both suites keep their page: validating one suite does not drop the other's.
    assert sorted(p.name for p in (docs / "expectations").glob("*.html")) == [
        "ledger_entries.html",
        "ledger_evidence.html",
    ]


def test_rewriting_twice_changes_nothing(
    gx_module: object, frames: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    validate_frame(frames["links"], "links", docs_dir=tmp_path, run_name="r1")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.html")}
    make_offline(tmp_path)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.html")} == before
