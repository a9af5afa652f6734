"""Every SQL block of docs/queries.md runs on a ledger published from the bundled sample."""

import re
from pathlib import Path

import duckdb
import pytest

from .conftest import REPO_ROOT

# Reads the session's shared sample run (tests/conftest.py): fast lane.

QUERIES = REPO_ROOT / "docs" / "queries.md"


def _sql_blocks() -> list[str]:
    return re.findall(r"^```sql\n(.*?)^```", QUERIES.read_text(encoding="utf-8"), re.S | re.M)


def test_the_page_has_at_least_ten_questions() -> None:
    assert len(_sql_blocks()) >= 10


@pytest.mark.parametrize("number", range(len(_sql_blocks())), ids=lambda n: f"query{n + 1}")
def test_query_runs_on_the_published_file(published: Path, number: int) -> None:
    sql = _sql_blocks()[number]
    con = duckdb.connect(str(published), read_only=True)
    try:
        cursor = con.execute(sql)
        cursor.fetchall()
        columns = [d[0] for d in cursor.description]
    finally:
        con.close()
    assert columns, sql


def test_the_june_2025_question_finds_the_licence_deal(published: Path) -> None:
    """The first question is the one analysts ask most: it must answer on the sample."""
    con = duckdb.connect(str(published), read_only=True)
    try:
        rows = con.execute(_sql_blocks()[0]).fetchall()
    finally:
        con.close()
    assert any(row[0] == "license_approval" and row[3] == "USA" for row in rows), rows
