"""The stages of reading one article, in the order `extract_article` runs them.

1. `article_context`: the parties the article names, its agreements, whether it reports a deal.
2. `clauses` / `sentence_context`: sentences and clauses with offsets into the original text,
   and what a sentence's clauses share (actor mentions, subject, dates, tense, agreement).
3. `kind`: the kind of measure a clause names, and its trigger word (`rules.classify`).
4. `modality`: negation, hedges, conditions and threats; tense, status and whether it is a promise.
5. `parties`: who acts, on whom, and a second party for "X and Y will ...".
6. `dates`: announced and effective dates, and whether the clause is news or background.
7. `rates`: the tariff rate before and after.
8. `statement`: the `Statement` records of the clause, one per (actor, target) pair.

A stage that finds the clause states no measure (no kind, negated, hedged, no actor, a recalled
measure) returns None and the clause is skipped. The rules each stage applies live in `rules.py`.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field

from ingestion.extract import lexicons as lx
from ingestion.extract.dates import DateMention, find_dates
from ingestion.extract.kinds import (
    EXPORT_CONTROL,
    EXPORT_CONTROL_RELAXATION,
    INVESTIGATION,
    OTHER,
    PORT_FEE,
    PURCHASE_COMMITMENT,
    TARIFF_INCREASE,
    TARIFF_REDUCTION,
    TARIFF_SUSPENSION,
    VISA_POLICY,
)
from ingestion.extract.rates import (
    _PCT,
    PRIOR_LEVEL,
    PRIOR_LEVEL_RX,
    apply_halve_double,
    find_rates,
)
from ingestion.extract.rules import (
    _AGREEMENTS,
    _BACKGROUND_MARK,
    _BOTH,
    _COMMIT,
    _COMPANY_RE,
    _CONDITION,
    _CURRENCY,
    _DEAL,
    _DEMONYM_RE,
    _EASING,
    _ELIMINATE,
    _FORMERLY,
    _FUTURE,
    _HEDGE,
    _I,
    _LISTING,
    _NEG,
    _PARTICIPLE_DATE,
    _PARTICIPLE_ON_DATE,
    _PAST_TRIGGER,
    _RAISE_VERB,
    _RATE_TAIL,
    _RESPONSE,
    _RESTRICTIVE,
    _RETALIATION,
    _SECTORAL_IMPORTS,
    _SUSPEND,
    _TARIFF,
    _THREAT,
    _WLD,
    BANNED_PASSIVE,
    BODY_NEEDS_MARKER,
    LEDE_SENTENCES,
    ArticleContext,
    Kind,
    Mention,
    _compound_partner,
    _coordinated,
    _deal_name,
    _expiry,
    _goods_origin,
    _in_relative,
    _included,
    _instrument,
    _listed_countries,
    _past_context,
    _pick_dates,
    _products,
    _resolve_actor,
    _resolve_targets,
    _sentence_subject,
    _speaker,
    _subordinate_actor,
    actor_mentions,
    answering_parties,
    classify,
    listed_in_sentence,
    party_counts,
    reason_start,
)
from ingestion.extract.statement import Statement
from ingestion.extract.text import split_clauses, split_sentences

__all__ = [
    "Clause",
    "Dates",
    "Modality",
    "Parties",
    "Sentence",
    "article_context",
    "clauses",
    "dates",
    "extract_article",
    "kind",
    "modality",
    "parties",
    "rates",
    "sentence_context",
    "statement",
]


# --- records passed between the stages ----------------------------------------------------------
@dataclass(slots=True)
class Sentence:
    """A sentence: its offsets, its clauses' offsets and what its clauses share."""

    index: int
    start: int
    end: int
    words: str  # text[start:end]
    body: bool  # long enough to state a measure, and not a question
    clauses: list[tuple[int, int]]  # offsets of the clauses (none when not `body`)
    following: list[tuple[int, int]]  # the next sentence's offsets (none after the last)
    # Filled in by `sentence_context`:
    mentions: list[Mention] = field(default_factory=list)
    subject: str | None = None  # the first subject mention: what pronouns fall back to
    body_index: int = 0  # 1 for the first sentence with clauses, 2 for the next ...
    future: bool = False
    dates: list[DateMention] = field(default_factory=list)
    agreement: str = ""  # a named agreement the sentence mentions


@dataclass(slots=True)
class Clause:
    """A clause that names a measure: where it is, its kind and the word that set it."""

    text: str  # the whole article (offsets are into it)
    start: int
    end: int
    words: str  # text[start:end]
    sentence: Sentence
    kind: Kind
    trigger: int  # offset of the trigger word in the article
    pre: str  # the words just before the trigger, within the clause
    mentions: list[Mention]  # the sentence's actor mentions that fall in the clause
    instrument: str
    # Where this step's words end: before a later scheduled step ("10% from Sept. 24, rising to
    # 25% on Jan. 1"), whose rate and day are not this one's; else the clause's end.
    step_end: int


@dataclass(slots=True)
class Modality:
    """How a clause states its measure."""

    threat: bool
    future: bool  # a future or promised measure ("will", "agreed to")
    recalled: bool  # a promise reported in the simple past ("the two sides agreed to ...")
    status: str
    is_commitment: bool


@dataclass(slots=True)
class Parties:
    """Who acts and on whom."""

    actor: str
    targets: list[str]  # never empty: [""] when there is no target
    partner: str | None  # a second party doing the same ("Both sides will ...")
    rule: str  # the actor rule recorded in `rules`
    # The actor rule that decides confidence: differs from `rule` when the actor was moved to
    # the other side because no country sets a tariff on its own goods.
    final_rule: str


@dataclass(slots=True)
class Dates:
    """When a clause's measure was announced, takes effect and ends."""

    announced: dt.date | None
    effective: dt.date | None
    expires: dt.date | None
    explicit: bool  # the clause (or its sentence) carried a date of its own
    explicit_ann: bool  # ... and one of them dates the announcement
    month_only: bool  # its dates name a month, not a day
    background: bool  # a background sentence kept because it states a response


# --- stages ---------------------------------------------------------------------------------------
def article_context(
    article_id: str,
    text: str,
    pub: dt.date | None,
    default_year: int | None = None,
    pub_inferred: bool = False,
) -> ArticleContext:
    """The article as a whole: the parties it names, most named first (a country that acts counts
    more than one named as a place), the agreements it names, and whether it reports a deal."""
    ctx = ArticleContext(article_id, text, pub, default_year, pub_inferred)
    counts = party_counts(text)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ctx.parties = tuple(k for k, _ in ranked)
    ctx.main_actor = ranked[0][0] if ranked else None
    # (an agreement's name counts only in a story about its parties: "Buenos Aires" in a story
    # about Argentina is a city, not the 2018 US-China truce)
    # (most articles name no agreement: the demonyms are read only when one is named)
    found = [(name, day) for rx, name, day in _AGREEMENTS if rx.search(text)]
    if found:
        named = set(ctx.parties) | {
            lx.DEMONYMS[m.group(0).lower()] for m in _DEMONYM_RE.finditer(text)
        }
        found = [(name, day) for name, day in found if set(_AGREEMENT_PARTIES[name]) <= named]
    ctx.agreements = found
    ctx.deal = bool(_DEAL.search(text))
    ctx.retaliation = bool(_RETALIATION.search(text))
    ctx.answering = answering_parties(text) if ctx.retaliation else frozenset()
    return ctx


def clauses(text: str) -> list[Sentence]:
    """The sentences of `text` with the offsets of their clauses. A sentence shorter than 30
    characters or a question gets no clauses: it can still name who the next one is about."""
    spans = split_sentences(text)
    out = []
    for si, (ss, se) in enumerate(spans):
        sentence = text[ss:se]
        short = len(sentence) < 30 or sentence.rstrip().endswith("?")
        parts = [] if short else split_clauses(text, ss, se)
        out.append(Sentence(si, ss, se, sentence, not short, parts, spans[si + 1 : si + 2]))
    return out


def sentence_context(ctx: ArticleContext, sent: Sentence, body_index: int) -> None:
    """Read what a sentence's clauses share: its actor mentions and subject, its quoted speaker
    (kept on `ctx`), and for a sentence with clauses its tense, dates and named agreement."""
    text = ctx.text
    ss, se = sent.start, sent.end
    sent.mentions = actor_mentions(text, ss, se)
    sent.subject = _sentence_subject(sent.mentions)
    ctx.speaker = _speaker(text, ss, se, sent.mentions) or ctx.speaker
    people = [
        mt.iso for mt in sent.mentions if text[mt.start : mt.end].lower() in lx.PERSON_ALIASES
    ]
    if people:
        ctx.last_person = people[-1]
    if not sent.body:
        return
    sentence = sent.words
    sent.body_index = body_index
    sent.future = bool(_FUTURE.search(sentence))
    sent.dates = find_dates(
        text, ss, se, ctx.pub, ctx.default_year, future=sent.future, around=ctx.pub_inferred
    )
    named = {name for name, _ in ctx.agreements}
    sent.agreement = next(
        (name for rx, name, _ in _AGREEMENTS if name in named and rx.search(sentence)), ""
    )


def kind(ctx: ArticleContext, sent: Sentence, cs: int, ce: int) -> Clause | None:
    """The kind of measure the clause text[cs:ce] names (`rules.classify`), or None."""
    text = ctx.text
    words = text[cs:ce]
    k = classify(words)
    last = ctx.last_statement
    detail = _RANGE_DETAIL.match(words)
    if (
        detail
        and last is not None
        and last[0].startswith("tariff")
        and ctx.sentence_no - last[3] <= 1
        and "" not in last[2]
    ):
        # ("The EU's duties on Chinese EVs took effect on Wednesday. The definitive duties range
        # from 7.8% to 35.3%"): the rates of the measure just told, whatever else the sentence
        # names.
        k = Kind(last[0], detail.start("verb"), "rate_range_detail")
    if k is None:
        return None
    if k.rule == "tariff_accepted" and _DURING_PAUSE.search(words):
        # ("During the pause, those countries will face a baseline 10% levy"): the level a
        # pause leaves, part of the pause
        k = Kind(TARIFF_SUSPENSION, k.pos, k.rule)
    if (
        k.kind == TARIFF_REDUCTION
        and _EXEMPT_FROM_THE.search(words)
        and last is not None
        and last[0] == TARIFF_INCREASE
        and ctx.sentence_no - last[3] <= 2
    ):
        # ("... anti-dumping duties on brandy. Houses that signed price undertakings will be
        # exempt from the duties"): who the duties just told spare is their carve-out
        return None
    if (
        k.rule == "export_permitted"
        and last is not None
        and last[0] == EXPORT_CONTROL
        and ctx.sentence_no - last[3] <= 2
        and not _AGAIN.search(words)
    ):
        # ("India has banned wheat exports ... New Delhi will allow exports to countries that
        # request supplies"): what a ban just told still lets through is its carve-out, no
        # easing (unless it says so: "will allow exports again")
        return None
    if (
        k.rule == "tariff_accepted"
        and k.kind == TARIFF_INCREASE
        and _DEAL.search(text, max(0, sent.start - 300), ce)
        and not _RAISE_VERB.search(words)
        # ("will face a 25% tariff unless they reach trade agreements"): a deal still to be
        # made is the condition of a threat, not the deal that set the rate
        and not re.search(r"\b(?:unless|if|without)\b", words, _I)
    ):
        # ("We concluded our Trade Deal ... The Philippines will pay a 19% Tariff"): a rate the
        # taxed side accepts next to a deal is the deal's, down from what it faced.
        k = Kind(TARIFF_REDUCTION, k.pos, k.rule)
    if (
        k.rule == "extend_pause"
        and not _TARIFF.search(words)
        and len(_CONTROL_STORY.findall(text, 0, sent.start))
        > len(_TARIFF_STORY.findall(text, 0, sent.start))
    ):
        # ("China announced that it would extend the suspension", in a story about a ban on
        # exports): the pause named by no noun is the pause of the story's export controls.
        k = Kind(EXPORT_CONTROL_RELAXATION, k.pos, k.rule)
    pos = cs + k.pos
    return Clause(
        text,
        cs,
        ce,
        words,
        sent,
        k,
        pos,
        text[max(cs, pos - 45) : pos],
        [mt for mt in sent.mentions if cs <= mt.start < ce],
        _instrument(words),
        later.start() if (later := _LATER_STEP.search(text, pos, ce)) else ce,
    )


_AGAIN = re.compile(r"\b(?:again|resum\w*|once more|lift\w*|end\w*)\b", _I)
_CONTROL_STORY = re.compile(
    r"\b(?:export\s+(?:bans?|controls?|curbs|restrictions|licen[cs]\w*)|ban\s+on\s+(?:the\s+)?"
    r"exports?|restrictions|controls|bans?)\b",
    _I,
)
_TARIFF_STORY = re.compile(r"\b(?:tariffs?|duties|levies)\b", _I)
_LEAD_DEMONYM = re.compile(
    r"\W*(?:(?:however|but|and|meanwhile|also),?\s+)?(?:(?:the|all|most|some|certain)\s+)?"
    r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+[a-z]"
)
# A level the measure replaces ("down from the 25% Trump had threatened in April"): the threat
# and the date told with it are that level's, not the measure's (not "down from 145 percent to
# 30 percent from May 14": a change told from and to).
_OLD_LEVEL = re.compile(PRIOR_LEVEL + r"(?:(?!\bto\s+\d)[^.;])*$", _I)
_MUTUAL = re.compile(
    r"\b(?:both|each)\s+(?!other)(?:\w+\s+){0,2}?\w+(?:ed|ing)?\b|\beach\s+other(?:['’]s)?\b"
    r"|\bthe\s+other['’]s\b|\bmutual(?:ly)?\b|\breciprocal(?:ly)?\s+(?:suspend|lift|remov|cut)",
    _I,
)
_OWN_RATE = re.compile(r"\s+(?:an?\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent)", _I)
_ALLOWED_TO_IMPORT = re.compile(
    r"\b(?:be|been|are|is|were|was)\s+(?:\w+\s+)?(?:allowed|permitted|cleared|able)\s+to\s+"
    r"(?:import|buy|receive|purchase|acquire)\b",
    _I,
)
_NOT_COVERED = re.compile(
    r"\bnot\s+(?:already\s+|yet\s+|otherwise\s+)?(?:covered|included|affected|listed|subject"
    r"|part|hit|targeted)\b[^,;]*?\b(?=will|would|shall|are|is|face|pay)",
    _I,
)
_DEFINITE_OBJECT = re.compile(
    r"\w+\s+(?:the|these|those|such|its|their)\s+(?:[\w-]+\s+)?(?:tariffs|duties|levies|measures"
    r"|curbs|controls|restrictions)\b(?!\s+(?:on|of|against)\b)",
    _I,
)
_OPENED_EARLIER = re.compile(
    r"(?:[^.;]{0,80}?,?\s+)?(?:opened|launched|imposed|introduced|announced|started|begun|adopted"
    r"|ordered|requested|initiated"
    r"|set\s+up|put\s+in\s+place)\s+(?:earlier\s+this\s+(?:year|month)|last\s+(?:year|month)"
    r"|(?:several\s+|a\s+few\s+|two\s+|three\s+)?(?:months|years)\s+ago|in\s+\d{4}"
    # ("the tariffs imposed during the first Trump administration remain under review")
    r"|during\s+(?:the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?(?:administration|presidency|term)"
    r"|under\s+(?:the\s+)?(?:previous|former|last|prior)\s+(?:administration|government))\b",
    _I,
)
_PASSIVE_PAUSE = re.compile(
    r"[^.;,]*?\b(?:were|was|are|is|been|be)\s+(?:\w+ly\s+)?(?:suspended|paused|halted|lifted)\b",
    _I,
)
_COUNTERFACTUAL = re.compile(r"\b(?:would|could|might)\s+have\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", _I)
_RELATIVE_THREAT = re.compile(r"\b(?:that|which|who)\s+(?:had\s+|has\s+|have\s+)?$", _I)


def _without_old_level(words: str, after: int) -> str:
    """The clause's words up to a level it replaces ("at 6.1%, instead of the 100% surtax
    imposed in 2024"): the year of that level does not make the measure a recalled one."""
    m = PRIOR_LEVEL_RX.search(words, max(0, after))
    return words[: m.start()] if m else words


_GOODS_BEFORE_VERB = re.compile(
    r"\s+(?:[\w-]+\s+){1,2}(?:(?:will|would|could|may|might|shall|now|also|still)\s+){0,2}(?:be\s+)?"
)
_GOODS_NAMED = re.compile(
    r"[\s-]+(?:[\w-]+\s+)?(?:goods|imports|exports|products|shipments|cars|steel|autos|vehicles)\b",
    _I,
)
_NATIONAL_FIRMS = re.compile(
    r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:[\w-]+\s+)?(?:companies|firms|businesses|investors"
    r"|chipmakers|manufacturers|carmakers|automakers|industry|buyers|importers|airlines|carriers"
    r"|refiners|traders)\b"
)
_DATE_AS_NAME = re.compile(r"\b(?:the|its|their|his|her)\s+$", _I)
# "since March", "since Oct. 1", "since 2019", "since last year", "since then": a past point
_SINCE_POINT = (
    r"\bsince\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\.)"
    r"|last\s+\w+|(?:19|20)\d\d|then|the\s+(?:start|beginning))\b"
)
_SINCE = re.compile(_SINCE_POINT, _I)
_ANY_FURTHER = re.compile(
    r"\bany\s+(?:further|new|additional|future|more)\s+(?:[\w-]+\s+){0,2}?(?:tariffs?|duties"
    r"|levies|increases?|hikes?|measures|restrictions|controls|curbs)\b",
    _I,
)
_FIRM_SUBJECT = re.compile(
    r"\W*(?:" + _COMPANY_RE.pattern + r")(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:said|says|confirmed"
    r"|announced|told|has|have|had|will|would|is|was|added|stopped|halted|suspended)\b"
)
_STATE_NOW = re.compile(r"\b(?:currently|at present|presently|for now|still)\b", _I)
_NOUN_THREATENS = re.compile(
    r"\W*(?:[A-Z/ ]+\s+-\s+)?(?:the|a|an|its|this|that)\s+(?:[\w-]+\s+){0,2}?(?:addition|listing"
    r"|inclusion|move|decision|measure|measures|step|ban|curbs|controls|restrictions|tariffs"
    r"|duties|order|rule|rules)\b[^;]*?\bthreaten(?:s|ed)?\s+to\b",
    _I,
)
# ", and on a further $10 billion in 21 days if ...": a later part of the clause with its own
# terms (not the last item of a list: "cabinets, vanities, and furniture")
_LATER_PART = re.compile(r",\s+and\s+(?:on|to|then|later|from|in|will|would|also|could|may)\b", _I)


def modality(c: Clause) -> Modality | None:
    """Negation, hedges, conditions and threats; tense, status and promise.

    None for a clause that does not state the measure as news: negated ("has not yet lifted"),
    hedged or conditional unless a threat ("could", "if"), or a reference point in a subordinate
    clause ("before X imposed ...").
    """
    text, cs, ce, pos, pre = c.text, c.start, c.end, c.trigger, c.pre
    # Negation scoped to the words just before the trigger ("has not yet lifted").
    # ("goods not already covered by earlier duties will face 50%": a negation inside the
    # subject's own description negates nothing of the measure)
    pre = _NOT_COVERED.sub(" ", pre)
    if _NEG.search(pre) or re.search(
        r"\b(?:would|will|does|do|did|could) not\b", text[pos : min(ce, pos + 30)], _I
    ):
        return None
    # ("a 15% tariff, down from the 25% Trump had threatened": the threat was the old level's)
    # ("will impose 25% immediately, ..., and on a further C$125 billion in 21 days if ...": a
    # condition told after a later coordinated part is that part's)
    threat = any(
        not _OLD_LEVEL.search(text, max(cs, m.start() - 60), m.start())
        # ("easing a shortage that had threatened car production": another subject's threat)
        and not _RELATIVE_THREAT.search(text, max(cs, m.start() - 20), m.start())
        and not (m.start() > pos and _LATER_PART.search(text, pos, m.start()))
        # ("The addition of Huawei to the US blacklist threatens to cut it off from chips"): a
        # measure named as the subject that "threatens" harm is a consequence, no warning
        and not (m.start() >= pos and _NOUN_THREATENS.match(text, cs, m.start() + 12))
        for m in _THREAT.finditer(text, cs, ce)
    )
    ss = c.sentence.start
    if not threat and re.match(r"\W*(?:and\s+)?to\s", text[cs:pos], _I):
        # ("threatened to impose a 100% tariff ... and to curb exports of software": a second
        # infinitive hangs on the verb before it.)
        lead = list(_THREAT.finditer(text, ss, cs))
        threat = bool(lead) and not _OLD_LEVEL.search(
            text, max(ss, lead[-1].start() - 60), lead[-1].start()
        )
    hedged = (
        # (the hedge cues, "could", "may", "can" but not "can now" among them, read up to the
        # trigger)
        bool(_HEDGE.search(text, cs, pos))
        # ("unveiled potential export controls": the measure itself is only possible)
        or bool(_POSSIBLE_MEASURE.match(text, pos, ce))
        # ("US levies would have jumped back to 34%": what did not happen)
        or bool(_COUNTERFACTUAL.search(text, cs, min(ce, pos + 45)))
    )
    # (a condition told after a later coordinated part is that part's, as for threats)
    conditional = any(
        not (m.start() > pos and _LATER_PART.search(text, pos, m.start()))
        for m in re.compile(r"\b(?:if|unless|whether)\b", _I).finditer(text, cs, ce)
    )
    if (
        conditional
        and not hedged
        and c.kind.kind in _RESTRICTIVE
        and _FUTURE.search(text, cs, pos + 1)
        and re.search(r"\b(?:if|unless)\b", text[pos:ce], _I)
    ):
        # "will impose 50% tariffs on whiskey unless Washington withdraws its duties": a
        # measure held over the other side until it gives way is a threat.
        threat = True
    if (hedged or conditional) and not threat:
        return None
    # A measure in a subordinate "before/since/until X imposed ..." is a reference point.
    if re.search(
        r"(?<!hours )(?<!minutes )(?<!moments )(?<!shortly )(?<!just )(?<!days )"
        r"\b(?:before|since|until|when)\s+(?:\S+\s+){0,3}$",
        text[max(cs, pos - 40) : pos],
        _I,
    ) or _subordinate_actor(text, c.mentions, cs, pos):
        return None
    # (a day of the measure's own, before any aside: not "..., officials said on Tuesday")
    own_end = comma if (comma := text.find(",", pos, ce)) > 0 else ce
    if _CAME_AFTER.search(text, max(c.sentence.start, pos - 160), pos) and not any(
        pos <= d.start < own_end
        # ("ease the export control imposed in April": the day of the object, not the act)
        and not _PARTICIPLE_ON_DATE.search(text, max(pos, d.start - 40), d.start)
        for d in c.sentence.dates
    ):
        # ("Ottawa's new offer comes after the US imposed a 35% tariff"): the news is what came
        # after; the measure, told with no day of its own, is the reference point.
        return None
    if _GERUND_OBJECT.search(text, max(cs, pos - 6), pos) and re.match(r"\w+ing\b", text[pos:]):
        # "exceeded his authority in imposing the tariffs", "accused Beijing of restricting
        # exports": the act is what is judged, not news ("responded by imposing" is).
        return None
    if _LATER_IN_RELATIVE.search(text, max(cs, pos - 40), pos):
        # "tariffs on Canada that were later delayed": an aside on what befell a measure at
        # some later, unnamed time.
        return None
    future = (
        bool(_FUTURE.search(text, cs, pos + 1))
        or bool(_COMMIT.search(pre))
        or bool(_FUTURE.search(text, ss, cs))
        # "has reached a deal with China to allow ...": what a deal is for is still to come.
        or bool(_DEAL_PURPOSE.search(text, max(ss, pos - 90), pos))
    )
    # "the two sides agreed to slash ..." (simple past, no will): a recalled promise.
    recalled = (
        not _FUTURE.search(text, cs, pos + 1)
        and bool(re.search(r"\b(?:agreed|pledged|vowed|promised)\s+to\b", pre, _I))
        and not re.search(
            r"\b(?:have|has)\s+(?:\w+\s+)?(?:agreed|pledged|vowed|promised)\b", pre, _I
        )
    )
    if _TALKS_PURPOSE.search(text, max(cs, pos - 100), pos) and not _PLEDGED.search(text, cs, pos):
        # "after months of negotiations to lower tariffs": what talks seek is not yet a measure.
        return None
    means = _MEANS_TO.search(text, max(cs, pos - 90), pos)
    if (
        means
        # ("Trump used emergency powers to impose ...": the means at work, a measure)
        and not _MEANS_USED.search(text, max(cs, means.start() - 40), means.start())
    ) or _REMAINS.search(text, pos, ce):
        # ("scepticism about Trump's use of an emergency law to impose tariffs", "the power to
        # impose duties": a means, not a measure; "the 25% levy on cars would remain in place":
        # a level that stays, no news)
        return None
    if _LEAVING.match(text, cs) and _KEPT_AS_IS.search(text, cs, ce):
        # ("..., while leaving the 20% fentanyl levy in place"): a level kept, no step
        return None
    if re.search(r"\bdecision\s+to\s+$", pre, _I) and _DEFINITE_OBJECT.match(text, pos):
        # ("following American authorities' decision to impose these tariffs", "its decision to
        # impose the tariffs was based on security"): a measure already told, now discussed
        return None
    if _ANY_FURTHER.search(text, max(cs, pos - 30), min(ce, pos + 40)):
        # ("would ignore any further US tariff increases": measures that may never come)
        return None
    if _VAGUE_PAST.search(c.words):
        # "restrictions imposed by Mexico in recent years": a summary of the past, no one measure.
        return None
    if (
        c.kind.rule in ("tariff_faced", "tariff_accepted", "rate_only_tariff")
        # ("cars, which currently face tariffs of up to 50%": "face" read as any tariff verb)
        or _PAYS.match(text, pos)
    ) and (
        re.search(r"\b(?:still|continue\s+to|remain\w*|currently|already)\s+(?:\w+\s+)?$", pre, _I)
        or _SINCE.search(text, pos, ce)
    ):
        # ("Soybeans will still face a 13% tariff", "Indian goods already pay 25%", "have faced
        # a 10% tariff since April": a level in place, no measure)
        return None
    if c.kind.rule == "tariff_accepted" and not future and _STATE_NOW.search(text, cs, ce):
        # ("India faces a 26% tariff that is currently suspended"): the state of things today,
        # not a step the story reports.
        return None
    if c.kind.rule == "tariff_faced" and not future:
        # "with India facing some of the steepest US duties": a state the story describes,
        # not a measure it reports.
        return None
    kd = c.kind.kind
    is_commitment = kd in _EASING and (future or bool(_COMMIT.search(c.words)))
    if threat:
        status = "threatened"
    elif (
        kd in (PORT_FEE, VISA_POLICY)
        and (
            _SUSPEND.search(text, max(cs, pos - 40), pos + 1)
            # ("halted for a year the fees on Chinese-built vessels")
            or re.search(r"\bhalt(?:s|ed|ing)?\b", text[max(cs, pos - 40) : pos], _I)
            # ("that Chinese port fees on US-linked ships were suspended")
            or _PASSIVE_PAUSE.match(text, pos, min(ce, pos + 70))
        )
    ):
        # "will suspend the port fees": suspended (these kinds have no easing kind).
        status = "suspended"
    elif kd == TARIFF_SUSPENSION and not future:
        status = "implemented"
    elif future or kd == INVESTIGATION or re.match(r"propos", text[pos : pos + 6], _I):
        # A probe is opened, a proposal put forward, not put in force: they stay announced.
        status = "announced"
    elif re.search(lx.PAST_CUES, c.words, _I) or _PAST_TRIGGER.match(text, pos):
        status = "implemented"
    else:
        status = "announced"
    return Modality(threat, future, recalled, status, is_commitment)


_MEANS_TO = re.compile(
    r"\b(?:use|power|powers|authority|right|ability|bid|attempt)\s+(?:of\s+[^.;,]{0,60}?\s+)?"
    r"to\s+(?:\w+\s+)?$",
    _I,
)
_OWN_LEVEL = re.compile(
    r"\s+(?:its|their|the|his|her|a)\s+(?:[\w-]+\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent)", _I
)
_CAME_AFTER = re.compile(
    r"\b(?:comes?|came|coming)\s+(?:(?!(?:minutes|hours|moments|shortly|just|seconds)\b)\w+\s+)?"
    r"(?:after|following|at\s+a\s+time\s+when|amid)\s+(?:[^\s,;]+\s+){0,20}$",
    _I,
)
_HAD_PROMISED = re.compile(
    r"\bhad\s+(?:\w+ly\s+)?(?:committed|pledged|agreed|promised|vowed|undertaken)\s+to\s+"
    r"(?:[\w-]+\s+){0,3}$",
    _I,
)
_RANGE_DETAIL = re.compile(
    r"\W*(?:the|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?:duties|tariffs|levies|rates)\s+"
    r"(?:will\s+|would\s+)?(?P<verb>range|ranging|vary|varying)\s+from\b",
    _I,
)
_MEANS_USED = re.compile(
    r"\b(?:used|uses|using|invoked|invokes|invoking|wielded|exercised|tapped|cited|citing)\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    _I,
)
_REMAINS = re.compile(
    r"\b(?:will|would|shall|to)?\s*(?:remain|remains|stay|stays)\s+(?:in\s+(?:place|effect|force)"
    r"|unchanged)\b",
    _I,
)
_IMMEDIATE = re.compile(
    r"\b(?:applies|apply|takes?\s+effect|comes?\s+into\s+force|kicks?\s+in)\s+(?:immediately"
    r"|from\s+today|as\s+of\s+today|with\s+immediate\s+effect)\b",
    _I,
)
_KEPT_AS_IS = re.compile(r"\bin\s+(?:place|force)\b|\b(?:intact|untouched|unchanged)\b", _I)
_LEAVING = re.compile(r"\W*(?:while\s+|but\s+)?(?:leaving|keeping|maintaining|retaining)\b", _I)
_PAYS = re.compile(r"(?:fac(?:e|es|ed|ing)|pa(?:y|ys|id|ying)|carr(?:y|ies|ied|ying))\b", _I)
_DURING_PAUSE = re.compile(
    r"\b(?:during|for|throughout)\s+the\s+(?:\d+-day\s+)?(?:pause|truce|suspension|reprieve)\b", _I
)
_EXEMPT_FROM_THE = re.compile(
    r"\bexempt(?:ed|ion|ions)?\s+from\s+(?:the|these|those|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:tariffs?|duties|duty|levies|levy|surtax\w*)\b",
    _I,
)
_TALKS_PURPOSE = re.compile(
    r"\b(?:talks|negotiations|discussions|consultations)\b[^.;]{0,80}?\b(?:to|aimed at|aiming to"
    r"|meant to|designed to|seeking to|on how to)\s+(?:\w+\s+)?$",
    _I,
)
_GERUND_OBJECT = re.compile(r"\b(?:in|for|of|over)\s+$", _I)
_LATER_IN_RELATIVE = re.compile(
    r"\b(?:that|which|who)\s+(?:(?:was|were|had|has|have)\s+(?:been\s+)?)?"
    r"(?:later|subsequently|eventually)\s+$",
    _I,
)
_POSSIBLE_MEASURE = re.compile(
    r"\S+\s+(?:\S+\s+){0,2}?(?:potential|possible)\s+(?:[\w-]+\s+){0,2}?(?:tariffs?|duty|duties"
    r"|levies|controls?|curbs|restrictions|bans?|sanctions|measures|countermeasures)\b",
    _I,
)
_VAGUE_PAST = re.compile(
    r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+|\w+\s+)?"
    r"(?:years|decades)\b|\bover the years\b|\bfor (?:many )?years\b"
    r"|\bduring\s+(?:the|his|her)\s+(?:first|second|previous|last)\s+(?:\w+\s+)?"
    r"(?:term|administration|presidency)\b",
    _I,
)
_PLEDGED = re.compile(
    r"\b(?:agree\w*|pledg\w*|commit\w*|decid\w*|vow\w*|promis\w*|will|would|shall)\b", _I
)
_DEAL_PURPOSE = re.compile(
    r"\b(?:deal|agreement|framework|pact|accord|arrangement)s?\s+(?:with\s+(?:\S+\s+){1,3}?)?"
    r"(?:to|that\s+will|which\s+will|that\s+would|which\s+would)\s+$",
    _I,
)
_PROBED = re.compile(
    r"\b(?:investigations?|probes?|inquir(?:y|ies))\s+(?:into|of|against|targeting)\s+"
    r"(?:[\w'’-]+\s+){0,6}$",
    _I,
)
_DEMONSTRATIVE_MEASURE = re.compile(
    r"\b(?:these|those|the same|such)\s+(?:[\w-]+\s+)?(?:tariffs?|duty|duties|levies|curbs"
    r"|controls|restrictions|measures)\b",
    _I,
)
_FROM_THE_COUNTRY = re.compile(
    r"\b(?:imports|goods|products|exports)\s+from\s+(?:the|that)\s+(?:country|nation)\b"
    # ("a deal that will slash tariffs on the country to 15%": whose goods are taxed)
    r"|\b(?:tariffs?|duties|levies|rates?)\s+on\s+(?:the|that)\s+(?:country|nation|island)\b",
    _I,
)
_DEFINITE_TARIFF = re.compile(
    r"\b(?:the|these|those|this|that)\s+(?:[\w-]+\s+)?(?:tariffs?|duty|duties|levy|levies|surtax(?:es)?)\b",
    _I,
)


def _faced_parties(ctx: ArticleContext, c: Clause, carried: str | None) -> Parties | None:
    """ "Chile will face American tariffs": the subject is taxed; the tariff's own country
    ("American", "US") sets it, else the other side of the story."""
    text, pos = c.text, c.trigger
    subjects = [mt.iso for mt in c.mentions if mt.subject and mt.end <= pos]
    taxed = subjects[-1] if subjects else carried
    if taxed is None:
        return None
    noun = _TARIFF.search(text, pos, c.end)
    stop = noun.start() if noun else c.end
    setters = [mt.iso for mt in c.mentions if pos < mt.start < stop and mt.iso != taxed] + [
        iso
        for m in _DEMONYM_RE.finditer(text, pos, stop)
        if (iso := lx.DEMONYMS[m.group(0).lower()]) != taxed
    ]
    setter = setters[0] if setters else ctx.counterpart(taxed)
    if setter is None:
        return None
    return Parties(setter, [taxed], None, "actor_faced", "actor_faced")


def parties(ctx: ArticleContext, c: Clause) -> Parties | None:
    """The actor of the clause's measure and its targets; None when no actor can be named.

    The actor comes from `rules._resolve_actor` (subject, passive agent, speaker, pronoun), the
    targets from `rules._resolve_targets`; tariffs are the importing side's ("a 15% levy on
    Japanese cars" is set by the other party), and a listing names the countries of its firms.
    """
    if c.kind.rule == "rate_range_detail" and ctx.last_statement is not None:
        _, last_actor, last_targets, _ = ctx.last_statement
        return Parties(last_actor, list(last_targets), None, "actor_detail", "actor_detail")
    text, cs, ce, pos, k = c.text, c.start, c.end, c.trigger, c.kind
    c_mentions = c.mentions
    # Whose goods the clause's measure falls on: read once, asked by several rules below.
    # ("would stop buying Iranian gas and buy American LNG": what is bought comes after the verb)
    clause_goods = _goods_origin(
        text, cs, ce, pos if k.kind == PURCHASE_COMMITMENT else 0, trigger=pos
    )
    if k.kind == PURCHASE_COMMITMENT and not clause_goods:
        # "buy $40 billion of American gas": the country of the goods bought sells them.
        sellers = sorted(
            [(mt.start, mt.iso) for mt in c_mentions if mt.start > pos and not mt.place]
            + [
                (m.start(), lx.DEMONYMS[m.group(0).lower()])
                for m in _DEMONYM_RE.finditer(text, pos, ce)
            ]
        )
        clause_goods = [iso for _, iso in sellers[:1]]
    # A clause with no subject of its own ("..., claiming India would cut tariffs and buy US
    # energy") shares the nearest subject before it in the sentence, not the sentence's first.
    prior = [
        mt
        for mt in c.sentence.mentions
        if mt.subject
        and not mt.modifier
        and not mt.place
        and mt.end <= cs
        and not _included(text, c.sentence.start, mt.start)
        # ("citing Beijing's lack of respect": a possessive names an owner, not a subject)
        and text[mt.end : mt.end + 2] not in ("'s", "’s")
    ]
    carried = prior[-1].iso if prior else c.sentence.subject
    if _ANSWER_LEAD.match(text, cs):
        # ("..., in response to US tariffs of 25% that took effect the same day"): the measure
        # answered is the other side's; the responder, the sentence's subject, is not its actor.
        owner = next(
            (mt.iso for mt in c_mentions if mt.iso != carried and not mt.place),
            None,
        )
        if owner is None:
            return None
        carried = owner
    if len(prior) >= 2 and re.fullmatch(r"\s+and\s+", text[prior[-2].end : prior[-1].start]):
        # ("Washington and Beijing stepped back ..., announcing ...": a compound subject is
        # the sentence's, read as such.)
        carried = c.sentence.subject
    if k.rule == "tariff_faced":
        return _faced_parties(ctx, c, carried)
    allowed = _ALLOWED_TO_IMPORT.search(text, cs, min(ce, pos + 60))
    if allowed is not None and k.kind in _EASING:
        # ("Saudi Arabia and the UAE will be allowed to import American AI chips"): those
        # allowed are the targets; the side whose goods they may buy acts.
        takers = [mt.iso for mt in c_mentions if mt.subject and mt.end <= allowed.start()]
        seller = [
            lx.DEMONYMS[m.group(0).lower()]
            for m in _DEMONYM_RE.finditer(text, allowed.end(), ce)
            if lx.DEMONYMS[m.group(0).lower()] not in takers
        ] or [mt.iso for mt in c_mentions if mt.start > allowed.end() and mt.iso not in takers]
        giver = seller[0] if seller else ctx.counterpart(takers[0]) if takers else None
        if takers and giver is not None:
            return Parties(giver, list(dict.fromkeys(takers)), None, "actor_seller", "actor_seller")
    if k.rule == "preferences_ended":
        # ("will end India's GSP status", "Cambodia's trade preferences"): the country whose
        # preferences end is taxed; the side granting them (the subject, else the speaker or
        # the other party) acts.
        owners = [mt.iso for mt in c_mentions if text[mt.end : mt.end + 2] in ("'s", "’s")]
        if owners:
            granters = [mt.iso for mt in c_mentions if mt.subject and mt.iso != owners[0]]
            speaker = _speaker(text, c.sentence.start, c.sentence.end, c.sentence.mentions)
            granter = (
                granters[0]
                if granters
                else speaker
                if speaker not in (None, owners[0])
                else ctx.counterpart(owners[0])
            )
            if granter is not None:
                return Parties(granter, [owners[0]], None, "actor_granter", "actor_granter")
    actor, arule = _resolve_actor(ctx, text, cs, ce, pos, carried, c_mentions)
    if arule in ("actor_sentence_subject", "actor_pronoun") and _FIRM_SUBJECT.match(
        text, c.sentence.start
    ):
        # ("Synopsys confirmed the letter and said it had suspended sales in China"): a firm
        # complying or reacting is no government's measure.
        return None
    listing = (
        k.rule == "rate_noun_list"
        and len(_PCT_RATE.findall(text, c.sentence.start, c.sentence.end)) >= 2
    )
    last = ctx.last_statement
    if (
        listing
        and last is not None
        and last[0].startswith("tariff")
        and (actor is None or ctx.sentence_no - last[3] <= 1)
    ):
        # ("... will face a 25% tariff, Trump warned. Other rates in the letters were: 30% for
        # South Africa; 32% for Indonesia"): the list goes on with the last tariff's setter.
        actor, arule = last[1], "actor_list"
    elif actor is None and listing and ctx.last_actor is not None:
        # ("Trump announced new tariffs. Partners will face higher rates: 34% for China, 20% for
        # the EU"): a list of rates with no one named is the story's actor's.
        actor, arule = ctx.last_actor, "actor_list"
    firms = (
        _NATIONAL_FIRMS.search(text, cs, pos) if k.kind in (OTHER, PURCHASE_COMMITMENT) else None
    )
    if firms is not None and firms.group(1).lower() in lx.DEMONYMS:
        # ("Swiss companies pledged to invest $200 billion in the US": a country's firms
        # pledging under a deal are that country's side of it)
        actor, arule = lx.DEMONYMS[firms.group(1).lower()], "actor_national_firms"
    if (
        arule in ("", "actor_pronoun", "actor_speaker", "actor_speaker_other")
        and ctx.last_statement is not None
        and ctx.last_statement[0] == k.kind
        and re.match(r"[^.;]{0,40}?\b(?:he|she|it|they)\s+also\b", text[cs:pos], _I)
    ):
        # ("Hours later, he also paused the tariffs on Canada": "also" repeats the last act,
        # and its actor)
        actor, arule = ctx.last_statement[1], "actor_also"
    the_country = _FROM_THE_COUNTRY.search(text, cs, ce) if not clause_goods and actor else None
    if the_country:
        # "imports from the country": the party the story is about besides the one acting;
        # ("The US and Korea signed a deal that cuts tariffs on the country": the country
        # named last before it, when the clause's subject names two)
        named = [mt.iso for mt in c_mentions if mt.end <= the_country.start() and mt.subject]
        other = (
            named[-1]
            if len(set(named)) >= 2 and the_country.group(0).lower().startswith(("tariff", "dut"))
            else ctx.counterpart(actor)
        )
        if other is not None:
            clause_goods = [other]
    partner = None
    if (
        not any(mt.subject and mt.end <= pos for mt in c_mentions)
        and len(ctx.parties) >= 2
        and (both := _BOTH.search(text, max(cs, pos - 60), ce)) is not None
        and both.start() < pos
        # ("Both countries will also pause for a year the port fees": the subject of the
        # trigger's own verb, with no aside or second clause in between)
        and (both.start() >= pos - 45 or "," not in text[both.end() : pos])
    ):
        # "Both countries will pause ...": one statement for each party.
        actor, partner, arule = ctx.parties[0], ctx.parties[1], "actor_both"
    accepted_by = None
    agent_imposes = (
        k.rule == "rate_only_tariff"
        and re.match(r"(?:impos|lev|charg)", text[pos : pos + 6], re.IGNORECASE) is not None
        and any(mt.subject and not mt.modifier and mt.end <= pos for mt in c_mentions)
    )
    if (
        k.rule in ("rate_down_noverb", "rate_rise_noverb", "rate_only_tariff", "tariff_accepted")
        and not agent_imposes
    ):
        # ("Washington imposed an additional 25%": a country that imposes acts itself.)
        # The importing side sets a tariff: "a 15% levy on Japanese cars", "US chicken
        # will carry an extra 15%", "Japan accepted a 15% tariff" are all set by the other
        # side on Japan's (the US's) goods.
        goods = list(clause_goods)
        if k.rule == "rate_only_tariff":
            # The goods' country is the modifier of the goods noun ("US coal"), else
            # any mention before the verb.
            # ("Under Beijing's response, US chicken will carry ...": a possessive names the
            # side that sets the rate, not the goods')
            goods = goods or [mt.iso for mt in c_mentions if mt.end <= pos and mt.modifier] + [
                mt.iso
                for mt in c_mentions
                if mt.end <= pos and text[mt.end : mt.end + 2] not in ("'s", "’s")
            ] + [lx.DEMONYMS[m.group(0).lower()] for m in _DEMONYM_RE.finditer(text, cs, pos)]
        wld_payer = _WLD.search(text, cs, pos) if k.rule == "tariff_accepted" else None
        if wld_payer is not None and not goods and not any(mt.end <= pos for mt in c_mentions):
            # ("Other countries will face a 10% baseline tariff"): every country pays, and the
            # side the story is about sets the rate.
            last = ctx.last_statement
            setter = (
                _speaker(text, c.sentence.start, c.sentence.end, c.sentence.mentions)
                or (last[1] if last is not None and last[0].startswith("tariff") else None)
                or ctx.last_actor
            )
            if setter is not None:
                return Parties(setter, ["WLD"], None, "actor_world_payer", "actor_world_payer")
        if k.rule == "tariff_accepted" and not goods:
            # ("most EU exports to the US will face 15%": a country named on the goods pays)
            goods = [
                mt.iso
                for mt in c_mentions
                if mt.modifier and mt.end <= pos and _GOODS_NAMED.match(text, mt.end)
            ][:1]
        if k.rule == "tariff_accepted" and not goods:
            # ("Canadian energy will face a lower 10% rate": a demonym that opens the clause
            # names whose goods pay)
            lead = _LEAD_DEMONYM.match(text, cs, pos)
            if lead is not None and lead.group(1).lower() in lx.DEMONYMS:
                goods = [lx.DEMONYMS[lead.group(1).lower()]]
        if k.rule == "tariff_accepted" and not goods:
            # ("Ross said Canadian steel would face a 25% duty"): a demonym heading the goods
            # named just before the verb names whose goods pay.
            near = [
                m
                for m in _DEMONYM_RE.finditer(text, cs, pos)
                if _GOODS_BEFORE_VERB.fullmatch(text, m.end(), pos)
            ]
            if near:
                goods = [lx.DEMONYMS[near[-1].group(0).lower()]]
        if k.rule == "tariff_accepted" and not goods:
            # ("Philippine exports will be subject to 19%": goods named as the subject decide;
            # "Switzerland was hit with 39%, a rate imposed by Washington": so does the
            # subject before the agent of an aside.)
            subjects = [mt.iso for mt in c_mentions if mt.subject and mt.end <= pos]
            if not subjects and ctx.last_statement:
                # ("a 15% levy on chicken, while soybeans and pork would face 10%": goods
                # named with no country are the last measure's, part by part)
                last_kind, last_actor, last_targets, last_no = ctx.last_statement
                if (
                    last_kind.startswith("tariff")
                    and ctx.sentence_no - last_no <= 1
                    and "" not in last_targets
                ):
                    return Parties(
                        last_actor, list(last_targets), None, "actor_detail", "actor_detail"
                    )
            goods = subjects[-1:] or ([actor] if actor is not None else [])
        owner = None
        if goods:
            # ("informing Korea and Japan that their goods would face 25%": both pay)
            first = next((mt for mt in c_mentions if mt.iso == goods[0]), None)
            if clause_goods and first is not None and first.subject:
                # ("South Korea and the US agreed to a 15% tariff on Korean goods": the goods
                # name the one side that pays; the subject's partner is not taxed with it)
                first = None
            payers = (
                _coordinated(text, first, c_mentions, backwards=True)
                if first is not None
                else [goods[0]]
            )
            if k.rule == "tariff_accepted":
                # ("the Philippines will face 20%, Sri Lanka 30% and Algeria 30%": a country
                # told with a rate of its own after the verb pays too)
                payers += [
                    mt.iso
                    for mt in c_mentions
                    if mt.start > pos and mt.iso not in payers and _OWN_RATE.match(text, mt.end)
                ]
            setters = [mt.iso for mt in c_mentions if mt.iso not in payers]
            if k.rule == "tariff_accepted":
                # "Malaysia faced 25%, Cambodia 49%": the other names are fellow
                # payers; the rate is set by the side the story is about.
                setters = [
                    mt.iso
                    for mt in c_mentions
                    if mt.iso not in payers and not mt.subject and not mt.modifier
                ]
            # ("Brazil will face 50%, Trump said": the speaker's side sets the rate)
            speaker = _speaker(text, c.sentence.start, c.sentence.end, c.sentence.mentions)
            owner = (
                setters[0]
                if setters
                else speaker
                if speaker is not None and speaker not in payers
                else next((p for p in ctx.parties if p not in payers), None)
                if len(payers) > 1
                else ctx.counterpart(goods[0])
            )
            accepted_by = payers
        if owner is None and not goods and _SECTORAL_IMPORTS.search(text, cs, ce):
            # "Imports of lumber will be subject to a 10% tariff": no country's goods,
            # so the side the story is about sets it, on everyone (see targets).
            owner = ctx.last_actor or (ctx.parties[0] if ctx.parties else None)
        last = ctx.last_statement
        if (
            owner is None
            and not goods
            and not c_mentions
            and last is not None
            and last[0] == k.kind
            and ctx.sentence_no - last[3] <= 1
            and "" not in last[2]
        ):
            # ("... tariffs on farm goods from Russia. Products not yet covered will face an
            # extra 50%"): goods of no country named right after a measure are its goods.
            return Parties(last[1], list(last[2]), None, "actor_detail", "actor_detail")
        if owner is not None:
            actor, arule = owner, "actor_goods_owner"
        elif k.rule != "rate_rise_noverb":
            return None
        # ("The tariff on steel will increase to 35%": no goods' country, read on below.)
    if actor is None and k.kind.startswith("tariff"):
        # "An order signed on Tuesday raised the rate on Chinese goods to 84%": with no
        # one named, the tariff is the other party's, whose goods are not taxed; a
        # product-wide rate with no country is the story's current actor's.
        goods = clause_goods
        owner = ctx.counterpart(goods[0]) if goods else None
        if owner is None and not goods and _SECTORAL_IMPORTS.search(text, cs, ce):
            owner = ctx.last_actor
        if owner is None and not goods and not c_mentions and _DEFINITE_TARIFF.search(c.words):
            # "The tariff on kitchen cabinets will rise to 50%": a tariff the story already
            # introduced is the last tariff's, on the same targets (not the subject of a
            # sentence in between: "Mexico's minister flew to Washington. The tariffs were
            # suspended").
            last = ctx.last_statement
            if last is not None and last[0].startswith("tariff") and "" not in last[2]:
                return Parties(last[1], list(last[2]), None, "actor_definite", "actor_definite")
            owner = ctx.last_actor
            if owner is not None and ctx.last_targets:
                return Parties(
                    owner, list(ctx.last_targets), None, "actor_definite", "actor_definite"
                )
        if owner is not None:
            actor, arule = owner, "actor_goods_owner"
    if actor is None and not c_mentions and not clause_goods and ctx.last_statement:
        # "China will levy duties on US goods. A 15% duty will apply to coal and 10% to
        # crude": a clause naming no party that details the measure of the sentence before
        # is that measure's, part by part.
        last_kind, last_actor, last_targets, last_no = ctx.last_statement
        if (
            last_kind == k.kind
            and ctx.sentence_no - last_no <= 1
            and find_rates(c.words)[1] is not None
            and "" not in last_targets
        ):
            return Parties(last_actor, list(last_targets), None, "actor_detail", "actor_detail")
    if actor is None and k.kind in _EASING:
        # ("phones will be spared from Trump's reciprocal tariffs"): the owner of the measure
        # eased, named after the verb, eases it.
        owner = next(
            (
                mt.iso
                for mt in c_mentions
                if pos < mt.start <= pos + 60
                and text[mt.end : mt.end + 2] in ("'s", "’s")
                and _OWNED_MEASURE.match(text, mt.end + 2)
            ),
            None,
        )
        if owner is not None:
            actor, arule = owner, "actor_owner_after"
    if (
        actor is None
        and ctx.last_statement is not None
        and ctx.sentence_no - ctx.last_statement[3] <= 1
        and not any(mt.subject for mt in c_mentions)
        and _AGENTLESS_PASSIVE.search(text, pos, ce)
    ):
        # ("The EU banned Russian steel. Exports of luxury goods to Russia are prohibited."): a
        # passive with no agent, right after a side's measure, goes on with that side.
        actor, arule = ctx.last_statement[1], "actor_passive_context"
    if actor is None:
        return None
    partner = partner or _compound_partner(text, cs, pos, c_mentions, actor)
    if partner and arule != "actor_both" and _MUTUAL.search(text, cs, ce):
        # ("The US and China both suspended their port fees on each other's ships"): each of
        # the two does it, to the other.
        arule = "actor_both"
    rule = arule
    shared = None
    if (
        arule == "actor_sentence_subject"
        and k.kind.startswith("tariff")
        and all(mt.iso == actor for mt in c_mentions)
        and not clause_goods
        and ctx.last_statement is not None
        and not _WLD.search(text, cs, ce)
        and not _SECTORAL_IMPORTS.search(text, cs, ce)
    ):
        # ("quadrupled tariffs on Chinese cars to 100% and doubled the rate on chips to 50%":
        # a second verb of the same subject, naming no country, falls on the same goods' side)
        last_kind, last_actor, last_targets, last_no = ctx.last_statement
        if (
            last_no == ctx.sentence_no
            and last_actor == actor
            and last_kind.startswith("tariff")
            and "" not in last_targets
        ):
            shared = list(last_targets)
    targets = (
        shared
        if shared
        else list(accepted_by)
        if accepted_by
        else _resolve_targets(
            ctx,
            text,
            cs,
            ce,
            actor,
            c_mentions,
            k.kind,
            c.instrument,
            clause_goods,
            c.sentence.mentions,
        )
    )
    if partner and k.kind in _RESTRICTIVE and arule != "actor_both":
        # "A and B announced a deal that will impose tariffs on B's goods": A acts.
        if actor in targets or any(
            mt.iso == actor and not mt.subject and mt.start > pos for mt in c_mentions
        ):
            actor, targets = partner, [actor]
        partner = None
    if partner and k.kind.startswith("tariff") and clause_goods:
        # "A and B agreed to cut US tariffs on Swiss goods": whose goods are named decides
        # who taxes them; the other party alone acts.
        if clause_goods[0] == actor:
            actor, targets = partner, [actor]
        partner = None
    if k.kind.startswith("tariff") and accepted_by is None and actor == (clause_goods or [None])[0]:
        # "Malaysian products will be exempt from the 19% rate": no country sets a tariff
        # on its own goods, so the other side does.
        setters = [mt.iso for mt in c_mentions if mt.iso != actor and mt.subject]
        setter = setters[0] if setters else ctx.counterpart(actor)
        if setter is None:
            return None
        actor, targets, arule = setter, [actor], "actor_goods_owner"
    benefit = _ACCESS_FOR.search(text, cs, ce) if k.rule == "market_access" else None
    if benefit is not None:
        # ("a deal that will provide Americans with unprecedented market access"): access
        # given to the actor's own people is the other side's to give
        who_gets = benefit.group(1).lower().rstrip("s")
        if lx.DEMONYMS.get(who_gets) == actor:
            giver = next((t for t in targets if t not in ("", "WLD")), None) or ctx.counterpart(
                actor
            )
            if giver is not None:
                actor, targets = giver, [actor]
    if k.rule in ("import_ban", "imports_resumed", "import_permit") and not set(targets) - {
        "",
        "WLD",
    }:
        # ("resume imports of Australian barley"): whose goods come in is the target (what a
        # country imports names no target of a tariff, but it is the object of an import ban).
        origin = [
            lx.DEMONYMS[m.group(0).lower()]
            for m in _DEMONYM_RE.finditer(text, pos, ce)
            if not _CURRENCY.match(text, m.end())
        ] + [mt.iso for mt in c_mentions if mt.start > pos and not mt.place]
        origin = [iso for iso in origin if iso != actor]
        if origin:
            targets = origin[:1]
    if k.kind == EXPORT_CONTROL and _LISTING.search(c.words):
        # "added 32 companies to its Entity List ... in China, Turkey and the UAE": a
        # listing is a control on each country whose firms it names.
        listed = _listed_countries(text, cs, ce, c.sentence.following, actor)
        if len(listed) >= 2:
            targets = listed
    if k.rule == "suspend_concessions" and targets in (["WLD"], [""]):
        # A WTO suspension of concessions answers one member's measure: the member named.
        named = [mt.iso for mt in c_mentions if mt.iso != actor and not mt.place]
        targets = named[:1] or targets
    if (
        k.kind in _EASING
        and arule in ("actor_pronoun", "actor_speaker", "actor_speaker_other")
        and len(targets) == 1
        and ctx.imposers.get(targets[0], actor) != actor
        and _DEFINITE_TARIFF.search(c.words)
    ):
        # ("Trump paused the tariffs on Mexico after Sheinbaum promised ... Hours later, he
        # also paused the tariffs on Canada": the tariffs named are eased by their owner, not by
        # whoever a pronoun might point at)
        actor = ctx.imposers[targets[0]]
    if k.rule == "rate_noun_list":
        # ("30% for South Africa; 32% for Indonesia; and 40% for Laos and Myanmar"): every
        # country given a rate of its own, and those joined to it
        rated: list[str] = []
        for mt in c_mentions:
            if re.search(
                r"\d\s*(?:%|percent|per cent)\s+(?:[\w-]+\s+)?(?:for|on)\s+(?:the\s+)?$",
                text[max(cs, mt.start - 32) : mt.start],
                _I,
            ):
                rated += [iso for iso in _coordinated(text, mt, c_mentions) if iso not in rated]
        rated = [iso for iso in rated if iso != actor]
        if len(rated) >= 2:
            targets = rated
    if k.kind.startswith("tariff") and _N_COUNTRIES.search(text, pos, ce) and c.sentence.following:
        # ("a 10% tariff on all goods from eight European countries ... The countries singled
        # out were Denmark, Norway, ..."): the next sentence names them.
        a, b = c.sentence.following[0]
        named = listed_in_sentence(text, actor_mentions(text, a, b), actor)
        if len(named) >= 2:
            targets = named
    if k.kind.startswith("tariff") and _THOSE_COUNTRIES.search(text, pos, ce):
        # ("deals with Argentina, Ecuador and Guatemala, under which Washington will remove its
        # tariffs on goods those countries produce"): the countries listed in the sentence.
        listed = listed_in_sentence(text, c.sentence.mentions, actor)
        if len(listed) >= 2:
            targets = listed
    bloc = _BLOC_GOODS.search(text, cs, ce)
    if bloc is not None:
        # ("will remove tariffs on around 92% of Mercosur goods"): a trade bloc's goods are
        # each member's
        name = bloc.group("bloc").lower()
        members = _BLOC_MEMBERS[_BLOC_NAMES.get(name, name)]
        if actor not in members:
            targets = list(members)
    targets = [t for t in targets if t != actor] or [""]
    if "CHN" in targets:
        # ("visa applications from China and Hong Kong": China's special administrative
        # regions named beside it are one target with it)
        targets = [t for t in targets if t not in ("HKG", "MAC")]
    return Parties(actor, targets, partner, rule, arule)


def dates(ctx: ArticleContext, c: Clause, mod: Modality) -> Dates | None:
    """The clause's dates, resolved against the publication date; None for a measure the article
    recalls rather than reports (dated months before it, "previously", "since the start of
    his term", or an undated background sentence far from the lede)."""
    text, cs, ce, pos = c.text, c.start, c.step_end, c.trigger
    sent = c.sentence
    s_dates = sent.dates
    future = mod.future
    # Dates of the clause; else the sentence's announcement date ("On Tuesday, X said it
    # would ..."), never another clause's effective or background date.
    c_dates = [
        d
        for d in s_dates
        if cs <= d.start < ce
        # "the controls it announced on October 9": the date of the object, not the act.
        and not (
            d.start > pos
            and (
                d.role != "effective"
                # ("delayed the tariffs that took effect on Tuesday": the day the eased
                # measure began, not the easing's)
                or (c.kind.kind in _EASING and _PAST_EFFECT.search(text, pos, d.start))
            )
            and (
                _in_relative(text, pos, d.start)
                # (an easing's participle dates the restriction it eases; a restriction's
                # dates the restriction: "the curbs introduced in May")
                or (
                    c.kind.kind in _EASING
                    and _PARTICIPLE_ON_DATE.search(text, max(pos + 1, d.start - 40), d.start)
                )
            )
        )
        # ("19%, a slight cut from the 20% rate set out in a letter earlier this month": the
        # date of the level replaced, not of the measure)
        and not (d.start > pos and _OLD_LEVEL.search(text, pos, d.start))
        # ("suspended the October 9 rules": a date that names the object is not the act's)
        and not (d.start > pos and _DATE_AS_NAME.search(text, max(cs, d.start - 8), d.start))
        # "the tariffs announced by Trump last week have now been paused": the date
        # belongs to the participle in the subject, not to the pause.
        and not (d.start < pos and _PARTICIPLE_DATE.search(text, max(cs, d.start - 40), d.start))
    ] or [
        d
        for d in s_dates
        # (not the date of an earlier clause's object: "the fees it began charging on Oct. 14")
        if d.role == "announced" and d.start < cs and not _in_relative(text, sent.start, d.start)
    ]
    announced, effective, explicit = _pick_dates(c_dates, ctx, future)
    if announced is None and re.search(r"\bretroactive|\bbackdated", c.words, _I):
        # "lowers the tariff, retroactive to November 1": news of today that applies from before.
        announced = ctx.pub
    if (
        future
        and effective is None
        and announced is not None
        and ctx.pub is not None
        and announced > ctx.pub
    ):
        # "On October 1, the US will begin imposing ...": a day after the report is when
        # it takes effect; the report announces it.
        announced, effective = ctx.pub, announced
    deadline_to = None
    if (
        c.kind.rule == "extend_pause"
        and announced is not None
        and ctx.pub is not None
        and announced > ctx.pub
    ):
        # ("extended the deadline for the tariffs to August 1"): the day named is when the
        # reprieve ends, not when it was granted.
        announced, deadline_to = ctx.pub, announced
    explicit_ann = any(d.role == "announced" for d in c_dates) and deadline_to is None
    if not explicit and not future and sent.agreement and ctx.pub is not None:
        # ("Under the Geneva accord, the two sides cut their tariffs ..." in a story weeks
        # later): what a named agreement did, told with no day of its own, is dated by the
        # agreement, not by the story.
        day = dict(ctx.agreements).get(sent.agreement)
        named_at = _AGREEMENTS_BY_NAME[sent.agreement].search(text, cs, pos)
        if day is not None and named_at is not None and (ctx.pub - day).days > 7:
            announced, explicit, explicit_ann = day, True, True
    # A month ("in April") dates an event only roughly: see corpus.assign_entry_keys.
    month_only = bool(c_dates) and all(d.granularity != "day" for d in c_dates)
    if (
        _past_context(ctx, _without_old_level(c.words, pos - cs), announced, effective, explicit)
        # "Malaysia had previously faced a 25% rate": the level before the news.
        or _FORMERLY.search(text, cs, pos)
    ):
        return None
    if not explicit and _HAD_PROMISED.search(text, max(cs, pos - 60), pos):
        # ("Beijing had committed to increase purchases of US farm goods"): a promise made
        # before the story's time, told with no day of its own, is its background.
        return None
    if c.kind.kind not in _EASING and _OPENED_EARLIER.match(text, pos, ce):
        # ("Beijing's anti-dumping probe into EU brandy, opened earlier this year, ..."): the
        # measure's own participle places it before the story's days.
        return None
    # "Since the beginning of his term, X has imposed ...": a running total, not an event.
    if not explicit and re.search(
        r"\bsince\s+(?:the\s+(?:beginning|start)|early|last|his|her|its|their)\b",
        text[sent.start : ce],
        _I,
    ):
        return None
    # ("Washington has charged 25% on Canadian goods since March", "Beijing has since halted
    # imports"): a measure in force for a while, told as the state of things, no event.
    # (and so is what the same sentence adds without a day of its own: "..., and Ottawa
    # responded with counter-tariffs")
    # ("The White House has since clarified that ... from September 20": a later step with a day
    # of its own is news)
    # The perfect must govern the measure, not its object ("to lift the countermeasures it has
    # taken since April 2" is news).
    since = _ONGOING_SINCE.search(text, cs, ce)
    has_since = _HAS_SINCE.search(text, cs, ce)
    earlier = _ONGOING_SINCE.search(text, sent.start, cs) or _HAS_SINCE.search(text, sent.start, cs)
    if (since and since.start() < pos) or (
        not explicit and ((has_since and has_since.start() < pos) or earlier)
    ):
        return None
    # ("Trump had raised the rate several times this month"): the past perfect, told by the
    # article rather than reported as someone's news ("X said it had imposed ..."), sets the
    # scene for the story's own events.
    if (
        (not explicit or month_only)
        and _HAD_DONE.search(text, max(cs, pos - 80), pos)
        and not _REPORTED.search(text, sent.start, sent.end)
    ):
        return None
    # "With China granting licences ..., the US appears close to ...": an absolute phrase sets
    # the scene for the main clause; the state it describes is no news of its own.
    if not explicit and _WITH_GERUND.match(text, cs, ce):
        return None
    # Present perfect / progressive ("has imposed", "is restricting") reports news.
    perfect = bool(
        re.search(r"\b(?:has|have|is|are)\s+(?:\w+\s+){0,2}$", text[max(cs, pos - 40) : pos], _I)
    )
    background = False
    if (
        not explicit
        and sent.body_index > LEDE_SENTENCES
        and (not future or mod.recalled)
        and not perfect
        # ("a 25% duty on 545 US products applies immediately": in force now, news)
        and not _IMMEDIATE.search(text, pos, ce)
        and (BODY_NEEDS_MARKER is False or _BACKGROUND_MARK.search(sent.words))
    ):
        # Background sentences far from the lede, with no date of their own, mostly recall
        # older measures: dating them by the article would invent a new event.
        if not _RESPONSE.search(sent.words):
            return None
        background = True
    expires = deadline_to or _expiry(
        c.words, effective or announced, [d for d in s_dates if cs <= d.start < ce], text
    )
    return Dates(announced, effective, expires, explicit, explicit_ann, month_only, background)


_HAS_SINCE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?since\b", _I)
_ONGOING_SINCE = re.compile(
    r"\b(?:has|have|had)\s+(?:been\s+)?(?:now\s+|long\s+|already\s+)?\w+(?:ed|en|id|ut|et)\b"
    r"[^.;]{0,100}?" + _SINCE_POINT,
    _I,
)
_HAD_DONE = re.compile(
    r"\bhad\s+(?:\w+ly\s+)?(?:already\s+)?(?:(?:\w+ed|put|set|cut|hit|sent|made|told|gave|wrote"
    r"|took|brought)\s+(?:[\w.'’-]+\s+){0,8}?)?$",
    _I,
)
_REPORTED = re.compile(
    r"\b(?:said|says|announced|announces|confirmed|confirms|told|tells|reported|according to"
    r"|stated|declared|revealed|disclosed|noted|added)\b",
    _I,
)
_N_COUNTRIES = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+dozen)\s+"
    r"(?:[A-Z][\w-]+\s+)?(?:countries|nations|economies|trading\s+partners)\b",
)
_THOSE_COUNTRIES = re.compile(
    r"\b(?:those|these|the\s+(?:two|three|four|five|six|seven|eight|nine|ten))\s+(?:countries"
    r"|nations|economies|partners|governments)\b|\btheir\s+(?:goods|exports|products|imports)\b",
    _I,
)


_ACCESS_FOR = re.compile(
    r"\b(?:provid|giv|grant|offer|open)\w*\s+(?:up\s+)?(?:markets?\s+to\s+)?([A-Z][a-z]+)\b",
    re.UNICODE,
)
_AGENTLESS_PASSIVE = re.compile(BANNED_PASSIVE + r"(?!\s+by\b)", _I)
_ANSWER_LEAD = re.compile(
    r"\W*(?:in\s+(?:direct\s+)?response\s+to|in\s+retaliation\s+(?:for|to|against)"
    r"|in\s+reply\s+to|in\s+reaction\s+to)\b",
    _I,
)
_OWNED_MEASURE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:counter-?)?(?:tariffs?|duties|levies|export\s+controls?|curbs"
    r"|restrictions)\b",
    _I,
)
_WITH_GERUND = re.compile(r"\W*with\s+(?:[\w.'’-]+\s+){1,4}?\w+ing\b", _I)
_PAST_EFFECT = re.compile(
    r"\b(?:took|came into|went into|had taken|had come into)\s+(?:effect|force)\b", _I
)
_AGREEMENT_PARTIES = {a.name: a.parties for a in lx.AGREEMENT_CALENDAR}
_AGREEMENTS_BY_NAME = {name: rx for rx, name, _ in _AGREEMENTS}
_LATER_STEP = re.compile(
    r",?\s+(?:and\s+)?(?:rising|increasing|climbing|going up|to rise|to increase"
    # ("a 30% duty in the first year, stepping down gradually to 15% by the fourth")
    r"|stepping\s+down|falling|declining|dropping|phasing\s+down|easing|to fall|to decline)\s+"
    r"(?:(?:gradually|steadily|later|then|monthly|annually|each\s+year)\s+)?to\s+"
    r"\d+(?:\.\d+)?\s*(?:%|percent|per cent)"
    # ", bringing the total US tariff on Indian goods to 50%": the sum of the layers, not
    # this measure's own rate
    r"|,?\s+(?:bringing|taking|lifting|pushing|raising)\s+(?:the\s+|its\s+)?" + lx.TOTAL_WORDS,
    re.IGNORECASE,
)
_SIDE_RATE = re.compile(
    r"\s*(?:['’]s\s+)?(?:[\w-]+\s+){0,2}?(?:tariffs?|duties|duty|levies|rates?)\s+"
    r"(?:on\s+(?:[\w-]+\s+){1,3}?)?(?:(?:will|would)\s+(?:\w+\s+)?)?(?:at|to|of)\s+"
    r"(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)",
    re.IGNORECASE,
)


_PCT_RATE = re.compile(_PCT, re.IGNORECASE)


def _target_rates(text: str, cs: int, ce: int, targets: list[str]) -> dict[str, float]:
    """Each target's own rate when the clause gives several ("25% on goods from Canada and
    Mexico and 10% on goods from China"): the last rate before the target is named. Empty when
    the targets share one rate."""
    found = list(_PCT_RATE.finditer(text, cs, ce))
    rates = [(m.start(), float(m.group(1))) for m in found]
    if len({r for _, r in rates}) < 2:
        return {}
    mentions = actor_mentions(text, cs, ce)
    named = [(mt.start, mt.iso) for mt in mentions]
    named += [
        (m.start(), lx.DEMONYMS[m.group(0).lower()]) for m in _DEMONYM_RE.finditer(text, cs, ce)
    ]
    ends = {mt.start: mt.end for mt in mentions}
    # ("25% on goods from Canada and Mexico, along with an increase in the duty on Chinese
    # imports to 20%": a rate told in the same part of the clause as the target is its own)
    cuts = [m.start() for m in _RATE_PART.finditer(text, cs, ce)]

    def part(pos: int) -> int:
        return sum(1 for c in cuts if c <= pos)

    out: dict[str, float] = {}
    for iso in targets:
        starts = sorted(p for p, i in named if i == iso)
        if not starts:
            continue
        # ("told Tokyo and Vientiane that Japan would face 25% and Laos 40%": the mention in
        # the part of the clause that tells a rate)
        near = [
            (min(abs(q - p) for q, _ in rates if part(q) == part(p)), p)
            for p in starts
            if any(part(q) == part(p) for q, _ in rates)
        ]
        starts = [min(near)[1]] if near else starts
        # ("34% on China, 20% on the EU": a rate right before "on <target>" is the target's,
        # and so is one right after it: "Sri Lanka 30%")
        direct = [
            float(m.group(1))
            for m in found
            if _RATE_ON.fullmatch(text, m.end(), starts[0]) is not None
            or (starts[0] in ends and _OWN_RATE.fullmatch(text, ends[starts[0]], m.end()))
        ]
        if direct:
            out[iso] = direct[-1]
            continue
        own = [(abs(p - starts[0]), r) for p, r in rates if part(p) == part(starts[0])]
        if own:
            out[iso] = min(own)[1]
            continue
        before = [r for p, r in rates if p < starts[0] and starts[0] - p <= 80]
        if before:
            out[iso] = before[-1]
    return out if len(set(out.values())) >= 2 else {}


_RATE_ON = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:on|for|against)\s+(?:the\s+)?(?:(?:goods|imports|products"
    r"|exports)\s+from\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
_RATE_PART = re.compile(
    r";|,\s*(?:and\s+|while\s+|plus\s+|as well as\s+|along with\s+)"
    # (", 40% on Laos": a comma right before a rate opens a new part)
    r"|,\s+(?=(?:and\s+)?(?:an?\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent))"
    r"|\b(?:along with|together with|while|as well as|whereas)\b"
    # ("... and 10% on goods from China": a rate right after "and" opens a new part)
    r"|\band\s+(?=(?:[\w-]+\s+){0,2}?(?:an?\s+)?(?:\w+\s+)?\d+(?:\.\d+)?\s*(?:%|percent|per cent))",
    re.IGNORECASE,
)


def _side_rate(text: str, cs: int, ce: int, iso: str) -> float | None:
    """The rate the clause gives for one side's own duties ("Chinese duties at 10%"), if any."""
    names = [
        (m.start(), m.end())
        for m in _DEMONYM_RE.finditer(text, cs, ce)
        if lx.DEMONYMS[m.group(0).lower()] == iso
    ]
    names += [(mt.start, mt.end) for mt in actor_mentions(text, cs, ce) if mt.iso == iso]
    for _start, end in sorted(names):
        m = _SIDE_RATE.match(text, end, ce)
        if m:
            return float(m.group(1))
    return None


_AFTER_LEAD = re.compile(r"\bafter\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
_RATE_IS_NEW_LEVEL = ("deal_sets_rate", "quota_at_rate", "tariff_accepted")
# Trade blocs whose members a measure on "the bloc's goods" falls on, one target each (the
# founding or current members as of 2026).
_BLOC_MEMBERS = {
    "mercosur": ("ARG", "BRA", "PRY", "URY"),
    "asean": ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"),
    "efta": ("CHE", "ISL", "LIE", "NOR"),
    "gcc": ("ARE", "BHR", "KWT", "OMN", "QAT", "SAU"),
}
_BLOC_NAMES = {"gulf cooperation council": "gcc"}
_BLOC_GOODS = re.compile(
    r"\b(?:on|from|of|to)\s+(?:[\w%.-]+\s+){0,4}?(?:the\s+)?(?P<bloc>Mercosur|ASEAN|EFTA|GCC"
    r"|Gulf Cooperation Council)(?:['’]s)?\s+(?:member\s+)?(?:goods|imports|exports|products"
    r"|countries|members|states|nations)\b"
)
_AT_LEVEL = re.compile(
    r"\bat\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(\d+(?:\.\d+)?)\s*(?:%|percent|per cent)", _I
)
_DUTY_FREE = re.compile(r"\b(?:duty|tariff)[- ]free\b", re.IGNORECASE)


def rates(c: Clause) -> tuple[float | None, float | None]:
    """The tariff rate before and after the measure, in percent (None when not stated; both None
    for a kind that is not a tariff)."""
    k = c.kind
    if not k.kind.startswith("tariff"):
        return None, None
    text, ce, pos, se = c.text, c.end, c.trigger, c.sentence.end
    words = text[c.start : reason_start(text, pos, c.step_end)]
    before, after = apply_halve_double(words, *find_rates(words))
    tail = _RATE_TAIL.match(text, ce, se)
    if before is None and after is None and tail:
        # "... added 50 points, taking it from 34% to 84%": the rate is in the tail.
        before, after = find_rates(text[tail.start(1) : se])
    if k.rule in _RATE_IS_NEW_LEVEL and k.kind in (TARIFF_REDUCTION, TARIFF_SUSPENSION):
        # "a 19% tariff under the deal", "in at a 6.1% tariff": the named rate is the new level.
        if before == 0.0:
            before = None
    elif k.kind != TARIFF_INCREASE and before == 0.0 and after:
        # "waive the 25% tariff": the named rate is what goes away.
        before, after = after, 0.0
    if k.rule == "quota_at_rate" and after is None and _DUTY_FREE.search(words):
        after = 0.0
    if k.rule == "quota_at_rate" and after is None and (at := _AT_LEVEL.search(words)):
        # ("allow 49,000 cars in at the regular 6.1% tariff": the level the quota pays)
        after = float(at.group(1))
    if k.rule == "zero_tariff" and after is None:
        after = 0.0
    if k.kind == TARIFF_REDUCTION and after is None and _ELIMINATE.match(text, pos):
        # "will eliminate tariffs on 1,675 products": they go to zero.
        after = 0.0
    elif (
        k.kind == TARIFF_REDUCTION
        and before is None
        and after
        and _ELIMINATE.match(text, pos)
        and _OWN_LEVEL.match(text, _ELIMINATE.match(text, pos).end())
    ):
        # "agreed to scrap its 19% tariff on US ethanol": the level named is the one removed.
        before, after = after, 0.0
    return before, after


def statement(
    ctx: ArticleContext,
    c: Clause,
    mod: Modality,
    who: Parties,
    when: Dates,
    rate: tuple[float | None, float | None],
    first_index: int,
) -> list[Statement]:
    """The clause's statements, one per (actor, target) pair and one for a partner, numbered
    from `first_index` within the article; with products, agreement and a confidence."""
    text, cs, ce, pos = c.text, c.start, c.end, c.trigger
    ss, se = c.sentence.start, c.sentence.end
    kd = c.kind.kind
    before, after = rate
    rules = [c.kind.rule, who.rule] + (["background"] if when.background else [])
    # "drop countermeasures once rare earths flow": goods of the condition are not the
    # goods of the measure.
    cond = _CONDITION.search(text, pos, ce)
    names, codes, fam = _products(text[cs : cond.start() if cond else reason_start(text, pos, ce)])
    if not names and (
        who.rule in ("actor_definite", "actor_detail") or _DEMONSTRATIVE_MEASURE.search(c.words)
    ):
        # "These duties will rise to 50% on January 1": the goods of the measure just named.
        names, codes, fam = ctx.last_products
    agreement = c.sentence.agreement
    if not agreement and kd in _EASING and ctx.agreements:
        ref = when.announced or when.effective
        for name, day in ctx.agreements:
            if ref is not None and abs((ref - day).days) <= 21:
                agreement = name
                break
    conf = 0.45
    conf += 0.15 if who.final_rule in ("actor_subject", "actor_passive_by") else 0.05
    conf += 0.1 if when.explicit else 0.0
    conf += 0.05 if c.instrument else 0.0
    conf += 0.05 if after is not None else 0.0
    conf += 0.05 if c.sentence.body_index <= LEDE_SENTENCES else 0.0
    conf += 0.05 if names else 0.0
    conf -= 0.15 if when.background else 0.0
    actor, partner = who.actor, who.partner
    effective = when.effective
    if (
        effective is None
        and who.rule == "actor_detail"
        and ctx.last_effective is not None
        and ctx.sentence_no - ctx.last_effective[1] <= 1
    ):
        # "A 15% duty will apply to coal": from the day the measure it details starts.
        effective = ctx.last_effective[0]
    after_clause = bool(_AFTER_LEAD.search(text, max(cs, pos - 40), pos))
    # "an investigation into Mexico's proposed tariff increases": the measure probed is one
    # reported before, not news of this article (the article's date is the probe's)
    probed = bool(_PROBED.search(text, max(cs, pos - 80), pos))
    status = mod.status
    if status == "implemented" and effective and when.announced and effective > when.announced:
        # "approved tariffs that take effect on January 1": in force only from that day.
        status = "announced"
    pairs = [(actor, t) for t in who.targets] + ([(partner, actor)] if partner else [])
    third = [t for t in who.targets if t not in ("", "WLD", partner)]
    if partner and third and kd in _EASING and who.rule != "actor_both":
        # ("Guatemala and El Salvador agreed to remove barriers to US farm goods"): two
        # subjects doing the same for a third country's goods each give it to that country.
        pairs = [(a, t) for a in (actor, partner) for t in third]
    # "keeping US duties at 30% and Chinese duties at 10%": each side's own rate.
    side_rates = (
        {iso: _side_rate(text, cs, ce, iso) for iso in {a for a, _ in pairs}} if partner else {}
    )
    # "25% on goods from Canada and Mexico and 10% on goods from China": each target's own.
    per_target = (
        _target_rates(text, cs, ce, who.targets) if len(who.targets) >= 2 and not partner else {}
    )
    out = []
    for n, (actor_of, target) in enumerate(pairs, start=first_index):
        own = side_rates.get(actor_of)
        pair_before, pair_after = (None, own) if own is not None else (before, after)
        if target in per_target:
            pair_before, pair_after = (before if before == 0.0 else None), per_target[target]
        out.append(
            Statement(
                statement_id=f"{ctx.article_id}:{n}",
                article_id=ctx.article_id,
                entry_key="",
                actor=actor_of,
                target=target,
                kind=kd,
                is_commitment=mod.is_commitment,
                status=status,
                instrument=c.instrument,
                products=", ".join(names),
                hs_codes=codes,
                rate_before_pct=pair_before,
                rate_after_pct=pair_after,
                announced_on=when.announced,
                effective_on=effective,
                expires_on=when.expires,
                agreement=(
                    agreement
                    if agreement and {actor_of, target} <= set(_AGREEMENT_PARTIES[agreement])
                    else _deal_name(ctx, actor_of, target, kd, when.announced)
                ),
                quote=c.sentence.words,
                start_char=ss,
                end_char=se,
                confidence=round(min(conf, 0.99), 3),
                rules=",".join(r for r in rules if r),
                product_family=fam,
                clause=(cs, ce),
                sentence=(ss, se),
                trigger=pos,
                # the announced date is the article's, not the clause's own
                ann_from_pub=not when.explicit_ann,
                soft=(not when.explicit_ann and ctx.pub_inferred) or when.month_only,
                month_only=when.month_only,
                # "... comes after the US imposed a 35% tariff": an earlier measure the
                # sentence refers to; with no date of its own it joins the entry it names.
                anaphoric=(after_clause and not when.explicit) or probed,
            )
        )
    return out


# One part of a list of purchases by amount: "$750 billion of US energy and $40 billion of
# American AI chips", "$2.6 billion a year in farm goods".
_AMOUNT_OF = re.compile(
    r"(?:\$|US\$|USD\s?|€|£)\s?\d[\d.,]*\s*(?:billion|million|trillion|bn|tn|m)?\b\s*"
    r"(?:(?:a|per)\s+year\s+|annually\s+|worth\s+)?(?:of|in)\s+",
    _I,
)


def _purchase_parts(c: Clause, made: list[Statement], first_index: int) -> list[Statement]:
    """A purchase pledge listing several amounts of different goods: one statement per part,
    each with its own goods (several outlets report the parts one by one)."""
    if not made or c.kind.kind != PURCHASE_COMMITMENT:
        return made
    text = c.text
    end = reason_start(text, c.trigger, c.step_end)
    found = list(_AMOUNT_OF.finditer(text, c.start, end))
    parts = [
        _products(text[m.end() : found[i + 1].start() if i + 1 < len(found) else end])
        for i, m in enumerate(found)
    ]
    parts = [p for p in parts if p[0]]
    if len(parts) < 2 or len({fam or names[0] for names, _, fam in parts}) < 2:
        return made
    out: list[Statement] = []
    for st in made:
        for names, codes, fam in parts:
            part = copy.copy(st)
            part.statement_id = f"{st.article_id}:{first_index + len(out)}"
            part.products, part.hs_codes, part.product_family = ", ".join(names), codes, fam
            out.append(part)
    return out


# One part of a list of rates by product: "a 25% levy on heavy trucks, 50% on kitchen cabinets
# and 30% on upholstered furniture".
_PRODUCT_RATE_PART = re.compile(
    r"(?<![\w.])(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)\s+(?:[\w-]+\s+)?"
    r"(?:(?:tariffs?|duty|duties|levy|levies|surtax)\s+)?on\s+",
    _I,
)


_PRODUCT_TO_RATE = re.compile(
    r"\bon\s+(?P<goods>(?:(?!\bon\s)[^,;%]){3,60}?)\s+to\s+"
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)",
    _I,
)


def _rate_parts(c: Clause, made: list[Statement], first_index: int) -> list[Statement]:
    """The clause's statements, one per part when it lists different rates for different
    products; each part keeps its own rate and goods, and the rest of the statement."""
    if not made or not c.kind.kind.startswith("tariff"):
        return made
    text, pos = c.text, c.trigger
    end = reason_start(text, pos, c.step_end)
    # Each part: its rate and where its goods are named.
    found = list(_PRODUCT_RATE_PART.finditer(text, c.start, end))
    parts = [
        (float(m.group("rate")), m.end(), found[i + 1].start() if i + 1 < len(found) else end)
        for i, m in enumerate(found)
    ]
    if len(parts) < 2:
        # ("raised the duty on apples to 70% and on walnuts to 120%": goods, then their rate;
        # read to the clause's end, as "and on walnuts to 120%" is no later step of one measure)
        parts = [
            (float(m.group("rate")), m.start("goods"), m.end("goods"))
            for m in _PRODUCT_TO_RATE.finditer(text, c.start, reason_start(text, pos, c.end))
        ]
    if len(parts) < 2 or len({rate for rate, _, _ in parts}) < 2:
        return made
    goods = [_products(text[a:b]) for _, a, b in parts]
    # ("34% on China and 20% on the EU", "25% on Mexican goods and 10% on Chinese goods" are
    # lists by country, read by the parties stage; a part that names no product is no list of
    # goods)
    origins = {
        lx.DEMONYMS[d.group(0).lower()]
        for _, a, b in parts
        for d in _DEMONYM_RE.finditer(text, a, b)
    }
    if (
        not all(names for names, _, _ in goods)
        or len(origins) > 1
        or any(mt.start - a < 25 for _, a, b in parts for mt in actor_mentions(text, a, b))
    ):
        return made
    out: list[Statement] = []
    for st in made:
        for (rate, _, _), (names, codes, fam) in zip(parts, goods, strict=True):
            part = copy.copy(st)
            part.statement_id = f"{st.article_id}:{first_index + len(out)}"
            part.rate_after_pct = rate
            part.rate_before_pct = 0.0 if st.rate_before_pct == 0.0 else None
            part.products, part.hs_codes, part.product_family = ", ".join(names), codes, fam
            out.append(part)
    return out


_IN_FORCE_ANAPHOR = re.compile(
    r"\W*(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:removal|cuts?|reductions?"
    r"|increases?|hikes?|rises?|measures?|move|changes?|decision|suspension|bans?|restrictions?"
    r"|curbs?|controls?|deposits?|duties|tariffs?|levy|levies|surtax|exemptions?|rates?"
    r"|exclusions?|quotas?|fees|charges)\s+(?:will\s+|would\s+|is\s+due\s+to\s+"
    r"|are\s+due\s+to\s+)?"
    r"(?:take|takes|took|come|comes|came|go|goes|went|enter|enters|entered|kick|kicks|kicked"
    r"|apply|applies|start|starts|began|begins|begin)\s+(?:effect|into\s+(?:effect|force)|in"
    r"|force|from|on)\b",
    _I,
)


_LASTS_ANAPHOR = re.compile(
    r"\W*(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:duties|tariffs?|levy|levies"
    r"|surtax|measures?|deposits?|bans?|restrictions?|curbs?|controls?|suspension|pause|truce"
    r"|exemptions?|quotas?)\s+(?:now\s+|still\s+|also\s+)?(?:will\s+|would\s+|are\s+to\s+"
    r"|is\s+to\s+)?(?:last|lasts"
    r"|remain|remains|stay|stays|apply|applies|run|runs)\b",
    _I,
)


_ELABORATION = re.compile(
    r"(?:^|,\s+)(?:placing|imposing|levying|slapping|putting|setting|adding|charging|applying)\b",
    _I,
)


def _share_with_rated_twin(out: list[Statement], first: int) -> None:
    """("EU countermeasures will enter into force on Friday, ..., placing a 25% duty on US
    goods"): one sentence telling one side's tariff twice, once with its rate and once without,
    tells one measure: the two share the rate, goods and start (and so one entry)."""
    here = out[first:]
    for st in here:
        if st.rate_after_pct is not None or not st.kind.startswith("tariff"):
            continue
        twin = next(
            (
                o
                for o in here
                if o is not st
                and o.rate_after_pct is not None
                and o.actor == st.actor
                and o.target == st.target
                and o.kind == st.kind
                # (an elaboration of the same act, not a part on its own goods: "will raise
                # duties on US goods, and US rice will face 60%")
                and _ELABORATION.search(
                    o.quote,
                    max(0, o.clause[0] - o.start_char),
                    max(0, o.trigger - o.start_char) + 12,
                )
                and (not o.products or o.products == st.products)
                and o.status != "threatened"
                and st.status != "threatened"
                and (
                    o.effective_on is None
                    or st.effective_on is None
                    or o.effective_on == st.effective_on
                )
            ),
            None,
        )
        if twin is None:
            continue
        if twin.effective_on is None:
            twin.effective_on = st.effective_on
        st.effective_on = twin.effective_on
        st.rate_before_pct, st.rate_after_pct = twin.rate_before_pct, twin.rate_after_pct
        st.products, st.hs_codes, st.product_family = (
            twin.products,
            list(twin.hs_codes),
            twin.product_family,
        )


def extract_article(
    article_id: str,
    text: str,
    pub: dt.date | None,
    default_year: int | None = None,
    pub_inferred: bool = False,
) -> list[Statement]:
    """All statements of one article (entry_key left empty for the corpus pass): the stages of
    this module, clause by clause, in order."""
    ctx = article_context(article_id, text, pub, default_year, pub_inferred)
    out: list[Statement] = []
    body_index = 0
    # The statements of the last sentence that made any, and its number.
    previous: list[Statement] = []
    previous_no = 0
    for sent in clauses(text):
        body_index += sent.body
        ctx.sentence_no += 1
        sentence_context(ctx, sent, body_index)
        made_here = len(out)
        for cs, ce in sent.clauses:
            c = kind(ctx, sent, cs, ce)
            if c is None or (mod := modality(c)) is None:
                continue
            who = parties(ctx, c)
            if who is None or (when := dates(ctx, c, mod)) is None:
                continue
            made = _rate_parts(c, statement(ctx, c, mod, who, when, rates(c), len(out)), len(out))
            made = _purchase_parts(c, made, len(out))
            out.extend(made)
            if made:
                last = made[-1]
                ctx.last_products = (
                    [p for p in last.products.split(", ") if p],
                    list(last.hs_codes),
                    last.product_family,
                )
                days = [m.effective_on for m in made if m.effective_on is not None]
                if days:
                    ctx.last_effective = (days[-1], ctx.sentence_no)
            for st in made:
                if st.kind in _RESTRICTIVE and st.target not in ("", "WLD"):
                    ctx.imposers[st.target] = st.actor
            ctx.last_actor = who.actor
            ctx.last_targets = who.targets
            ctx.last_statement = (c.kind.kind, who.actor, who.targets, ctx.sentence_no)
        if sent.subject:
            ctx.last_actor = sent.subject
        _share_with_rated_twin(out, made_here)
        here = sorted(out[made_here:], key=lambda st: st.trigger)
        if len(here) >= 2 and here[-1].effective_on is not None:
            # ("a 15% tariff on coal, and a 10% levy on crude, starting February 10"): a start
            # told once at the end of the sentence is every part's.
            last = here[-1]
            fam = last.kind.split("_")[0]
            for st in here[:-1]:
                # (not a measure the sentence recalls: "in response to the tariffs Trump
                # announced, China will impose 34% starting April 10")
                if (
                    st.effective_on is None
                    and st.kind.split("_")[0] == fam
                    and st.status == last.status
                ):
                    st.effective_on = last.effective_on
        if (
            len(out) == made_here
            and previous
            and ctx.sentence_no - previous_no <= 2
            and _IN_FORCE_ANAPHOR.match(sent.words)
        ):
            # "China will remove its duties on wine. The removal takes effect on Friday.": the
            # sentence dates the measure before it, which names no day of its own.
            # ("in 180 days, on October 14": the calendar day before a count of days)
            days = sorted(
                (not re.search(r"\d\s+days?\b", text[d.start : d.end]), d.start, d.value)
                for d in sent.dates
                if d.granularity == "day"
                # (not the day it runs until)
                and not re.search(
                    r"\b(?:until|till|through|to)\s+$", text[max(0, d.start - 9) : d.start]
                )
            )
            for st in previous:
                if days and st.effective_on is None:
                    st.effective_on = days[-1][2]
        if (
            len(out) == made_here
            and previous
            and ctx.sentence_no - previous_no <= 2
            and _LASTS_ANAPHOR.match(sent.words)
        ):
            # "... an 80% duty on barley. The duties will last for five years.": the measure
            # before it ends then.
            for st in previous:
                if st.expires_on is None:
                    st.expires_on = _expiry(
                        sent.words, st.effective_on or st.announced_on, sent.dates, text
                    )
        if len(out) > made_here:
            previous, previous_no = out[made_here:], ctx.sentence_no
    return out
