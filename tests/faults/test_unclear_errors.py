"""Class 11: errors say what happened in this run, and rejects say why in accurate words.

A run that fails before counting must not print the counts the previous run left in the
warehouse; a Comtrade row that is only a formula (no partner breakdown) is not called a
"breakdown row".
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.cli import main
from tests.faults.conftest import GOOD_ARTICLE, assert_rows_balance, ingest

pytestmark = pytest.mark.faults


def _previous_warehouse(home: Path) -> None:
    """What an earlier run left: 1234 articles and 567 rejects, counts this run must not print."""
    path = home / "warehouse" / "warehouse.duckdb"
    path.parent.mkdir(parents=True)
    con = duckdb.connect(str(path))
    try:
        con.execute("create schema raw")
        con.execute("create schema ledger")
        con.execute("create table raw.news__articles as select range as id from range(1234)")
        con.execute("create table ledger.rejects as select range as id from range(567)")
    finally:
        con.close()


@pytest.mark.e2e  # runs the job (to its injected failure) in a home of its own
def test_a_failed_run_does_not_print_the_previous_runs_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import ingestion.news

    home = tmp_path / "home"
    _previous_warehouse(home)
    news = tmp_path / "good.jsonl"
    news.write_text(GOOD_ARTICLE)

    def crash(path: Path) -> None:
        raise RuntimeError("injected parser crash")

    monkeypatch.setattr(ingestion.news, "parse_news_file", crash)
    assert main(["run", "-q", "--home", str(home), "--news", str(news)]) == 1
    out = capsys.readouterr().out
    assert "1234" not in out and "567" not in out, out
    assert "articles loaded:  not counted (this run did not produce it)" in out
    assert "records rejected: not counted (this run did not produce it)" in out
    assert "step ingest_news failed: RuntimeError: injected parser crash" in out
    assert "NOT PUBLISHED: a blocking check or step failed; nothing was published" in out
    assert not (home / "published" / "tradeledger.duckdb").exists()


@pytest.mark.parametrize("formula", ["=SUM(A1:A9)", "@cmd", "+HYPERLINK(1)"])
def test_a_formula_only_comtrade_row_is_rejected_as_a_formula(tmp_path: Path, formula: str) -> None:
    sample = Path(__file__).resolve().parents[2] / "samples" / "trade"
    lines = (sample / "comtrade_china_magnet_exports_2025.csv").read_text().splitlines()
    width = len(lines[0].split(","))
    folder = tmp_path / "trade"
    folder.mkdir()
    path = folder / "comtrade_formula.csv"
    path.write_text("\n".join([*lines, ",".join([formula] * width)]) + "\n")
    loaded = ingest(tmp_path / "home", trade=[path])
    assert len(loaded.flows) == len(lines) - 1  # every data row of the sample loads
    [(file, position, reason, _)] = loaded.trade_rejects
    assert (file, position) == ("comtrade_formula.csv", f"line {len(lines) + 1}")
    assert reason == f"spreadsheet formula instead of a value (freqCode='{formula}')"
    assert_rows_balance(loaded)


def test_a_formula_in_one_code_field_is_named(tmp_path: Path) -> None:
    import csv

    sample = Path(__file__).resolve().parents[2] / "samples" / "trade"
    rows = list(csv.reader((sample / "comtrade_china_magnet_exports_2025.csv").open()))
    rows[1][rows[0].index("partner2Code")] = "=1+1"
    path = tmp_path / "comtrade_one.csv"
    with path.open("w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    loaded = ingest(tmp_path / "home", trade=[path])
    [(_, position, reason, _)] = loaded.trade_rejects
    assert position == "line 2"
    assert reason == "spreadsheet formula instead of a value (partner2Code='=1+1')"
    assert "breakdown" not in reason
    assert_rows_balance(loaded)
