"""Tariff rates before and after a change, read from one clause."""

from __future__ import annotations

import re

from ingestion.extract import lexicons as lx

_PCT = r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent|pc\b|pct\b)"
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\.\d+)?\s*(?:%|per ?cent|percent))")
_FROM_TO = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:current\s+|previous\s+|earlier\s+)?"
    + _PCT
    + r"?(\d+(?:\.\d+)?)?\s*(?:%|per ?cent|percent)?\s+to\s+"
    + _PCT,
    re.I,
)
_TO_FROM = re.compile(
    r"\bto\s+" + _PCT + r"\s+from\s+(?:the\s+)?(?:current\s+|previous\s+"
    r"|earlier\s+)?" + _PCT,
    re.I,
)
_TO = re.compile(
    r"\b(?:to|at)\s+(?:at least\s+|as much as\s+|about\s+|around\s+|roughly\s+|some\s+)?" + _PCT,
    re.I,
)
# "tariffs of 25%", "duties of up to 35.3%"
_OF = re.compile(
    r"\b(?:tariffs?|duty|duties|levies|levy|surtax(?:es)?|rates?|deposits?)\s+of\s+"
    r"(?:up to\s+|about\s+)?" + _PCT,
    re.I,
)
_DUTY_NOUN = r"(?:tariffs?|duty|duties|levies|levy|surtax(?:es)?|surcharges?)"
_LEVEL_THEN_TO = re.compile(
    r"(?:\b"
    + _DUTY_NOUN
    + r"\s+of\s+"
    + _PCT
    + r"|"
    + _PCT
    + r"\s+(?:[\w-]+\s+){0,2}?"
    + _DUTY_NOUN
    + r")\b[^.;%]{0,120}?\b(?:be\s+|been\s+)?(?:adjusted|changed|revised|modified"
    r"|lowered|reduced|cut|raised|increased|halved|doubled|brought\s+down|set)\s+to\s+" + _PCT,
    re.I,
)
# ("will be charged 15%"): the rate goods will pay
_CHARGED = re.compile(r"\bcharged\s+(?:an?\s+)?(?:additional\s+|extra\s+)?" + _PCT, re.I)
# ("rates as high as 3,521%", "duties reaching 80%"): the top of the rates told
_AS_HIGH_AS = re.compile(
    r"\b(?:rates?|tariffs?|duties|levies)\s+(?:as\s+high\s+as|reaching|of\s+as\s+much\s+as)\s+"
    + _PCT,
    re.I,
)
# The words that name a level a rate replaces ("up from 34%", "a cut from the 20% rate",
# "instead of the 25% rate threatened"): read here as the rate before, and by the stages as the
# level whose own date and threat are not the measure's.
PRIOR_LEVEL = (
    r"\b(?:(?:up|down|rising|falling|raised|lowered|increased|reduced|cut|reduction|drop|fall"
    r"|decrease|increase|rise|hike)\s+from"
    r"|instead\s+of|rather\s+than|compared\s+(?:with|to)|replacing"
    # ("a 20% tariff, far below the 46% he threatened in April")
    r"|(?:far\s+|well\s+|sharply\s+|much\s+)?(?:below|lower\s+than))\s+(?:the\s+|a\s+)?(?:\w+\s+)?"
    + _PCT
)
PRIOR_LEVEL_RX = re.compile(PRIOR_LEVEL, re.I)
_PP = re.compile(r"\bby\s+(\d+(?:\.\d+)?)\s*percentage[- ]points?", re.I)
_PP_SUSPEND = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:%|(?:percentage[- ])?points?)\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent)\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:tariffs?|duty|duties|levy|levies|surtax(?:es)?|surcharges?|rate)",
    re.I,
)
_ADDITIONAL = re.compile(
    r"\b(?:an?\s+)?(?:additional|extra|further|retaliatory|reciprocal|new"
    r"|up to)\s+(?:tariffs?\s+of\s+(?:up to\s+)?)?" + _PCT,
    re.I,
)
_PLAIN = re.compile(
    # ("on top of the standard 10% car duty": a level already in force, not the measure's)
    r"(?<!existing )(?<!current )(?<!previous )(?<!earlier )(?<!standard )(?<!usual )"
    r"(?<!normal )(?<!regular )"
    + _PCT
    # (a word may be quoted: 'the 34% "reciprocal" tariff')
    + r"(?!\s+of\b)\s+(?:[\"“”‘’']?[\w-]+[\"“”‘’']?\s+){0,3}?"
    + r"(?:(?:counter-?)?tariffs?|duty|duties|levies|levy|tax|surtax|surcharge|rates?|deposits?"
    r"|penalt(?:y|ies))",
    re.I,
)
# "the total tariff on Chinese goods was 145 percent", "the combined charge stood at 104%".
_NOUN_IS = re.compile(
    r"\b(?:tariffs?|duty|duties|levy|rate|charge)\s+(?:[\w-]+\s+){0,6}?(?:was|is|stood at|stands at"
    r"|reached|reaches|came to|comes to)\s+(?:now\s+)?" + _PCT,
    re.I,
)
# A cut, in the lexicon's words, or a rate that falls.
_DOWN_WORD = re.compile(r"\b" + lx.DOWN_TARIFF_VERBS + r"\b|\b(?:fall\w*|fell|decreas\w*)\b", re.I)
_TO_ZERO = re.compile(r"\bto\s+(?:zero|nil|nothing)\b", re.I)
_NAMED_LEVEL = re.compile(
    r"\s+(?:the|its|their|a|an|this|that)\s+(?:current\s+|existing\s+)?\d+(?:\.\d+)?\s*"
    r"(?:%|per ?cent|percent)\s+",
    re.I,
)
_HALVE = re.compile(r"\bhalv(?:e|ed|es|ing)\b", re.I)
_DOUBLE = re.compile(r"\bdoubl(?:e|ed|es|ing)\b", re.I)


_RETAINED = re.compile(
    r"\b(?:retain\w*|keep\w*|leav\w*|maintain\w*)\s+(?:the\s+)?(?:remaining\s+)?(?:an?\s+)?" + _PCT,
    re.I,
)
# ("subject to a 10% tariff", "in response to a 10% tariff": no level a rate goes to)
_TO_NOUN = re.compile(
    r"(?<!subject )(?<!response )(?<!due )(?<!according )(?<!addition )(?<!prior )(?<!reply )"
    r"(?<!pursuant )(?<!related )(?<!similar )(?<!equal )(?<!reaction )(?<!exposed )"
    r"\bto\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_RANGE_BEFORE = re.compile(r"\b(?:rang\w*|vary\w*|varies|varied|spanning)\s+$", re.I)
# "duties of between 17.4% and 37.6%": a spread of rates; the top is told.
_BETWEEN = re.compile(r"\bbetween\s+" + _PCT + r"\s+and\s+" + _PCT, re.I)


def find_rates(clause: str) -> tuple[float | None, float | None]:
    """Return (rate_before_pct, rate_after_pct) stated in the clause, None where not stated."""
    # ("rates as high as 3,521%": anti-dumping margins run into thousands)
    clause = _THOUSANDS.sub("", clause)
    m = _BETWEEN.search(clause)
    if m is not None:
        return None, float(m.group(2))
    m = _FROM_TO.search(clause)
    if m is not None and _RANGE_BEFORE.search(clause, max(0, m.start() - 12), m.start()):
        # "tariffs ranging from 10% to 41%": a spread of rates, not a change; the top is told.
        return None, float(m.group(3))
    if m is None:
        # "an 84% tariff ..., up from 34%": the earlier level follows the new one.
        up = PRIOR_LEVEL_RX.search(clause)
        new = _TO.search(clause) or _OF.search(clause) or _ADDITIONAL.search(clause)
        new = new or _PLAIN.search(clause)
        if up and new and new.start() < up.start():
            return float(up.group(1)), float(new.group(1))
    if m:
        before = m.group(1) or m.group(2)
        return (float(before) if before else None), float(m.group(3))
    m = _TO_FROM.search(clause)
    if m:
        return float(m.group(2)), float(m.group(1))
    m = _LEVEL_THEN_TO.search(clause)
    if m:
        # ("the additional tariff of 10% ... shall be adjusted to 5%", "the 15% tariffs imposed
        # in September would be halved to 7.5%"): the level named first is the one changed.
        return float(m.group(1) or m.group(2)), float(m.group(3))
    m = _PP_SUSPEND.search(clause)
    if m and re.search(r"suspend|paus", clause, re.I):
        # "suspend 24 percentage points of the 34% tariff": the rest stays.
        rest = re.search(
            r"(?:retain\w*|remaining|keep\w*|leav\w*)\s+(?:the\s+)?(?:remaining\s+)?(?:at\s+)?"
            + _PCT,
            clause,
            re.I,
        )
        whole = float(m.group(2)) if m.group(2) else None
        after = float(rest.group(1)) if rest else None
        if after is None and whole is not None:
            after = whole - float(m.group(1))
        before = (
            whole
            if whole is not None
            else (after + float(m.group(1)) if after is not None else None)
        )
        return before, after
    kept = _RETAINED.search(clause)
    if kept and re.search(r"suspend|paus", clause, re.I):
        # "suspend the additional 24% tariff, retaining 10%": the rest stays in force; an
        # extra layer suspended came on top of it.
        rest = float(kept.group(1))
        layer = _ADDITIONAL.search(clause) or _PLAIN.search(clause)
        if layer is None or layer.start() == kept.start(1):
            return None, rest
        cut = float(layer.group(1))
        extra = re.match(
            r"\s*(?:an?\s+)?(?:additional|extra|further)", clause[layer.start() :], re.I
        )
        return (cut + rest if extra else cut), rest
    m = _NOUN_IS.search(clause)
    if m:
        return None, float(m.group(1))
    m = _TO.search(clause)
    if m:
        after = float(m.group(1))
        pp = _PP.search(clause)
        if not pp:
            return None, after
        # "cut by 115 points to 30%" started at 145; "raised by 50 points to 84%" at 34.
        step = float(pp.group(1))
        before = after + step if _DOWN_WORD.search(clause) else after - step
        return (before if before >= 0 else None), after
    m = (
        _OF.search(clause)
        or _AS_HIGH_AS.search(clause)
        or _CHARGED.search(clause)
        or _ADDITIONAL.search(clause)
        or _PLAIN.search(clause)
    )
    if m and _TO_NOUN.search(clause, max(0, m.start() - 30), m.start()):
        # "lower its tariff to a combined rate of about 15%": the level it goes to.
        return None, float(m.group(1))
    if m:
        return 0.0, float(m.group(1))
    m = _PP.search(clause)
    if m:
        return None, None
    if _TO_ZERO.search(clause):
        # "cut its duties on almonds to zero"
        return None, 0.0
    return None, None


def apply_halve_double(
    clause: str, before: float | None, after: float | None
) -> tuple[float | None, float | None]:
    """'halve the tariff to 10%' and 'doubled tariffs' imply the missing side of the change."""
    verb = _HALVE.search(clause) or _DOUBLE.search(clause)
    if (
        verb is not None
        and before in (None, 0.0)
        and after
        and not _TO.search(clause)
        and _NAMED_LEVEL.match(clause, verb.end())
    ):
        # ("will halve the 15% tariff it placed on Chinese goods"): the rate named on the
        # duty is the level halved (doubled), not where it goes.
        return after, (after / 2 if _HALVE.match(clause, verb.start()) else after * 2)
    if before is None and after is not None and _HALVE.search(clause):
        return after * 2, after
    if before is None and after is not None and _DOUBLE.search(clause):
        return after / 2, after
    return before, after
