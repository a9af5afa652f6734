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
