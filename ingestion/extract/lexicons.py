"""Lexicons the rule-based extractor reads: kept as plain data so they can grow without code.

Each table maps surface forms to normalised values. Patterns are regular-expression fragments,
matched case-insensitively unless a table says otherwise. Nothing here is keyed to a particular
article: entries are words and phrases of the trade-policy register.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

# --- Actors ---------------------------------------------------------------------------------------
# Countries and blocs come from data, not code: ISO 3166 names from pycountry, and
# `data/countries.csv` (short names, demonyms, capitals that news uses for governments) and
# `data/officials.csv` (ministries, agencies and officials of the main trading economies). Adding a
# country or an official touches those files only.
_DATA = Path(__file__).with_name("data")
# Capitals that also name venues of talks between other parties ("the London framework", "talks in
# Madrid") are left out of countries.csv on purpose.
# A demonym before one of these names a government that acts ("the Chinese commerce ministry").
GOV_NOUNS = (
    "government",
    "authorities",
    "officials",
    "side",
    "customs",
    "commerce ministry",
    "trade ministry",
    "finance ministry",
    "foreign ministry",
    "economy ministry",
    "ministry of commerce",
    "ministry of finance",
    "president",
    "prime minister",
    "premier",
    "regulators",
    "lawmakers",
    "parliament",
    "cabinet",
    "negotiators",
    "trade minister",
    "commerce minister",
    "finance minister",
    "economy minister",
    "administration",
    "state",
    "military",
)


def _split(cell: str) -> list[str]:
    return [x.strip() for x in (cell or "").split(";") if x.strip()]


def _load_actors() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(case-insensitive aliases, case-sensitive aliases, demonyms) -> ISO3 / EUN."""
    import pycountry

    insensitive: dict[str, str] = {}
    sensitive: dict[str, str] = {}
    demonyms: dict[str, str] = {}
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
            if row["case_sensitive"] == "1":
                sensitive[row["alias"]] = row["iso3"]
            else:
                insensitive[row["alias"].lower()] = row["iso3"]
    return insensitive, sensitive, demonyms


# alias -> ISO3, matched case-insensitively on word boundaries, longest alias first.
# CASE_SENSITIVE_ALIASES: proper names written exactly so ("US" but never "us", "Turkey" never
# "turkey"). DEMONYMS: adjectives that name the target of goods ("Chinese goods"), not an acting
# subject, unless followed by one of GOV_NOUNS.
ACTOR_ALIASES, CASE_SENSITIVE_ALIASES, DEMONYMS = _load_actors()
# Government bodies every country has ("the commerce ministry"): whose they are is read from the
# words around them (a possessive or demonym before, or the article's main actor).
# Governments whose departments are never called ministries in English ("Commerce Department"):
# a bare "commerce ministry" is never theirs.
NO_MINISTRIES = frozenset({"USA"})
ROLE_BODIES = (
    r"(?:(?:the\s+)?(?:commerce|trade|finance|economy|foreign|industry) ministry"
    r"|(?:the\s+)?ministry of (?:commerce|trade|finance|economy|foreign affairs|industry)"
    r"(?: and industry)?)"
)

# --- Kinds ---------------------------------------------------------------------------------------
TARIFF_NOUN = (
    r"(?:counter-?tariffs?|tariffs?|duties|duty|levies|levy|surtax(?:es)?|surcharges?"
    r"|import tax(?:es)?|tax(?:es)? on"
    r"|rates? of duty|ad valorem rates?|reciprocal rates?|(?:tariff|duty|combined|additional"
    r"|fentanyl) rates?|rates? on (?:Chinese|American|US|U\.S\.|China|the United States|imports"
    r"|goods))"
)
CONTROL_NOUN = (
    r"(?:export controls?|export restrictions?|export curbs?|export bans?|export ban|controls?"
    r"|bans? on (?:the )?(?:\w+ ){0,2}exports?|export prohibitions?"
    r"|curbs?|restrictions?|licen[cs]e requirements?|licen[cs]ing requirements?"
    r"|unreliable entit(?:y|ies) list|entity list|export control list|blacklist"
    r"|licen[cs]es|counter-?measures|restrictive measures|(?:affiliates|50 ?%|50 percent) rule"
    r"|export licen[cs]ing"
    r"|restrictions? (?:it|they) (?:had )?imposed)"
)
# Restrictive verb stems (tariffs and controls alike).
# Verb forms are spelled out: a bare stem would also match nouns ("addition", "escalation",
# "application", "Executive Order") that do not report an action.
UP_VERBS = (
    r"(?:impos(?:e|es|ed|ing)|slap(?:s|ped|ping)?|lev(?:y|ies|ied|ying)|rais(?:e|es|ed|ing)"
    r"|hik(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|add(?:s|ed|ing)?"
    r"|appl(?:y|ies|ied|ying)|plac(?:e|es|ed|ing)|announc(?:e|es|ed|ing)"
    r"|implement(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|order(?:ed|s|ing)|escalat(?:e|es|ed)"
    r"|restrict(?:s|ed|ing)?|ban(?:s|ned|ning)?|halt(?:s|ed|ing)?|block(?:s|ed|ing)?"
    r"|tighten(?:s|ed|ing)?|requir(?:e|es|ed|ing)|curb(?:ed|ing)?|blacklist(?:s|ed|ing)?"
    r"|prohibit(?:s|ed|ing)?|limit(?:s|ed|ing)?|sanction(?:s|ed|ing)|expand(?:s|ed|ing)?"
    r"|broaden(?:s|ed|ing)?|put(?:s|ting)?|attract(?:s|ed|ing)?|fac(?:e|es|ed|ing)"
    r"|carr(?:y|ies|ied|ying)|charg(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|stack(?:s|ed|ing)?"
    r"|approv(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|pass(?:es|ed|ing)?|enact(?:s|ed|ing)?"
    r"|(?:respond|retaliat|hit back|struck back|strike back)\w*\s+with)"
)
DOWN_TARIFF_VERBS = (
    r"(?:cut(?:s|ting)?|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?(?!\s+(?:house|chamber))"
    r"|slash(?:es|ed|ing)?"
    r"|remov(?:e|es|ed|ing)|eliminat(?:e|es|ed|ing)|cancel(?:s|ed|led|ing|ling)?"
    r"|roll(?:s|ed|ing)? back|halv(?:e|es|ed|ing)|drop(?:s|ped|ping)?|scrap(?:s|ped|ping)?"
    r"|modif(?:y|ies|ied|ying)|amend(?:s|ed|ing)?|exempt(?:s|ed|ing)?"
    r"|lift(?:s|ed|ing)?|waiv(?:e|es|ed|ing)|stop(?:s|ped|ping)? collecting"
    r"|abolish(?:es|ed|ing)?|dismantl(?:e|es|ed|ing)|zero(?:es|ed|ing)? out"
    r"|br(?:ing|ings|ought) (?:\w+ ){0,6}down)"
)
SUSPEND_VERBS = (
    r"(?:suspen(?:d|ds|ded|ding|sion)|paus(?:e|es|ed|ing)|delay(?:s|ed|ing)?|postpon\w+)"
)
RELAX_VERBS = (
    r"(?:lift(?:s|ed|ing)?|suspen(?:d|ds|ded|ding|sion)|paus(?:e|es|ed|ing)|remov(?:e|es|ed|ing|al)"
    r"|eas(?:e|es|ed|ing)|relax(?:es|ed|ing)?|rescind(?:s|ed|ing)?|cancel(?:s|ed|led|ing|ling)?"
    r"|revok(?:e|es|ed|ing)|roll(?:s|ed|ing)? back|take down|took down|allow(?:s|ed|ing)?"
    r"|permit(?:s|ted|ting)?|withdr[ae]w(?:s|n|ing)?|scrap(?:s|ped|ping)?|drop(?:s|ped|ping)?)"
)
LICENSE_VERBS = (
    r"(?:approv(?:e|es|ed|ing)|grant(?:s|ed|ing)?|speed(?:s|ing)? up|sped up"
    r"|expedit(?:e|es|ed|ing)|accelerat(?:e|es|ed|ing)|resum(?:e|es|ed|ing)"
    r"|deliver(?:s|ed|ing)?|issu(?:e|es|ed|ing)|fast-track(?:s|ed|ing)?|restor(?:e|es|ed|ing)"
    r"|reinstat(?:e|es|ed|ing))"
)
PURCHASE_PAT = r"\b(?:buy|buying|bought|purchas\w*|procure\w*|import more)\b"
VISA_PAT = r"\bvisas?\b"
PORT_FEE_PAT = r"\bport (?:fees?|charges?)\b|\bfees? on (?:\w+[- ])*(?:vessels|ships)\b"
INVESTIGATION_PAT = (
    r"\b(?:anti-dumping|anti-subsidy|anti-monopoly|anti-discrimination|antitrust|countervailing"
    r"|section 301|section 232)?\s*(?:investigations?|probes?|inquir(?:y|ies)|case against)\b"
)
INVESTIGATION_VERBS = r"\b(?:launch|open|initiat|begin|began|begun|start|announc|file)\w*\b"
NON_TARIFF_PAT = r"\bnon-? ?tariff (?:counter-?measures|measures|barriers)\b"

# --- Modality ------------------------------------------------------------------------------------
COMMIT_CUES = (
    r"\b(?:will|shall|'ll|agreed to|agree to|agrees to|pledged?|pledges|committed to|commits? to"
    r"|commit to|vowed?|promised?|undert(?:ake|ook)|going to|is set to|are set to|aims? to|to take"
    r"|would)\b"
)
THREAT_CUES = r"\b(?:threaten\w*|warn\w*|ultimatum|or face|could impose|vow\w* to retaliat)"
HEDGE_CUES = (
    r"(?<![A-Za-z])(?:(?-i:may)|might|could|can|considering|weighing|mulls?|mulling|plans? to"
    r"|planning to"
    r"|expected to|likely|possible|possibility|reportedly considering|appears?|seems?|if|unless"
    r"|debated|whether|hopes?|hoping|urg\w+|calls? on|demand\w*|wants?|should|asked|reportedly"
    r"|rumou?r\w*|moving to|seeks?|seeking|unclear|unconfirmed"
    r"|didn't confirm|did not confirm|not confirm\w*|denied|aimed at|aiming at|aiming to"
    r"|caution\w*)\b"
)
NEGATION_CUES = (
    r"(?<![A-Za-z])(?:not|no longer|never|has yet to|have yet to|refus\w+|declin\w+ to|denied"
    r"|ruled out"
    r"|did not|didn't|won't|wasn't|isn't|hasn't|haven't|without)\b"
)
PAST_CUES = (
    r"\b(?:imposed|announced|implemented|raised|added|took effect|went into (?:effect|force)"
    r"|has (?:\w+ed)|have (?:\w+ed)|had|was|were|approved|granted|lifted|suspended|launched"
    r"|opened|initiated|halted|blocked|restricted|sent|issued|ordered|signed|retaliated|slapped)\b"
)

# Connectors that tie a statement to another: (regex, basis, direction). direction "back" means
# the clause carrying the cue answers an earlier measure by the other party.
RESPONSE_CUES = (
    r"\b(?:in response to|in retaliation (?:for|to|against)|retaliat\w*|in return for|responded"
    r"|responds?|response to|countermeasures? (?:to|against)|hit back|strikes? back|struck back"
    r"|in kind|reciprocat\w*|follows?|followed|comes? after|came after|mirrors?|mirroring"
    r"|fired back|fires back|fire back|hits back|answer(?:s|ed)|repl(?:ies|ied)|in reply to"
    r"|reply to|citing|in reaction to"
    r"|matche[sd]|under (?:\w+['’]s )?response"
    r"|(?:investigations?|probes?|inquir(?:y|ies)) (?:into|of|against|targeting)"
    r"|counter-?tariffs?)\b"
)
QUID_CUES = (
    r"\b(?:in return(?: for)?|in exchange(?: for)?|once|as soon as|provided that|on condition)\b"
)

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
# pattern -> (name, reference date). A statement is tied to an agreement when its sentence names it,
# or when the article names it and the statement is an easing dated near the agreement.
AGREEMENTS: list[tuple[str, str, dt.date]] = [
    (a.pattern, a.name, a.announced_on) for a in AGREEMENT_CALENDAR if a.pattern
]

# --- Instruments ---------------------------------------------------------------------------------
INSTRUMENT_PATTERNS: list[tuple[str, str]] = [
    (r"\bExecutive Orders? (?:No\.? ?)?(\d{5})", "Executive Order {0}"),
    (r"\b(?:EO|E\.O\.) ?(\d{5})", "Executive Order {0}"),
    (r"\bAnnouncement (?:No\. ?)?(\d+) of (20\d\d)", "Announcement {1} No. {0}"),
    (r"\bAnnouncement (20\d\d) No\. ?(\d+)", "Announcement {0} No. {1}"),
    (r"\bAnnouncement No\. ?(\d+)", "Announcement No. {0}"),
    (r"\bIEEPA\b|International Emergency Economic Powers Act", "IEEPA"),
    (r"\bSection (232|301|201)\b", "Section {0}"),
    (r"\bunreliable entit(?:y|ies) list", "Unreliable Entity List"),
    (r"\bexport control list\b", "export control list"),
    (r"\bentity list\b", "Entity List"),
    (r"\b(?:affiliates|50%|50 percent) rule\b", "Affiliates Rule"),
    (r"\bde minimis\b", "de minimis"),
    (r"\banti-?dumping\b", "anti-dumping duty"),
    (r"\bcountervailing\b|\banti-?subsidy duty", "countervailing duty"),
    (r"\bsafeguard (?:duty|duties|measures?|tariffs?)\b", "safeguard"),
    (r"\btariff[- ]rate quotas?\b", "tariff-rate quota"),
]

# --- Products ------------------------------------------------------------------------------------
# pattern -> (normalised product, HS codes, product family used in entry keys)
PRODUCTS: list[tuple[str, str, tuple[str, ...], str]] = [
    (
        r"\brare[- ]earth magnets?|permanent magnets?|\bmagnets?\b",
        "rare-earth magnets",
        ("850511",),
        "rare_earth",
    ),
    (
        r"\brare[- ]earths?\b|samarium|gadolinium|terbium|dysprosium|lutetium|scandium|yttrium",
        "rare earths",
        ("2805", "2846"),
        "rare_earth",
    ),
    (r"\bcritical minerals?\b|strategic minerals?", "critical minerals", (), "rare_earth"),
    (r"\bsoy(?:beans?| beans?)?\b", "soybeans", ("1201",), "agri"),
    (r"\bchicken|poultry", "chicken", ("0207",), "agri"),
    (r"\bpork\b", "pork", ("0203",), "agri"),
    (r"\bbeef\b", "beef", ("0201", "0202"), "agri"),
    (r"\bwheat\b", "wheat", ("1001",), "agri"),
    (r"\bcorn\b|\bmaize\b", "corn", ("1005",), "agri"),
    (r"\bcotton\b", "cotton", ("5201",), "agri"),
    (r"\bsorghum\b", "sorghum", ("1007",), "agri"),
    (r"\bfarm (?:products|goods|exports)|agricultural products", "farm products", (), "agri"),
    (r"\bliquefied natural gas\b|\bLNG\b|natural gas", "LNG", ("271111",), "energy"),
    (r"\bcoal\b", "coal", ("2701",), "energy"),
    (r"\bcrude(?: oil)?\b", "crude oil", ("2709",), "energy"),
    (r"\bethane\b", "ethane", ("290110",), "ethane"),
    (r"\bbutane\b", "butane", ("290110",), "ethane"),
    (
        r"\bjet engines?|aircraft engines?|aviation|aerospace|\bengines?\b|planemaker|COMAC",
        "jet engines",
        ("8411",),
        "aviation",
    ),
    (
        r"\bchip[- ]design software|electronic design automation|\bEDA\b",
        "chip design software",
        (),
        "chips",
    ),
    (r"\b(?:semiconductors?|chips?|integrated circuits?)\b", "chips", ("8542",), "chips"),
    (r"\btungsten\b", "tungsten", ("8101",), "metals"),
    (r"\btellurium\b", "tellurium", ("280450",), "metals"),
    (r"\bmolybdenum\b", "molybdenum", ("8102",), "metals"),
    (r"\bgallium\b", "gallium", ("811292",), "metals"),
    (r"\bgermanium\b", "germanium", ("811299",), "metals"),
    (r"\bantimony\b", "antimony", ("8110",), "metals"),
    (r"\bgraphite\b", "graphite", ("2504",), "metals"),
    (r"\bsilver\b", "silver", ("7106",), "metals"),
    (r"\b(?:metals?|minerals?)\b", "metals", (), "metals"),
    (
        r"\bagricultural (?:machinery|equipment)|farm (?:machinery|equipment)",
        "agricultural machinery",
        ("8432", "8433"),
        "energy",
    ),
    (r"\bsteel\b", "steel", ("72",), "steel"),
    (r"\balumin(?:i)?um\b", "aluminium", ("76",), "steel"),
    (r"\b(?:autos?|cars?|vehicles?|automobiles?)\b", "vehicles", ("8703",), "autos"),
    (r"\blumber|logs\b|timber", "lumber", ("4403", "4407"), "wood"),
    (
        r"\bkitchen cabinets?|\bvanities\b|\bupholster\w*|\bfurniture\b",
        "furniture and cabinets",
        ("9403", "9401"),
        "furniture",
    ),
    (r"\b(?:heavy[- ]duty )?trucks\b", "trucks", ("8704",), "trucks"),
    (
        r"\bpharmaceuticals?\b|\bbranded drugs\b|\bpatented drugs\b|\bmedicines\b",
        "pharmaceuticals",
        ("3004",),
        "pharma",
    ),
    (r"\bcopper\b", "copper", ("7403", "7408"), "copper"),
    (r"\bstudents?\b", "student visas", (), "visa"),
    (
        r"\bentit(?:y|ies)\b|\bcompanies\b|\bfirms\b|\bbusinesses\b",
        "listed entities",
        (),
        "entities",
    ),
]
