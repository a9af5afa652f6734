"""Normalisation shared by every news format: text clean-up, ids, dates, language."""

from __future__ import annotations

import email.utils
import hashlib
import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Texts shorter than this (in letters) give unreliable language guesses.
MIN_LETTERS_FOR_LANGUAGE = 20
# Language identification is stable on a prefix; classifying whole long articles only costs time.
LANGUAGE_SAMPLE_CHARS = 1000

# --------------------------------------------------------------------------------------------
# Mojibake
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _ftfy_config():  # type: ignore[no-untyped-def]
    """ftfy settings that repair encoding damage only.

    The defaults would also straighten curly quotes, unescape HTML entities and change line
    breaks; that would rewrite good characters that evidence quotes must match, so everything
    but the encoding repairs is switched off.
    """
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization="NFC",
        explain=False,
    )


# UTF-8 punctuation (’ “ ” all start with byte E2) decoded as Latin-1 and then stripped of the
# invisible C1 continuation bytes leaves a bare "â": "didnât", "Chinaâs". ftfy cannot see this
# (the evidence it needs is gone), so English contractions act as the tell.
_LOSSY_TELL = re.compile(r"[A-Za-z]â(?:s|t|ll|re|ve|d|m)\b")
_LOSSY_MIN_TELLS = 2


def _repair_lossy_quotes(text: str) -> str:
    """Put back the quote marks lost in "â"-style damage; one character for one (offsets keep).

    Only called when the text shows several English contractions broken this way, so words
    that really contain "â" (Romanian, French, Portuguese) are left alone.
    """
    chars = list(text)
    last = len(chars) - 1
    for i, ch in enumerate(chars):
        if ch != "â":
            continue
        before = chars[i - 1] if i > 0 else " "
        after = chars[i + 1] if i < last else " "
        if before.isalnum() and after.isalnum():
            chars[i] = "’"  # apostrophe inside a word
        elif not before.isalnum() and after.isalnum():
            chars[i] = "“"
        elif before.isalnum() or before in ".,!?)":
            chars[i] = "”"
    return "".join(chars)


def is_mojibake(text: str) -> bool:
    """Whether `text` carries encoding damage that `repair_text` would fix."""
    import ftfy

    if ftfy.is_bad(text):
        return True
    return len(_LOSSY_TELL.findall(text)) >= _LOSSY_MIN_TELLS


def repair_text(text: str) -> str:
    """Repair mojibake, then NFC; good text is returned unchanged (not even re-normalised).

    Callers that must keep text byte-identical (JSONL) use this; the other formats also apply
    `clean_text`.
    """
    import ftfy

    if text.isascii():
        return text  # mojibake needs non-ASCII characters
    if ftfy.is_bad(text):
        text = ftfy.fix_text(text, _ftfy_config())
    if len(_LOSSY_TELL.findall(text)) >= _LOSSY_MIN_TELLS:
        text = _repair_lossy_quotes(text)
    return text


def clean_text(text: str) -> str:
    """Mojibake repair (only when bad), NFC, Unix line ends, no NULs, trimmed.

    For text that is produced by us (extracted from HTML, a feed or a plain file), where there is
    no original string the offsets must agree with.
    """
    text = repair_text(text)
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "").strip()


def clean_inline(value: str | None) -> str | None:
    """A one-line field (title, url): cleaned, whitespace collapsed, empty → None."""
    if value is None:
        return None
    value = " ".join(clean_text(value).split())
    return value or None


# --------------------------------------------------------------------------------------------
# URLs and ids
# --------------------------------------------------------------------------------------------


def canonical_url(url: str) -> str:
    """The form of a url used for identity.

    Lowercase scheme and host, http and https as one (many sites serve both, and the same
    article reached both ways must get one id), no default port, no fragment, no utm_*
    tracking parameters, no trailing slash. Non-web urls (file://) are only stripped.
    """
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = f"{host}:{port}" if port else host
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith("utm_")
        ]
    )
    path = parts.path.rstrip("/")
    return urlunsplit(("https", netloc, path, query, ""))


def article_id(url: str | None, text: str) -> str:
    """First 16 hex chars of sha256 of the canonical url, or of the text when there is no url."""
    basis = canonical_url(url) if url else text
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_RE = (
    rf"(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE}),?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))"
)
# A dateline opens the article: optional label or place ("BEIJING", "WASHINGTON (Reuters)"),
# the date, then a separator. Only the start of the text is searched, so dates of events
# mentioned in the body are never taken for the publication date.
DATELINE_RE = re.compile(
    r"\A\s*(?:(?:date|published|posted|updated)\s*:?\s*"
    r"|[A-Z][A-Za-z.'’ -]{1,40}(?:\s*\([^)\n]{1,40}\))?\s*,\s*)?"
    + _DATE_RE
    + r"(?:\s*\([^)\n]{1,40}\))?\s*(?:—|–|--|-|:|\||\n|(?=\s+[A-Z]))",
    re.IGNORECASE,
)
_YEAR_RANGE = range(1900, 2101)


def _ymd(year: str, month: str, day: str) -> date | None:
    if month.isdigit():
        month_no = int(month)
    else:
        name = month.rstrip(".").lower()
        month_no = _MONTHS.get(name[:4] if name.startswith("sept") else name[:3], 0)
    try:
        found = date(int(year), month_no, int(day))
    except ValueError:
        return None
    return found if found.year in _YEAR_RANGE else None


def dateline_date(text: str) -> date | None:
    """The date of a dateline at the very start of `text` ("BEIJING, April 4, 2025 —"), if any."""
    match = DATELINE_RE.match(text[:200])
    if not match:
        return None
    g = match.groupdict()
    if g["y1"]:
        return _ymd(g["y1"], g["m1"], g["d1"])
    if g["y2"]:
        return _ymd(g["y2"], g["m2"], g["d2"])
    return _ymd(g["y3"], g["m3"], g["d3"])


def parse_date(value: object) -> date | None:
    """A date from an ISO date/datetime or an RFC 822 feed date; None when not parseable.

    The calendar date is taken as written (the publisher's local day), not converted to UTC,
    so an article published late evening in Beijing keeps its Beijing date.
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    found: date | None = None
    try:
        found = datetime.fromisoformat(value.replace(" ", "T", 1) if len(value) > 10 else value)
        found = found.date()
    except ValueError:
        try:
            found = date.fromisoformat(value[:10])
        except ValueError:
            try:
                found = email.utils.parsedate_to_datetime(value).date()
            except (TypeError, ValueError, IndexError):
                match = re.search(_DATE_RE, value, re.IGNORECASE)
                if match:
                    return dateline_date(match.group(0) + " -")
                return None
    return found if found.year in _YEAR_RANGE else None


# --------------------------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------------------------


_NOT_LETTER = re.compile(r"[\W\d_]+")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, "und" when the text is too short to tell."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(_NOT_LETTER.sub("", sample)) < MIN_LETTERS_FOR_LANGUAGE:
        return "und"
    import py3langid

    code, _score = py3langid.classify(sample)
    return code if isinstance(code, str) and len(code) == 2 else "und"
