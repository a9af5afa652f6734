"""`tradeledger run --news <real articles>` succeeds and its output can be scored."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.cli import run

from .conftest import SHARED

pytestmark = pytest.mark.e2e

NEWS_DEV = SHARED / "data" / "news_dev"


@pytest.mark.needs_shared(NEWS_DEV)  # skipped when missing; fails in CI (CI=true)
def test_news_dev_run_is_scored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEDGER_HOME", str(tmp_path))
    assert run([str(NEWS_DEV / "articles.jsonl")], [], str(tmp_path)) == 0
    published = tmp_path / "published" / "tradeledger.duckdb"
    scored = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score_ledger.py"), "--db", str(published),
         "--gold", str(NEWS_DEV), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    score = json.loads(scored.stdout)
    assert score["entries_published"] > 0
    assert score["evidence_integrity"] == 1.0
    # No entry rests only on articles labelled irrelevant for their content. Items labelled
    # irrelevant only for their age ("old_news") are read: the ledger covers every year.
    with (NEWS_DEV / "article_labels.csv").open(encoding="utf-8") as fh:
        noise = {
            r["url"]
            for r in csv.DictReader(fh)
            if r["relevance"] == "irrelevant" and "old_news" not in r["topic_tags"]
        }
    con = duckdb.connect(str(published), read_only=True)
    try:
        urls = con.execute(
            "select entry_id, list(distinct url) from ledger.evidence group by entry_id"
        ).fetchall()
    finally:
        con.close()
    assert [eid for eid, us in urls if set(us) <= noise] == []
