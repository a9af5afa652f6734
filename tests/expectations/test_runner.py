"""validate_frame and validate_frames with Data Docs, and read_table's connection handling."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from expectations.runner import (
    SUITES,
    columns_checked,
    read_table,
    validate_frame,
    validate_frames,
)

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


def test_several_tables_in_one_call_each_get_their_result_and_page(
    gx_module: object, frames: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    """The quality gate validates every suite table in one call: each table is judged on its
    own frame (a failing one fails alone), and each gets its page and result under docs_dir."""
    docs = tmp_path / "quality"
    frames["evidence"].loc[0, "end_char"] = 0
    summaries = validate_frames(
        {t: frames[t] for t in ("entries", "evidence", "links")}, docs_dir=docs, run_name="run-7"
    )
    assert sorted(summaries) == ["entries", "evidence", "links"]
    assert summaries["entries"].success and summaries["links"].success
    assert not summaries["evidence"].success
    assert (
        summaries["evidence"]
        .failed[0]
        .startswith("expect_column_pair_values_a_to_be_greater_than_b")
    )
    assert summaries["entries"].suite == "ledger_entries"
    for table in ("entries", "evidence", "links"):
        [page] = (docs / "validations" / f"ledger_{table}" / "run-7").rglob("*.html")
        text = page.read_text(encoding="utf-8")
        assert f"Table:</strong> ledger.{table}" in text
        assert "Run:</strong> run-7" in text
        result = json.loads((docs / "results" / f"ledger_{table}.json").read_text())
        assert result["success"] is (table != "evidence")
    index = (docs / "index.html").read_text(encoding="utf-8")
    assert index.count("<td>run-7</td>") == 3
    # Without docs_dir the same verdicts, and nothing written.
    again = validate_frames({t: frames[t] for t in ("entries", "evidence")})
    assert [s.success for s in again.values()] == [True, False]


def test_one_suite_given_twice_is_refused(
    gx_module: object, frames: dict[str, pd.DataFrame]
) -> None:
    with pytest.raises(ValueError, match="twice"):
        validate_frames({"links": frames["links"], "ledger_links": frames["links"]})


@pytest.mark.parametrize("table", sorted(SUITES))
def test_the_columns_a_suite_reads_give_the_same_verdict(
    gx_module: object, ledger_db: Path, table: str
) -> None:
    """The gate reads only the columns a suite names (every row): same verdict, counts and
    failure lines as on the whole table, for a good table and a broken one."""
    columns = columns_checked(table)
    assert columns, table
    whole = read_table(ledger_db, table)
    part = read_table(ledger_db, table, columns)
    assert list(part.columns) == columns and len(part) == len(whole)
    broken_whole, broken_part = whole.copy(), part.copy()
    first_column = columns[0]
    broken_whole[first_column] = None
    broken_part[first_column] = None
    for full, projected in ((whole, part), (broken_whole, broken_part)):
        a, b = validate_frame(full, table), validate_frame(projected, table)
        assert (a.success, a.evaluated, a.failed) == (b.success, b.evaluated, b.failed)


def test_a_suite_about_the_whole_table_reads_every_column(
    gx_module: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import great_expectations as gx
    import great_expectations.expectations as gxe

    def with_column_list() -> gx.ExpectationSuite:
        return gx.ExpectationSuite(
            name="ledger_links",
            expectations=[
                gxe.ExpectColumnValuesToNotBeNull(column="confidence"),
                gxe.ExpectTableColumnsToMatchOrderedList(column_list=["a", "b"]),
            ],
        )

    def row_count_only() -> gx.ExpectationSuite:
        return gx.ExpectationSuite(
            name="ledger_links",
            expectations=[
                gxe.ExpectTableRowCountToBeBetween(min_value=1),
                gxe.ExpectColumnValuesToNotBeNull(column="confidence"),
            ],
        )

    monkeypatch.setitem(SUITES, "links", with_column_list)
    assert columns_checked("links") is None
    monkeypatch.setitem(SUITES, "links", row_count_only)
    assert columns_checked("links") == ["confidence"]


def test_read_table_rejects_non_identifier_columns(ledger_db: Path) -> None:
    with pytest.raises(ValueError):
        read_table(ledger_db, "entries", ["entry_id", "1; drop table ledger.links"])


@pytest.mark.parametrize("table", sorted(SUITES))
def test_read_table_gives_gx_the_frame_duckdb_would(ledger_db: Path, table: str) -> None:
    """read_table goes through Arrow for speed; once dates are normalised for GX, the columns
    the gate reads are the ones DuckDB's own .df() gives (values and dtypes)."""
    from expectations.runner import _normalise_dates

    columns = columns_checked(table)
    assert columns
    conn = duckdb.connect(str(ledger_db), read_only=True)
    try:
        expected = conn.sql(f"select * from ledger.{table}").df()[columns]
    finally:
        conn.close()
    pd.testing.assert_frame_equal(
        _normalise_dates(read_table(ledger_db, table, columns)), _normalise_dates(expected)
    )
