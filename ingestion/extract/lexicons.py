"""Lexicons the rule-based extractor reads: built from the data files in `data/` at import.

Everything the extractor knows about the world is data, not code: countries, demonyms and capitals
(`countries.csv`), officials and agencies (`officials.csv`), firms (`companies.csv`), agreements
(`agreements.csv`),
products (`products.csv`) and the cue words of kinds, modality and links (`cues.toml`). This module
turns those files into the tables and regular-expression fragments that `rules.py` compiles, under
the same public names as before. Adding a country or a cue word touches data only: a new upward
verb is one more line in the `[up_verbs]` words of `cues.toml`.

Cue groups list literal words (matched whole, the longest first), stems (any ending) and, where a
cue needs regex syntax, patterns. Patterns are matched case-insensitively unless a table says
otherwise. Nothing here is keyed to a particular article: entries are words and phrases of the
trade-policy register.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# --- Cue data ------------------------------------------------------------------------------------
_DATA = Path(__file__).with_name("data")


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for many literal words, factored by common prefixes: a scan over
    thousands of names costs about as much as over a few. Where two words start alike the longer
    is tried first ("roll back" before "roll")."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


def cue_alternation(group: dict[str, Any]) -> str:
    """`(?:...)` of a cue group of `cues.toml`: its words (longest first), then its stems with any
    ending, then its regex patterns."""
    parts = []
    if group.get("words"):
        parts.append(trie_pattern(group["words"]))
    parts += [re.escape(stem) + r"\w*" for stem in group.get("stems", ())]
    parts += group.get("patterns", ())
    return "(?:" + "|".join(parts) + ")"


def load_cues(data: Path = _DATA) -> dict[str, Any]:
    """Every cue table of the extractor built from the files in `data` (`cues.toml`,
    `products.csv`): public name -> value. The module's names below are this at the default path;
    a test can build them from a copy of the folder."""
    with open(data / "cues.toml", "rb") as fh:
        cues = tomllib.load(fh)
    alt = {name: cue_alternation(group) for name, group in cues.items() if "words" in group}
    inv = cues["probe"]
    with open(data / "products.csv", encoding="utf-8", newline="") as fh:
        products = [
            (row["pattern"], row["product"], tuple(row["hs_codes"].split()), row["family"])
            for row in csv.DictReader(fh)
        ]
    return {
        "GOV_NOUNS": tuple(cues["actors"]["gov_nouns"]),
        "NO_MINISTRIES": frozenset(cues["actors"]["no_ministries"]),
        "ROLE_BODIES": cues["actors"]["role_bodies"],
        "TARIFF_NOUN": alt["tariff_noun"],
        "CONTROL_NOUN": alt["control_noun"],
        "UP_VERBS": alt["up_verbs"],
        "DOWN_TARIFF_VERBS": alt["down_tariff_verbs"],
        "SUSPEND_VERBS": alt["suspend_verbs"],
        "RELAX_VERBS": alt["relax_verbs"],
        "LICENSE_VERBS": alt["license_verbs"],
        "PERMIT_VERBS": alt["permit_verbs"],
        "TOTAL_WORDS": r"\b" + alt["total_words"] + r"\b",
        "EXPORT_FLOWS": alt["export_flows"],
        "DENIAL_VERBS": r"\b" + alt["denial_verbs"] + r"\b",
        "PURCHASE_PAT": r"\b" + alt["purchase"] + r"\b",
        "VISA_PAT": cues["visa"]["pattern"],
        "PORT_FEE_PAT": cues["port_fees"]["pattern"],
        "LIST_OWNERS": [(pat, iso) for pat, iso in cues["list_owners"]["owners"]],
        "INVESTIGATION_PAT": (
            r"\b"
            + cue_alternation({"words": inv["kinds"]})
            + r"?\s*"
            + cue_alternation({"words": inv["nouns"]})
            + r"\b"
        ),
        "INVESTIGATION_VERBS": r"\b" + cue_alternation({"stems": inv["verb_stems"]}) + r"\b",
        "NON_TARIFF_PAT": cues["non_tariff"]["pattern"],
        "COMMIT_CUES": r"\b" + alt["commit_cues"] + r"\b",
        # ("down from the previously threatened 25%": a threat of the past, not this measure's)
        "THREAT_CUES": r"\b(?<!previously )(?<!originally )(?<!initially )(?<!earlier )"
        + alt["threat_cues"],
        "HEDGE_CUES": r"(?<![A-Za-z])" + alt["hedge_cues"] + r"\b",
        "NEGATION_CUES": r"(?<![A-Za-z])" + alt["negation_cues"] + r"\b",
        "PAST_CUES": r"\b" + alt["past_cues"] + r"\b",
        "RESPONSE_CUES": r"\b" + alt["response_cues"] + r"\b",
        "QUID_CUES": r"\b" + alt["quid_cues"] + r"\b",
        "INSTRUMENT_PATTERNS": [(p, name) for p, name in cues["instruments"]["patterns"]],
        "PRODUCTS": products,
    }


_CUES = load_cues()

# --- Actors ---------------------------------------------------------------------------------------
# Countries and blocs come from data, not code: ISO 3166 names from pycountry, and
# `data/countries.csv` (short names, demonyms, capitals that news uses for governments) and
# `data/officials.csv` (ministries, agencies and officials of the main trading economies). Adding a
# country or an official touches those files only.
# Capitals that also name venues of talks between other parties ("the London framework", "talks in
# Madrid") are left out of countries.csv on purpose.
# A demonym before one of these names a government that acts ("the Chinese commerce ministry").
GOV_NOUNS: tuple[str, ...] = _CUES["GOV_NOUNS"]


def _split(cell: str) -> list[str]:
    return [x.strip() for x in (cell or "").split(";") if x.strip()]


def _load_actors() -> tuple[dict[str, str], dict[str, str], dict[str, str], set[str]]:
    """(case-insensitive aliases, case-sensitive aliases, demonyms) -> ISO3 / EUN, and the
    lower-cased aliases of officials who are people."""
    import pycountry

    insensitive: dict[str, str] = {}
    sensitive: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    persons: set[str] = set()
    known: set[str] = set()
    with open(_DATA / "countries.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            iso = row["iso3"]
            known.add(iso)
            for alias in _split(row["aliases"]) + _split(row["capitals"]):
                sensitive[alias] = iso
            for dem in _split(row["demonyms"]):
                demonyms[dem.lower()] = iso
    # Every other ISO 3166 country by its pycountry names (the short common name where one exists;
    # "Korea, Republic of" style names are not how news writes them).
    for c in pycountry.countries:
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        for name in names:
            usable = name and "," not in name and "(" not in name and name not in sensitive
            if usable and (c.alpha_3 in known or len(name) > 4):
                sensitive[name] = c.alpha_3
    with open(_DATA / "officials.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["person"] == "1":
                persons.add(row["alias"].lower())
            if row["case_sensitive"] == "1":
                sensitive[row["alias"]] = row["iso3"]
            else:
                insensitive[row["alias"].lower()] = row["iso3"]
    return insensitive, sensitive, demonyms, persons


# alias -> ISO3, matched case-insensitively on word boundaries, longest alias first.
# CASE_SENSITIVE_ALIASES: proper names written exactly so ("US" but never "us", "Turkey" never
# "turkey"). DEMONYMS: adjectives that name the target of goods ("Chinese goods"), not an acting
# subject, unless followed by one of GOV_NOUNS.
# PERSON_ALIASES: officials who are people (`person` in officials.csv): "he" and "she" point
# back to them.
ACTOR_ALIASES, CASE_SENSITIVE_ALIASES, DEMONYMS, PERSON_ALIASES = _load_actors()
# Government bodies every country has ("the commerce ministry"): whose they are is read from the
# words around them (a possessive or demonym before, or the article's main actor).
# Governments whose departments are never called ministries in English ("Commerce Department"):
# a bare "commerce ministry" is never theirs.
NO_MINISTRIES: frozenset[str] = _CUES["NO_MINISTRIES"]
ROLE_BODIES: str = _CUES["ROLE_BODIES"]

# --- Kinds ---------------------------------------------------------------------------------------
# `data/cues.toml`: the nouns that name a measure and the verbs that change one, each a `(?:...)`
# alternation that `rules.py` wraps in word boundaries.
TARIFF_NOUN: str = _CUES["TARIFF_NOUN"]
CONTROL_NOUN: str = _CUES["CONTROL_NOUN"]
# Restrictive verbs (tariffs and controls alike).
UP_VERBS: str = _CUES["UP_VERBS"]
DOWN_TARIFF_VERBS: str = _CUES["DOWN_TARIFF_VERBS"]
SUSPEND_VERBS: str = _CUES["SUSPEND_VERBS"]
RELAX_VERBS: str = _CUES["RELAX_VERBS"]
LICENSE_VERBS: str = _CUES["LICENSE_VERBS"]
PERMIT_VERBS: str = _CUES["PERMIT_VERBS"]
TOTAL_WORDS: str = _CUES["TOTAL_WORDS"]
DENIAL_VERBS: str = _CUES["DENIAL_VERBS"]
EXPORT_FLOWS: str = _CUES["EXPORT_FLOWS"]
PURCHASE_PAT: str = _CUES["PURCHASE_PAT"]
VISA_PAT: str = _CUES["VISA_PAT"]
PORT_FEE_PAT: str = _CUES["PORT_FEE_PAT"]
LIST_OWNERS: list[tuple[str, str]] = _CUES["LIST_OWNERS"]
INVESTIGATION_PAT: str = _CUES["INVESTIGATION_PAT"]
INVESTIGATION_VERBS: str = _CUES["INVESTIGATION_VERBS"]
NON_TARIFF_PAT: str = _CUES["NON_TARIFF_PAT"]

# --- Modality ------------------------------------------------------------------------------------
# Complete patterns (word boundaries included): a commitment, a threat, a hedge, a negation, a past.
COMMIT_CUES: str = _CUES["COMMIT_CUES"]
THREAT_CUES: str = _CUES["THREAT_CUES"]
HEDGE_CUES: str = _CUES["HEDGE_CUES"]
NEGATION_CUES: str = _CUES["NEGATION_CUES"]
PAST_CUES: str = _CUES["PAST_CUES"]

# Connectors that tie a statement to another: a response to an earlier measure of the other party,
# or a quid pro quo within a deal.
RESPONSE_CUES: str = _CUES["RESPONSE_CUES"]
QUID_CUES: str = _CUES["QUID_CUES"]

# --- Agreements ----------------------------------------------------------------------------------
# `data/agreements.csv`: trade deals, truces and frameworks with their parties and the day they were
# announced. A row's `pattern` names the agreement by itself ("Geneva", "Phase One"); a row without
# one is known by its parties and, where a pair made several deals, a `cue` word. Adding a deal
# touches that file only.


@dataclass(frozen=True)
class Agreement:
    name: str
    parties: tuple[str, ...]
    announced_on: dt.date
    pattern: str
    cue: str


def _load_agreements() -> list[Agreement]:
    with open(_DATA / "agreements.csv", encoding="utf-8", newline="") as fh:
        return [
            Agreement(
                row["name"],
                tuple(row["parties"].split()),
                dt.date.fromisoformat(row["announced_on"]),
                row["pattern"],
                row["cue"],
            )
            for row in csv.DictReader(fh)
        ]


AGREEMENT_CALENDAR: list[Agreement] = _load_agreements()


def _load_eras() -> list[tuple[re.Pattern[str], dt.date, dt.date]]:
    with open(_DATA / "eras.csv", encoding="utf-8", newline="") as fh:
        return [
            (
                re.compile(row["pattern"], re.IGNORECASE),
                dt.date.fromisoformat(row["start"]),
                dt.date.fromisoformat(row["end"]),
            )
            for row in csv.DictReader(fh)
        ]


# `data/eras.csv`: titles that date a story by themselves ("President-elect Trump" was written
# between an election and an inauguration), for articles that carry no year.
ERAS: list[tuple[re.Pattern[str], dt.date, dt.date]] = _load_eras()


def _load_companies() -> dict[str, str]:
    with open(_DATA / "companies.csv", encoding="utf-8", newline="") as fh:
        return {row["name"]: row["iso3"] for row in csv.DictReader(fh)}


# `data/companies.csv`: firms that measures name instead of a country ("an antitrust probe into
# Google", "export curbs on Nexperia"), with the country they belong to. Names match exactly.
COMPANIES: dict[str, str] = _load_companies()
# pattern -> (name, reference date). A statement is tied to an agreement when its sentence names it,
# or when the article names it and the statement is an easing dated near the agreement.
AGREEMENTS: list[tuple[str, str, dt.date]] = [
    (a.pattern, a.name, a.announced_on) for a in AGREEMENT_CALENDAR if a.pattern
]

# --- Instruments ---------------------------------------------------------------------------------
# (regex, normalised name format) from `data/cues.toml` [instruments].
INSTRUMENT_PATTERNS: list[tuple[str, str]] = _CUES["INSTRUMENT_PATTERNS"]

# --- Products ------------------------------------------------------------------------------------
# `data/products.csv`: pattern -> (normalised product, HS codes, product family used in entry keys).
# Row order matters: the first row whose pattern matches names the product.
PRODUCTS: list[tuple[str, str, tuple[str, ...], str]] = _CUES["PRODUCTS"]
