"""Make the Great Expectations Data Docs under a folder readable without a network.

GX writes pages that load jQuery, Bootstrap, bootstrap-table and Vega from CDNs, and an index
whose list of validations is drawn by those scripts. This module rewrites the site in place:

- every script, style sheet and image loaded from elsewhere is removed (and, as their code is gone,
  the inline scripts that call it), a small style sheet is written inline instead, and URLs to
  other hosts in the site's CSS are dropped;
- each validation page gets a heading naming the ledger table and the run it checked (GX says
  "Data asset: None" for an in-memory frame);
- index.html is replaced by a plain list of the validations (table, run, time, outcome) and
  the expectation suites.

Plain library: no Dagster, no GX import (it only edits files).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

# A reference that makes a browser fetch from another host: http(s) or protocol-relative.
REMOTE = r"(?:https?:)?//"
REMOTE_SCRIPT = re.compile(
    rf"<script\b[^>]*\bsrc\s*=\s*[\"']?{REMOTE}[^>]*>.*?</script\s*>", re.I | re.S
)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>.*?</script\s*>", re.I | re.S)
REMOTE_LINK = re.compile(rf"<link\b[^>]*\bhref\s*=\s*[\"']?{REMOTE}[^>]*>", re.I)
REMOTE_MEDIA = re.compile(
    rf"<(?:img|iframe|source)\b[^>]*\bsrc\s*=\s*[\"']?{REMOTE}[^>]*>", re.I | re.S
)
REMOTE_CSS_URL = re.compile(rf"url\(\s*[\"']?{REMOTE}[^)]*\)", re.I)
REMOTE_IMPORT = re.compile(rf"@import\s+(?:url\()?\s*[\"']?{REMOTE}[^;]*;", re.I)
MARKER = "<!-- tradeledger: offline -->"
STATUS = re.compile(r"Status:</span>.{0,200}?(Succeeded|Failed)", re.S)

STYLE = """<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
td, th { border: 1px solid #ccc; padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
.text-success { color: #1a7f37; } .text-danger { color: #b42318; }
.tradeledger-meta { background: #f3f4f6; border-left: 4px solid #555; padding: 0.5rem 1rem;
  margin-bottom: 1rem; }
.collapse { display: block; } .navbar, .sticky, #navbar { display: none; }
</style>"""


@dataclass
class ValidationPage:
    """One validation page of the site: which table, which run, when, and how it went."""

    path: Path
    table: str
    run_name: str
    run_time: str
    status: str


def _table_of(suite_name: str) -> str:
    return "ledger." + suite_name.removeprefix("ledger_")


def _validation_pages(docs_dir: Path) -> list[ValidationPage]:
    """Pages under validations/<suite>/<run name>/<run time>/<asset>.html."""
    pages = []
    root = docs_dir / "validations"
    for path in sorted(root.glob("*/*/*/*.html")) if root.is_dir() else []:
        suite, run_name, run_time = path.relative_to(root).parts[:3]
        found = STATUS.search(path.read_text(encoding="utf-8", errors="replace"))
        pages.append(
            ValidationPage(
                path=path,
                table=_table_of(suite),
                run_name="" if run_name == "__none__" else run_name,
                run_time=run_time,
                status=found.group(1) if found else "unknown",
            )
        )
    return pages


def _strip_remote(text: str) -> str:
    text = REMOTE_SCRIPT.sub("", text)
    text = INLINE_SCRIPT.sub("", text)  # they drive the removed libraries
    text = REMOTE_LINK.sub("", text)
    text = REMOTE_MEDIA.sub("", text)  # the GX logo
    text = REMOTE_IMPORT.sub("", text)
    return REMOTE_CSS_URL.sub("none", text)


def _rewrite_page(path: Path, heading: str | None) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    if MARKER in text:
        return
    text = _strip_remote(text)
    text = re.sub(r"</head\s*>", MARKER + STYLE + "</head>", text, count=1, flags=re.I)
    if heading:
        text = re.sub(r"(<body\b[^>]*>)", r"\1" + heading.replace("\\", r"\\"), text, count=1)
    path.write_text(text, encoding="utf-8")


def _heading(page: ValidationPage) -> str:
    run = page.run_name or "not named"
    return (
        '<div class="tradeledger-meta"><strong>Table:</strong> '
        f"{html.escape(page.table)} · <strong>Run:</strong> {html.escape(run)} · "
        f"<strong>Validated:</strong> {html.escape(page.run_time)} · "
        f"<strong>Result:</strong> {html.escape(page.status)}</div>"
    )


def _index(docs_dir: Path, pages: list[ValidationPage]) -> str:
    rows = "\n".join(
        f"<tr><td>{html.escape(p.table)}</td><td>{html.escape(p.run_name or 'not named')}</td>"
        f"<td>{html.escape(p.run_time)}</td><td>{html.escape(p.status)}</td>"
        f'<td><a href="{html.escape(p.path.relative_to(docs_dir).as_posix())}">page</a></td></tr>'
        for p in sorted(pages, key=lambda p: p.run_time, reverse=True)
    )
    suites = "\n".join(
        f'<li><a href="{html.escape(s.relative_to(docs_dir).as_posix())}">'
        f"{html.escape(_table_of(s.stem))}</a></li>"
        for s in sorted((docs_dir / "expectations").glob("*.html"))
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{MARKER}'
        f"<title>tradeledger quality checks</title>{STYLE}</head><body>"
        "<h1>Quality checks of the published ledger</h1>"
        "<h2>Validations</h2><table><thead><tr><th>table</th><th>run</th>"
        f"<th>validated (UTC)</th><th>result</th><th></th></tr></thead><tbody>{rows}"
        "</tbody></table>"
        f"<h2>Expectation suites</h2><ul>{suites}</ul></body></html>"
    )


def make_offline(docs_dir: Path) -> list[ValidationPage]:
    """Rewrite the Data Docs site under `docs_dir` so that it needs no network; its pages."""
    pages = _validation_pages(docs_dir)
    headings = {page.path: _heading(page) for page in pages}
    for path in docs_dir.rglob("*.html"):
        if path != docs_dir / "index.html":
            _rewrite_page(path, headings.get(path))
    for sheet in docs_dir.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        cleaned = _strip_remote(text)
        if cleaned != text:
            sheet.write_text(cleaned, encoding="utf-8")
    (docs_dir / "index.html").write_text(_index(docs_dir, pages), encoding="utf-8")
    return pages


def remote_references(docs_dir: Path) -> list[str]:
    """Every script, style sheet, image or CSS resource under `docs_dir` that a browser would
    fetch from another host, as `file: reference` (empty when the site works offline)."""
    patterns = [
        re.compile(rf"<script\b[^>]*\bsrc\s*=\s*[\"']?{REMOTE}[^\"'\s>]*", re.I),
        re.compile(rf"<link\b[^>]*\bhref\s*=\s*[\"']?{REMOTE}[^\"'\s>]*", re.I),
        re.compile(
            rf"<(?:img|iframe|source)\b[^>]*\bsrc\s*=\s*[\"']?{REMOTE}[^\"'\s>]*", re.I | re.S
        ),
        REMOTE_CSS_URL,
        REMOTE_IMPORT,
    ]
    found = []
    for path in sorted(docs_dir.rglob("*")):
        if path.suffix.lower() not in (".html", ".htm", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in patterns:
            found += [
                f"{path.relative_to(docs_dir)}: {m.group(0)[:120]}" for m in pattern.finditer(text)
            ]
    return found
