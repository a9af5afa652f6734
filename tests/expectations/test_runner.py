"""validate_frame with Data Docs, and read_table's connection handling."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from expectations.runner import SUITES, read_table, validate_frame

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("table", sorted(SUITES))
def test_docs_dir_gets_data_docs(
    gx_module: object, frames: dict[str, pd.DataFrame], tmp_path: Path, table: str
) -> None:
    docs_dir = tmp_path / "docs" / "quality"
    summary = validate_frame(frames[table], table, docs_dir=docs_dir)
    assert summary.success, summary.failed
    assert summary.docs_index == docs_dir / "index.html"
    assert (docs_dir / "index.html").is_file()
    pages = list((docs_dir / "validations").rglob("*.html"))
    assert pages, "no validation page written"
    result = json.loads((docs_dir / "results" / f"ledger_{table}.json").read_text())
    assert result["success"] is True


def test_docs_dir_with_failing_frame(
    gx_module: object, frames: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    frames["evidence"].loc[0, "end_char"] = 0
    summary = validate_frame(frames["evidence"], "evidence", docs_dir=tmp_path)
    assert not summary.success
    assert summary.failed[0].startswith("expect_column_pair_values_a_to_be_greater_than_b")
    assert (tmp_path / "index.html").is_file()


def test_validation_writes_only_into_docs_dir(
    gx_module: object,
    frames: dict[str, pd.DataFrame],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """GX runs from code with an ephemeral context: no gx/ folder anywhere, in the checkout
    or in the working directory; only docs_dir receives files."""
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    docs = tmp_path / "docs" / "quality"
    validate_frame(frames["entries"], "entries", docs_dir=docs, run_name="r1")
    validate_frame(frames["links"], "links")
    assert list(workdir.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cwd", "docs"]
    assert not (REPO_ROOT / "expectations" / "gx").exists()
    assert (docs / "results" / "ledger_entries.json").is_file()


def test_read_table_releases_the_file(ledger_db: Path) -> None:
    frame = read_table(ledger_db, "entries")
    assert len(frame) == 4
    # A read-write connection in the same process fails while a read-only one is open.
    conn = duckdb.connect(str(ledger_db))
    conn.close()


def test_read_table_rejects_non_identifiers(ledger_db: Path) -> None:
    with pytest.raises(ValueError):
        read_table(ledger_db, "entries; drop table ledger.links")


def test_a_second_run_in_the_same_docs_dir_keeps_the_first(
    gx_module: object, frames: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    docs = tmp_path / "quality"
    for run in ("run-1", "run-2"):
        summary = validate_frame(frames["links"], "links", docs_dir=docs, run_name=run)
        assert summary.success, summary.failed
    runs = sorted(p.name for p in (docs / "validations" / "ledger_links").iterdir())
    assert runs == ["run-1", "run-2"]
    assert [p.name for p in (docs / "expectations").glob("*.html")] == ["ledger_links.html"]
