"""Corpus-level passes: near-duplicate articles, entry keys across articles, and links.

Everything here is deterministic and independent of input order: articles and statements are
sorted by content before any grouping, and keys are built from field values only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zlib
from collections import Counter, defaultdict

import numpy as np

from ingestion import vocabulary
from ingestion.extract import lexicons as lx
from ingestion.extract.kinds import (
    EXPORT_CONTROL,
    EXPORT_CONTROL_RELAXATION,
    INVESTIGATION,
    LICENSE_APPROVAL,
    OTHER,
    PURCHASE_COMMITMENT,
    TARIFF_INCREASE,
    TARIFF_REDUCTION,
    TARIFF_SUSPENSION,
)
from ingestion.extract.rules import (
    _DEMONYM_RE,
    _EASING,
    _RESTRICTIVE,
    _SECTORAL,
    _products,
    actor_mentions,
    quid_cues,
    response_cues,
)
from ingestion.extract.statement import Statement

# Kinds that answer the same question for merging ("did the duty go up or down?"): statements of
# one merge family can describe one measure in different words ("cut" vs "suspend 24 points").
# The families are the registry's (`merge_family` in dbt_project/seeds/vocab_kinds.csv).
FAMILY = {name: kind.merge_family for name, kind in vocabulary.load().kinds.items()}
# Kinds whose entries are told apart by the goods they concern (two control decisions on one day
# can be different measures); tariff reports name different slices of one package, so not those.
_PRODUCT_KEYED = {
    FAMILY[k]
    for k in (EXPORT_CONTROL, EXPORT_CONTROL_RELAXATION, INVESTIGATION, PURCHASE_COMMITMENT)
}
CLUSTER_DAYS = 6
# Tariff steps come days apart in an escalation (34% on the 2nd, 84% on the 8th, 125% on the 9th):
# tariff entries are kept to the day, other measures are merged over a week of reporting.
TARIFF_CLUSTER_DAYS = 1
ANAPHORA_DAYS = 120

# --- near-duplicate articles ---------------------------------------------------------------------
_N_PERM = 64
_BANDS = 16
_ROWS = _N_PERM // _BANDS
_MERSENNE = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20250512)
_A = _rng.integers(1, (1 << 61) - 1, size=_N_PERM, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, size=_N_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def _shingles(text: str, k: int = 5) -> np.ndarray:
    """crc32 hashes of word k-shingles of the normalised text (crc32: stable across processes)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        words = words + [""] * (k - len(words))
    grams = {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}
    return np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint64, count=len(grams))


def minhash(text: str) -> np.ndarray:
    """A 64-permutation MinHash signature of the text's word 5-shingles."""
    sh = _shingles(text)
    # (a*x + b) mod p with uint64 wrap-around: a universal-enough hash family for sketching.
    vals = (np.outer(sh, _A) + _B) % _MERSENNE
    return vals.min(axis=0)


def duplicate_groups(
    ids: list[str], texts: list[str], dates: list[dt.date | None], threshold: float = 0.5
) -> dict[str, str]:
    """article_id -> article_id of the first (earliest, then smallest id) article of its group."""
    order = sorted(range(len(ids)), key=lambda i: (dates[i] or dt.date.max, ids[i]))
    parent = {ids[i]: ids[i] for i in order}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    rank = {ids[i]: r for r, i in enumerate(order)}

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        # The root is the earlier article so that the group id is the first article.
        if rank[ra] < rank[rb]:
            parent[rb] = ra
        else:
            parent[ra] = rb

    exact: dict[str, str] = {}
    sigs: dict[str, np.ndarray] = {}
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for i in order:
        norm = " ".join(_WORD.findall(texts[i].lower()))
        if norm in exact:
            union(exact[norm], ids[i])
            continue
        exact[norm] = ids[i]
        sig = minhash(texts[i])
        sigs[ids[i]] = sig
        for b in range(_BANDS):
            buckets[(b, sig[b * _ROWS : (b + 1) * _ROWS].tobytes())].append(ids[i])
    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        # Compare each member with the bucket's first few only: near-duplicates are transitive
        # enough for grouping, and a crowded bucket must not cost n² comparisons.
        for x in range(min(len(members), 3)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair in checked:
                    continue
                checked.add(pair)
                if float(np.count_nonzero(sigs[pair[0]] == sigs[pair[1]])) / _N_PERM >= threshold:
                    union(*pair)
    return {a: find(a) for a in ids}


# --- entry keys ----------------------------------------------------------------------------------
def _ref_date(st: Statement) -> dt.date | None:
    return st.announced_on or st.effective_on


def _block(st: Statement, with_target: bool = True) -> str:
    fam = FAMILY.get(st.kind, "other")
    # Product-wide tariffs on every country (lumber at 10%, cabinets at 25% on one day) are told
    # apart by their goods, like controls.
    keyed = fam in _PRODUCT_KEYED or (fam.startswith("tariff") and st.target == "WLD")
    pfam = st.product_family if keyed else ""
    # A measure on every country (WLD) is not a vaguer report of a measure on one: only a
    # statement with no target at all may join another target's entry.
    target = st.target or "*"
    return "|".join((st.actor, target if with_target else "*", fam, pfam or "*"))


_TOTAL = re.compile(lx.TOTAL_WORDS, re.I)


def _other_rate(rate: float | None, seen: set[float] | list[float]) -> bool:
    """A rate none of the rates seen so far gives (within a point): another tariff step."""
    return rate is not None and bool(seen) and all(abs(rate - r) > 1.0 for r in seen)


def _other_day(day: dt.date | None, seen: set[dt.date]) -> bool:
    """A day in force more than a week from every one seen so far."""
    return day is not None and bool(seen) and all(abs((day - e).days) > 7 for e in seen)


def _other_part(
    st: Statement, rate: float | None, parts: set[tuple[tuple[str, tuple[int, int]], float]]
) -> bool:
    """Another part, at another rate, of the list the statement's clause gives ("15% on coal
    and 10% on crude"): a measure of its own, whatever the day."""
    return rate is not None and any(
        part == (st.article_id, st.clause) and r != rate for part, r in parts
    )


def _total_rate(st: Statement) -> bool:
    """A rate told as the sum of every layer ("the combined duty ... 30%") is the same measure
    as its layer's own rate (10%), not another step."""
    return bool(_TOTAL.search(st.quote))


def _attach(
    st: Statement,
    clusters: list[tuple[str, dt.date, int]],
    effs: dict[str, list[dt.date]] | None = None,
    rates: dict[str, set[float]] | None = None,
) -> str | None:
    """The key of the fuller cluster a vague statement belongs to, or None."""
    mine = _block(st).split("|")
    fam = FAMILY.get(st.kind, "other")
    d = _ref_date(st)
    window = TARIFF_CLUSTER_DAYS if fam.startswith("tariff") else CLUSTER_DAYS
    cands = []
    for key, start, size in clusters.get((st.actor, fam), ()):
        parts = key.split("|")
        if mine[1] != "*" and parts[1] != mine[1]:
            continue
        if mine[3] != "*" and parts[3] != mine[3]:
            continue
        # A tariff step with its own rate is not a report of another step (84% is not 34%),
        # even when both take effect on one day.
        if rates and not _total_rate(st) and _other_rate(st.rate_after_pct, rates.get(key, ())):
            continue
        cands.append((key, start, size))
    if not cands:
        return None
    if d is not None and st.rate_after_pct is not None and rates and fam == FAMILY[TARIFF_INCREASE]:
        # The same rate within days of a step is that step (ordered on the 1st, in force on
        # the 4th). (Not for cuts: two cuts to one level days apart may be two measures, a
        # fentanyl cut and a truce's extension.)
        same = [
            c
            for c in cands
            if abs((c[1] - d).days) <= CLUSTER_DAYS
            and rates.get(c[0])
            and not _other_rate(st.rate_after_pct, rates[c[0]])
        ]
        if same:
            return min(same, key=lambda c: (abs((c[1] - d).days), c[0]))[0]
    if st.anaphoric and d is not None:
        # "in response to China's restrictions": the latest such measure before the answer.
        prior = [c for c in cands if 0 <= (d - c[1]).days <= ANAPHORA_DAYS]
        if prior:
            return max(prior, key=lambda c: (c[1], c[2], c[0]))[0]
    eff = st.effective_on
    if eff is not None and d is not None and (d - eff).days > 3:
        # "starting April 2" in a May report dates what is being undone, not a new step.
        eff = None
    if eff is not None and st.ann_from_pub:
        # Announced some days before it takes effect.
        prior = [c for c in cands if 0 <= (eff - c[1]).days <= 31]
        if prior:
            return max(prior, key=lambda c: (c[1], c[2], c[0]))[0]
    if eff is not None and effs is not None:
        # A different effective date is a different measure (a de minimis rate from May 2 is not
        # the across-the-board rate of April 10, though both were announced together).
        cands = [
            c
            for c in cands
            if (
                min(abs((eff - e).days) for e in effs[c[0]]) <= 7
                if effs.get(c[0])
                else -3 <= (eff - c[1]).days <= 31
            )
        ]

        if not cands:
            return None
    if d is None:
        # No date at all: only a block with one measure is an unambiguous home.
        return cands[0][0] if len(cands) == 1 else None
    # A month-only date ("in April" read as the 1st) may fall anywhere in its month.
    hi = 31 if st.soft and d.day == 1 else window + 3
    near = [
        (-size, abs((d - start).days), key)
        for key, start, size in cands
        if -3 <= (start - d).days <= hi or -3 <= (d - start).days <= window + 3
    ]
    return min(near)[2] if near else None


def assign_entry_keys(statements: list[Statement]) -> None:
    """Give statements that report one measure the same `entry_key`, across articles.

    Block on actor|target|kind family|product family, then chain statements whose dates lie within
    CLUSTER_DAYS of the cluster's first date. The key carries the cluster's first date, so it only
    depends on the statements' contents. Statements that say less (no goods named, no particular
    target, no date) join a fuller cluster of the same actor and kind family when one overlaps
    them in time, rather than becoming an entry of their own.
    """

    def vague(st: Statement) -> bool:
        b = _block(st).split("|")
        return b[1] == "*" or (FAMILY.get(st.kind) in _PRODUCT_KEYED and b[3] == "*")

    def soft(st: Statement) -> bool:
        # Dated only by a guessed publication date, or dated by when it takes effect.
        return bool(st.soft) or bool(st.ann_from_pub and st.effective_on)

    full = [
        s
        for s in statements
        if not vague(s) and _ref_date(s) is not None and not s.anaphoric and not soft(s)
    ]
    full_ids = {id(s) for s in full}
    weak = [s for s in statements if id(s) not in full_ids]
    blocks: dict[str, list[Statement]] = defaultdict(list)
    for st in full:
        blocks[_block(st)].append(st)
    clusters: list[tuple[str, dt.date, int]] = []  # (key, start date, size)
    for base, members in sorted(blocks.items()):
        dated = sorted(members, key=lambda s: (_ref_date(s), s.quote, s.statement_id))
        start: dt.date | None = None
        size = 0
        window = TARIFF_CLUSTER_DAYS if base.split("|")[2].startswith("tariff") else CLUSTER_DAYS
        seen_rates: set[float] = set()
        seen_effs: set[dt.date] = set()
        seen_parts: set[tuple[tuple[str, tuple[int, int]], float]] = set()
        label = ""
        used: set[str] = set()
        for s in dated:
            d = _ref_date(s)
            rate = s.rate_after_pct if base.split("|")[2].startswith("tariff") else None
            # The next day's report of another rate is the next step of an escalation (84% on
            # the 8th, 125% on the 9th), not a late report of the same one; and so is a step
            # announced the same day to start on a later one (25% from October 14, 50% from
            # January 1).
            new_step = (
                _other_rate(rate, seen_rates)
                and (d != start or _other_day(s.effective_on, seen_effs))
            ) or _other_part(s, rate, seen_parts)
            # A report naming no rate a few days after a step is that step taking effect
            # (announced on the 1st, in force on the 4th). (An equal rate alone does not join
            # two cuts: to one level days apart they may be two measures, a fentanyl cut and a
            # truce's extension.)
            in_force_report = (
                start is not None and bool(seen_rates) and rate is None and (d - start).days <= 3
            )
            if start is None or ((d - start).days > window and not in_force_report) or new_step:
                if start is not None:
                    clusters.append((label, start, size))
                start, size = d, 0
                seen_rates, seen_effs, seen_parts = set(), set(), set()
                label = f"{base}|{start.isoformat()}"
                if label in used and s.effective_on is not None:
                    label = f"{label}+{s.effective_on.isoformat()}"
                if label in used and rate is not None:
                    label = f"{label}@{rate:g}"
                used.add(label)
            size += 1
            if rate is not None:
                seen_rates.add(rate)
                seen_parts.add(((s.article_id, s.clause), rate))
            if s.effective_on is not None:
                seen_effs.add(s.effective_on)
            s.entry_key = label
        if start is not None:
            clusters.append((label, start, size))
    by_block: dict[tuple[str, str], list[tuple[str, dt.date, int]]] = defaultdict(list)
    for c in clusters:
        parts = c[0].split("|")
        by_block[(parts[0], parts[2])].append(c)
    effs: dict[str, list[dt.date]] = defaultdict(list)
    rates: dict[str, set[float]] = defaultdict(set)
    for st in full:
        if st.effective_on is not None:
            effs[st.entry_key].append(st.effective_on)
        if st.rate_after_pct is not None and FAMILY.get(st.kind, "").startswith("tariff"):
            rates[st.entry_key].add(st.rate_after_pct)
    weak_blocks: dict[str, list[Statement]] = defaultdict(list)
    for st in sorted(weak, key=lambda s: (_ref_date(s) or dt.date.min, s.quote, s.statement_id)):
        key = _attach(st, by_block, effs, rates)
        if key is None and st.anaphoric and st.target == "WLD" and "nominal_answered" in st.rules:
            # ("in retaliation for Washington's tariffs on steel"): a tariff on a product line
            # from everyone, answered months later, is dated only by the answer; unless it
            # joins a report of its own it cannot be placed in time (dropped as undated).
            st.entry_key = f"{_block(st)}|undated"
            continue
        if key is not None:
            st.entry_key = key
            # A month-only date ("in April") or a date borrowed from the answering measure says
            # less than the day-precise entry it joined: keep it from moving the entry's dates.
            if st.month_only or (st.anaphoric and key[-10:] != str(_ref_date(st))):
                st.announced_on = None
        else:
            weak_blocks[_block(st)].append(st)
    full_keys = {c[0] for c in clusters}
    for base, members in weak_blocks.items():
        start = None
        label = ""
        rates_here: set[float] = set()
        effs_here: set[dt.date] = set()
        parts_here: set[tuple[tuple[str, tuple[int, int]], float]] = set()
        labels_here: set[str] = set()
        for s in members:
            d = _ref_date(s)
            if d is None:
                s.entry_key = f"{base}|undated"
                continue
            # Vague statements carry vaguer dates: chain them over a slightly wider window.
            wide = (TARIFF_CLUSTER_DAYS if "|tariff" in base else CLUSTER_DAYS) + 3
            rate = s.rate_after_pct if "|tariff" in base else None
            # (a step of another rate that starts on another day: see the full clusters above)
            step = (
                _other_rate(rate, rates_here) and _other_day(s.effective_on, effs_here)
            ) or _other_part(s, rate, parts_here)
            fresh = start is None or (d - start).days > wide
            if fresh or step:
                if fresh:
                    start = d
                label = f"{base}|{start.isoformat()}"
                if (label in full_keys and not _total_rate(s)) or step:
                    # A fuller entry of that key turned it down (another rate, another day in
                    # force), or the step differs from the one before: a measure of its own.
                    label += f"+{(s.effective_on or start).isoformat()}"
                    if label in labels_here and rate is not None:
                        label += f"@{rate:g}"
                rates_here, effs_here, parts_here = set(), set(), set()
            labels_here.add(label)
            if rate is not None:
                rates_here.add(rate)
                parts_here.add(((s.article_id, s.clause), rate))
            if s.effective_on is not None:
                effs_here.add(s.effective_on)
            s.entry_key = label


# --- links ---------------------------------------------------------------------------------------
_PREP_CUE = re.compile(
    r"^(?:in response to|response to|in retaliation|in return for|follows?"
    r"|followed|comes? after|came after|in reply to|(?:a )?reply to|citing|in reaction to"
    r"|(?:investigations?|probes?|inquir(?:y|ies)) (?:into|of|against|targeting))",
    re.I,
)


def _link(links: dict, a: Statement, b: Statement, basis: str, agreement: str, conf: float) -> None:
    """Record a link from statement a (commitment / retaliating) to b; keep the best basis."""
    if a.actor == b.actor or a.statement_id == b.statement_id:
        return
    key = (a.statement_id, b.statement_id)
    # One direction per pair: the first cue read decides who answers whom.
    if (b.statement_id, a.statement_id) in links:
        return
    if key not in links or links[key]["confidence"] < conf:
        links[key] = {
            "commitment_statement_id": a.statement_id,
            "reciprocal_statement_id": b.statement_id,
            "basis": basis,
            "agreement": agreement,
            "confidence": round(conf, 3),
        }


_HYPOTHETICAL_ANSWER = re.compile(
    r"(?:retaliat|reciprocat|respon|countermeasure)\w*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:would|could|might|may)\b",
    re.I,
)
_IF_BEFORE = re.compile(r"\b(?:if|any|possible|potential|future)\s+(?:\w+\s+)?$", re.I)
_AFTER_CUE = re.compile(r"(?:(?:come|comes|came)\s+)?after\b|follow", re.I)


def article_links(text: str, stmts: list[Statement], links: dict) -> list[Statement]:
    """Links inside one article from response and quid-pro-quo cues; may add nominal statements.

    Returns statements created for measures that are only named as what a response answers
    ("in response to Washington's tariffs"), so that the link has two ends.
    """
    out_links = links
    links = {}  # this article's links: the package rule below must not rescan the corpus
    created: list[Statement] = []
    by_sent: dict[tuple[int, int], list[Statement]] = defaultdict(list)
    for st in stmts:
        by_sent[st.sentence].append(st)
    sents = sorted(by_sent)
    for si, sent in enumerate(sents):
        ss, se = sent
        sentence = text[ss:se]
        here = by_sent[sent]
        prev = [st for p in sents[max(0, si - 2) : si] for st in by_sent[p] if p[0] >= ss - 600]
        nxt = [st for p in sents[si + 1 : si + 2] for st in by_sent[p] if p[0] <= se + 300]
        for cue in response_cues(sentence):
            cue_pos = ss + cue.start()
            if _HYPOTHETICAL_ANSWER.match(text, cue_pos) or _IF_BEFORE.search(
                text, max(ss, cue_pos - 30), cue_pos
            ):
                # ("warned that retaliation would trigger duties on everything else", "any
                # retaliation"): an answer still to come answers nothing yet
                continue
            mentions = actor_mentions(text, ss, se)
            if _PREP_CUE.match(cue.group(0)):
                after = [m for m in mentions if cue_pos < m.start <= cue_pos + 120]
                if not after:
                    continue
                answered = after[0].iso
                # (a probe's trigger is the cue itself: "a probe into X's tariffs")
                responders = [
                    st for st in here if st.actor != answered and st.trigger <= cue_pos
                ] or [st for st in prev if st.actor != answered]
            else:
                before = [m for m in mentions if m.end <= cue_pos and m.subject]
                clause_st = [st for st in here if st.clause[0] <= cue_pos < st.clause[1]]
                if before:
                    responder_iso = before[-1].iso
                elif clause_st:
                    responder_iso = clause_st[0].actor
                elif here:
                    responder_iso = here[0].actor
                else:
                    continue
                # "Beijing replied on Wednesday. <the measures>": the answer may follow the cue.
                responders = (
                    [st for st in here if st.actor == responder_iso]
                    or [st for st in nxt if st.actor == responder_iso]
                    or [st for st in prev if st.actor == responder_iso]
                )
                if _AFTER_CUE.match(cue.group(0)):
                    # ("exporters scrambled after the White House set a 30% tariff": what
                    # comes after "after" is the cause, never the answer to it)
                    responders = [st for st in responders if st.trigger < cue_pos]
                others = [m.iso for m in mentions if m.iso != responder_iso]
                answered = others[0] if others else _counterpart(stmts, responder_iso)
            if not responders or not answered:
                continue
            targets = [st for st in here if st.actor == answered and st not in responders]
            targets = targets or [st for st in prev + nxt if st.actor == answered]
            # ("a probe widely seen as retaliation for EU tariffs on Chinese cars"): a reading
            # by others names no measure of its own to date
            opinion = _SEEN_AS.search(sentence, max(0, cue.start() - 40), cue.start())
            if (
                not targets
                and not opinion
                and any(r.kind in _RESTRICTIVE and _ref_date(r) for r in responders)
            ):
                targets = _nominal(text, ss, se, cue_pos, answered, responders, created, stmts)
            for r in responders:
                if r.kind not in _RESTRICTIVE:
                    continue
                for t in targets:
                    if t.kind in _RESTRICTIVE:
                        _link(links, r, t, "retaliation", "", 0.7)
                        if t.announced_on is None and t.effective_on is None:
                            # The answered measure precedes its answer: see assign_entry_keys.
                            t.announced_on = r.announced_on or r.effective_on
                            t.anaphoric = True
                        elif t.ann_from_pub and t.effective_on is None:
                            # Named without a date of its own: an earlier measure, not news.
                            t.anaphoric = True
        for cue in quid_cues(sentence):
            cue_pos = ss + cue.start()
            word = cue.group(0).lower()
            if word.startswith(("once", "as soon as", "provided", "on condition")):
                # "Once they deliver X, we will lift Y": X is the commitment, Y what it buys.
                cond = [st for st in here if st.clause[0] <= cue_pos < st.clause[1]]
                main = [st for st in here if st.trigger > cue_pos and st not in cond]
                for a in main:
                    for b in cond:
                        _link(links, b, a, "once ... will", a.agreement or b.agreement, 0.75)
                continue
            basis = "in return" if "return" in word else "in exchange"
            if word.endswith(" for"):
                # "X agreed to A in exchange for the US tariff cut": A is bought by B's measure.
                buyer = [st for st in here if st.trigger < cue_pos]
                tail = text[cue_pos : min(se, cue_pos + 80)]
                named = [m.iso for m in actor_mentions(text, cue_pos, min(se, cue_pos + 80))]
                for a in buyer:
                    other = named[0] if named else None
                    cands = [
                        st
                        for st in stmts
                        if st.actor != a.actor
                        and (other is None or st.actor == other)
                        and st.kind in _EASING
                    ]
                    if re.search(r"tariff|dut(?:y|ies)|levy", tail, re.I):
                        cands = [st for st in cands if st.kind.startswith("tariff")] or cands
                    if not cands:
                        # ("cut tariffs on Taiwan to 15% in exchange for a $250bn investment
                        # in the US": the other side's pledge, named only as the price)
                        giver = next((iso for iso in named if iso != a.actor), None)
                        cands = _nominal_pledge(text, cue_pos, se, a, giver, stmts, created)
                    if cands:
                        b = min(
                            cands,
                            key=lambda st: (
                                abs(st.trigger - a.trigger),
                                st.statement_id,
                            ),
                        )
                        _link(links, a, b, basis, a.agreement or b.agreement, 0.75)
                continue
            # "X will approve licences, and in return Y will lift its curbs": what comes after
            # the cue is given in return (the reciprocal), what comes before is the commitment.
            after_st = [st for st in here if st.trigger > cue_pos]
            before_st = [st for st in here if st.trigger <= cue_pos] + prev
            for a in after_st:
                # ("deals with A, B and C ... In return, A will ...": each partner's side answers
                # the measure aimed at it, when one is)
                mirrored = [b for b in before_st if b.actor == a.target and b.target == a.actor]
                for b in mirrored or before_st:
                    if b.actor != a.actor:
                        _link(links, b, a, basis, a.agreement or b.agreement, 0.75)
        # Two parties' promises joined in one sentence ("X will approve ..., while Y would lift
        # ...") are the two halves of one bargain.
        promises = [st for st in here if st.is_commitment]
        if re.search(r"\bwhile\b|\bwhereas\b|\bin turn\b", sentence, re.I):
            for i, a in enumerate(promises):
                for b in promises[i + 1 :]:
                    # (two sides giving the same third country something are no bargain)
                    if a.actor != b.actor and (a.target == b.actor or b.target == a.actor):
                        _link(links, a, b, "in exchange", a.agreement or b.agreement, 0.65)
    _packages(stmts + created, links)
    out_links.update(links)
    return created


_SEEN_AS = re.compile(
    r"\b(?:seen|viewed|regarded|perceived|interpreted|read|described|billed)\s+as\s+"
    r"(?:(?:a|an|the)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _counterpart(stmts: list[Statement], iso: str) -> str:
    """The party the article's statements involve most, other than `iso`."""
    seen = Counter(p for st in stmts for p in (st.actor, st.target) if p not in ("", "WLD"))
    ranked = sorted((p for p in seen if p != iso), key=lambda p: (-seen[p], p))
    return ranked[0] if ranked else ""


# What a response answers, named by the goods its tariffs fall on: "over American tariffs on
# steel and aluminium", "in response to the duties on its cars".
_ANSWERED_GOODS = re.compile(
    r"\b(?:over|against|for|to)\s+(?:[\w'’-]+\s+){0,4}?(?:tariffs?|duties|levies)\s+on\s+"
    r"(?P<goods>[^.;,]{1,60})"
    # "in response to the US steel and aluminium tariffs": the goods before the noun
    r"|\b(?:over|against|for|to)\s+(?:the\s+|its\s+|their\s+)?(?:[\w.]+\s+)?"
    r"(?P<before>(?:[\w-]+\s+){1,3}?)(?:tariffs?|duties|levies)\b",
    re.IGNORECASE,
)


def _nominal(
    text: str,
    ss: int,
    se: int,
    cue_pos: int,
    actor: str,
    responders: list[Statement],
    created: list[Statement],
    stmts: list[Statement],
) -> list[Statement]:
    """A statement for a measure named only as the object of a response cue."""
    tail = text[cue_pos : min(se, cue_pos + 120)].lower()
    if re.match(r"investigation|probe|inquir", tail):
        # ("an investigation into China's production of chips, a probe that could lead to new
        # tariffs"): a probe answers a measure only when it names one as its object
        tail = tail[:50]
    if re.search(r"tariffs?\b|dut(?:y|ies)\b|levies\b|levy\b", tail):
        kind = TARIFF_INCREASE
    elif re.search(
        r"export (?:controls?|restrictions?|curbs?)|entity list|restrictions?\b|licen[cs]\w*", tail
    ):
        kind = EXPORT_CONTROL
    else:
        return []
    r0 = responders[0]
    target, products, hs_codes, pfam = r0.actor, "", [], ""
    answered_on = _ANSWERED_GOODS.search(tail) if kind == TARIFF_INCREASE else None
    if answered_on is not None:
        group = "goods" if answered_on.group("goods") else "before"
        goods_at = cue_pos + answered_on.start(group)
        goods_end = cue_pos + answered_on.end(group)
        if (
            _SECTORAL.search(answered_on.group(group))
            and not actor_mentions(text, goods_at, goods_end)
            and not _DEMONYM_RE.search(text, goods_at, goods_end)
            and not re.search(r"\b(?:goods|imports|exports|products)\b", answered_on.group(group))
        ):
            # "against the US over its tariffs on steel and aluminium": a tariff on a product
            # line from everywhere is what is answered, not one aimed at the answering side.
            names, codes, fam = _products(answered_on.group(group))
            target, products, hs_codes, pfam = "WLD", ", ".join(names), list(codes), fam
    for st in created:
        if st.sentence == (ss, se) and st.actor == actor and st.kind == kind:
            return [st]
    n = 1 + max(int(x.statement_id.rsplit(":", 1)[1]) for x in stmts + created)
    st = dataclasses.replace(
        r0,
        statement_id=f"{r0.article_id}:{n}",
        actor=actor,
        target=target,
        kind=kind,
        is_commitment=False,
        status="implemented",
        instrument="",
        products=products,
        hs_codes=hs_codes,
        rate_before_pct=None,
        rate_after_pct=None,
        # The answered measure precedes its answer by days: date it by the answer.
        announced_on=r0.announced_on or r0.effective_on,
        effective_on=None,
        expires_on=None,
        agreement="",
        confidence=0.4,
        rules="nominal_answered",
        product_family=pfam,
        trigger=cue_pos,
        clause=(cue_pos, se),
        # named only as what is answered: it joins the latest such measure before the answer
        anaphoric=True,
    )
    created.append(st)
    return [st]


_PRICE_PLEDGE = re.compile(
    r"\s*in\s+(?:exchange|return)\s+for\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:pledges?\s+"
    r"(?:of|to)\s+|promises?\s+(?:of|to)\s+)?(?:[\w$€£.,-]+\s+){0,4}?"
    r"(?:(?P<invest>invest(?:ment|ments|ing)?)|(?P<buy>purchases?|buying|to\s+buy))\b",
    re.I,
)


def _nominal_pledge(
    text: str,
    cue_pos: int,
    se: int,
    buyer: Statement,
    giver: str | None,
    stmts: list[Statement],
    created: list[Statement],
) -> list[Statement]:
    """A statement for an investment or purchase pledge named only as what a measure is given
    in exchange for; the giver is the party named after the cue, else the buyer's target."""
    m = _PRICE_PLEDGE.match(text, cue_pos, se)
    giver = giver or (buyer.target if buyer.target not in ("", "WLD") else None)
    if m is None or giver is None or giver == buyer.actor or buyer.kind not in _EASING:
        return []
    kind = OTHER if m.group("invest") else PURCHASE_COMMITMENT
    for st in created:
        if st.sentence == buyer.sentence and st.actor == giver and st.kind == kind:
            return [st]
    n = 1 + max(int(x.statement_id.rsplit(":", 1)[1]) for x in stmts + created)
    names, codes, fam = _products(text[cue_pos : min(se, cue_pos + 160)])
    st = dataclasses.replace(
        buyer,
        statement_id=f"{buyer.article_id}:{n}",
        actor=giver,
        target=buyer.actor,
        kind=kind,
        is_commitment=True,
        status="announced",
        instrument="",
        products=", ".join(names),
        hs_codes=list(codes),
        rate_before_pct=None,
        rate_after_pct=None,
        effective_on=None,
        expires_on=None,
        confidence=0.5,
        rules="nominal_pledge",
        product_family=fam,
        trigger=cue_pos,
        clause=(cue_pos, se),
    )
    created.append(st)
    return [st]


def _packages(stmts: list[Statement], links: dict) -> None:
    """Measures announced together by the retaliating side answer the same measure."""
    by_id = {st.statement_id: st for st in stmts}
    restrictive: dict[str, list[Statement]] = defaultdict(list)
    for st in stmts:
        if st.kind in _RESTRICTIVE:
            restrictive[st.actor].append(st)
    for (a_id, b_id), lk in list(links.items()):
        if lk["basis"] != "retaliation":
            continue
        a, b = by_id.get(a_id), by_id.get(b_id)
        if a is None or b is None:
            continue
        for st in restrictive.get(a.actor, ()):
            if st is a:
                continue
            da, ds = _ref_date(a), _ref_date(st)
            if da and ds and abs((da - ds).days) <= 2:
                _link(links, st, b, "retaliation", "", 0.55)


def agreement_links(statements: list[Statement], links: dict) -> None:
    """Easing statements of opposite parties that belong to one named agreement."""
    best: dict[str, Statement] = {}
    for st in sorted(statements, key=lambda s: (-s.confidence, s.statement_id)):
        if st.agreement and st.kind in _EASING and st.entry_key not in best:
            best[st.entry_key] = st
    by_agreement: dict[str, list[Statement]] = defaultdict(list)
    for st in best.values():
        by_agreement[st.agreement].append(st)
    order = {
        OTHER: 0,
        LICENSE_APPROVAL: 1,
        PURCHASE_COMMITMENT: 2,
        EXPORT_CONTROL_RELAXATION: 3,
        TARIFF_SUSPENSION: 4,
        TARIFF_REDUCTION: 5,
    }
    for agreement, members in by_agreement.items():
        members.sort(key=lambda s: (order.get(s.kind, 9), s.actor, s.entry_key))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a.actor != b.actor:
                    _link(links, a, b, "same agreement", agreement, 0.6)
