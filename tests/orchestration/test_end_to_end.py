"""The whole job on the bundled sample, and the quality gate that protects the published file.

One good run publishes; then a run whose ledger breaks a Great Expectations suite and a run
whose ledger breaks a dbt test must each leave the published file byte-identical and say why;
a clean run afterwards publishes the same content as the first.
"""

from pathlib import Path

import pytest

from orchestration.cli import run

from .conftest import CONTRACT_COLUMNS, query

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


def _entry_pairs(db: Path) -> list[tuple]:
    return query(
        db,
        """
        select c.actor, c.kind, c.is_commitment, r.actor, r.kind, links.basis
        from ledger.links as links
        join ledger.entries as c on c.entry_id = links.commitment_entry_id
        join ledger.entries as r on r.entry_id = links.reciprocal_entry_id
        """,
    )


def _linked(pairs: list[tuple], side_a: tuple, side_b: tuple) -> bool:
    """True when an entry matching side_a is linked (either way round) to one matching side_b."""

    def matches(actor: str, kind: str, side: tuple) -> bool:
        return actor == side[0] and kind in side[1]

    return any(
        (matches(ca, ck, side_a) and matches(ra, rk, side_b))
        or (matches(ca, ck, side_b) and matches(ra, rk, side_a))
        for ca, ck, _, ra, rk, _ in pairs
    )


def test_sample_run_publishes_the_contract_tables(first_run: tuple[int, Path]) -> None:
    code, published = first_run
    assert code == 0
    assert published.exists()
    for table, columns in CONTRACT_COLUMNS.items():
        found = [
            row[0]
            for row in query(
                published,
                "select column_name from information_schema.columns where table_schema = 'ledger' "
                f"and table_name = '{table}' order by ordinal_position",
            )
        ]
        assert found == columns, table
        assert query(published, f"select count(*) from ledger.{table}")[0][0] > 0, table


def test_evidence_quotes_are_exact_passages(first_run: tuple[int, Path], home: Path) -> None:
    assert first_run[0] == 0
    bad = query(
        home / "warehouse" / "warehouse.duckdb",
        """
        select count(*) from ledger.evidence as evidence
        join raw.news__articles as articles using (article_id)
        where evidence.quote <> substr(
            articles.text, evidence.start_char + 1, evidence.end_char - evidence.start_char
        )
        """,
    )
    assert bad == [(0,)]


def test_geneva_commitment_is_linked_to_the_us_tariff_cut(first_run: tuple[int, Path]) -> None:
    pairs = _entry_pairs(first_run[1])
    non_tariff = ("CHN", {"other", "export_control_relaxation"})
    us_cut = ("USA", {"tariff_reduction", "tariff_suspension"})
    assert _linked(pairs, non_tariff, us_cut), pairs


def test_june_licence_commitment_is_linked_to_the_us_lifting_countermeasures(
    first_run: tuple[int, Path],
) -> None:
    pairs = _entry_pairs(first_run[1])
    assert _linked(pairs, ("CHN", {"license_approval"}), ("USA", {"export_control_relaxation"}))


def test_magnet_exports_to_the_us_resumed_after_the_licence_commitment(
    first_run: tuple[int, Path],
) -> None:
    verdicts = query(
        first_run[1],
        """
        select checks.verdict
        from ledger.commitment_checks as checks
        join ledger.entries as entries using (entry_id)
        where entries.actor = 'CHN' and entries.kind = 'license_approval'
            and checks.partner = 'USA' and list_contains(checks.hs_codes, '850511')
        """,
    )
    assert ("resumed",) in verdicts


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

    def unknown_kind(articles):  # outside the contract's vocabulary: dbt's accepted_values fails
        extraction = real(articles)
        extraction.statements = extraction.statements.with_columns(kind=pl.lit("embargo"))
        return extraction

    monkeypatch.setattr(ingestion.extract, "extract_corpus", unknown_kind)
    monkeypatch.setenv("LEDGER_HOME", str(home))
    assert run([], [], str(home)) == 1
    out = capsys.readouterr().out
    assert "accepted_values_entries_kind" in out
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
