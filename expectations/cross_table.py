"""Rules that span published tables; plain pandas (no GX), so they are cheap to run."""

from __future__ import annotations

import pandas as pd

_MAX_EXAMPLES = 5


def _examples(values: pd.Series | list[str]) -> str:
    """Render a few offending ids so a failure message is actionable but short."""
    items = sorted({str(v) for v in values})
    shown = ", ".join(items[:_MAX_EXAMPLES])
    more = f" (+{len(items) - _MAX_EXAMPLES} more)" if len(items) > _MAX_EXAMPLES else ""
    return shown + more


def cross_table_failures(frames: dict[str, pd.DataFrame]) -> list[str]:
    """Check the rules that join ledger tables; return failure messages, empty when fine.

    ``frames`` is keyed by table name ("entries", "links", "evidence"). A rule whose
    tables are not all present is reported as a failure rather than skipped, because a
    silently skipped rule would let the gate pass on incomplete input.

    Rules:
    - every entry has at least one evidence row;
    - every evidence row references an existing entry;
    - every link joins two existing entries;
    - the two entries of a link belong to different actors (a commitment is bought by the
      other side's measure, never by the same actor's).
    """
    failures: list[str] = []
    missing = [name for name in ("entries", "links", "evidence") if name not in frames]
    if missing:
        failures.append(f"cross-table checks need tables {missing}, not given")
        return failures

    entries, links, evidence = frames["entries"], frames["links"], frames["evidence"]
    entry_ids = set(entries["entry_id"].dropna())
    evidence_ids = set(evidence["entry_id"].dropna())

    without_evidence = entry_ids - evidence_ids
    if without_evidence:
        failures.append(
            f"{len(without_evidence)} entries have no evidence: {_examples(list(without_evidence))}"
        )

    orphan_evidence = evidence_ids - entry_ids
    if orphan_evidence:
        failures.append(
            f"{len(orphan_evidence)} evidence entry_ids reference no entry: "
            f"{_examples(list(orphan_evidence))}"
        )

    for column in ("commitment_entry_id", "reciprocal_entry_id"):
        dangling = links.loc[~links[column].isin(entry_ids), "link_id"]
        if len(dangling):
            failures.append(
                f"{len(dangling)} links have a {column} that is not an entry: {_examples(dangling)}"
            )

    actors = entries.drop_duplicates("entry_id").set_index("entry_id")["actor"]
    commitment_actor = links["commitment_entry_id"].map(actors)
    reciprocal_actor = links["reciprocal_entry_id"].map(actors)
    # Only judge links whose both ends resolved; dangling ends are reported above.
    both_known = commitment_actor.notna() & reciprocal_actor.notna()
    same_actor = links.loc[both_known & (commitment_actor == reciprocal_actor), "link_id"]
    if len(same_actor):
        failures.append(
            f"{len(same_actor)} links join two entries of the same actor: {_examples(same_actor)}"
        )
    return failures
