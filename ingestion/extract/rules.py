"""Per-article extraction rules: actors, kind, targets, modality and dates of a clause.

`stages.py` runs them in order (`extract_article`: sentences -> clauses -> kind -> modality ->
parties -> dates -> rates -> statement); each statement is a `Statement` record (`statement.py`)
with the columns of STATEMENT_SCHEMA and internal fields for the corpus pass (`entry_key` is
filled in by `corpus.py`). The rules are general patterns of the trade-policy register (verb
stems, nouns, connectors, prepositions); see `lexicons.py` for the word lists.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ingestion import vocabulary
from ingestion.extract import lexicons as lx
from ingestion.extract.dates import DateMention
from ingestion.extract.kinds import INVESTIGATION, OTHER, PORT_FEE
from ingestion.extract.rates import find_rates
from ingestion.extract.text import trie_pattern

_I = re.IGNORECASE

# --- compiled lexicons ---------------------------------------------------------------------------


_ALIAS_RE = re.compile(r"(?<![\w-])(?:" + trie_pattern(list(lx.ACTOR_ALIASES)) + r")(?![\w-])", _I)
_CS_ALIAS_RE = re.compile(
    r"(?<![\w.-])(?:" + trie_pattern(list(lx.CASE_SENSITIVE_ALIASES)) + r")(?![\w-])"
)
_DEMONYM_RE = re.compile(r"\b(?:" + trie_pattern(list(lx.DEMONYMS)) + r")\b", _I)
# "the Chinese commerce ministry", "Indian officials": a demonym naming a government that acts.
_DEMONYM_GOV_RE = re.compile(
    r"\b(?:the\s+)?(?P<dem>"
    + trie_pattern([d.title() if not d.isupper() else d for d in lx.DEMONYMS])
    + r")\s+(?:"
    + trie_pattern(list(lx.GOV_NOUNS))
    + r")\b"
)
_PAIR_RE = re.compile(r"(?<![\w-])([A-Z][\w.]*[\w])[-–]([A-Z][\w]*)(?![\w-])")
_ROLE_BODY_RE = re.compile(r"\b" + lx.ROLE_BODIES + r"\b", _I)
_COORD_AND = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?", _I)
_COORD = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+)(?:the\s+)?", _I)
# ("25% on Japan and Korea, 40% on Laos, and 32% on Indonesia": a list of targets, each with
# its own rate, is one measure's targets)
_COORD_RATE = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:an?\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+(?:[\w-]+\s+)?"
    r"(?:on|for)\s+(?:the\s+)?(?:goods\s+from\s+(?:the\s+)?)?",
    _I,
)
# A mention right after one of these words is an object (target, source), not a subject.
_OBJECT_PREP = re.compile(
    r"(?:\bon|\bto|\bagainst|\bfrom|\binto|\bwith|\bfor|\btoward|\btowards|\bat|\bbetween|\bthan"
    r"|\bof|\bin|\bhit|\bpunish|\bsue|\bfollow\w*|\bby|\baccus\w+|\bcalls? on|\burg\w+"
    r"|\bunder|\bwithin|\bacross"
    # ("China has notified Japan that it is suspending ...": the one told is no subject)
    r"|\btold|\btells|\bnotifie[sd]|\bnotify|\binformed|\binforms|\bassured|\bwarned|\bwarns"
    r"|\basked|\bpressed)\s+"
    r"(?:(?:the|a|an)\s+)?$",
    _I,
)
_GERUND_BEFORE = re.compile(
    r"\b(?!(?:morn|even|dur|spr|bring|inform|tell|notify|warn|ask|urg|press|remind)ing\b)"
    r"[a-z]{2,}ing\s+(?:the\s+)?$"
)
# ("saying Vietnam would impose no tariffs": a speech verb's clause has its own subject)
_VERB_NEXT = re.compile(
    r"\s+(?:would|will|is|are|was|were|has|have|had|could|should|may|might|must|can|\w+ed\b)"
    r"|\s*[“\"]",
    _I,
)
_ADJ_FOLLOW = re.compile(
    r"^[\s-]*(?:goods|imports|exports|products|companies|firms|entities|farm|exporters|suppliers"
    r"|chip|chips|soybeans?|coal|lng|crude|technology|technologies|businesses|defen[cs]e|ethane"
    r"|customers|producers|manufacturers|shipments|economy|markets?|side of|-china|–china"
    r"|oil|gas|energy|steel|cars|autos|vehicles|seafood|beef|pork|airlines?|carmakers?"
    r"|-based|consumers|students|tariffs? on|-made|manufactured\b|origin|items|counterpart"
    # ("US trade deficit", not "the US Trade Representative")
    r"|trade(?!\s+(?:representative|office|minist|secretary|department)))",
    _I,
)
_TARIFF = re.compile(r"\b" + lx.TARIFF_NOUN, _I)
_CONTROL = re.compile(r"\b" + lx.CONTROL_NOUN + r"\b", _I)
_UP = re.compile(r"\b" + lx.UP_VERBS + r"\b", _I)
_TOOK_EFFECT = re.compile(
    r"\b(?:took effect|take effect|takes effect|taking hold|took hold|takes hold"
    r"|(?:went|go|goes|came|come|comes|entered|enters|enter) into (?:effect|force)"
    r"|in force|kick(?:ed|s)? in)\b",
    _I,
)
_DOWN = re.compile(r"\b" + lx.DOWN_TARIFF_VERBS + r"\b", _I)
_SUSPEND = re.compile(r"\b" + lx.SUSPEND_VERBS + r"\b", _I)
_RELAX = re.compile(r"\b" + lx.RELAX_VERBS + r"\b", _I)
_LICENSE_NOUN = re.compile(
    r"\b(?:licen[cs]\w*|applications?|approvals?|permits?|permissions?)\b", _I
)
_LICENSE_VERB = re.compile(r"\b" + lx.LICENSE_VERBS + r"\b", _I)
_SUPPLY = re.compile(
    # ("will supply rare earth magnets up front": a promise to export, not a market share)
    r"\b(?:(?:will|would|to)\s+(?:\w+\s+)?suppl(?:y|ying)\s+(?:\w+\s+){0,3}"
    r"(?:rare earths?|magnets|minerals|critical minerals)"
    r"|(?:resum\w*|restor\w*|deliver\w*(?!\s+on\b)|reopen\w*|ship(?:s|ped|ping)?)\s+(?:\w+\s+){0,3}"
    r"(?:supply|supplies|shipments|exports|rare earths?|magnets|minerals|trade))",
    _I,
)
# ("were banned", "are prohibited", "has been halted"): a ban told in the passive
BANNED_PASSIVE = (
    r"\b(?:are|is|were|was|will\s+be|have\s+been|has\s+been)\s+(?:\w+ly\s+)?"
    r"(?:prohibited|banned|barred|halted|suspended|blocked)\b"
)
_HALT = re.compile(
    r"\b(?:halt|stop|block|ban|cut\w* off|restrict|suspend|curb|limit(?=s\b|ing\b)"
    # ("would bar exports of luxury goods to Russia", "prohibit sales of chips")
    r"|bar(?=s\b|red\b|ring\b|\b)|prohibit)\w*\s+"
    r"(?:\w+\s+){0,4}"
    r"(?:shipments|exports?(?!\s+(?:bans?|controls?|restrictions?|curbs?|licen))|exporting|sales?"
    r"|selling|supply|supplies|supplying)\b|\bstop selling\b"
    # ("Exports of luxury items ... to Russia are prohibited")
    r"|\bexports?\s+of\s+[^.;]{1,120}?"
    + BANNED_PASSIVE
    + r"|\bput\w*\s+(?:\S+\s+){0,12}?under\s+(?:export\s+)?(?:licen\w+|control\w*)"
    r"|\b(?:put|puts|putting|placed|places|placing)\s+(?:\S+\s+){0,8}?on\s+(?:its|the|\w+['’]s)"
    r"\s+(?:\w+\s+){0,3}list\b"
    r"|\b(?:requir|need)\w*\s+(?:a\s+|an\s+)?(?:new\s+)?(?:export\s+)?licen[cs]es?\b"
    r"|\bexport (?:ban|licen[cs]e requirements?)\b|\badd\w*\s+(?:\d+\s+)?(?:\w+\s+)"
    r"{0,4}(?:to\s+(?:its|the|\w+['’]s)\s+)(?:\w+\s+){0,2}(?:list)\b|\bsanction\w*\s+"
    r"(?:several\s+|\d+\s+)?(?:\w+\s+){0,2}(?:companies|firms|entities)",
    _I,
)
_LICENSE_SUSPEND = re.compile(
    r"\bsuspend\w*\s+(?:\w+\s+){0,3}(?:export\s+)?licen[cs]es\b"
    r"|\blicen[cs]es?\s+(?:\w+\s+){0,3}suspend",
    _I,
)
# "allowed ethane to be shipped to China", "permits sales of chips to Chinese firms": goods let go.
_EXPORT_PERMIT = re.compile(
    r"\b" + lx.PERMIT_VERBS + r"\s+(?:[\w$.’'-]+\s+){0,5}?" + lx.EXPORT_FLOWS + r"\b", _I
)
_DENIAL = re.compile(lx.DENIAL_VERBS, _I)
# "agreed to stop buying": the verb that ends a purchase
_STOP_BEFORE = re.compile(
    r"\b(?:stop|stops|stopped|stopping|halt\w*|cease\w*|end|ends|ended|ending|quit\w*)\s+$", _I
)
_PURCHASE = re.compile(lx.PURCHASE_PAT, _I)
_VISA = re.compile(lx.VISA_PAT, _I)
_VISA_VERB = re.compile(
    r"\b(?:revok|restrict|tighten|scrutin|cancel|suspend|keep|maintain|issu"
    r"|revis|deny|bar|ban|limit|impos|charg|requir"
    # ("will grant visa-free entry to Canadian passport holders")
    r"|grant|waiv|eas|exempt|extend|allow|offer)\w*",
    _I,
)
_PORT_FEE = re.compile(lx.PORT_FEE_PAT, _I)
_INVEST = re.compile(lx.INVESTIGATION_PAT, _I)
_INVEST_VERB = re.compile(lx.INVESTIGATION_VERBS, _I)
_NON_TARIFF = re.compile(lx.NON_TARIFF_PAT, _I)
_COMMIT = re.compile(lx.COMMIT_CUES, _I)
_THREAT = re.compile(lx.THREAT_CUES, _I)
_HEDGE = re.compile(lx.HEDGE_CUES, _I)
_NEG = re.compile(lx.NEGATION_CUES, _I)
_RESPONSE = re.compile(lx.RESPONSE_CUES, _I)
_QUID = re.compile(lx.QUID_CUES, _I)
_AGREEMENTS = [(re.compile(p, _I), name, day) for p, name, day in lx.AGREEMENTS]
_INSTRUMENTS = [
    (re.compile(p, _I if "Executive" not in p else 0), fmt) for p, fmt in lx.INSTRUMENT_PATTERNS
]
_PRODUCTS = [
    (re.compile(p, _I if "LNG" not in p and "EDA" not in p else 0), name, hs, fam)
    for p, name, hs, fam in lx.PRODUCTS
]
# All product patterns in one scan (one group per lexicon row): a clause is read once, not once
# per product. Acronyms keep their case ("LNG", "EDA"), the rest is case-insensitive.
_PRODUCT_SCAN = re.compile(
    "|".join(
        f"(?P<p{i}>{p})" if ("LNG" in p or "EDA" in p) else f"(?P<p{i}>(?i:{p}))"
        for i, (p, _, _, _) in enumerate(lx.PRODUCTS)
    )
)
_WLD = re.compile(
    r"\b(?:all (?:countries|destinations|trading partners|exporters)|worldwide"
    r"|(?:over|more than|dozens of|most|other)\s+(?:\d+\s+)?(?:other\s+)?(?:trading\s+|trade\s+)?"
    r"(?:countries|partners|nations|economies)"
    r"|for countries"
    r"|globally|global (?:[\w-]+\s+){0,2}?(?:tariffs?|duties|levy|ban|controls?|exports?|imports?)"
    r"|any country|every country|all foreign)\b",
    _I,
)
_TRADE_TERMS = re.compile(
    r"\b(?:tariffs?|duty|duties|levy|levies|export controls?|export restrictions?|entity list"
    r"|sanctions?|concessions|safeguards?|WTO|surtax(?:es)?|surcharges?"
    r"|trade (?:war|deal|talks|truce|agreement|framework)|rare earths?|licen[cs]es?|anti-dumping"
    r"|anti-subsidy|countervailing"
    r"|retaliat\w*|countermeasures?|joint statement|visas?|port fees?|curbs?|restrictions?"
    r"|export bans?|controls|probes?|investigations?|unreliable entit\w+|blacklist\w*|white ?lists?"
    r"|stop selling|GSP|(?:trade )?preferences|preferential (?:trade )?(?:status|treatment|access)"
    r"|deposits? of|(?:export|import) permits?|fees? on (?:[\w-]+ )*(?:vessels|ships)|port calls?"
    # (a permission to sell abroad: a measure with no tariff or control word)
    r"|(?:allow|let|permit)\w*\s+(?:[\w-]+\s+){0,3}?to\s+(?:sell|ship|export|resume)"
    r"|rules on (?:the )?(?:\w+ ){0,2}(?:sales|exports|shipments)|investigat(?:e|es|ed|ing)"
    r"|(?:halt|stop|restrict|curb|limit|block|suspend|prohibit|bar(?=s |red |ring | ))\w* "
    r"(?:\w+ ){0,3}(?:shipments|exports|sales)"
    r"|bann?\w* (?:\w+ ){0,2}exports?|purchase commitments?"
    # (an import ban or its end: "will resume imports of Japanese seafood")
    r"|(?:suspend|halt|bann?|resum|lift)\w* (?:\w+ ){0,3}imports|import bans?"
    r"|(?:will|to|agreed to|pledged to) (?:buy|purchase)"
    r"|(?:resum|increas|boost|expand)\w* (?:\w+ )?purchases)\b",
    _I,
)
_PASSIVE_BY = re.compile(
    r"\b(?:imposed|announced|ordered|introduced|implemented|issued|placed"
    r"|levied|adopted|taken|sent|signed|banned|barred|halted|suspended|blocked|prohibited"
    r"|charged|applied|collected|enforced|raised|lifted|removed|cut|approved|unveiled)"
    r"\s+(?:\w+\s+){0,3}?by\s+(?:the\s+)?$",
    _I,
)
_ACT_OF_NOUN = re.compile(r"(\w+\s+of\s+(?:the\s+|its\s+|their\s+)?)", _I)
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|going to|set to|to take effect|due to|plans? to"
    r"|would)\b",
    _I,
)
# "before/since/as X imposed ...": a measure in a subordinate clause is a reference point. Any
# country can be X. "with X dropping its duties" is not one: it reports what the news is.
_SUBORDINATE_LEAD = re.compile(
    r"(?<!hours )(?<!minutes )(?<!moments )(?<!shortly )(?<!just )(?<!days )"
    r"\b(?P<conj>before|since|until|as)\s+(?:the\s+)?$",
    _I,
)


def _subordinate_actor(text: str, mentions: list[Mention], cs: int, pos: int) -> bool:
    for mt in mentions:
        if not (cs <= mt.start and mt.end <= pos):
            continue
        lead = _SUBORDINATE_LEAD.search(text, max(cs, mt.start - 20), mt.start)
        if lead:
            return True
        # "two days after X agreed to lower tariffs": the trigger inside the time clause is a
        # reference point; "Hours after X acted, Y imposed ..." (a comma between) is not.
        if (
            _TIME_AFTER.search(text, max(cs, mt.start - 30), mt.start)
            and "," not in text[mt.end : pos]
        ):
            return True
    return False


_TIME_AFTER = re.compile(
    r"\b(?:hours|days|weeks|minutes|moments|shortly|just)\s+(?:after|before)\s+(?:the\s+)?$", _I
)


_LICENSE_REQUIRED = re.compile(
    r"licen[cs]\w* requirement|requir\w* (?:a |new |an )?(?:export )?licen|\bdeny|\bdenie", _I
)
_AGENT_BEFORE = re.compile(
    r"\b(?:signed|issued|announced|published|released|ordered)\s+by\s+(?:the\s+)?$", _I
)
_BOTH = re.compile(
    r"\b(?:both countries|the two countries|both sides|the two sides|both governments"
    r"|the two governments|both nations|the two nations)\b"
    # "announcing that both would slash ...", "they will cut duties on each other's goods"
    r"|\bboth\b(?=\s+(?:would|will|shall|agreed|pledged|promised|have|had|are|were)\b)"
    r"|\bthey\b(?=[^.;]{0,80}\beach other)",
    _I,
)
_RELATIVE = re.compile(
    r"\b(?:it|they|which|that|each)\s+(?:had\s+|has\s+|have\s+)?(?:\w+ed|put|set|took"
    # ("the fees that it began charging on Oct. 14")
    r"|began\s+\w+ing|begun\s+\w+ing)\b"
    r"|\b(?:Beijing|Washington|China|the US)\s+(?:had\s+|has\s+)?(?:imposed|announced|introduced"
    r"|placed|put|took|adopted|unveiled)\b",
    _I,
)
# (and a deal's: "the deal struck in Scotland last month" dates the deal, not what it brings)
_MEASURE_PARTICIPLES = (
    r"announced|imposed|introduced|unveiled|issued|placed|adopted|struck|reached|sealed|signed"
    r"|concluded|agreed"
)
_PARTICIPLE_DATE = re.compile(
    r"\b(?:" + _MEASURE_PARTICIPLES + r")\s+(?:by\s+(?:\S+\s+){1,3})?"
    # ("struck in Scotland last month": a place between)
    r"(?:(?:in|at)\s+(?:the\s+)?[A-Z][\w-]*\s+)?$"
    # ("the 15% tariffs imposed in September would be halved": the date's own preposition,
    # after a measure's noun)
    r"|\b(?:tariffs?|duties|duty|levies|levy|controls|curbs|restrictions|measures|bans?"
    r"|agreements?|deals?|pacts?|accords?|truce|framework)\s+(?:"
    + _MEASURE_PARTICIPLES
    # ("the agreement reached with Tokyo in July": the party it was reached with between)
    + r")\s+(?:(?:with|between|by)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+and\s+[A-Z][\w-]*)?\s+)?"
    r"(?:in|on|during)\s+$",
    _I,
)
# "the controls imposed on October 9", "a deal signed in March": after the trigger, a
# participle dates its noun.
_PARTICIPLE_ON_DATE = re.compile(
    r"\b(?:" + _MEASURE_PARTICIPLES + r"|enacted|added)"
    r"\s+(?:by\s+(?:\S+\s+){1,3})?(?:on|in|since|from)\s+$",
    _I,
)
_PAST_TRIGGER = re.compile(r"\w+ed\b|(?:cut|set|put|hit|halved|lifted)\b", _I)
_RESTRICTIVE = vocabulary.kinds_where(direction="restrictive")  # registry: vocab_kinds.csv
_EASING = vocabulary.kinds_where(direction="easing")
LEDE_SENTENCES = 4
BODY_NEEDS_MARKER = True
# Words that place a past-tense sentence in the story's background rather than its news.
_BACKGROUND_MARK = re.compile(
    r"\b(?:at one point|earlier|previously|last (?:year|month|week)|since|so-called|had been"
    r"|had (?:\w+ed|put|set|hit|cut)|in (?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)|began|first|initially|then|after|over the past"
    r"|in recent (?:weeks|months|years)|has been|have been|already|later|subsequently)\b",
    re.IGNORECASE,
)


@dataclass
class Mention:
    """An actor mention in a clause."""

    iso: str
    start: int
    end: int
    subject: bool  # not governed by a preposition and not an adjective on a goods noun
    modifier: bool = False  # an adjective on a goods noun ("US coal", "China-based firms")
    place: bool = False  # where something happens ("talks in Geneva, Switzerland")


@dataclass
class ArticleContext:
    """What the rules need to know about the article while reading it."""

    article_id: str
    text: str
    pub: dt.date | None
    default_year: int | None
    pub_inferred: bool = False
    main_actor: str | None = None
    agreements: list[tuple[str, dt.date]] = field(default_factory=list)
    last_actor: str | None = None
    last_targets: list[str] = field(default_factory=list)  # of the last statement
    # kind, actor, targets and sentence number of the last statement (for a clause that only
    # details it: "A 15% duty will apply to coal", right after "China will levy duties on ...")
    last_statement: tuple[str, str, list[str], int] | None = None
    # products, HS codes and product family of the last statement ("these duties" are its)
    last_products: tuple[list[str], list[str], str] = ([], [], "")
    # the last day in force a statement gave, and the number of its sentence
    last_effective: tuple[dt.date, int] | None = None
    sentence_no: int = 0
    speaker: str | None = None  # country of the last quoted speaker ("Lutnick said")
    last_person: str | None = None  # country of the last official named who is a person
    parties: tuple[str, ...] = ()  # countries the article names, most named first
    deal: bool = False  # the article reports a deal between parties
    # target -> the actor of the last restriction the article stated on it ("the tariffs on
    # Canada" are eased by whoever imposed them)
    imposers: dict[str, str] = field(default_factory=dict)
    retaliation: bool = False  # the article tells of retaliation between parties
    # the parties the article shows answering another's measure (the first named in a sentence
    # that tells of retaliation)
    answering: frozenset[str] = frozenset()

    def counterpart(self, actor: str | None) -> str | None:
        """The party the article names most after `actor`: who a measure is aimed at when the
        sentence names no one else."""
        return next((p for p in self.parties if p != actor), None)


_RAW_CACHE: list = [None, []]  # (text object, its alias matches): one article at a time


def _raw_mentions(text: str) -> list[tuple[int, int, str]]:
    """All alias matches of the whole text, computed once per article (the alias regex is the
    costliest pattern, and every sentence and link rule asks for mentions)."""
    if _RAW_CACHE[0] is text:
        return _RAW_CACHE[1]
    found: list[tuple[int, int, str]] = []
    for m in _ALIAS_RE.finditer(text):
        iso = lx.ACTOR_ALIASES.get(m.group(0).lower())
        if iso is not None:
            found.append((m.start(), m.end(), iso))
    for m in _CS_ALIAS_RE.finditer(text):
        found.append((m.start(), m.end(), lx.CASE_SENSITIVE_ALIASES[m.group(0)]))
    for m in _DEMONYM_GOV_RE.finditer(text):
        found.append((m.start(), m.end(), lx.DEMONYMS[m.group("dem").lower()]))
    # "US-India deal", "US–Japan framework": both parties of a hyphenated pair.
    for m in _PAIR_RE.finditer(text):
        for g in (1, 2):
            iso = lx.CASE_SENSITIVE_ALIASES.get(m.group(g))
            if iso and not any(s < m.end(g) and m.start(g) < e for s, e, _ in found):
                found.append((m.start(g), m.end(g), iso))
    found.sort()
    found = _with_role_bodies(text, found)
    _RAW_CACHE[0], _RAW_CACHE[1] = text, found
    return found


# A venue, not a party: "talks in Geneva, Switzerland", "the summit held in South Korea".
_PLACE = re.compile(
    r"\b(?:talks|meeting|meetings|met|summit|negotiations|visit|trip|conference|forum|held|hosted"
    r"|gathering|sidelines"
    # ("Trump told business leaders in Doha", "speaking in Tokyo"): where someone spoke
    r"|told|spoke|speaking|speech|remarks|addressed|rally|interview|reporters|audience)\b"
    r"[^;]{0,40}?\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w.-]*,?\s+){0,2}$"
)


def _with_role_bodies(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Add "the commerce ministry" mentions, each given the country that owns it: the country
    named just before ("China's commerce ministry"), else the owner of the last such body the
    article named, else the country the article names most."""
    bodies = list(_ROLE_BODY_RE.finditer(text))
    if not bodies:
        return found
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for s, _, iso in found:
        counts[iso] = counts.get(iso, 0) + 1
        first.setdefault(iso, s)
    # (a tie goes to the country named first, the one the story opens with)
    ranked = sorted(
        (k for k in counts if k not in lx.NO_MINISTRIES), key=lambda k: (-counts[k], first[k])
    )
    main = ranked[0] if ranked else None
    owner = main
    extra = []
    for m in bodies:
        if any(s < m.end() and m.start() < e for s, e, _ in found):
            continue
        prev = [f for f in found if m.start() - 12 <= f[1] <= m.start()]
        head = text[max(0, m.start() - 12) : m.start()]
        dem = _DEMONYM_RE.search(head)
        # ("China on Tuesday banned ... The commerce ministry said ..."): the country that
        # last opened a sentence, nearby, is the one whose ministry speaks next
        opener = [
            f
            for f in found
            if m.start() - 400 <= f[0] < m.start()
            and f[2] not in lx.NO_MINISTRIES
            and re.search(r"(?:^|[.!?]\s+|\n\s*)(?:the\s+)?$", text[max(0, f[0] - 8) : f[0]], _I)
        ]
        if prev and re.search(r"['’]s\s+(?:\w+\s+)?$", text[prev[-1][1] : m.start()]):
            owner = prev[-1][2]
        elif dem and re.fullmatch(r"\s*", head[dem.end() :]):
            owner = lx.DEMONYMS[dem.group(0).lower()]
        elif opener:
            owner = opener[-1][2]
        if owner is not None:
            extra.append((m.start(), m.end(), owner))
    return sorted(found + extra)


def actor_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Actor aliases in text[start:end], each marked as a possible subject or not."""
    lo = bisect.bisect_left(_raw_mentions(text), (start, -1, ""))
    found = []
    for item in _raw_mentions(text)[lo:]:
        if item[0] >= end:
            break
        if item[1] <= end:
            found.append(item)
    out: list[Mention] = []
    last_end = -1
    for s, e, iso in found:
        if s < last_end:
            continue
        last_end = e
        before = text[max(start, s - 25) : s]
        after = text[e : min(end, e + 30)]
        # ("accepting US vehicle standards": right after a gerund, the mention is its object)
        subject = not _OBJECT_PREP.search(before) and not (
            _GERUND_BEFORE.search(before) and not _VERB_NEXT.match(after)
        )
        # "in response to the US raising tariffs": the mention is the gerund's subject.
        if (
            not subject
            and re.match(r"\s+\w+ing\b", after)
            and not re.match(r"\s+(?:goods|imports|exports)", after)
        ):
            subject = True
        # "U.S. goods", "China-based firms": a modifier, not the one acting.
        modifier = bool(_ADJ_FOLLOW.match(after)) and not after.lstrip().startswith(("'s", "’s"))
        # ("US chicken, wheat and corn"): a country right before a product names its origin
        if not modifier and re.match(r"[ -]", after):
            lead = _PRODUCT_SCAN.match(after.lstrip(" -"))
            modifier = lead is not None and lead.start() == 0
        # "US-India tariff cut", "the EU-China summit": a hyphenated pair modifies a noun.
        if text[e : e + 1] in ("-", "–") or text[s - 1 : s] in ("-", "–"):
            modifier = True
        if modifier:
            subject = False
        # "from Cambodia and Malaysia": a mention joined to an object is an object too.
        if subject and out and not out[-1].subject and _COORD_AND.fullmatch(text, out[-1].end, s):
            subject = False
        # ("including India, South Korea, Thailand and Indonesia": an item of a list that goes on
        # is an object too; "against the US, China imposed ..." starts a subject with its verb)
        if (
            subject
            and out
            and not out[-1].subject
            and re.fullmatch(r",\s+", text[out[-1].end : s])
            and re.match(r"\s*(?:,|and\b|or\b|[.;)]|$)", text[e : e + 5])
        ):
            subject = False
        # "(including goods from Guam and Macao)": a country inside an open parenthesis is an
        # aside, never the one acting.
        if subject and text.count("(", start, s) > text.count(")", start, s):
            subject = False
        # "in Geneva, Switzerland, the US ...": an apposition ends at a comma, a subject goes on.
        place = bool(_PLACE.search(text, max(start, s - 90), s)) and (
            bool(re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(start, s - 8) : s]))
            or bool(re.match(r"\s*(?:[,.;)]|$)", text[e : e + 2]))
        )
        out.append(Mention(iso, s, e, subject and not place, modifier, place))
    return out


def party_counts(text: str) -> Counter[str]:
    """How prominently the article names each country: a mention as one who acts counts two,
    any other one, a place where talks are held ("talks in Rome") nothing."""
    counts: Counter[str] = Counter()
    for mt in actor_mentions(text, 0, len(text)):
        if not mt.place:
            counts[mt.iso] += 2 if mt.subject else 1
    return counts


def _demonym_targets(text: str, start: int, end: int) -> list[str]:
    """Countries named by demonyms ("Chinese goods") in the span: candidate targets (not what
    the target buys: "over Russian oil")."""
    return [
        lx.DEMONYMS[m.group(0).lower()]
        for m in _DEMONYM_RE.finditer(text, start, end)
        if not _names_no_goods(text, start, m)
    ]


@dataclass
class Kind:
    """A kind decision for a clause: the kind, the trigger position and the rule name."""

    kind: str
    pos: int
    rule: str


_WEAK_VERB = re.compile(r"(?:announc|implement|appl|plac|introduc|approv|adopt|pass|enact)", _I)


_RATE_TARIFF = re.compile(
    r"\b(?:carr(?:y|ies|ied)|fac(?:e|es|ed)|attract\w*|charg\w+|lev(?:y|ied|ies)|impos\w+)\s+"
    r"(?:an?\s+)?(?:additional|extra|further)\s+\d+(?:\.\d+)?\s*(?:%|percent|per cent)"
    # ("Aircraft made in the United States will be charged 15%")
    r"|\b(?:will|would|shall)\s+be\s+charged\s+(?:an?\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent)",
    _I,
)
# ("its suspended countermeasures": after a possessive, too, a participle is an adjective)
_ADJ_PARTICIPLE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|these|those|substantially|already|previously)\s+$", _I
)
_PLAN_OF = re.compile(r"\b(?:of|by|in|under)\s+(?:a|an|the)\s+(?:new\s+|draft\s+)?$", _I)
_PLAN_NOUN = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:proposal|plan|decision|order|regulation|decree|package"
    r"|announcement)\b",
    _I,
)
_ANSWERS_NOUN = re.compile(
    r"\b(?:response|retaliation|reaction|reply|answer|protests?|over|against|after|following"
    r"|amid|despite|since|before)\s+(?:to\s+|for\s+|against\s+)?(?:the|a|an|its|their)\s+$",
    _I,
)
_NOUN_AS_MODIFIER = re.compile(
    r"\s+(?:talks|negotiations|war|wars|truce|dispute|disputes|standoff|tensions|fight|policy"
    r"|policies|uncertainty|revenue|revenues|income|exposure|battle|row|spat|fears|worries"
    r"|negotiators?|envoys?|chiefs?)\b",
    _I,
)
_REVIEWED = re.compile(
    r"\b(?:review\w*|reconsider\w*|examin\w*|assess\w*)\s+(?:of\s+)?(?:the|its|their|existing)\s+"
    r"(?:[\w-]+\s+){0,4}$",
    _I,
)
_PLAIN_LEVEL = re.compile(
    r"\b(?:same|low|lower|normal|standard|average|usual|ordinary|existing)\s+(?:[\w-]+\s+)?"
    r"(?:tariffs?|duties|duty|rates?)\s+$",
    _I,
)
_ACTION_OF = re.compile(r"\s+(?:of|in)\b", _I)
_TO_RATE = re.compile(r"[^.;,]{0,60}?\bto\s+\d+(?:\.\d+)?\s*(?:%|percent|per cent)", _I)
_RATE_OBJ = re.compile(r"\s+(?:\w+\s+){0,3}\d+(?:\.\d+)?\s*(?:%|per ?cent|percent)", _I)


_PUT_ELSEWHERE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,7}?(?:on\s+(?:a\s+)?par|on\s+an?\s+equal|at\s+an?\s+disadvantage"
    r"|on\s+hold|on\s+ice|in\s+a\s+(?:better|worse|stronger|weaker))\b",
    _I,
)
_QUOTA_OBJECT = re.compile(
    r"\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}(?:imports|quotas?|volumes?"
    r"|tonnage)\b",
    _I,
)


_OTHER_OBJECT = re.compile(
    r"\s+(?:off\s+)?(?:its\s+|their\s+|the\s+|most\s+|all\s+|some\s+)?(?:[\w-]+\s+)?(?:market\s+access|access"
    r"|purchases|investments?|spending|production|output|pressure|deliveries|services|flights"
    r"|talks|negotiations"
    # ("the truce reduced the risk of escalation": no duty is what falls)
    r"|risks?|uncertainty|likelihood|chances?|odds|threat|tensions|prices|costs|deficits?"
    r"|volumes|imports|exports|shipments|emissions|inflation|stockpiles|inventories"
    # ("laying off workers and cancelling shifts"): a business's own cuts
    r"|orders|contracts|shifts|jobs|workers|staff|plans|trips|visits|meetings|forecasts?"
    # ("raised concerns about US chip curbs": a complaint, no measure raised)
    r"|concerns?|objections?|questions|doubts|alarm|eyebrows|the\s+issue"
    r"|outlook|estimates?|guidance|stakes?|holdings?|rates\s+on\s+(?:loans|mortgages))\b",
    _I,
)
_QUOTA_BEFORE = re.compile(r"\bquotas?\s+$", _I)
_NOUN_AFTER_ARTICLE = re.compile(
    r"\b(?:the|its|their|his|her)\s+(?:combined|total|overall|new|extra|additional)\s+$", _I
)


_PERMIT_NOUN = re.compile(r"\b(?:a|an|the|its|their|export|import)\s+(?:[\w-]+\s+){0,2}$", _I)
_SCRAP_MATERIAL = re.compile(
    r"scrap\s+(?:alumin(?:i)?um|metals?|steel|iron|copper|paper|plastics?|brass)\b", _I
)
_ANOTHER_VERB = re.compile(
    r"\b(?:and|but|or)\s+(?:had|has|have|was|were)\s+(?:\w+ly\s+)?\w+ed\b", _I
)


_DUTY_FREE_ENDED = re.compile(
    r"\b(?:end|ended|ends|ending|scrap\w*|revok\w*|eliminat\w*|clos\w*|withdr[ae]w\w*"
    r"|suspend\w*|abolish\w*|terminat\w*)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:duty-free\s+(?:treatment|access|status|entry)|de\s+minimis\s+(?:exemption|exception"
    r"|treatment|rule|provision|threshold)s?)\b",
    _I,
)
_IMPORT_BAN = re.compile(
    r"\b(?:ban|bann|halt|suspend|stop|block|bar|barr|restrict|prohibit|embargo)(?:s|ed|ing)?\s+"
    r"(?:all\s+|most\s+|the\s+|its\s+|their\s+|further\s+|some\s+)?"
    # ("suspended beef imports from four Australian plants")
    r"(?:(?!exports?\b)[a-z-]+\s+){0,2}?(?:imports?\s+(?:of|from)"
    r"|importing)\b"
    r"|\bimport\s+(?:bans?|embargo(?:es)?|suspensions?)\s+on\b"
    r"|\b(?:barr|ban|prohibit)\w*\s+(?:\w+\s+){1,3}?from\s+importing\b"
    r"|\b(?:bans?|embargo(?:es)?)\s+on\s+(?:all\s+|the\s+)?imports?\s+(?:of|from)\b"
    # ("Imports of iron and steel products from Russia were banned by the EU")
    r"|\bimports?\s+(?:of\s+(?:[\w-]+\s+){1,6}?)?(?:from\s+(?:[\w-]+\s+){1,2}?)?" + BANNED_PASSIVE,
    _I,
)
_IMPORTS_RESUMED = re.compile(
    r"\b(?:resum|restart|reopen)\w*\s+(?:\w+\s+){0,2}?(?:imports?\s+(?:of|from)|importing)\b"
    r"|\b(?:lift|end|remov|scrap)\w*\s+(?:its\s+|the\s+|a\s+|their\s+)?(?:\w+\s+)?"
    r"(?:import\s+(?:ban|embargo)\b|(?:ban|embargo)\s+on\s+(?:all\s+|the\s+)?imports?\s+"
    r"(?:of|from)\b)",
    _I,
)
# A tax on the revenue of (mostly foreign) technology firms: no duty on goods, a measure of its
# own ("rescinded its digital services tax", "repeal the 3% levy on revenue earned by large
# technology firms").
_DIGITAL_TAX = re.compile(
    r"\bdigital[- ](?:services?[- ])?tax(?:es)?\b|\bDST\b|\bequali[sz]ation levy\b"
    r"|\b(?:levy|tax)\s+on\s+(?:the\s+)?revenues?\s+(?:earned\s+)?(?:by|of|from)\s+(?:large\s+|big\s+)?"
    r"(?:tech(?:nology)?|internet|digital|online)\b",
    _I,
)
# Shutting another side's firms out of public purchasing: a measure of its own, neither a tariff
# nor an export control ("will bar EU companies from government purchases of medical devices").
_PROCUREMENT_BAN = re.compile(
    r"\b(?:bar|ban|exclud|shut|block|restrict)\w*\s+(?:[\w.'’-]+\s+){0,6}?(?:from|out\s+of)\s+"
    r"(?:\w+\s+)?(?:government|public|state)\s+(?:purchases|purchasing|procurement|tenders"
    r"|contracts)\b",
    _I,
)
# Permits to bring goods in are the importing side's to give: opening its market, not an easing
# of the seller's export controls ("will issue import permits for US ethanol").
_IMPORT_PERMIT = re.compile(
    r"\b(?:issu|grant|approv|accept|expedit|eas|speed)\w*\s+(?:\w+\s+){0,2}?import\s+"
    r"(?:permits?|licen[cs]es?|approvals?)\b",
    _I,
)


_OTHER_MEASURES = (
    (_IMPORTS_RESUMED, "imports_resumed"),
    (_IMPORT_BAN, "import_ban"),
    (_PROCUREMENT_BAN, "procurement_ban"),
    (_IMPORT_PERMIT, "import_permit"),
)


def _noun_of_the_act(clause: str, m: re.Match[str], kind: str) -> bool:
    """A verb's noun after an article that names the act itself: an easing that names what it
    eases with "of" ("the lifting of the surtaxes"), or a rise with where it goes ("a doubling
    of the duty to 50%"), unless the clause answers that rise ("in response to the increase in
    the tariff from 25% to 50%"); "the increase in tariffs" alone is more often a rise the story
    refers to than its news."""
    if not _ACTION_OF.match(clause, m.end()):
        return False
    if kind != "tariff_increase":
        return True
    return bool(_TO_RATE.match(clause, m.end())) and not _ANSWERS_NOUN.search(
        clause, max(0, m.start() - 40), m.start()
    )


def _near_verbs(
    clause: str, verb_rx: re.Pattern[str], noun_rx: re.Pattern[str], kind: str, rule: str
) -> list[tuple[int, str, str]]:
    """Verb matches with the measure noun close by: after it (object) or just before (passive)."""
    out = []
    for m in verb_rx.finditer(clause):
        # "a substantially lowered tariff": a participle used as an adjective is no action.
        if (
            _ADJ_PARTICIPLE.search(clause, max(0, m.start() - 20), m.start())
            and not _noun_of_the_act(clause, m, kind)
        ) or (
            re.match(r"place\b", clause[m.start() : m.start() + 6], _I)
            and re.search(r"\bin\s+$", clause[max(0, m.start() - 4) : m.start()])
        ):
            continue
        # ("put it on par with", "put the tariffs on hold": no duty put on anyone)
        if (
            verb_rx is _UP
            and re.match(r"put", clause[m.start() : m.start() + 3], _I)
            and _PUT_ELSEWHERE.match(clause, m.end())
        ):
            continue
        # "cut tariff-free imports by 47%", "reduce the quota": a smaller quota is no tariff cut.
        if kind == "tariff_reduction" and _QUOTA_OBJECT.match(clause, m.end()):
            continue
        # ("guarantees the same low tariffs applied to other members": a description)
        if re.match(
            r"(?:applied|charged|levied)\b", clause[m.start() :], _I
        ) and _PLAIN_LEVEL.search(clause, max(0, m.start() - 40), m.start()):
            continue
        # ("scrap aluminium", "scrap metal": a material, no verb)
        if _SCRAP_MATERIAL.match(clause, m.start()):
            continue
        # ("face-to-face", "cut-price": part of a compound word, no verb)
        if clause[m.end() : m.end() + 1] == "-" or clause[max(0, m.start() - 1) : m.start()] == "-":
            continue
        # "increased market access", "the quota halving": the verb acts on another noun.
        if _OTHER_OBJECT.match(clause, m.end()) or _QUOTA_BEFORE.search(
            clause, max(0, m.start() - 12), m.start()
        ):
            continue
        # "the combined charge stood at 104%", "a cut of 10 points": after an article or a
        # possessive the word is a noun, no action (the nouns that name an action, "the
        # suspension of", "the increase in", are read by the kind's own patterns).
        if _NOUN_AFTER_ARTICLE.search(clause, max(0, m.start() - 30), m.start()):
            continue
        after = noun_rx.search(clause, m.end(), m.end() + 90)
        while after is not None and _NOUN_AS_MODIFIER.match(clause, after.end()):
            # ("tightening technology controls even as tariff talks continued": a tariff noun
            # that only names the talks is no object)
            after = noun_rx.search(clause, after.end(), m.end() + 90)
        if after and _ANOTHER_VERB.search(clause, m.end(), after.start()):
            # ("failed to cooperate on curbing fentanyl flows and had retaliated against US
            # duties": the noun is the object of a later verb, not of this one)
            after = None
        if (
            after
            or noun_rx.search(clause, max(0, m.start() - 60), m.start())
            # "levy an extra 10% on crude": a rate is the object of a tariff verb.
            or (noun_rx is _TARIFF and _RATE_OBJ.match(clause, m.end()))
        ):
            out.append((m.start(), kind, rule))
            # ("both sides face steep US tariffs: Washington raised ...": facing a duty is a
            # state; an act later in the clause is the news)
            if not _FACE.match(clause, m.start()):
                break
    # (the first act, else the first "face")
    acts = [v for v in out if not _FACE.match(clause, v[0])]
    return acts[:1] or out[:1]


# "Japan accepted a 15% tariff", "Vietnam will face a 20% levy": the subject is the side taxed.
_DELIST = re.compile(
    r"\b(?:suspend|lift|remov|revok|drop|delist|scrap|cancel)\w*\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:\w+\s+){0,2}?(?:unreliable entit(?:y|ies)|entity list(?:ing)?s?|export control list"
    r"|listings?)\b",
    _I,
)
_TRADE_BARRIERS = re.compile(
    r"\b(?:eliminat|remov|lift|reduc|cut|scrap|drop)\w*\s+(?:\w+\s+){0,2}?(?:(?:trade|tariff"
    r"|import)\s+)?barriers\s+(?:on|for|to)\s+(?:\S+\s+){0,8}?(?:goods|products|exports|imports"
    r"|categories|items|lines)\b",
    _I,
)
# ("will give preferential access to US medicines", "give US goods preferential access to its
# market"): lower duties for the other side's goods, when no tariff verb says more
_PREFERENTIAL_ACCESS = re.compile(
    r"\b(?:giv|grant|provid|offer|extend|allow)\w*\s+(?:[\w-]+\s+){0,4}?preferential\s+"
    r"(?:market\s+)?(?:access|treatment)\b",
    _I,
)
_FACE = re.compile(r"fac(?:e|es|ed|ing)\b", _I)
_TARIFF_ACCEPTED = re.compile(
    # ("agreed on Sunday to a 15% tariff", "Indonesia will pay a 19% tariff")
    r"\b(?:agree\w*\s+(?:(?:on|in|at|last)\s+\w+\s+)?to|accept\w*|fac(?:e|es|ed|ing)|secur\w*"
    r"|pay|pays|paid|paying|get|gets|got|won|win\w*|receiv\w*"
    r"|land\w*|negotiat\w*|settl\w*\s+(?:on|for)|be\s+subject(?:ed)?\s+to"
    r"|(?:was|were|is|are|be|been|being|got|get|gets)\s+(?:hit|slapped|targeted|struck)\s+with)\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?:new|lower|reduced|higher|blanket|flat|baseline|reciprocal"
    r"|tariff|duty)\s+){0,2}(?:(?:tariff|duty|levy)\s+(?:rate\s+)?of\s+)?"
    r"\d+(?:\.\d+)?\s*(?:%|percent|per cent)",
    _I,
)
# "Trump sends letters: 25% tariffs on Japan and Korea, 40% on Laos": a list after a colon.
_RATE_LIST = re.compile(
    r":\s*(?:an?\s+)?(\d+(?:\.\d+)?\s*(?:%|per ?cent|percent)\s+(?:[\w-]+\s+)?(?:tariffs?|duty"
    r"|duties|levy|levies|surtax)\s+(?:on|for)\b)",
    _I,
)
# "will face higher rates from April 9: 34% for China, 20% for the European Union, ...".
_RATE_FOR_LIST = re.compile(
    r"\b(?:rates?|tariffs?|duties|levies)\b[^:;]{0,60}:\s*(\d+(?:\.\d+)?\s*(?:%|per ?cent|percent))"
    r"\s+(?:on|for)\s+(?:the\s+)?[A-Z]"
)
_RATE_NOUN = re.compile(
    r"\W*(?:and\s+)?(?:an?\s+)(?:\w+\s+)?(\d+(?:\.\d+)?\s*(?:%|per ?cent|percent)\s+"
    r"(?:\w+\s+)?(?:tariffs?|duty|duties|levy|surtax|surcharge))\s+on\b",
    _I,
)
_EXTEND_PAUSE = re.compile(
    r"\bextend\w*\s+(?:by\s+(?:\w+\s+){1,3}?)?(?:the|their|its|a)\s+(?:[\w-]+\s+){0,2}"
    r"(?:truce|pause|suspension|reprieve"
    r"|exemptions?)\b"
    # ("extended the deadline for the reciprocal tariffs to August 1": their start put off)
    r"|\b(?:extend\w*|push\w*\s+back|delay\w*)\s+(?:the|a|its|their)\s+(?:[\w-]+\s+)?deadlines?\s+"
    r"(?:for|on)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:tariffs?|duties|levies)\b",
    _I,
)
_ZERO_TARIFF = re.compile(
    r"\b(?:impos\w*|charg\w*|levy\w*|apply\w*|have|offer\w*|grant\w*|fac(?:e|es|ed|ing)|pay"
    # ("willing to charge us no tariff": an object pronoun between)
    r"|pays|paying|attract\w*)\s+(?:(?:us|them|it|you)\s+)?(?:no|zero)\s+"
    r"(?:\w+\s+)?(?:tariffs?|duties|duty|levies)\b|\bzero[- ]tariffs?\b"
    r"|\b(?:zero[- ](?:percent|per cent)|0\s?%)\s+(?:[\w-]+\s+)?(?:tariffs?|duty|duties|rates?)\b"
    # ("setting a zero rate for some products")
    r"|\b(?:set\w*|appl\w*|grant\w*|offer\w*)\s+(?:a\s+)?zero\s+(?:tariff\s+)?(?:rate|duty)\b"
    # "Jakarta will not impose tariffs on US goods under the deal": a deal's promise of no duty
    # (without a deal named, a denial of retaliation, which is no statement).
    r"|\bnot\s+(?:impos\w*|charg\w*|levy\w*|apply\w*)\s+(?:any\s+)?(?:tariffs?|duties|levies)\b"
    r"(?=[^;]{0,100}?\bunder\s+(?:the|this|a|its|their|that)\s+(?:[\w-]+\s+){0,3}"
    r"(?:deal|agreement|framework|pact|accord)\b)"
    # ("tariff-free imports" and "duty-free quotas" measure a quota, not a promise of zero duty)
    r"|\btariff[- ]free\b(?!\s+(?:[\w-]+\s+){0,2}(?:imports|quotas?|volumes?))"
    # ("in exchange for a zero US tariff on British medicines")
    r"|\bzero\s+(?:[A-Z][\w.]*\s+)?(?:tariffs?|duty|duties)\b"
    # ... unless granted: "will allow duty-free imports of US almonds" opens the market.
    r"|\b(?:allow|grant|give|offer|permit|provid)\w*\s+(?:[\w-]+\s+){0,2}?(?:duty|tariff)[- ]free"
    r"\s+(?:access|imports?|entry|treatment|quotas?)\b",
    _I,
)
_LOWER = re.compile(
    # ("a 70% levy, up from 50%" is a rise)
    r"\b(?:lower\w*|reduc\w*|cut|down from|(?<!up )from \d+(?:\.\d+)?\s*(?:%|percent|per cent))",
    _I,
)
_SUSPEND_CONCESSIONS = re.compile(
    r"\bsuspen\w*\s+(?:of\s+)?(?:\w+\s+){0,3}(?:trade\s+)?concessions\b", _I
)
# Trade-remedy duties are tariffs (with the instrument named), not investigations.
_REMEDY_DUTY = re.compile(
    r"\b(?:anti-?dumping|countervailing|anti-?subsidy|safeguard|punitive)\s+(?:duties|duty"
    r"|tariffs?|levies|deposits?)\b"
    # ("punitive measures" may be anything; "anti-dumping measures" are duties)
    r"|\b(?:anti-?dumping|countervailing|anti-?subsidy)\s+measures\b",
    _I,
)
_INVESTMENT_PLEDGE = re.compile(
    r"\b(?:invest(?:s|ed|ing)?|investments?)\b(?=[^.;]{0,80}?(?:\$|€|£|\bUSD\b|\bbillion\b"
    r"|\btrillion\b))"
    r"|(?:\$|€|£|\bUSD\s*)\s*\d[\d.,]*\s*(?:bn|billion|trillion)?\s+(?:\w+\s+){0,3}?"
    r"(?:invest(?:ments?|ed|ing)?)\b",
    _I,
)
_MARKET_ACCESS = re.compile(
    r"\bmarket access\b|\bopen(?:s|ed|ing)?\s+(?:up\s+)?(?:its|their|the)\s+(?:\w+\s+){0,2}"
    r"markets?\b|\bnon-?tariff barriers\b",
    _I,
)
_PLEDGE_CUE = re.compile(
    r"\b(?:will|would|shall|'ll|agreed to|agrees to|pledged?|pledges|committed|commits?|promised?"
    r"|vowed?|undert(?:ake|akes|ook)|expected to)\b",
    _I,
)


# "a 19% tariff under the new trade deal", "a deal with an 18% tariff": a rate a deal sets is the
# lower rate that replaces the one threatened or in force, not a new increase.
_DEAL_SETS_RATE = re.compile(
    # ("agreed to a 15% tariff in a deal struck in Scotland", "as part of the accord")
    r"\b(?:under|in|as\s+part\s+of)\s+(?:the|a|an|its|this|that|their)\s+(?:[\w-]+\s+){0,3}"
    r"(?:deal|agreement|framework|pact|arrangement)\b"
    r"|\b(?:deal|agreement|framework|pact)\s+(?:with|at|setting|that sets|which sets)\s+"
    r"(?:an?\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+(?:\w+\s+)?(?:tariffs?|duty|levy)\b"
    # "... a deal, under which most exports will face 15%": the clause a deal opens.
    r"|^\W*under which\b",
    _I,
)
_RAISE_VERB = re.compile(r"\b(?:rais|hik|increas|doubl|tripl|escalat)\w*", _I)


_CONTROL_ISSUED = re.compile(
    r"\b(?:publish\w*|unveil\w*|issu(?:e|es|ed|ing)|announc\w*|introduc\w*|adopt\w*"
    r"|roll\w* out)\s+(?:\w+\s+){0,3}?(?:new\s+|sweeping\s+|tighter\s+|stricter\s+)?"
    r"(?:export\s+(?:controls?|curbs?|restrictions?|bans?)|controls?\s+on\s+exports)\b",
    _I,
)
_RATE_RISES = re.compile(
    r"\b(?:tariffs?|duties|duty|levies|levy|rates?)\s+(?:on\s+(?:[\w$.,-]+\s+){1,12}?)?"
    r"(?:will\s+|would\s+|to\s+|is\s+set\s+to\s+|are\s+set\s+to\s+)?"
    r"(?:rise|rises|rose|risen|climb\w*|jump\w*|go up|went up|goes up|increase|increases)\s+to\s+"
    r"(?:about\s+|around\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent)",
    _I,
)
_RATE_FALLS = re.compile(
    r"\b(?:tariffs?|duties|duty|levies|levy|rates?)\s+(?:on\s+(?:[\w$.,-]+\s+){1,12}?)?"
    r"(?:[^.;]{0,40}?,\s+)?(?:will\s+|would\s+|to\s+|is\s+set\s+to\s+|are\s+set\s+to\s+)?"
    r"(?:fall|falls|fell|drop|drops|dropped|decline|declines|come down|comes down|go down"
    r"|goes down)\s+to\s+(?:about\s+|around\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent)",
    _I,
)
_RATE_SUBJECT_APPLIES = re.compile(
    # (a rate the clause introduces, "a 25% duty", not one it refers to: "the 25% tariffs on
    # Peru that took effect on Tuesday")
    r"\ban?\s+\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+(?:[\w-]+\s+)?(?:tariff|duty|levy"
    r"|surcharge|surtax)\s+on\b(?:(?!\b(?:that|which)\b)[^.;]){0,160}?\b(?:applies|will\s+apply"
    r"|takes\s+effect|will\s+take\s+effect|comes\s+into\s+force|kicks\s+in)\b",
    _I,
)
_WHITE_LIST_REMOVAL = re.compile(
    r"\b(?:remov\w*|strik\w*|struck|delet\w*|drop\w*|exclu\w*)\s+(?:of\s+)?(?:[\w-]+\s+){0,3}"
    # ("dropped Seoul from its own 'white list'": quoted too)
    r"from\s+(?:its|the|their|a)\s+(?:[\w-]+\s+){0,2}['\"‘’“”]?(?:white ?list"
    r"|list of (?:trusted|preferred)"
    r"|trusted (?:trading )?partners?)",
    _I,
)
# "will end India's designation under the Generalized System of Preferences", "withdrew
# Cambodia's trade preferences": the duty-free access ends, so duties rise on that country.
_PREFERENCES_ENDED = re.compile(
    r"\b(?:end|ends|ended|ending|terminat\w*|revok\w*|withdr[ae]w\w*|remov\w*|strip\w*"
    r"|suspend\w*|scrap\w*)\s+(?:[\w'’-]+\s+){0,10}?(?:GSP\b|generali[sz]ed system of "
    r"preferences|(?:trade\s+)?preferences\b|preferential\s+(?:trade\s+)?(?:status|treatment"
    r"|access)|everything but arms)"
    r"|\b(?:GSP|preferential (?:trade )?(?:status|treatment))\b[^.;]{0,80}?\bwill be\s+"
    r"(?:terminated|ended|revoked|withdrawn|removed|suspended)",
    _I,
)
# "added 23 types of chipmaking equipment to its export control list": items now controlled.
_ITEMS_LISTED = re.compile(
    r"\badd\w*\s+(?:[\w-]+\s+){0,8}?to\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:export[- ]control|control)\s+list\b"
    # ("the addition of Huawei and 68 affiliates to a US trade blacklist")
    r"|\baddition\s+of\s+(?:[\w.,'’-]+\s+){1,12}?to\s+(?:a|an|its|the|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:entity\s+list|blacklist|(?:export[- ])?control\s+list"
    r"|unreliable\s+entit(?:y|ies)\s+list)\b",
    _I,
)
# "would let the suspension of its countermeasures lapse on April 1": the measures come back.
_SUSPENSION_LAPSES = re.compile(
    r"\b(?:let|lets|letting|allow\w*)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:suspension|pause|truce"
    r"|reprieve|exemptions?)\b[^.;]{0,80}?\b(?:lapse|expire|end|run out)\b",
    _I,
)
# "The US will investigate France's new digital tax": a probe told by its verb.
_PROBE_VERB = re.compile(
    r"\b(?:investigat(?:e|es|ed|ing)|prob(?:e|es|ed|ing))\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?['’]s\s+|"
    r"(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:tariffs?|duties|taxes|tax|subsidies|practices|policies"
    r"|dumping)\b)"
)
_CONTROL_EXTENDED = re.compile(
    r"\b(?:extend\w*|expand\w*|widen\w*|broaden\w*)\s+(?:its\s+|their\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:restrictions|controls|curbs|rules?|ban|blacklists?|entity\s+lists?"
    r"|lists)\s+to\b",
    _I,
)
_COUNTERMEASURE_GOODS = re.compile(
    r"\b(?:counter-?measures|retaliatory measures|rebalancing measures)\s+on\s+(?:up to\s+)?"
    r"(?:[\w$€£.,-]+\s+){0,6}?(?:goods|imports|products|exports)\b",
    _I,
)
_QUOTA_AT_RATE = re.compile(
    # ("open duty-free quotas for American beef": goods let in at no duty)
    r"\bopen\w*\s+(?:[\w-]+\s+){0,3}?(?:(?:duty|tariff)[- ]free\s+(?:import\s+)?quotas?"
    r"|tariff-rate\s+quotas?)\b|"
    r"\b(?:allow\w*|admit\w*|let|lets|letting)\s+(?:[\w,.-]+\s+){0,14}?(?:at\s+(?:an?|the)\s+"
    # ("at the most-favoured-nation tariff of 6.1%")
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:(?:reduced\s+|lower\s+|preferential\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+"
    r"(?:tariff|duty|rate|levy)\b"
    # ("... into its market at a tariff of 6.1%")
    r"|(?:reduced\s+|lower\s+|preferential\s+)?(?:tariff|duty|rate|levy)\s+of\s+"
    r"\d+(?:\.\d+)?\s*(?:%|percent|per cent))"
    # ("will allow a quota of steel to enter duty-free": a quota at no duty)
    r"|(?:duty|tariff)[- ]free\b(?!\s+(?:[\w-]+\s+){0,2}(?:imports|quotas?|volumes?)))",
    _I,
)
_WITH_TARIFFS = re.compile(
    r"\b(?:hit|hits|struck|strikes|fired|fires|fight|fights|fought|respond\w*|retaliat\w*"
    r"|countered|counters|answered|answers)\s+(?:back\s+)?(?:\w+\s+){0,5}?with\s+"
    r"(?:its\s+own\s+|their\s+own\s+|matching\s+|retaliatory\s+|reciprocal\s+|counter-?)?"
    r"(?:[\w%.-]+\s+){0,2}(?:tariffs|duties|levies|surtaxes)\s+(?:of\s+\d|on)\b",
    _I,
)


# Phrases that name a measure by themselves, tried in order: (pattern, a second pattern the
# clause must also hold or None, kind, rule).
_PHRASE_RULES: list[tuple[re.Pattern[str], re.Pattern[str] | None, str, str]] = [
    # "tariffs on Chinese goods would rise to 125%": the importer's, read from the goods.
    (_RATE_RISES, None, "tariff_increase", "rate_rise_noverb"),
    # "Import duties on British cars, currently above 100%, will fall to 10%": likewise.
    (_RATE_FALLS, None, "tariff_reduction", "rate_down_noverb"),
    # "a 25% duty on 545 American products, including soybeans, applies immediately": a rate
    # named as the subject, set by the side whose market the goods enter.
    (_RATE_SUBJECT_APPLIES, None, "tariff_increase", "rate_only_tariff"),
    # "removed South Korea from its white list": exports to it now need licences.
    (_WHITE_LIST_REMOVAL, None, "export_control", "white_list_removal"),
    # "let the suspension of its countermeasures lapse": the suspended duties return.
    (_SUSPENSION_LAPSES, None, "tariff_increase", "suspension_lapses"),
    # "will end India's GSP designation": its goods lose duty-free access.
    (_PREFERENCES_ENDED, None, "tariff_increase", "preferences_ended"),
    # "added 23 types of chip tools to its export control list"
    (_ITEMS_LISTED, None, "export_control", "items_listed"),
    # "will investigate France's digital tax"
    (_PROBE_VERB, None, "investigation", "probe_verb"),
    # "extended its entity list restrictions to subsidiaries": a wider control.
    (_CONTROL_EXTENDED, None, "export_control", "control_extended"),
    # "impose countermeasures on 26 billion euros of US goods": duties on goods.
    (_COUNTERMEASURE_GOODS, _UP, "tariff_increase", "countermeasure_goods"),
    # "will allow 49,000 Chinese cars in at a 6.1% tariff": a quota at a lower duty.
    (_QUOTA_AT_RATE, None, "tariff_reduction", "quota_at_rate"),
    # "Beijing hit back with matching duties on US goods": the response names its tariffs.
    (_WITH_TARIFFS, None, "tariff_increase", "response_with_tariffs"),
]


def classify(clause: str) -> Kind | None:
    """The statement kind a clause expresses, or None (see `_classify`), where a tariff that a
    deal sets is a reduction."""
    k = _classify(clause)
    if (
        k is not None
        and k.kind == "tariff_increase"
        and k.rule != "suspend_concessions"
        and _DEAL_SETS_RATE.search(clause)
        and not _RAISE_VERB.search(clause)
        and find_rates(clause)[1] is not None
    ):
        # (an accepted rate keeps its rule: the side that accepts it is the side taxed)
        return Kind(
            "tariff_reduction", k.pos, k.rule if k.rule == "tariff_accepted" else "deal_sets_rate"
        )
    return k


def _classify(clause: str) -> Kind | None:
    """The statement kind a clause expresses, or None. Order: most specific patterns first."""
    # WTO usage: suspending concessions is raising duties on the other member's goods.
    m = _SUSPEND_CONCESSIONS.search(clause)
    if m:
        return Kind("tariff_increase", m.start(), "suspend_concessions")
    m = _REMEDY_DUTY.search(clause)
    if m is not None and _REVIEWED.search(clause, max(0, m.start() - 60), m.start()):
        # ("which has been reviewing the anti-dumping duties of up to 218%"): duties under
        # review are in force already, no new measure
        m = None
    # ("a pause on its safeguard duties", "lifted anti-dumping duties": read as any tariff;
    # "... without punitive duties after Beijing said it would scrap the anti-dumping tariffs":
    # any of the clause's remedy duties eased)
    eased = m is not None and any(
        _SUSPEND.search(clause, 0, r.start()) or _DOWN.search(clause, 0, r.start())
        for r in _REMEDY_DUTY.finditer(clause)
    )
    if (
        m
        and not eased
        and (_UP.search(clause) or _RATE_OBJ.match(clause, m.end()) or find_rates(clause)[1])
    ):
        return Kind("tariff_increase", m.start(), "remedy_duty")
    m = _INVEST.search(clause)
    if m and m.group(0).strip() and _INVEST_VERB.search(clause):
        return Kind(INVESTIGATION, m.start(), "probe")
    if _VISA.search(clause):
        v = _VISA_VERB.search(clause)
        if v:
            return Kind("visa_policy", v.start(), "visa")
    m = _PORT_FEE.search(clause)
    if m:
        return Kind(PORT_FEE, m.start(), "port_fees")
    # Bans on another country's goods coming in, and their end: measures of their own, neither
    # tariffs nor export controls ("suspended imports of Japanese seafood", "resumed imports").
    # (so are public-tender bans and import permits, and a tax on tech firms' revenue)
    if _DIGITAL_TAX.search(clause):
        verb = _UP.search(clause) or _DOWN.search(clause) or _RELAX.search(clause)
        if verb is not None:
            return Kind(OTHER, verb.start(), "digital_tax")
    for rx, rule in _OTHER_MEASURES:
        m = rx.search(clause)
        if m:
            return Kind(OTHER, m.start(), rule)
    nt = _NON_TARIFF.search(clause)
    if nt:
        r = _RELAX.search(clause)
        if r:
            return Kind("other", r.start(), "non_tariff_easing")
    m = _DELIST.search(clause)
    if m:
        # "suspended the unreliable entity listing of 17 US firms": a listing eased.
        return Kind("export_control_relaxation", m.start(), "delist")
    m = _DUTY_FREE_ENDED.search(clause)
    if m:
        # "ended duty-free treatment for low-value parcels": goods that paid nothing now pay.
        return Kind("tariff_increase", m.start(), "duty_free_ended")
    m = _TRADE_BARRIERS.search(clause)
    if m:
        # "will eliminate trade barriers on 221 categories of US goods": duties on goods.
        return Kind("tariff_reduction", m.start(), "trade_barriers_goods")
    t = _TARIFF.search(clause)
    c = _CONTROL.search(clause)
    # Licence approvals and resumed supply (an easing of an export restriction).
    lv = _LICENSE_VERB.search(clause)
    # ... but a licence *requirement* or a denial is a restriction.
    if (
        lv
        and _LICENSE_NOUN.search(clause)
        and not _LICENSE_SUSPEND.search(clause)
        and not _LICENSE_REQUIRED.search(clause)
    ):
        return Kind("license_approval", lv.start(), "license_verb")
    s = _SUPPLY.search(clause)
    if s and not t:
        return Kind("license_approval", s.start(), "resume_supply")
    m = _RATE_NOUN.match(clause) or _RATE_LIST.search(clause) or _RATE_FOR_LIST.search(clause)
    if m:
        # "..., and a 25% tariff on Chinese steel": another measure of the same announcement.
        return Kind("tariff_increase", m.start(1), "rate_noun_list")
    m = _EXTEND_PAUSE.search(clause)
    if m:
        # "extended their tariff truce by 90 days": the pause goes on.
        return Kind("tariff_suspension", m.start(), "extend_pause")
    m = _ZERO_TARIFF.search(clause)
    if m:
        # "Vietnam will impose no tariffs on US goods": a promise of zero duty.
        return Kind("tariff_reduction", m.start(), "zero_tariff")
    m = _TARIFF_ACCEPTED.search(clause)
    if m:
        before, after = find_rates(clause)
        lower = (
            _LOWER.search(clause)
            or (before is not None and after is not None and after < before)
            or after == 0
        )
        return Kind(
            "tariff_reduction" if lower else "tariff_increase", m.start(), "tariff_accepted"
        )
    for rx, needs, kind, rule in _PHRASE_RULES:
        m = rx.search(clause)
        if m and (needs is None or needs.search(clause)):
            if rule == "control_extended" and (
                _SUSPEND.search(clause, 0, m.start()) or _RELAX.search(clause, 0, m.start())
            ):
                # ("will suspend the rule that extends export restrictions to affiliates": the
                # widening is what is eased)
                return Kind("export_control_relaxation", m.start(), "control_relax_near")
            return Kind(kind, m.start(), rule)
    # "US chicken will carry an additional 15 percent": goods as subject, duty named by its rate.
    r = _RATE_TARIFF.search(clause)
    if r:
        return Kind("tariff_increase", r.start(), "rate_only_tariff")
    if t:
        before, after = find_rates(clause)
        # The first change verb in the clause is usually the main one ("ordered tariffs that were
        # later delayed" is an increase; "cut the tariffs it imposed" a reduction).
        verbs = _near_verbs(clause, _SUSPEND, _TARIFF, "tariff_suspension", "tariff_suspend")
        verbs += _near_verbs(clause, _DOWN, _TARIFF, "tariff_reduction", "tariff_down_verb")
        verbs += _near_verbs(clause, _UP, _TARIFF, "tariff_increase", "tariff_up_verb")
        # Reporting verbs ("announced", "implemented") only decide when no change verb is there.
        strong = [v for v in verbs if not _WEAK_VERB.match(clause, v[0])]
        verbs = strong or verbs
        if before is not None and after is not None and after < before and not verbs:
            # "the levy on Chinese goods would fall to 10% from 20%": whose levy is read from
            # the goods it falls on (see extract_article).
            return Kind("tariff_reduction", t.start(), "rate_down_noverb")
        if before is not None and after is not None and after < before and verbs:
            d = [v for v in verbs if v[1] != "tariff_increase"]
            # ("the 15% tariffs imposed in September would be halved to 7.5%"): the lowering
            # verb is the act; the one naming the old level only recalls it
            return Kind(d[0][1] if d else "tariff_reduction", min(d or verbs)[0], "rate_down")
        if verbs:
            pos, kind, rule = min(verbs)
            if kind == "tariff_increase" and after is None and _FACE.match(clause, pos):
                # "Chile will face US tariffs": the subject is the side taxed, not the taxer.
                return Kind(kind, pos, "tariff_faced")
            # "lift tariffs to 84%" raises them; "lift tariffs" removes them.
            if (
                kind == "tariff_reduction"
                and re.match(r"lift", clause[pos:], _I)
                and after is not None
                and (before is None or after > before)
                # ("lift the 80.5% duties on barley" removes them: a rise names where it goes)
                and re.search(r"\bto\s+(?:\w+\s+){0,3}?\d", clause[pos:])
            ):
                kind, rule = "tariff_increase", "rate_up"
            return Kind(kind, pos, rule)
        te = _TOOK_EFFECT.search(clause)
        if te:
            return Kind("tariff_increase", te.start(), "tariff_took_effect")
    # "will let Nvidia sell its chips to China": an export allowed again (a denied permit is not
    # one: "could not allow the ethane to be unloaded").
    m = _EXPORT_PERMIT.search(clause)
    if (
        m
        and not t
        and not _NEG.search(clause, max(0, m.start() - 25), m.start())
        and not _DENIAL.search(clause, max(0, m.start() - 60), m.start())
        # ("suspended the licences that let GE ship engines": the licences are what is news)
        and not _LICENSE_SUSPEND.search(clause)
        and not _HALT.search(clause, 0, m.start())
        and not re.search(r"\bonly\b", clause[m.end() :], _I)
    ):
        return Kind("export_control_relaxation", m.start(), "export_permitted")
    # "suspended its export ban": easing a restriction, although the clause names a ban.
    cg = _COUNTERMEASURE_GOODS.search(clause)
    sv = _SUSPEND.search(clause, 0, cg.start()) if cg else None
    if sv is not None:
        # ("will suspend for 90 days the countermeasures on 21 billion euros of US goods"):
        # duties on goods, paused.
        return Kind("tariff_suspension", sv.start(), "tariff_suspend")
    nouns = [(x.start(), x.end()) for x in _CONTROL.finditer(clause)]
    for m in _RELAX.finditer(clause):
        # ("require export permits": a word of the control's own name is no easing verb)
        if any(a <= m.start() < b for a, b in nouns):
            continue
        n = _CONTROL.search(clause, m.end(), m.end() + 60)
        if n and not n.group(0).lower().startswith("licen") and not _LICENSE_SUSPEND.search(clause):
            return Kind("export_control_relaxation", m.start(), "control_relax_near")
    h = _HALT.search(clause) or _LICENSE_SUSPEND.search(clause)
    if h:
        return Kind("export_control", h.start(), "halt_exports")
    if c:
        r = next(
            (
                x
                for x in _RELAX.finditer(clause)
                if not any(a <= x.start() < b for a, b in nouns)
                # ("without a hard-to-obtain permit": the noun, no verb)
                and not (
                    x.group(0).lower().startswith("permit")
                    and _PERMIT_NOUN.search(clause, max(0, x.start() - 40), x.start())
                )
            ),
            None,
        )
        if r and not _LICENSE_SUSPEND.search(clause):
            return Kind("export_control_relaxation", r.start(), "control_relax")
        nouns = [(m.start(), m.end()) for m in _CONTROL.finditer(clause)]
        for up in _UP.finditer(clause):
            if _OTHER_OBJECT.match(clause, up.end()):
                continue
            if not any(a <= up.start() < b for a, b in nouns):
                return Kind("export_control", up.start(), "control_up_verb")
        # "published sweeping export controls", "unveiled new curbs": a control made public.
        w = _CONTROL_ISSUED.search(clause)
        if w:
            return Kind("export_control", w.start(), "control_issued")
    m = _PREFERENTIAL_ACCESS.search(clause)
    if m:
        return Kind("tariff_reduction", m.start(), "preferential_access")
    for rx, rule in ((_INVESTMENT_PLEDGE, "investment_pledge"), (_MARKET_ACCESS, "market_access")):
        m = rx.search(clause)
        # ("... will buy US energy and invest $600 billion": a verb that opens its clause shares
        # the modal of the one before it.)
        if m and (
            _PLEDGE_CUE.search(clause, max(0, m.start() - 60), m.start())
            or re.match(r"\W*(?:to\s+)?$", clause[: m.start()])
        ):
            return Kind("other", m.start(), rule)
    # "agreed to stop buying Russian oil": no purchase pledged (a later "and buy US gas" is).
    p = next(
        (
            m
            for m in _PURCHASE.finditer(clause)
            if not _STOP_BEFORE.search(clause, max(0, m.start() - 20), m.start())
        ),
        None,
    )
    if p and (
        re.search(
            r"\b(?:will|would|shall|'ll|agreed to|agrees to|pledged? to|pledges to|committed to"
            r"|commits to|promised? to|vowed? to|to|anticipat\w*|envisag\w*|foresees?|expects?)\s+"
            # (not purchases reviewed or stopped: "would review procurement contracts")
            r"(?!(?:review|reconsider|re-examine|examine|cancel|scrap|halt|stop|suspend|cut|reduce"
            r"|end|curb|limit|restrict|ban|freeze|audit|scrutini[sz]e)\w*\s)"
            r"(?:\w+\s+){0,3}$",
            clause[max(0, p.start() - 40) : p.start()],
            _I,
        )
        or re.match(r"\W*(?:to\s+)?(?:make\s+(?:[\w-]+\s+){0,2})?$", clause[: p.start()])
    ):
        # ("... will invest $350 billion and buy US energy": a verb that opens its clause shares
        # the modal of the one before it.)
        return Kind("purchase_commitment", p.start(), "purchase")
    return None


def _products(clause: str) -> tuple[list[str], list[str], str]:
    """Products named in the clause, their HS codes, and the product family for entry keys."""
    names: list[str] = []
    codes: list[str] = []
    fams: list[str] = []
    hits = sorted({int(m.lastgroup[1:]) for m in _PRODUCT_SCAN.finditer(clause) if m.lastgroup})
    for i in hits:
        _, name, hs, fam = _PRODUCTS[i]
        if True:
            if name not in names:
                names.append(name)
            for h in hs:
                if h not in codes:
                    codes.append(h)
            fams.append(fam)
    # Reference HS codes written in the text itself.
    for m in re.finditer(r"\bHS(?: codes?)?:?\s*((?:\d{4,10}[,;\s]*(?:and\s+)?)+)", clause, _I):
        for code in re.findall(r"\d{4,10}", m.group(1)):
            if code not in codes:
                codes.append(code)
    return names, codes, (fams[0] if fams else "")


def _instrument(clause: str) -> str:
    """The legal instrument named in the clause, if any."""
    for rx, fmt in _INSTRUMENTS:
        m = rx.search(clause)
        if m:
            return fmt.format(*m.groups()) if m.groups() else fmt
    return ""


_PLEDGE_OWNER = re.compile(
    r"['’]s\s+(?:\w+\s+){0,2}(?:pledge|commitment|promise|offer|undertaking|plan|decision)s?"
    r"\s+to\b",
    _I,
)


# Measure nouns the tariff, control and port-fee lexicons leave out ("US sanctions").
_OTHER_MEASURE_NOUN = re.compile(r"(?:bans?|sanctions|countermeasures)\b", _I)
# ("US port charges", "US steel tariffs": the country, then at most two words of the noun)
_PREMODIFIER_GAP = re.compile(
    r"(?:-(?:imposed|led)\s+|\s+)(?:(?!(?:will|would|shall|to|also|has|have|had|is|are|was|were)\s)"
    r"[a-z-]+\s+){0,2}"
)
_SUBJECT_MEASURE = re.compile(
    r"\W*(?:(?i:the|its|their|new)\s+)?(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:[\w-]+\s+){0,2}?"
    + lx.TARIFF_NOUN
)
_BODY_PLEDGE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:authorities|officials|government|administration|regulators"
    r"|lawmakers|leaders)['’]s?\s+"
    r"(?:\w+\s+){0,2}(?:pledge|commitment|promise|offer|undertaking|plan|decision|move)s?\s+to\b",
    _I,
)


def _resolve_actor(
    ctx: ArticleContext,
    text: str,
    cs: int,
    ce: int,
    pos: int,
    sent_subject: str | None,
    mentions: list[Mention],
) -> tuple[str | None, str]:
    """Who acts in the clause: passive agent, nearest subject before the trigger, quoted speaker,
    or the actor carried over from the sentence or the previous one."""
    # "India's pledge to buy more US energy": the pledge's owner acts, whoever reports it.
    for mt in mentions:
        if mt.end <= pos and _PLEDGE_OWNER.match(text, mt.end, pos):
            return mt.iso, "actor_pledge_owner"
    # "in response to US port charges", "Chinese export controls": a country named on the
    # measure's own noun owns it, whoever the sentence is about.
    # ("the removal of Canadian counter-tariffs": the noun of the act names the measure after
    # "of", and a country on that noun owns it)
    acted = _ACT_OF_NOUN.match(text, pos)
    noun_at = pos
    if acted is not None:
        # ("the addition of Huawei and its affiliates to a US trade blacklist": the list named
        # after the firms)
        reach = min(ce, acted.end() + 110)
        named = _TARIFF.search(text, acted.end(), reach) or _CONTROL.search(
            text, acted.end(), reach
        )
        if named is not None:
            noun_at = named.start()
    if any(rx.match(text, noun_at) for rx in (_TARIFF, _CONTROL, _PORT_FEE, _OTHER_MEASURE_NOUN)):
        for mt in mentions:
            # (a subject right before "bans", "levies", "curbs" is the verb's: read below)
            if (
                mt.end <= noun_at
                and not mt.subject
                and _PREMODIFIER_GAP.fullmatch(text, mt.end, noun_at)
            ):
                return mt.iso, "actor_premodifier"
        for m in _DEMONYM_RE.finditer(text, max(cs, noun_at - 40), noun_at):
            if _PREMODIFIER_GAP.fullmatch(text, m.end(), noun_at):
                return lx.DEMONYMS[m.group(0).lower()], "actor_premodifier"
    # ("The Canadian surtaxes on US steel came into force": the clause's subject is the
    # measure, and the country on it owns it)
    lead = _SUBJECT_MEASURE.match(text, cs, pos)
    if lead is not None:
        for mt in mentions:
            if mt.start == lead.start("who"):
                return mt.iso, "actor_premodifier"
        word = lead.group("who").lower()
        if word in lx.DEMONYMS:
            return lx.DEMONYMS[word], "actor_premodifier"
    # "following American authorities' decision to impose": so does a demonym's body.
    for m in _DEMONYM_RE.finditer(text, cs, pos):
        if _BODY_PLEDGE.match(text, m.end(), pos):
            return lx.DEMONYMS[m.group(0).lower()], "actor_pledge_owner"
    # "tariffs imposed by Washington": the agent names the actor.
    for mt in mentions:
        if mt.start > pos and _PASSIVE_BY.search(text, max(cs, mt.start - 60), mt.start):
            return mt.iso, "actor_passive_by"
    # "An order signed by Trump cuts ...": the agent of the subject noun phrase acts.
    for mt in mentions:
        if mt.end <= pos and _AGENT_BEFORE.search(text, max(cs, mt.start - 40), mt.start):
            return mt.iso, "actor_agent"
    before = [mt for mt in mentions if mt.subject and mt.end <= pos]
    if before:
        return before[-1].iso, "actor_subject"
    # Possessive mention right before a nominal trigger: "Beijing's export curbs".
    for mt in mentions:
        if mt.end <= pos and text[mt.end : mt.end + 2] in ("'s", "’s"):
            return mt.iso, "actor_possessive"
    head = text[cs : min(ce, cs + 40)].lower()
    # First-person plural in a quotation speaks for the speaker's side, "they" for the other.
    pron = re.search(r"\b(we|our|they|their)\b(?:'ll)?", text[cs:pos], _I)
    if pron and ctx.speaker:
        if pron.group(1).lower() in ("we", "our"):
            return ctx.speaker, "actor_speaker"
        other = ctx.counterpart(ctx.speaker)
        if other:
            return other, "actor_speaker_other"
    # "He", "she": the side of the last person named, else of the last quoted speaker, else the
    # last actor.
    if re.match(r"\W*(?:he|she)\b", head) and (ctx.last_person or ctx.speaker or ctx.last_actor):
        return ctx.last_person or ctx.speaker or ctx.last_actor, "actor_pronoun"
    # A clause led by a pronoun or role noun continues the last actor ("It also agreed to ...").
    if ctx.last_actor and re.match(
        r"\W*(?:it|they|the country|the ministry|the government|the bloc|the nation"
        # ("The market regulator said it had opened ...": a body the story's side speaks by)
        r"|the (?:[\w-]+ )?(?:regulator|watchdog|ministry|authority|authorities|cabinet|customs)"
        r"|the department|the administration|the agency|the move"
        r"|the commission|the spokesperson|the proposal|the bill|the plan|the measures?"
        r"|the decree|the order|the rule|the regulation|the law|the reform)\b",
        head,
    ):
        return ctx.last_actor, "actor_pronoun"
    # ("A doubling of the duty to 50% forms the core of a European Commission proposal"): a
    # measure named as the subject belongs to the body whose plan it is part of.
    for mt in mentions:
        if (
            mt.start > pos
            and _PLAN_OF.search(text, max(cs, mt.start - 30), mt.start)
            and _PLAN_NOUN.match(text, mt.end)
        ):
            return mt.iso, "actor_plan_owner"
    if sent_subject and cs > 0:
        return sent_subject, "actor_sentence_subject"
    if re.match(r"\W*(?:the administration|the white house)", head):
        return "USA", "actor_role"
    for rx, iso in _LIST_OWNERS:
        # ("Ten US firms were added to the unreliable entity list": the list's keeper acts)
        if rx.search(text, cs, ce):
            return iso, "actor_list_owner"
    return None, ""


_LIST_OWNERS = [(re.compile(p, _I), iso) for p, iso in lx.LIST_OWNERS]


_SAID = re.compile(r"\b(?:said|says|added|told|wrote|stated|according to)\b", _I)


def _speaker(text: str, ss: int, se: int, mentions: list[Mention]) -> str | None:
    """The country of whoever is quoted in the sentence: the mention next to 'said'/'added'."""
    best: tuple[int, str] | None = None
    for m in _SAID.finditer(text, ss, se):
        for mt in mentions:
            gap = m.start() - mt.end if mt.end <= m.start() else mt.start - m.end()
            if 0 <= gap <= 25 and (best is None or gap < best[0]):
                best = (gap, mt.iso)
    return best[1] if best else None


_ENDS_EXEMPTIONS = re.compile(
    r"\b(?:end\w*|remov\w*|revok\w*|scrap\w*|eliminat\w*|terminat\w*)\s+(?:the\s+|all\s+|its\s+)?"
    r"(?:[\w-]+\s+)?exemptions?\b",
    _I,
)
_INSTITUTION = re.compile(
    r"\b(?:house|department|ministry|government|administration|commission|council|office"
    r"|customs|bureau|parliament|congress|senate|cabinet|court)\b",
    _I,
)
_ON_GOODS = re.compile(
    r"\b(?:on|from|against)\s+(?:(?:nearly|almost|virtually|practically)\s+)?"
    r"(?:all\s+|most\s+|some\s+|many\s+|certain\s+)?(?:the\s+)?"
    # ("on imported US chicken", "on imports of Canadian steel")
    r"(?:imported\s+|imports\s+of\s+)?$"
    r"|\bon\s+(?:imports|goods|products|shipments)\s+from\s+(?:the\s+)?$"
    # "on $34 billion of Chinese goods", "on 2.8 billion euros of US goods", "on 28 US products"
    r"|\bon\s+(?:about\s+|some\s+|nearly\s+|another\s+|an extra\s+)?(?:[A-Z]{0,2}[$€£¥]\s?)?"
    r"[\d.,]+\s*(?:billion|million|trillion|bn|mn|m)?\s*(?:euros?|dollars?|yuan|pounds?|yen)?\s*"
    r"(?:worth\s+)?(?:of\s+)?(?:the\s+)?$"
    # ("a 100% surtax on electric vehicles made in China")
    r"|\b(?:made|produced|manufactured|built|assembled|grown)\s+in\s+(?:the\s+)?$",
    _I,
)


def _in_relative(text: str, pos: int, start: int) -> bool:
    """True when the date at `start` closes a relative clause after the trigger ("the controls
    it announced on October 9"): the relative verb comes just before it, with no comma between."""
    for m in _RELATIVE.finditer(text, pos, start):
        if start - m.end() <= 25 and "," not in text[m.end() : start]:
            return True
    return False


# Goods as the clause's subject: "Certain Peruvian products will be exempt ...", "Goods
# originating from Peru will face ...".
_GOODS_NOUN = r"(?:goods|products|exports|imports|shipments|items|articles)"
_LEAD = (
    r"^\W*(?:however,?\s+|but\s+|and\s+|under which\s+)?"
    # ("Under the deal, certain products ...", "From August 1, ...": a lead-in phrase)
    r"(?:(?:under|with|from|as of|starting|in)\s+(?:[\w-]+\s+){0,4}?[\w-]+,\s+)?"
    r"(?:(?:certain|some|most|all|the|many|other)\s+)*"
)
_SUBJECT_DEMONYM_BEFORE = re.compile(_LEAD + r"$", _I)
_SUBJECT_DEMONYM_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?" + _GOODS_NOUN + r"\b", _I)
_SUBJECT_GOODS_FROM = re.compile(
    _LEAD + _GOODS_NOUN + r"\s+(?:(?:originating|coming|made|produced)\s+)?(?:from|in)\s+"
    r"(?:the\s+)?$",
    _I,
)


# A reason clause with a subject and a verb of its own ("..., after Washington doubled tariffs
# on Indian goods"): what it names is another measure's, told as the cause.
_REASON_CLAUSE = re.compile(
    r"\b(?:after|since|following|because|as|when)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,4}"
    r"(?:administration\s+|government\s+)?(?:had\s+|has\s+|have\s+)?[a-z]+ed\b"
)


def reason_start(text: str, trigger: int, end: int) -> int:
    """Where a reason clause after the trigger begins (`end` when there is none)."""
    reason = _REASON_CLAUSE.search(text, trigger, end)
    return reason.start() if reason else end


def _goods_origin(
    text: str, cs: int, ce: int, after: int = 0, trigger: int | None = None
) -> list[str]:
    """Countries whose goods a tariff falls on: "on Chinese goods", "on imports from China",
    and goods that are the clause's subject ("Peruvian products will be exempt"); only those
    named from `after` on when given, and none in a reason clause after the `trigger`."""
    if trigger is not None:
        ce = reason_start(text, trigger, ce)
    found = []
    for m in _DEMONYM_RE.finditer(text, max(cs, after), ce):
        if _names_no_goods(text, cs, m):
            continue
        if (
            _ON_GOODS.search(text, max(cs, m.start() - 40), m.start())
            or (
                _SUBJECT_DEMONYM_BEFORE.match(text[cs : m.start()])
                and _SUBJECT_DEMONYM_AFTER.match(text, m.end())
            )
        ) and not _included(text, cs, m.start()):
            found.append((m.start(), lx.DEMONYMS[m.group(0).lower()]))
    for mt in actor_mentions(text, cs, ce):
        # ("clarification from the White House": an institution speaks; it ships no goods)
        if mt.start < after or _INSTITUTION.search(text, mt.start, mt.end):
            continue
        # ("to ramp up pressure on Moscow": "on" a country after a noun that is no duty)
        if _NOT_A_DUTY_ON.search(text, max(cs, mt.start - 30), mt.start):
            continue
        if (
            (
                _ON_GOODS.search(text, max(cs, mt.start - 40), mt.start)
                or _SUBJECT_GOODS_FROM.match(text[cs : mt.start])
                # ("Britain's pharmaceutical exports will be spared tariffs"): goods owned as the
                # clause's subject
                or (
                    re.fullmatch(r"\W*(?:the\s+)?", text[cs : mt.start])
                    and _OWN_GOODS_AFTER.match(text, mt.end)
                )
            )
            and not _included(text, cs, mt.start)
        ):
            found.append((mt.start, mt.iso))
    # In the order the text names them: the first goods named are the measure's ("tariffs on US
    # farm goods, after Washington raised its tariff on Chinese goods").
    return [iso for _, iso in sorted(found, key=lambda f: f[0])]


_OWN_GOODS_AFTER = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:exports|goods|products|shipments)\b", _I
)
_CURRENCY = re.compile(
    r"\s+(?:dollars?|yuan|renminbi|yen|euros?|pounds?|pesos?|won|rupees?|francs?|reais|real"
    r"|rand|ringgit|baht|dong|rupiah)\b",
    _I,
)
_NOT_A_DUTY_ON = re.compile(
    r"\b(?:pressure|stance|focus|talks|views?|position|war|crackdown|attack|dependence|reliance"
    r"|influence|hold|grip|leverage)\s+on\s+(?:the\s+)?$",
    _I,
)


def _names_no_goods(text: str, start: int, m: re.Match[str]) -> bool:
    """A demonym that names no goods a measure falls on: a currency ("29.8 billion Canadian
    dollars") or what the target buys, the reason for the duty ("over the country's purchases
    of Russian oil")."""
    return bool(
        _CURRENCY.match(text, m.end())
        or _BOUGHT.search(text, max(start, m.start() - 30), m.start())
        # ("cheap shipments blamed on Chinese overcapacity": a cause, no goods)
        or _NOT_GOODS_NOUN.match(text, m.end())
    )


_NOT_GOODS_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:overcapacity|over-capacity|dumping|subsidies|practices|policies"
    r"|competition|pressure)\b",
    _I,
)
_BOUGHT = re.compile(
    # ("over India's imports of Russian oil", not "a probe into imports of European pork")
    r"\b(?:(?:purchases?|purchasing|buying)\s+of|(?:['’]s|its|their)\s+(?:[\w-]+\s+)?imports?\s+of"
    r"|over|citing|because\s+of)"
    r"\s+(?:(?:its|their|the|his)\s+)?(?:[\w-]+\s+)?$",
    _I,
)
# "in line with duties on Japan", "on par with Korea": a country named for comparison.
_COMPARED = re.compile(
    r"\b(?:in line with|on par with|similar to|comparable to|the same as|matching)\s+"
    r"(?:(?:those|the ones|the|rates?|duties|tariffs|levies|deals?)\s+)*(?:(?:on|for|of|with)\s+)?"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    _I,
)


def _included(text: str, cs: int, start: int) -> bool:
    """A mention in a parenthesis of examples, named for comparison, or whose pressure led to
    the measure ("under US pressure"): not a party."""
    return bool(
        _INCLUDED.search(text, max(cs, start - 60), start)
        or _COMPARED.search(text, max(cs, start - 50), start)
        or (
            _UNDER_BEFORE.search(text, max(cs, start - 12), start)
            and _PRESSURE_AFTER.match(text, start)
        )
    )


_UNDER_BEFORE = re.compile(r"\b(?:under|amid|after|following)\s+(?:the\s+)?$", _I)
_PRESSURE_AFTER = re.compile(r"[\w.-]+(?:\s+[\w-]+)?\s+(?:pressure|lobbying|urging)\b", _I)


def _compound_partner(
    text: str, cs: int, pos: int, mentions: list[Mention], actor: str
) -> str | None:
    """The second party of a compound subject ("the US and China agreed to ..."), if any."""
    subj = [mt for mt in mentions if mt.end <= pos and mt.subject]
    for a, b in zip(subj[-2:-1], subj[-1:], strict=False):
        joined = re.fullmatch(r"\s+and\s+(?:the\s+)?", text[a.end : b.start], _I) or (
            # ("US, China agree to slash tariffs": a headline's comma joins its two subjects)
            re.fullmatch(r"\s*,\s*", text[a.end : b.start]) and not text[cs : a.start].strip()
        )
        if a.iso != b.iso and joined and actor in (a.iso, b.iso):
            return b.iso if actor == a.iso else a.iso
    if re.search(
        r"\b(?:both sides|the two sides|both countries|the two countries|both nations"
        r"|the two nations)\b",
        text[cs:pos],
        _I,
    ):
        return None
    return None


# Goods a tariff on one product line falls on wherever they come from (Section 232 style actions):
# with no country named, such a tariff is a measure on every country.
_SECTORAL_GOODS = (
    r"(?:steel|alumin(?:i)?um|copper|lumber|timber|pharmaceuticals?|drugs|medicines|trucks"
    r"|semiconductors|furniture|cabinets|vanities|aircraft|critical minerals|solar"
    r"|autos?|automobiles|cars|auto parts|wood)\b"
)
_SECTORAL = re.compile(r"\b" + _SECTORAL_GOODS, _I)
# ... named as imports of that product from wherever they come ("imports of softwood lumber",
# "imported trucks", "steel imports"): enough to say who sets a tariff no one is named for.
_SECTORAL_IMPORTS = re.compile(
    r"\b(?:imports?\s+of|imported|foreign)\s+(?:[\w-]+\s+){0,3}?"
    + _SECTORAL_GOODS
    + r"|\b"
    + _SECTORAL_GOODS[:-2]
    + r"\s+(?:[\w-]+\s+){0,2}?imports\b",
    _I,
)


# "(including goods from Hong Kong and Macao)": a part named inside a parenthesis is no target.
_FORMERLY = re.compile(r"\b(?:previously|formerly|originally|hitherto)\b", _I)
_INCLUDED = re.compile(
    r"\((?:including|incl\.|e\.g\.|such as)[^)]*$|,\s+(?:including|incl\.)\s+"
    # ("including 34% on China, 20% on the EU": a list of targets, each with its rate)
    r"(?!(?:an?\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent)\s+(?:on|for)\s)[^.;,]*$",
    _I,
)


_ALIGNED_WITH = re.compile(
    r"\b(?:with|alongside|like|joining|following|echoing|mirroring|matching)\s+(?:the\s+)?$", _I
)


def listed_in_sentence(text: str, mentions: list[Mention], actor: str | None) -> list[str]:
    """The longest run of countries joined by commas and "and" in the sentence, less the actor."""
    best: list[str] = []
    for mt in mentions:
        if mt.iso == actor or mt.place:
            continue
        run = [iso for iso in _coordinated(text, mt, mentions) if iso != actor]
        if len(run) > len(best):
            best = run
    return best


def _coordinated(
    text: str, first: Mention, mentions: list[Mention], backwards: bool = False
) -> list[str]:
    """The countries joined to `first` by "and" / commas ("on Canada and Mexico"); with
    `backwards`, also those joined to it from before ("Korea and Japan" from Japan)."""
    if backwards:
        for mt in sorted(mentions, key=lambda m: -m.start):
            if mt.end <= first.start and _COORD.fullmatch(text, mt.end, first.start):
                first = mt
    out = [first.iso]
    prev = first
    for mt in mentions:
        if mt.start <= prev.start:
            continue
        if _COORD.fullmatch(text, prev.end, mt.start) or _COORD_RATE.fullmatch(
            text, prev.end, mt.start
        ):
            if mt.iso not in out:
                out.append(mt.iso)
            prev = mt
        elif mt.start > prev.end:
            break
    return out


def _resolve_targets(
    ctx: ArticleContext,
    text: str,
    cs: int,
    ce: int,
    actor: str,
    mentions: list[Mention],
    kind: str,
    instrument: str,
    goods_origin: list[str],
    sentence_mentions: list[Mention] = (),
) -> list[str]:
    """At whom: WLD for all-country measures; the origin of the goods a measure falls on ("on
    Japanese cars", "imports from Canada and Mexico": one target each); an object mention; a
    sectoral tariff with no country named applies to all; else the article's counterpart."""
    if _WLD.search(text, cs, ce) or (
        # ("raising aluminium tariffs to 25%, ending exemptions for Canada and Mexico": the
        # duty now falls on every country, those named included)
        kind == "tariff_increase" and _ENDS_EXEMPTIONS.search(text, cs, ce)
    ):
        return ["WLD"]
    # The goods a measure falls on name its target before any other object ("tariffs on
    # Chinese cars, responding to US pressure" is aimed at China).
    mentions = [mt for mt in mentions if not _included(text, cs, mt.start)]
    origin = [iso for iso in goods_origin if iso != actor]
    if not origin and kind == "tariff_increase" and _SAFEGUARD_DUTY.search(text, cs, ce):
        # ("a provisional safeguard duty of 12% on imports of flat steel, to curb cheap
        # shipments blamed on Chinese overcapacity"): a safeguard falls on every origin
        return ["WLD"]
    if not origin and kind == "tariff_increase" and _SECTORAL_IMPORTS.search(text, cs, ce):
        # "tariffs of 25% on all steel imports": on steel from everywhere, whoever answers it.
        return ["WLD"]
    if origin:
        # "on Canada and Mexico": the countries joined to a goods origin are origins too.
        for mt in mentions:
            if mt.iso == origin[0]:
                origin += _coordinated(text, mt, mentions)
                break
        return [iso for iso in dict.fromkeys(origin) if iso != actor]
    # ("a penalty over New Delhi's purchases of Russian oil": the possessor is the one aimed at)
    objects = [
        mt
        for mt in mentions
        if (not mt.subject or text[mt.end : mt.end + 2] in ("'s", "’s"))
        and not mt.place
        and mt.iso != actor
        # ("will restrict exports of chip tools, aligning itself with US efforts"): an ally a
        # control is lined up with is not where the goods may no longer go
        and not (
            kind.startswith(("export_control", "license"))
            and _ALIGNED_WITH.search(text, max(cs, mt.start - 30), mt.start)
        )
    ]
    if objects:
        return [iso for iso in _coordinated(text, objects[0], mentions) if iso != actor]
    dem = [iso for iso in _demonym_targets(text, cs, ce) if iso != actor]
    if dem:
        return [dem[0]]
    firm = _firm_target(text, cs, ce, actor)
    if firm:
        return [firm]
    others = [mt.iso for mt in mentions if mt.iso != actor and not mt.place]
    if others:
        return [others[0]]
    # Cuts are granted to partners; a product-wide increase with no country named hits all...
    if kind == "tariff_increase" and (
        instrument in ("Section 232", "Section 201") or _SECTORAL.search(text, cs, ce)
    ):
        last = ctx.last_statement
        if (
            instrument not in ("Section 232", "Section 201")
            and last is not None
            and last[0] == kind
            and last[1] == actor
            and ctx.sentence_no - last[3] <= 1
            and last[2]
            and not set(last[2]) & {"", "WLD"}
        ):
            # ... unless the sentence before named whose goods the duties fall on ("tariffs on
            # $7.5 billion of European goods. A 10% tariff on aircraft and 25% on cheese").
            return list(last[2])
        other = ctx.counterpart(actor)
        if (
            instrument not in ("Section 232", "Section 201")
            and ctx.retaliation
            and other
            and actor in ctx.answering
        ):
            # ... and in a tit-for-tat story, the answering side's duties on a product list
            # fall on the side it answers ("Beijing said tariffs of 5% or 10% would apply to
            # soybeans and crude oil").
            return [other]
        return ["WLD"]
    # An export control that names no destination applies to every destination ("The Hague
    # widened its licence rule for chip tools"), whoever else the article is about; one the
    # sentence names in another clause is the destination ("a rule on exports to China, which
    # halted shipments").
    # In a tit-for-tat story, though, an unaimed control is read as aimed at the other side.
    last = ctx.last_statement
    if (
        kind == "export_control"
        and last is not None
        and last[1] == actor
        and (
            last[3] == ctx.sentence_no
            # ("... added Huawei to its blacklist. The listing means that ..."): the measure
            # just told, named again
            or (last[3] == ctx.sentence_no - 1 and _DEFINITE_CONTROL.match(text, cs))
        )
        and last[2]
        and not set(last[2]) & {"", "WLD"}
    ):
        # ("threatened a 100% tariff on Chinese goods and to curb exports of software": a
        # second measure of the same sentence and actor, naming no one, is aimed the same way)
        return list(last[2])
    if kind == "export_control" and not (ctx.retaliation and ctx.counterpart(actor)):
        destinations = [
            mt.iso
            for mt in sentence_mentions
            if not mt.subject and not mt.place and not mt.modifier and mt.iso != actor
        ]
        return destinations[:1] or ["WLD"]
    listed = listed_in_sentence(text, list(sentence_mentions), actor)
    if kind.startswith("tariff") and not mentions and len(listed) >= 2:
        # ("signed deals with Malaysia and Cambodia, ... setting a zero rate for some
        # products"): a clause naming no one speaks of the partners its sentence lists.
        return listed
    other = ctx.counterpart(actor)
    if other:
        return [other]
    # No partner named anywhere in the article: a measure on a product, for every destination
    # or origin ("China imposes export controls on seven rare earths").
    worldwide = kind in _RESTRICTIVE or kind.startswith(("tariff", "export_control", "license"))
    return ["WLD"] if worldwide else []


_DEFINITE_CONTROL = re.compile(
    r"\W*(?:the|this|that|these|those)\s+(?:new\s+)?(?:listing|designation|ban|controls?|curbs"
    r"|restrictions?|rules?|measures?|move|decision|blacklisting)\b",
    _I,
)
_SAFEGUARD_DUTY = re.compile(
    r"\bsafeguard\s+(?:[\w-]+\s+){0,2}?(?:dut(?:y|ies)|tariffs?|measures?|levy|levies)\b", _I
)
_COMPANY_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted(map(re.escape, lx.COMPANIES), key=len, reverse=True))
    + r")(?![\w-])"
)
# A firm that speaks or trades is no object of the measure ("Nvidia said", "Nvidia shares").
_FIRM_ACTS = re.compile(r"(?:['’]s)?\s+(?:said|says|shares|stock|told|declined|has said)\b")


def _firm_target(text: str, cs: int, ce: int, actor: str) -> str | None:
    """The country of a firm the measure names as its object ("a probe into Google",
    "curbs on Nexperia's Chinese unit"), when no country is named."""
    for m in _COMPANY_RE.finditer(text, cs, ce):
        iso = lx.COMPANIES[m.group(0)]
        if iso != actor and m.start() - cs > 15 and not _FIRM_ACTS.match(text, m.end()):
            return iso
    return None


_RETALIATION = re.compile(
    r"\bretaliat\w*|\bcounter-?measures?\b|\btit[- ]for[- ]tat\b|\b(?:hit|hits|struck|strikes)"
    r" back\b"
    # ("levies ... in response to the administration's tariff actions": an answer to a measure,
    # not to questions or to a crisis)
    r"|\bin (?:response|reply|reaction) to (?:[\w'’-]+\s+){0,5}?(?:tariffs?|duties|levies"
    r"|(?:export |trade )?(?:controls?|curbs|restrictions|measures|actions|sanctions|bans?))\b",
    _I,
)
_DEAL = re.compile(
    # (not "countries without a trade agreement": no deal there)
    r"(?<!without a )(?<!without an )(?<!without )(?<!no )(?<!lack of a )(?<!without any )"
    r"(?<!without a trade )(?<!without a free trade )(?<!no free trade )(?<!no trade )"
    r"\b(?:deals?|agreements?|frameworks?|arrangements?|pacts?|truce|trade talks|negotiations"
    r"|concessions|in exchange for|in return for)\b",
    _I,
)


def _deal_name(ctx: ArticleContext, actor: str, target: str, kind: str, day: dt.date | None) -> str:
    """A name for an unnamed bilateral deal that several outlets' reports share: the two parties
    and the month ("CAN-CHN deal 2026-01"). Only the easing side of a deal gets one."""
    if not ctx.deal or kind not in _EASING or target in ("", "WLD") or day is None:
        return ""
    a, b = sorted((actor, target))
    return f"{a}-{b} deal {day:%Y-%m}"


_ELIMINATE = re.compile(
    r"(?:eliminat|remov|scrap|abolish|lift|waiv|zero|drop)\w*\b"
    r"(?!\s+(?:some|part|most|certain|\d+(?:\.\d+)?\s*(?:%|per ?cent|percent)\s+of)\b)",
    _I,
)
_RATE_TAIL = re.compile(
    r"\W*((?:taking|bringing|raising|lifting|pushing|lowering|cutting)\s+(?:it|them|the\s+\w+)\b)",
    _I,
)
_CONDITION = re.compile(
    r"\b(?:once|as soon as|in (?:return|exchange) for|provided that|on condition)\b", _I
)
_DURATION = re.compile(
    r"\b(?:for|by)\s+(?:an?\s+)?(?:initial\s+|further\s+|another\s+|period\s+of\s+)?"
    r"(?P<n>\d+|one|two|three|four|five|six|nine|twelve|eighteen|a|another)\s*[- ]?\s*"
    r"(?P<unit>days?|weeks?|months?|years?)\b"
    r"|\b(?P<n2>\d+|one|two|three|six|twelve)[- ](?P<unit2>day|week|month|year)\s+"
    r"(?:pause|truce|suspension|exemption|reprieve|delay|extension|window|moratorium)\b",
    _I,
)
_NUMBER_WORDS = {
    "a": 1,
    "another": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "nine": 9,
    "twelve": 12,
    "eighteen": 18,
}
_UNTIL = re.compile(r"\b(?:until|through|till)\s+$", _I)


def _expiry(
    clause: str, start: dt.date | None, dates: list[DateMention], text: str
) -> dt.date | None:
    """When a measure of stated duration ends: start + "for 90 days" / "a one-year truce", or
    the date after "until"."""
    for d in dates:
        if _UNTIL.search(text, max(0, d.start - 8), d.start) and (start is None or d.value > start):
            return d.value
    m = _DURATION.search(clause)
    if m is None or start is None:
        return None
    word = (m.group("n") or m.group("n2")).lower()
    n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
    unit = (m.group("unit") or m.group("unit2")).lower().rstrip("s")
    if not n:
        return None
    if unit == "day":
        return start + dt.timedelta(days=n)
    if unit == "week":
        return start + dt.timedelta(weeks=n)
    months = n * 12 if unit == "year" else n
    y, mth = divmod(start.month - 1 + months, 12)
    last = calendar.monthrange(start.year + y, mth + 1)[1]
    return dt.date(start.year + y, mth + 1, min(start.day, last))


_LISTING = re.compile(
    r"\b(?:entit(?:y|ies)|companies|firms|businesses)\b[^.;]{0,80}\blist\b"
    r"|\blist\b[^.;]{0,40}\b(?:entit(?:y|ies)|companies|firms)\b",
    _I,
)
# "China (23), Turkey (3)", "in China, Turkey and the UAE", "based in Russia and Belarus".
_LIST_ITEM_AFTER = re.compile(r"\s*(?:\(\d+\)|,|\band\b|;|\.)")


def _listed_countries(
    text: str, cs: int, ce: int, following: list[tuple[int, int]], actor: str
) -> list[str]:
    """Countries enumerated as the homes of listed firms: in the clause, or in the next sentence
    when that one only goes on to say where they are."""
    spans = [(cs, ce)] + [
        (a, b)
        for a, b in following
        if re.search(
            r"\b(?:span|include|including|are in|based in|located in|from)\b", text[a:b], _I
        )
    ]
    out: list[str] = []
    for a, b in spans:
        listed = [
            mt
            for mt in actor_mentions(text, a, b)
            if mt.iso != actor
            and _LIST_ITEM_AFTER.match(text, mt.end)
            and not re.search(
                r"\b(?:supply\w*|support\w*|aid\w*|help\w*|to)\s+$",
                text[max(a, mt.start - 14) : mt.start],
                _I,
            )
        ]
        # Only a run of names close together is an enumeration ("Russia and Belarus"), not a
        # country named further on ("amid the war in Ukraine").
        runs: list[list[Mention]] = []
        for mt in listed:
            if runs and mt.start - runs[-1][-1].end <= 40:
                runs[-1].append(mt)
            else:
                runs.append([mt])
        for run in runs:
            if len(run) >= 2:
                for mt in run:
                    if mt.iso not in out:
                        out.append(mt.iso)
    return out


# How far before the article's own date an event may lie and still be its news.
CONTEXT_DAYS = 60
_BARE_YEAR = re.compile(
    r"\b(?:in|since|during|of)\s+(?:early\s+|late\s+|mid-?)?((?:19|20)\d\d)\b", _I
)


_LAST_YEAR = re.compile(r"\b(?:last|previous|the previous|the prior)\s+year\b", _I)


_BASELINE_YEAR = re.compile(
    r"\b(?:on top of|above|relative to|compared (?:with|to)|versus|vs\.?)\s+(?:the\s+)?"
    r"(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+(?:levels?|baseline|figures|volumes)\b",
    _I,
)


def _past_context(
    ctx: ArticleContext,
    clause: str,
    announced: dt.date | None,
    effective: dt.date | None,
    explicit: bool,
) -> bool:
    """A measure the article recalls rather than reports: its own dates lie months before the
    article's ("in July 2023" in a December 2024 story), or it is placed in an earlier year with
    no day of its own ("the restrictions imposed in 2022")."""
    if ctx.pub is None:
        return False
    if ctx.pub_inferred:
        # A date read from the text is only a lower bound of when it was written: only a measure
        # dated a year or more before it is surely recalled.
        dates = [d for d in (announced, effective) if d is not None]
        return explicit and bool(dates) and max(dates) < ctx.pub - dt.timedelta(days=365)
    if explicit:
        dates = [d for d in (announced, effective) if d is not None]
        return bool(dates) and max(dates) < ctx.pub - dt.timedelta(days=CONTEXT_DAYS)
    # ("buy $200 billion more over two years on top of 2017 levels": a baseline year, no date)
    years = [int(y) for y in _BARE_YEAR.findall(_BASELINE_YEAR.sub(" ", clause))]
    # "Last year Ottawa imposed ...": a measure of an earlier year, with no day of its own.
    return (bool(years) and max(years) < ctx.pub.year) or bool(_LAST_YEAR.search(clause))


def _sentence_subject(mentions: list[Mention]) -> str | None:
    """The first subject mention of a sentence: what participles and pronouns fall back to."""
    for mt in mentions:
        if mt.subject:
            return mt.iso
    return None


def _pick_dates(
    mentions: list[DateMention], ctx: ArticleContext, future: bool
) -> tuple[dt.date | None, dt.date | None, bool]:
    """announced_on, effective_on and whether the sentence carried its own date."""
    ann = [d.value for d in mentions if d.role == "announced"]
    eff = [d.value for d in mentions if d.role == "effective"]
    explicit = bool(ann or eff)
    announced = min(ann) if ann else None
    effective = min(eff) if eff else None
    if announced is None:
        # A future or present statement is announced when the article reports it; a past one
        # without a date of its own is dated by the article too (the best evidence available).
        announced = (
            ctx.pub
            if (
                effective is None
                or future
                or ctx.pub is None
                or effective >= ctx.pub - dt.timedelta(days=10)
            )
            else None
        )
    return announced, effective, explicit


def answering_parties(text: str) -> frozenset[str]:
    """The countries named first in each sentence that tells of retaliation before its cue
    ("China hit back on Tuesday with ...", "Beijing's countermeasures")."""
    out = set()
    for m in _RETALIATION.finditer(text):
        start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        first = next((iso for s, e, iso in _raw_mentions(text) if start <= s < m.start()), None)
        if first is not None:
            out.add(first)
    return frozenset(out)


def is_relevant(text: str, language: str | None) -> bool:
    """About trade measures or commitments, and in English. Any year: the 2018 tariff rounds are
    the same kind of news as the 2025 ones."""
    if language not in (None, "", "en", "und"):
        return False
    hits = len(_TRADE_TERMS.findall(text))
    # A brief (a wire flash, a one-paragraph item) may name its measure only once.
    return hits >= (1 if len(text) < 1000 else 2) and bool(
        _ALIAS_RE.search(text) or _CS_ALIAS_RE.search(text) or _DEMONYM_RE.search(text)
    )


def response_cues(sentence: str) -> list[re.Match[str]]:
    """Retaliation / response connectors in a sentence."""
    return list(_RESPONSE.finditer(sentence))


def quid_cues(sentence: str) -> list[re.Match[str]]:
    """Quid-pro-quo connectors ("in return", "once they ...") in a sentence."""
    return list(_QUID.finditer(sentence))
