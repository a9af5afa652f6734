"""Temporal expressions: find them with a regex, resolve them against the publication date.

dateparser is not used on the hot path: the expressions met in trade news ("on Thursday",
"effective May 14", "last month", "April 2, 2025") are few, and a table is both faster (the
extractor must stay under 10 ms per article) and predictable (dateparser reads "90 days" as
"90 days ago").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ingestion.extract.lexicons import ERAS

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
# The preposition in front of a date decides its role (effective vs announced vs background).
_PREP = (
    r"(?:(?P<prep>effective(?: from| on)?|starting(?: from| on)?|beginning(?: on)?|as of|from|since"
    r"|by|until|till|through|before|after|on|in|of|last|takes? effect(?: on)?|took effect(?: on)?"
    r"|came into (?:effect|force)(?: on)?|went into (?:effect|force)(?: on)?)\s+)?"
)
_DATE_RE = re.compile(
    r"(?<![\w-])"
    + r"(?:(?P<iso>20\d\d-[01]\d-[0-3]\d)"
    + r"|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    + _MON
    + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>20\d\d))?"
    + r"|(?P<day2>[0-3]?\d)\s+(?P<mon2>January|February|March|April|May|June|July|August"
    r"|September|October|November|December)(?:,?\s+(?P<year2>20\d\d))?"
    + r"|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    + r"|(?P<rel>today|yesterday|last week|this week|earlier this week|earlier in the week"
    r"|last month|this month|next month|next year"
    r"|(?:several|a few|two|three|four) weeks ago|(?:a|one|two|three) months? ago"
    # ("effective in 21 days": counted from the report)
    r"|in\s+(?:\d{1,3}|two|three|four|five|six|seven|ten|fourteen|twenty-one|thirty)\s+(?:days|weeks))"
    + r"|(?P<part>early|mid-|mid|late|the end of|end-)\s*"
    + _MON.replace("mon>", "pmon>")
    + r"(?:\s+(?P<pyear>20\d\d))?"
    + r"|"
    + _MON.replace("mon>", "mmon>")
    + r"(?:\s+(?P<myear>20\d\d))?(?=[\s,.;)]|$)"
    + r")",
    re.IGNORECASE,
)
# The preposition is looked up behind a found date (a leading optional group would make the
# large pattern try every preposition at every position of every sentence).
_PREP_RE = re.compile(_PREP[:-1] + "$", re.IGNORECASE)
_HINT = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"|today|yesterday|week|month|days",
    re.IGNORECASE,
)
EFFECTIVE_PREPS = (
    "effective",
    "starting",
    "beginning",
    "as of",
    "from",
    "by",
    "take",
    "took",
    "came",
    "went",
)
BACKGROUND_PREPS = ("since", "until", "till", "through", "before", "of", "after")
_EFFECT_BEFORE = re.compile(
    r"(?:effective|take effect|takes effect|took effect|went into effect|due to take effect"
    r"|come into force|in force|starting|beginning|implemented|kick in|retroactive\w*|backdated"
    # ("will enter into force on Friday", "go into effect")
    r"|enters? into force|go(?:es)? into effect)"
    r"\W*(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A resolved date in a sentence: its role, value, granularity and character span."""

    role: str  # announced | effective | background
    value: dt.date
    granularity: str  # day | month | week
    start: int
    end: int


def _year_for(
    month: int, day: int, pub: dt.date | None, default_year: int | None, future: bool
) -> int | None:
    """Choose the year of a month/day written without one: the nearest to the publication date."""
    if pub is None:
        return default_year
    year = pub.year
    try:
        cand = dt.date(year, month, day)
    except ValueError:
        return year
    # A past-tense report rarely refers to a date far after its own publication, and a future
    # clause rarely to a date long before it.
    if not future and (cand - pub).days > 45:
        return year - 1
    if future and (pub - cand).days > 200:
        return year + 1
    return year


_NEAR_WEEKDAY = re.compile(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)


def _weekday_year(text: str, m: re.Match[str], value: dt.date) -> dt.date:
    """In an undated article, "Tuesday 7 October" is in the year whose 7 October is a Tuesday."""
    near = _NEAR_WEEKDAY.search(text, max(0, m.start() - 12), min(len(text), m.end() + 12))
    if near is None:
        near = _NEAR_WEEKDAY.match(m.group(0))
    if near is None:
        return value
    want = WEEKDAYS[near.group(0).lower()]
    for y in (value.year, value.year - 1, value.year + 1):
        try:
            cand = value.replace(year=y)
        except ValueError:
            continue
        if cand.weekday() == want:
            return cand
    return value


_DATED_YEAR = re.compile(r"\b" + _MON + r"\s+\d{1,2},?\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)


def _sentence_year(text: str, start: int, at: int, month: int) -> int | None:
    """The year of a full date told earlier in the same sentence ("On March 8, 2025, Beijing
    announced duties, effective March 20"), for a later day of the same or a later month."""
    found = None
    for m in _DATED_YEAR.finditer(text, start, at):
        if MONTHS[m.group("mon").lower().rstrip(".")] <= month:
            found = int(m.group("y"))
    return found


def find_dates(
    text: str,
    start: int,
    end: int,
    pub: dt.date | None,
    default_year: int | None,
    future: bool = False,
    around: bool = False,
) -> list[DateMention]:
    """All dates in text[start:end], resolved against `pub`, with the role their preposition
    gives (announced, effective or background). `around`: `pub` is only inferred, so a bare
    weekday is the nearest one on either side of it, not the last one before it."""
    out: list[DateMention] = []
    # Most sentences hold no date at all: a cheap test spares them the large pattern.
    if not _HINT.search(text, start, end):
        return out
    for m in _DATE_RE.finditer(text, start, end):
        g = m.groupdict()
        pm = _PREP_RE.search(text, max(start, m.start() - 40), m.start())
        prep = (pm.group("prep") if pm else "").lower()
        # "until December 1" looks forward whatever the tense of the sentence.
        # ... and so does "effective December 1", "starting January 1" in a past-tense report.
        fwd = (
            future
            or prep.startswith(("until", "till", "through", "by"))
            or bool(_EFFECT_BEFORE.search(text, max(start, m.start() - 40), m.start()))
        )
        value: dt.date | None = None
        gran = "day"
        try:
            if g.get("iso"):
                value = dt.date.fromisoformat(g["iso"])
            elif g.get("mon"):
                mon = MONTHS[g["mon"].lower().rstrip(".")]
                day = int(g["day"])
                year = (
                    int(g["year"])
                    if g.get("year")
                    else _sentence_year(text, start, m.start(), mon)
                    or _year_for(mon, day, pub, default_year, fwd)
                )
                value = dt.date(year, mon, day) if year else None
                if value is not None and pub is None and not g.get("year"):
                    value = _weekday_year(text, m, value)
            elif g.get("mon2"):
                mon = MONTHS[g["mon2"].lower()]
                day = int(g["day2"])
                year = (
                    int(g["year2"])
                    if g.get("year2")
                    else _sentence_year(text, start, m.start(), mon)
                    or _year_for(mon, day, pub, default_year, fwd)
                )
                value = dt.date(year, mon, day) if year else None
                if value is not None and pub is None and not g.get("year2"):
                    value = _weekday_year(text, m, value)
            elif g.get("wd"):
                if pub is not None:
                    wd = WEEKDAYS[g["wd"].lower()]
                    # Forward only when the words before look forward ("takes effect on Monday").
                    ahead = re.search(
                        r"(?:will|would|'ll|effect|effective|starting|from|begin\w*|force)"
                        r"\W+(?:\w+\W+){0,2}$",
                        text[max(0, m.start() - 30) : m.start()] + " ",
                        re.I,
                    )
                    back = (pub.weekday() - wd) % 7
                    # ("took effect on Friday", "came into force last Friday": past, so back)
                    past = re.search(
                        r"\b(?:took|went|came|kicked|entered|began|started|was|were|had)\b"
                        r"\W+(?:\w+\W+){0,3}$",
                        text[max(0, m.start() - 40) : m.start()] + " ",
                        re.I,
                    )
                    if fwd and ahead and not past:
                        delta = (wd - pub.weekday()) % 7
                        value = pub + dt.timedelta(days=delta)
                    elif around and (wd - pub.weekday()) % 7 < back:
                        # (a guessed publication day may fall before the weekday the story
                        # names: the nearest such day, either side)
                        value = pub + dt.timedelta(days=(wd - pub.weekday()) % 7)
                    else:
                        delta = (pub.weekday() - wd) % 7
                        value = pub - dt.timedelta(days=delta)
            elif g.get("rel"):
                if pub is not None:
                    rel = g["rel"].lower()
                    gran = "week" if "week" in rel else ("month" if "month" in rel else "day")
                    if rel == "next year":
                        gran = "month"  # (a year is at least as rough as a month)
                    n_ago = {
                        "a": 1,
                        "one": 1,
                        "two": 2,
                        "three": 3,
                        "four": 4,
                        "several": 3,
                        "a few": 3,
                    }
                    ago = re.match(r"(a few|\w+) (weeks?|months?) ago", rel)
                    ahead_n = re.match(r"in\s+([\w-]+)\s+(days|weeks)", rel)
                    value = None
                    if ahead_n and re.search(
                        r"\b(?:expir\w*|ends?|ending|lapses?|runs? out)\s+$",
                        text[max(0, m.start() - 20) : m.start()],
                        re.I,
                    ):
                        continue  # ("expires in 90 days": an end, see the expiry rule)
                    if ahead_n:
                        word = ahead_n.group(1)
                        k = int(word) if word.isdigit() else _NUMBER_WORDS[word]
                        value = pub + dt.timedelta(
                            days=k * (7 if ahead_n.group(2) == "weeks" else 1)
                        )
                        gran = "day"
                    if ago:
                        k = n_ago.get(ago.group(1), 2)
                        value = pub - dt.timedelta(days=(7 if "week" in ago.group(2) else 30) * k)
                    value = value or {
                        "today": pub,
                        "yesterday": pub - dt.timedelta(days=1),
                        "last week": pub - dt.timedelta(days=7),
                        "this week": pub,
                        "earlier this week": pub - dt.timedelta(days=2),
                        "earlier in the week": pub - dt.timedelta(days=2),
                        "last month": (pub.replace(day=1) - dt.timedelta(days=1)).replace(day=1),
                        "this month": pub.replace(day=1),
                        "next month": (pub.replace(day=28) + dt.timedelta(days=4)).replace(day=1),
                        "next year": dt.date(pub.year + 1, 1, 1),
                    }.get(rel)
            elif g.get("pmon"):
                mon = MONTHS[g["pmon"].lower().rstrip(".")]
                part = g["part"].lower()
                day = 3 if part.startswith("early") else (15 if part.startswith("mid") else 25)
                year = (
                    int(g["pyear"])
                    if g.get("pyear")
                    else _year_for(mon, day, pub, default_year, fwd)
                )
                if "end" in part and year:
                    # ("until the end of September": the month's last day)
                    day = calendar.monthrange(year, mon)[1]
                value = dt.date(year, mon, day) if year else None
                gran = "month"
            elif g.get("mmon"):
                word = g["mmon"].lower().rstrip(".")
                # "may" is also a modal verb: a bare month needs a capital and a preposition.
                if (word == "may" and not g["mmon"][0].isupper()) or not prep:
                    continue
                mon = MONTHS[word]
                year = (
                    int(g["myear"]) if g.get("myear") else _year_for(mon, 1, pub, default_year, fwd)
                )
                if (
                    year
                    and prep == "last"
                    and pub is not None
                    and (year, mon) >= (pub.year, pub.month)
                ):
                    year -= 1  # ("last October": the one before the report's month)
                value = dt.date(year, mon, 1) if year else None
                gran = "month"
        except (ValueError, KeyError):
            value = None
        if value is None:
            continue
        # "date 2025-05-12" is a page header (often the crawl date), not an event in the text.
        if g.get("iso") and text[max(0, m.start() - 5) : m.start()].lower().endswith("date "):
            continue
        if g.get("rel") and g["rel"].lower().startswith("next"):
            # "tariffs of up to 50% next year": a time to come is when the measure applies.
            role = "effective"
        elif prep.startswith(BACKGROUND_PREPS) and not prep.startswith("on"):
            role = "background"
        elif prep.startswith(EFFECTIVE_PREPS) or _EFFECT_BEFORE.search(
            text, max(start, m.start() - 40), m.start()
        ):
            role = "effective"
        else:
            role = "announced"
        out.append(DateMention(role, value, gran, m.start(), m.end()))
    return out


_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
    "fourteen": 14,
    "twenty-one": 21,
    "thirty": 30,
}
_DATELINE = re.compile(r"\bdate (20\d\d-[01]\d-[0-3]\d)\b")
_FULL_DATE = re.compile(
    _MON + r"\s+(?P<day>[0-3]?\d),?\s+(?P<year>20\d\d)|(?P<day2>[0-3]?\d)\s+"
    r"(?P<mon2>January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"\.?,?\s+(?P<year2>20\d\d)",
    re.IGNORECASE,
)


_MONTH_DAY = re.compile(_MON + r"\s+(?P<day>[0-3]?\d)\b(?!,?\s+\d{4})")


_YEAR = re.compile(
    r"\b(?P<prep>by|until|till|through|to|before|in|from|since|of)?\s*(?P<y>(?:19|20)\d\d)\b", re.I
)


_ORIGIN_YEAR = re.compile(
    r"\b(?:first|initially|originally|back|as early as|dating back to|date back to)\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:in\s+)?$",
    re.I,
)
_FUTURE_YEAR = re.compile(
    r"\b(?:will|would|next|expected|plans?|planned|forecasts?|projected|throughout|starting"
    r"|from|target\w*|goal)\b[^.]*$",
    re.I,
)


_URL_DAY = re.compile(r"(?<!\d)(20\d\d)[/-]?([01]\d)[/-]?([0-3]\d)(?!\d)")
_URL_MONTH = re.compile(
    r"/(20\d\d)/?(0[1-9]|1[0-2]|january|february|march|april|may|june|july|august|september"
    r"|october|november|december)(?=/|$)",
    re.IGNORECASE,
)


def url_date(url: str) -> tuple[dt.date | None, bool]:
    """The date an article's address carries: (date, month_only). "/2025/04/09/" is a day;
    "/202509/" or "/2025/october/" a month (returned as its first day, month_only=True)."""
    path = url.split("?", 1)[0]
    for m in _URL_DAY.finditer(path):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), False
        except ValueError:
            continue
    m = _URL_MONTH.search(path) or re.search(r"/(20\d\d)(0[1-9]|1[0-2])/", path)
    if m:
        mon = m.group(2).lower()
        month = int(mon) if mon.isdigit() else MONTHS[mon]
        return dt.date(int(m.group(1)), month, 1), True
    return None, False


def text_year(text: str, fallback: int | None) -> int | None:
    """The year an undated article was most likely written in: the latest year it cites as past
    or present (a 2026 story about "February 2" cites 2025 and 2026; "by 2030" is a target, not
    the time of writing), else `fallback` (the corpus's usual year)."""
    years = [
        int(m.group("y"))
        for m in _YEAR.finditer(text)
        if (m.group("prep") or "").lower() not in ("by", "until", "till", "through", "to")
        and not re.match(r"\s*[-–]\s*\d", text[m.end() : m.end() + 3])
        and not _FUTURE_YEAR.search(text, max(0, m.start() - 60), m.start())
        # "first introduced in 2023", "back in 2018": the start of a story, not its time
        and not _ORIGIN_YEAR.search(text, max(0, m.start() - 40), m.start())
    ]
    eras = [(a, b) for rx, a, b in ERAS if rx.search(text)]
    if eras:
        # "President-elect Trump": written between an election and an inauguration; of the
        # windows, the one no cited year postdates, nearest the corpus's usual year.
        floor = max(years) if years else None
        fits = [(a, b) for a, b in eras if floor is None or b.year >= floor] or eras
        a, _ = min(fits, key=lambda w: abs(w[0].year - (fallback or w[0].year)))
        return a.year
    if not years:
        return fallback
    # A story citing last year's figures is most often from the year after: the corpus's usual
    # year wins when it is just one year later than anything the text cites.
    latest = max(years)
    return fallback if fallback is not None and fallback == latest + 1 else latest


_MONTH_YEAR = re.compile(_MON + r",?\s+(?P<year>20\d\d)\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)


def _latest_month_cited(text: str) -> dt.date | None:
    """The first day of the latest "November 2025" the text cites as past, if any."""
    out = None
    for m in _MONTH_YEAR.finditer(text):
        if _FUTURE_YEAR.search(text, max(0, m.start() - 60), m.start()):
            continue
        try:
            d = dt.date(int(m.group("year")), MONTHS[m.group("mon").lower().rstrip(".")], 1)
        except (KeyError, ValueError):
            continue
        out = d if out is None or d > out else out
    return out


def _dated_without_year(
    text: str, mm: re.Match[str], year: int, floor: dt.date | None
) -> dt.date | None:
    """A month-day written without its year, in the year that fits the text: the one whose
    weekday matches a weekday named beside it ("on Monday, February 2"), else the first on or
    after the latest month the text cites as past ("agreed in November 2025 ... on Feb. 5")."""
    try:
        mon, day = MONTHS[mm.group("mon").lower().rstrip(".")], int(mm.group("day"))
        d = dt.date(year, mon, day)
    except (KeyError, ValueError):
        return None
    wd = _WEEKDAY.search(text, max(0, mm.start() - 60), min(len(text), mm.end() + 40))
    if wd:
        target = WEEKDAYS[wd.group(0).lower()]
        for y in (year, year + 1, year - 1):
            try:
                cand = dt.date(y, mon, day)
            except ValueError:
                continue
            if cand.weekday() == target:
                return cand
    if floor is not None and d < floor:
        try:
            return dt.date(year + 1, mon, day)
        except ValueError:
            return d
    return d


def infer_publication_date(text: str, default_year: int | None = None) -> dt.date | None:
    """A publication date read from the text when metadata has none.

    Order of trust: an explicit "date YYYY-MM-DD" header, a full date in the first 400 characters
    (a dateline or byline), else the latest full date the text mentions (a report is written on
    or after the last date it cites).
    """
    m = _DATELINE.search(text, 0, 400)
    if m:
        return dt.date.fromisoformat(m.group(1))
    found: list[tuple[int, dt.date]] = []
    for fm in _FULL_DATE.finditer(text):
        try:
            if fm.group("mon"):
                d = dt.date(
                    int(fm.group("year")),
                    MONTHS[fm.group("mon").lower().rstrip(".")],
                    int(fm.group("day")),
                )
            else:
                d = dt.date(
                    int(fm.group("year2")), MONTHS[fm.group("mon2").lower()], int(fm.group("day2"))
                )
        except (ValueError, KeyError):
            continue
        found.append((fm.start(), d))
    if not found:
        if default_year is None:
            return None
        # No full date: the first month-day written as an event (not "effective ..."), in the
        # corpus's usual year, is the best anchor for weekdays like "on Tuesday".
        md: list[tuple[bool, dt.date]] = []
        floor = _latest_month_cited(text)
        for mm in _MONTH_DAY.finditer(text):
            d = _dated_without_year(text, mm, default_year, floor)
            if d is None:
                continue
            fwd = bool(_EFFECT_BEFORE.search(text, max(0, mm.start() - 40), mm.start())) or bool(
                re.search(
                    r"(?:by|until|from|starting|effective)\s+$",
                    text[max(0, mm.start() - 12) : mm.start()],
                    re.I,
                )
            )
            md.append((fwd, d))
        if not md:
            return None
        back = [d for fwd, d in md if not fwd]
        if back:
            return back[0]
        # Only dates to come ("starting Feb. 10"): the story was written before them, on the
        # day it names first ("announced Tuesday"), the last such weekday before that date.
        wd = _WEEKDAY.search(text)
        first = min(d for _, d in md)
        if wd:
            back_days = (first.weekday() - WEEKDAYS[wd.group(0).lower()]) % 7 or 7
            return first - dt.timedelta(days=back_days)
        return first

    # A dateline names the day of writing; dates announcing when something takes effect do not.
    def forward(pos: int) -> bool:
        # "effective October 14", "as of January 1", "will ... on March 1": when something is to
        # happen, not when the story was written.
        return bool(
            _EFFECT_BEFORE.search(text, max(0, pos - 40), pos)
            or re.search(
                r"(?:by|until|starting|effective|as of|on or after)\s+$",
                text[max(0, pos - 14) : pos],
                re.I,
            )
            or re.search(r"\b(?:will|would|shall)\b[^.]*$", text[max(0, pos - 80) : pos], re.I)
        )

    def reference(pos: int) -> bool:
        # "Executive Order 14346 of September 5, 2025": the date of something cited.
        return bool(re.search(r"\bof\s+$", text[max(0, pos - 5) : pos], re.I))

    found = [(pos, d) for pos, d in found if not reference(pos)]
    if not found:
        return None

    head = [d for pos, d in found if pos < 400 and not forward(pos)]
    if head:
        return head[0]
    # A report is written on or after the last past date it cites and, when it announces what is
    # to come, shortly before the first date to come: that one is the nearer guess.
    past = [d for pos, d in found if not forward(pos)]
    ahead = [d for pos, d in found if forward(pos) and (not past or d >= max(past))]
    return min(ahead) if ahead else max(past) if past else min(d for _, d in found)
