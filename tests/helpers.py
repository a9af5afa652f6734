"""Small helpers shared by the test packages."""

from pathlib import Path

import duckdb


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    """Rows of a query on a DuckDB file opened read-only and closed at once."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def assert_matches_snapshot(snapshot: Path, current: str, what: str, test_file: str) -> None:
    """`current` equals the committed `snapshot`; UPDATE_SNAPSHOTS=1 rewrites it instead.

    On a difference, the failure shows a unified diff and how to accept an intended change.
    """
    import difflib
    import os

    how_to_update = (
        "If the change is intended, rewrite the snapshot and commit it:\n"
        f"  UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest {test_file}"
    )
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(current, encoding="utf-8")
    assert snapshot.exists(), f"no snapshot at {snapshot}.\n{how_to_update}"
    committed = snapshot.read_text(encoding="utf-8")
    if committed != current:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                current.splitlines(keepends=True),
                "snapshot (committed)",
                f"{what} (now)",
            )
        )
        raise AssertionError(f"{what} differs from {snapshot.name}:\n{diff}\n{how_to_update}")
