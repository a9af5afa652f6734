"""What the bundled sample publishes, compared with a committed expectation of its content.

A change to the wiring, the house or the gate must publish the same ledger for the same inputs;
a change that means to alter it (an extractor rule, a model) shows up here as a readable diff of
tests/orchestration/snapshots/sample_ledger.json. Per table: the row count and a digest of
every row (sorted, columns in contract order), leaving out what differs from run to run (run
ids, times, the home's paths); the entries also as one readable line each.

To accept an intended change, rewrite the snapshot and commit it:

    UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/orchestration/test_sample_ledger_snapshot.py
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb

from tests.helpers import assert_matches_snapshot

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "sample_ledger.json"
# Columns that hold the run's identity or clock, not the ledger's content.
VOLATILE = {
    "runs": None,  # one row per run: ids, times, inputs of this home
    "entries_history": {"changed_by_run_id", "valid_from", "valid_to"},
    "rejects": {"loaded_at", "source_file"},
}


def ledger_content(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [
            name
            for (name,) in con.sql(
                "select table_name from information_schema.tables "
                "where table_schema = 'ledger' order by table_name"
            ).fetchall()
        ]
        out: dict[str, object] = {}
        for table in tables:
            if table in VOLATILE and VOLATILE[table] is None:
                continue
            columns = [
                name
                for (name,) in con.sql(
                    "select column_name from information_schema.columns where table_schema = "
                    "'ledger' and table_name = ? order by ordinal_position",
                    params=[table],
                ).fetchall()
                if name not in (VOLATILE.get(table) or set())
            ]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = con.sql(f"select {quoted} from ledger.{table} order by all").fetchall()
            digest = hashlib.sha256(
                "\n".join(json.dumps([str(v) for v in row]) for row in rows).encode()
            ).hexdigest()
            out[table] = {"rows": len(rows), "sha256": digest}
        out["entries (readable)"] = [
            " ".join(str(v) for v in row)
            for row in con.sql(
                "select actor, target, kind, status, rate_before_pct, rate_after_pct, "
                "announced_on, effective_on from ledger.entries order by all"
            ).fetchall()
        ]
        return out
    finally:
        con.close()


def test_the_sample_publishes_the_expected_ledger(published: Path) -> None:
    assert_matches_snapshot(
        SNAPSHOT,
        json.dumps(ledger_content(published), indent=1, sort_keys=True) + "\n",
        "The sample's published ledger",
        "tests/orchestration/test_sample_ledger_snapshot.py",
    )
