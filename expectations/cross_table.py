"""Rules that span published tables; plain pandas (no GX), so they are cheap to run.

Only rules dbt does not state live here. dbt's data tests already enforce, as blocking
checks before this one runs:
- every entry has at least one evidence row (``every_row_has_match`` on entries.entry_id);
- every evidence row references an existing entry (``relationships`` on evidence.entry_id);
- every link joins two existing entries (``relationships`` on links.commitment_entry_id and
  links.reciprocal_entry_id).
"""

from __future__ import annotations

import pandas as pd

_MAX_EXAMPLES = 5
TABLES = ("entries", "links")


def _examples(values: pd.Series | list[str]) -> str:
    """Render a few offending ids so a failure message is actionable but short."""
    items = sorted({str(v) for v in values})
    shown = ", ".join(items[:_MAX_EXAMPLES])
    more = f" (+{len(items) - _MAX_EXAMPLES} more)" if len(items) > _MAX_EXAMPLES else ""
    return shown + more


def cross_table_failures(frames: dict[str, pd.DataFrame]) -> list[str]:
    """Check the rules that join ledger tables; return failure messages, empty when fine.

    ``frames`` is keyed by table name ("entries", "links"). A rule whose tables are not all
    present is reported as a failure rather than skipped, because a silently skipped rule
    would let the gate pass on incomplete input.

    Rule: the two entries of a link belong to different actors (a commitment is bought by
    the other side's measure, never by the same actor's).
    """
    missing = [name for name in TABLES if name not in frames]
    if missing:
        return [f"cross-table checks need tables {missing}, not given"]

    entries, links = frames["entries"], frames["links"]
    actors = entries.drop_duplicates("entry_id").set_index("entry_id")["actor"]
    commitment_actor = links["commitment_entry_id"].map(actors)
    reciprocal_actor = links["reciprocal_entry_id"].map(actors)
    # Only judge links whose both ends resolved; dangling ends are dbt's relationships tests'.
    both_known = commitment_actor.notna() & reciprocal_actor.notna()
    same_actor = links.loc[both_known & (commitment_actor == reciprocal_actor), "link_id"]
    if len(same_actor):
        return [
            f"{len(same_actor)} links join two entries of the same actor: {_examples(same_actor)}"
        ]
    return []
