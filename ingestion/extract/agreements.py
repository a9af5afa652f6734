"""When an article carries no date, the deal it reports can: the calendar of known agreements.

Many outlets publish deal stories with no date in their metadata, address or text ("the US and
Indonesia reached a trade deal on Tuesday"). Such an article's statements cannot be placed in time,
so they would be left out of the ledger. When the article reports a deal and its leading parties
are the parties of one agreement in `data/agreements.csv`, that agreement's announcement day is the
best reference date there is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ingestion.extract import lexicons as lx

_I = re.IGNORECASE
_DEAL_WORDS = re.compile(
    r"\b(?:deals?|agreements?|frameworks?|pacts?|truce|accords?|arrangements?"
    # "... agreed to eliminate tariffs in exchange for ...": a bargain is a deal
    r"|in exchange for|in return for)\b",
    _I,
)
# The deal must be the news, not an aside: named in the headline or the lede.
LEDE_CHARS = 400
_COMPILED = [
    (
        a,
        re.compile(a.pattern, _I) if a.pattern else None,
        re.compile(a.cue, _I) if a.cue else None,
    )
    for a in lx.AGREEMENT_CALENDAR
]


def agreement_for_undated(
    text: str, party_counts: Counter[str], month: tuple[int, int] | None = None
) -> lx.Agreement | None:
    """The known agreement an undated article reports, or None.

    A row qualifies when the article's headline or lede speaks of a deal, every party of the row
    is among the article's most-named parties (one more than the row has, so a third country
    named in passing does not hide the pair), its `pattern` or `cue`, where it has one, occurs
    in the text, and its day falls in `month` (year, month) when the address gives one. A named
    pattern beats a cue, a cue beats parties alone; then the row whose words come first (the
    lede says what the news is).
    """
    if not _DEAL_WORDS.search(text, 0, LEDE_CHARS) or not party_counts:
        return None
    ranked = [p for p, _ in sorted(party_counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    best: tuple[tuple[int, int, int], lx.Agreement] | None = None
    for agreement, pattern, cue in _COMPILED:
        if not set(agreement.parties) <= set(ranked[: len(agreement.parties) + 1]):
            continue
        if (
            month is not None
            and (agreement.announced_on.year, agreement.announced_on.month) != month
        ):
            continue
        found = None
        strength = 1
        if pattern is not None:
            found = pattern.search(text)
            strength = 3
        elif cue is not None:
            found = cue.search(text)
            strength = 2
        if (pattern is not None or cue is not None) and found is None:
            continue
        position = found.start() if found else len(text)
        weight = sum(party_counts[p] for p in agreement.parties)
        score = (strength, -position, weight)
        if best is None or score > best[0]:
            best = (score, agreement)
    return best[1] if best else None


def reference_date(
    text: str, party_counts: Counter[str], month: tuple[int, int] | None = None
) -> dt.date | None:
    """The announcement day of the agreement an undated article reports, or None."""
    agreement = agreement_for_undated(text, party_counts, month)
    return agreement.announced_on if agreement else None
