"""News input side of ingestion: parse JSONL, plain text, HTML and RSS/Atom files into articles.

A plain library (no orchestration imports). `parse_news_file` never raises for bad content: a
problem with the whole file becomes one reject at position "file", a problem with one record a
reject at its position, and good records still load.
"""

from __future__ import annotations

from pathlib import Path

from ingestion.inputs import find_inputs, unique_inputs
from ingestion.news.formats import Rows, parse_html, parse_jsonl, parse_txt, snippet
from ingestion.news.reading import (
    DEFAULT_MAX_BYTES,
    EXTENSION_FORMATS,
    FileRejected,
    detect_format,
    read_checked,
)
from ingestion.schemas import ARTICLE_SCHEMA, ParseResult, Reject, empty

__all__ = [
    "DEFAULT_MAX_BYTES",
    "discover_news_inputs",
    "parse_news_file",
]


def _file_reject(reason: str, raw: bytes = b"") -> ParseResult:
    # records_in stays 0: no record could be seen in a file that was not readable as news.
    return ParseResult(
        records=empty(ARTICLE_SCHEMA),
        rejects=[Reject(position="file", reason=reason, snippet=snippet(raw))],
        records_in=0,
    )


def parse_news_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ParseResult:
    """Parse one news file of any supported format into ARTICLE_SCHEMA records and rejects.

    The format comes from the extension (.jsonl, .txt, .html/.htm, .xml/.rss/.atom) or, for
    other extensions, from the content. `records_in` counts records seen (non-blank lines,
    feed items, 1 for txt/html) and equals loaded + rejected whenever the file was readable;
    a whole-file reject has records_in 0.
    """
    path = Path(path)
    try:
        raw = read_checked(path, max_bytes)
    except FileRejected as exc:
        return _file_reject(str(exc))
    fmt = detect_format(path, raw.data)
    if fmt is None:
        ext = path.suffix or "(none)"
        return _file_reject(
            f"unknown format: extension {ext} is not one of "
            f"{', '.join(sorted(set(EXTENSION_FORMATS)))} and the content is not "
            "JSON lines, HTML or an RSS/Atom feed",
            raw.data,
        )
    try:
        rows: Rows
        if fmt == "jsonl":
            rows = parse_jsonl(raw)
        elif fmt == "txt":
            rows = parse_txt(raw, path)
        elif fmt == "html":
            rows = parse_html(raw, path)
        else:
            from ingestion.news.feeds import parse_feed

            rows = parse_feed(raw)
    except FileRejected as exc:
        return _file_reject(str(exc), raw.data)
    return ParseResult(records=rows.frame(), rejects=rows.rejects, records_in=rows.records_in)


def discover_news_inputs(paths: list[Path]) -> list[Path]:
    """The readable news files under `paths`: files as given, folders searched recursively.

    Hidden files and folders (leading dot) and README.md files found in folders are skipped, and
    so are links and other non-regular entries inside folders (`ingestion.inputs`, which the run
    uses to list them as refused). The result is sorted and without duplicates. A path that does
    not exist is an error.
    """
    found: set[Path] = set()
    for path in map(Path, paths):
        try:
            items = find_inputs(path)
        except FileNotFoundError:
            raise FileNotFoundError(f"news input not found: {path}") from None
        found.update(item.path for item in unique_inputs(items) if not item.refused)
    return sorted(found)
