"""Sentence and clause splitting that keeps character offsets into the original text.

Offsets are always positions in the text as given: nothing here returns a modified copy, so an
evidence quote is `text[start:end]` by construction.
"""

from __future__ import annotations

import re

from ingestion.extract import lexicons as lx
from ingestion.extract.lexicons import trie_pattern

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
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+|\n+|[。！？]|\s+[|•]\s+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_WORDS = re.compile(r"\b[a-z]{2,}\b")


# Names that open a new subject: every country, capital and official in the lexicon data.
_PARTY = (
    r"(?:(?:the\s+)?(?:"
    + trie_pattern(list(lx.CASE_SENSITIVE_ALIASES))
    + r"|(?i:"
    + trie_pattern(list(lx.ACTOR_ALIASES))
    + r")|(?i:the commerce ministry|the ministry of commerce)))"
)
# A party that goes on with a verb of its own, not one item of a list ("Malaysia, Thailand").
_GOES_ON = (
    r"(?![\w-])(?:['’]s\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:\w+ly\s+)?"
    # ("..., and Beijing in turn suspended ...")
    r"(?:(?:in turn|in return|for its part|for their part|meanwhile),?\s+)?"
    r"(?:will|would|shall|has|have|had|is|are"
    r"|was|were|also|then|said|says|can|could|may|might|must|agreed|agrees|plans|wants|\w+ed)\b"
)
# Clause boundaries: places where a new subject usually starts. "while"/"whereas" join the two
# parties' moves in one sentence; semicolons and enumerations "(ii)" list separate actions; a
# comma or "and" before a party that goes on with a verb starts that party's own clause.
_CLAUSE = re.compile(
    r";\s+|,?\s+while\s+|,?\s+whereas\s+|\s\((?:i|ii|iii|iv|v|vi)\)\s+|,\s+which\s+"
    r"|(?P<party>,\s+)(?=(?:and\s+)?(?:then\s+)?" + _PARTY + _GOES_ON + r")"
    r"|(?P<and>\s+and\s+(?:how\s+|that\s+)?)(?=" + _PARTY + _GOES_ON + r")"
    r"|\s+and\s+(?=(?:has|have|will|would|is|was|also|then)\b)"
    r"|,\s+(?:and|but)\s+(?=(?:[\w-]+\s+){1,6}?(?:will|would|shall)\s)"
    # ("..., and market regulators opened a probe into Google": a body of government that
    # goes on with a verb of its own)
    r"|,\s+(?:and|but)\s+(?=(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:regulators?|authorities|ministry"
    r"|ministries|officials|agency|department|customs|commission|bureau|office)\s+"
    r"(?:\w+ly\s+)?(?:\w+ed|began|put|set|took|began|will|would|has|have|also)\b)"
    r"|,?\s+and\s+(?=(?:a|an)\s+(?:\w+\s+)?\d+(?:\.\d+)?\s*(?:%|per ?cent|percent)\s+"
    r"(?:\w+\s+)?(?:tariffs?|duty|duties|levy|surtax|surcharge))"
    r"|,?\s+(?=under which\b)"
    r"|,\s+(?=(?:(?:partly|partially|largely|effectively|fully)\s+)?(?:lifting|easing|ending"
    r"|reversing|undoing)\b)"
    r"|,\s+(?=(?:announcing|saying|adding|prompting|taking|drawing|sparking|triggering"
    r"|causing|answering|responding|retaliating|countering|describing|calling|arguing)\b)"
    r"|,\s+then\s+"
    # ("paused most tariffs for 90 days but raised the levy on China", "halve the tariff to 10%
    # and extend the suspension"): a second verb with its own object
    r"|(?P<verb>\s+(?:and|but)\s+)(?=(?:to\s+)?(?:(?:a\s+day|two\s+days|days|hours|weeks)\s+"
    r"later\s+|later\s+|then\s+|separately\s+)?(?:invest|buy|purchase|open|cut|lower|rais|impos"
    r"|remov|eliminat|lift|suspend|ban|restrict|doubl|tripl|quadrupl|hik|halv|extend|paus|delay"
    r"|setting|launch|initiat|make\s+(?:[\w-]+\s+){0,2}?purchases"
    r"|postpon|exempt|waiv|reduc|tighten|curb|block|halt)\w*\s)"
    r"|,\s+(?=(?:we|they|I)\b)|,\s+(?=(?:and\s+)?in (?:return|exchange)\b)"
    # (", a move widely seen as a warning to Spain": a reading by others, no part of the act)
    r"|,\s+(?=(?:in\s+)?(?:a|an|the)\s+(?:\w+\s+)?(?:move|step|decision|development|action)\s+"
    r"(?:that\s+(?:was|is)\s+)?(?:\w+ly\s+)?(?:seen|viewed|regarded|read|interpreted|described"
    r"|considered|perceived|billed|characteri[sz]ed)\s+as\b)"
    r"|,\s+(?=(?:(?:\w+\s+)?(?:hours|days|minutes|moments|weeks|months|years|shortly|just"
    r"|a day)\s+)?after\b)"
    r"|,?\s+(?=in (?:direct )?response to\b|in retaliation (?:for|to|against)\b|in return for\b)"
    # "This latest increase comes as Trump announced a pause ...": the news is after "as".
    r"|\s+(?=(?:comes?|came)\s+as\s)"
    # "10% on Chinese goods, along with tariffs on Canada": a second measure, with its own rate.
    r"|,?\s+(?=(?:along with|as well as)\s+(?:[\w%-]+\s+){0,3}?(?:tariffs?|duties|levies"
    r"|export controls?)\b)"
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
                # (a single letter is an initial, "J. Smith"; a single digit ends a date)
                and (
                    word.rstrip(".") in _ABBREV
                    or (len(word) == 1 and not word.isdigit())
                    or (nxt and not nxt.isupper())
                )
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


_RATE_ITEM = re.compile(r"(?:and\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+(?:for|on)\b", re.I)


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the sentence text[start:end] into clause spans at subject-changing connectors."""
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _CLAUSE.finditer(text, start, end):
        if m.start() - cur < 12:
            continue
        # "the US and China will ...": a compound subject, not two clauses; only a clause that
        # already has words of its own ends at "and <party> <verb>".
        # Likewise "By May 14, the US will ...": a leading adverbial is part of the clause.
        # ... and so is "will revise and suspend" (two verbs, one object).
        short = len(_WORDS.findall(text, cur, m.start())) < 4
        if (m.group("and") or m.group("party") or m.group("verb")) and short:
            continue
        # ("30% for South Africa; 32% for Indonesia; and 40% for Laos"): a list of rates by
        # country is one list, not one clause per item
        if m.group(0).startswith(";") and _RATE_ITEM.match(text, m.end()):
            continue
        # ("The proposal, which still needs a vote, would raise ...": a relative clause inside
        # a bare subject leaves the subject with its verb)
        if short and m.group(0).startswith(", which"):
            continue
        _push(text, cur, m.start(), spans)
        cur = m.end()
    _push(text, cur, end, spans)
    return spans
