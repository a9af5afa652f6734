"""Sentence and clause splitting that keeps character offsets into the original text.

Offsets are always positions in the text as given: nothing here returns a modified copy, so an
evidence quote is `text[start:end]` by construction.
"""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "u.s",
    "u.k",
    "u.n",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "nos",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "corp",
    "co",
    "ltd",
    "vs",
    "e.g",
    "i.e",
    "gov",
    "sen",
    "rep",
    "jr",
    "p.r.c",
    "a.m",
    "p.m",
    "etc",
}
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+|\n+|[。！？]")
_WORD_BEFORE = re.compile(r"([\w.]+)$")

# Clause boundaries: places where a new subject usually starts. "while"/"whereas" join the two
# parties' moves in one sentence; semicolons and enumerations "(ii)" list separate actions.
_CLAUSE = re.compile(
    r";\s+|,?\s+while\s+|,?\s+whereas\s+|\s\((?:i|ii|iii|iv|v|vi)\)\s+|,\s+which\s+"
    r"|,\s+(?=(?:and\s+)?(?:then\s+)?(?:the\s+)?(?:U\.S\.|US|United States|China|Beijing|Washington"
    r"|Trump|the White House|the Commerce Ministry|MOFCOM)\b)"
    r"|\s+and\s+(?=(?:has|have|will|would|is|was|also|then)\b)"
    r"|,\s+(?=(?:announcing|saying|adding|prompting|taking)\b)|,\s+then\s+"
    r"|,\s+(?=(?:we|they|I)\b)|,\s+(?=and in (?:return|exchange)\b)"
    r"|,\s+(?=(?:(?:hours|days|minutes|moments|weeks|shortly|just|a day)\s+)?after\b)"
    r"|,?\s+(?=in (?:direct )?response to\b|in retaliation (?:for|to|against)\b|in return for\b)"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split `text` into sentence spans (start, end), whitespace-trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            before = _WORD_BEFORE.search(text, 0, m.start())
            word = before.group(1).lower() if before else ""
            nxt = text[m.end() : m.end() + 3].lstrip("\"“‘('")[:1]
            # "U.S. goods", "No. 18", "Feb. 10": not a boundary when the abbreviation is known,
            # or when the next word starts lowercase or with a digit.
            if (
                "\n" not in m.group(0)
                and (word.rstrip(".") in _ABBREV or len(word) == 1 or (nxt and not nxt.isupper()))
                and not (
                    nxt and nxt.isupper() and word.rstrip(".") not in _ABBREV and len(word) > 1
                )
            ):
                continue
        _push(text, start, end, spans)
        start = end
    _push(text, start, len(text), spans)
    return spans


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the trimmed span if it holds any text."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the sentence text[start:end] into clause spans at subject-changing connectors."""
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _CLAUSE.finditer(text, start, end):
        if m.start() - cur < 12:
            continue
        _push(text, cur, m.start(), spans)
        cur = m.end()
    _push(text, cur, end, spans)
    return spans
