"""The quality gate that protects the published file, by fault injection (lane e2e).

One good run publishes; then a run whose ledger breaks a Great Expectations suite and a run
whose ledger breaks a dbt test must each leave the published file byte-identical and say why;
a clean run afterwards publishes the same content as the first. These runs need a home of
their own; what the good sample run publishes is tested in test_sample_run.py on the
session's shared run.
"""

from pathlib import Path

import pytest

from orchestration.cli import run

from .conftest import query

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def first_run(home: Path) -> tuple[int, Path]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEDGER_HOME", str(home))
        code = run([], [], str(home))
    published = home / "published" / "tradeledger.duckdb"
    FIRST_CONTENT.update(_ledger_content(published) if code == 0 else {})
    return code, published


FIRST_CONTENT: dict[str, list[tuple]] = {}


def test_first_run_publishes(first_run: tuple[int, Path]) -> None:
    code, published = first_run
    assert code == 0
    assert published.exists()


def _ledger_content(db: Path) -> dict[str, list[tuple]]:
    return {
        table: query(db, f"select * from ledger.{table} order by all")
        for table in [
            "entries",
            "links",
            "evidence",
            "commitment_checks",
            "trade_monthly",
            "quarantine",
        ]
    }


def _closed_versions(home: Path) -> list[tuple]:
    return query(
        home / "warehouse" / "warehouse.duckdb",
        "select count(*) from snapshots.entries_snapshot where dbt_valid_to is not null",
    )


def test_failing_expectation_keeps_the_previous_file(
    first_run: tuple[int, Path], home: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import ingestion.extract

    published = first_run[1]
    before = published.read_bytes()
    closed_before = _closed_versions(home)
    real = ingestion.extract.extract_corpus

    def nothing_found(articles):  # an empty ledger passes dbt's tests but not the suite
        extraction = real(articles)
        extraction.statements = extraction.statements.clear()
        extraction.links = extraction.links.clear()
        return extraction

    monkeypatch.setattr(ingestion.extract, "extract_corpus", nothing_found)
    monkeypatch.setenv("LEDGER_HOME", str(home))
    assert run([], [], str(home)) == 1
    out = capsys.readouterr().out
    assert "FAILED ledger/entries gx_entries" in out
    assert "NOT PUBLISHED" in out
    assert published.read_bytes() == before
    # The history snapshot runs only after the gate: the rejected ledger closed no versions.
    assert _closed_versions(home) == closed_before


def test_failing_dbt_test_keeps_the_previous_file(
    first_run: tuple[int, Path], home: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import polars as pl

    import ingestion.extract

    published = first_run[1]
    before = published.read_bytes()
    real = ingestion.extract.extract_corpus

    def unknown_kind(articles):  # not in the registry (vocab_kinds): the relationships test fails
        extraction = real(articles)
        extraction.statements = extraction.statements.with_columns(kind=pl.lit("embargo"))
        return extraction

    monkeypatch.setattr(ingestion.extract, "extract_corpus", unknown_kind)
    monkeypatch.setenv("LEDGER_HOME", str(home))
    assert run([], [], str(home)) == 1
    out = capsys.readouterr().out
    assert "relationships_entries_kind" in out
    assert "NOT PUBLISHED" in out
    assert published.read_bytes() == before


def test_implausible_statement_is_quarantined_and_the_rest_published(
    first_run: tuple[int, Path], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import polars as pl

    import ingestion.extract

    real = ingestion.extract.extract_corpus

    def one_absurd_rate(articles):  # a 5000% tariff on the first statement only
        extraction = real(articles)
        first = pl.int_range(pl.len()) == 0
        extraction.statements = extraction.statements.with_columns(
            rate_after_pct=pl.when(first).then(5000.0).otherwise(pl.col("rate_after_pct"))
        )
        return extraction

    monkeypatch.setattr(ingestion.extract, "extract_corpus", one_absurd_rate)
    monkeypatch.setenv("LEDGER_HOME", str(home))
    assert run([], [], str(home)) == 0
    published = first_run[1]
    assert query(published, "select rule, rate_after_pct from ledger.quarantine") == [
        ("rate_out_of_range", 5000.0)
    ]
    assert query(published, "select count(*) from ledger.entries where rate_after_pct > 1000") == [
        (0,)
    ]
    assert query(published, "select count(*) from ledger.entries")[0][0] > 0


def test_clean_run_after_failures_publishes_the_same_content(
    first_run: tuple[int, Path], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    published = first_run[1]
    assert FIRST_CONTENT
    monkeypatch.setenv("LEDGER_HOME", str(home))
    assert run([], [], str(home)) == 0
    assert _ledger_content(published) == FIRST_CONTENT
    # The first run, the quarantine run and this one published; the failed runs did not.
    assert query(published, "select count(*) from ledger.runs") == [(3,)]
