"""What the session's sample run publishes (fast lane: the run is tests/conftest.py's, shared).

The whole job ran once on the bundled sample in a home outside the checkout: the contract's
tables, exact evidence, the known links and verdicts, and a checkout the run left untouched.
"""

import re
import subprocess
from pathlib import Path

from tests.conftest import IN_CI, REPO_ROOT, SampleRun

from .conftest import CONTRACT_COLUMNS, query


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


def test_sample_run_publishes_the_contract_tables(published: Path) -> None:
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


def test_evidence_quotes_are_exact_passages(sample_home: Path) -> None:
    bad = query(
        sample_home / "warehouse" / "warehouse.duckdb",
        """
        select count(*) from ledger.evidence as evidence
        join raw.news__articles as articles using (article_id)
        where evidence.quote <> substr(
            articles.text, evidence.start_char + 1, evidence.end_char - evidence.start_char
        )
        """,
    )
    assert bad == [(0,)]


def test_geneva_commitment_is_linked_to_the_us_tariff_cut(published: Path) -> None:
    pairs = _entry_pairs(published)
    non_tariff = ("CHN", {"other", "export_control_relaxation"})
    us_cut = ("USA", {"tariff_reduction", "tariff_suspension"})
    assert _linked(pairs, non_tariff, us_cut), pairs


def test_june_licence_commitment_is_linked_to_the_us_lifting_countermeasures(
    published: Path,
) -> None:
    pairs = _entry_pairs(published)
    assert _linked(pairs, ("CHN", {"license_approval"}), ("USA", {"export_control_relaxation"}))


def test_magnet_exports_to_the_us_resumed_after_the_licence_commitment(
    published: Path,
) -> None:
    verdicts = query(
        published,
        """
        select checks.verdict
        from ledger.commitment_checks as checks
        join ledger.entries as entries using (entry_id)
        where entries.actor = 'CHN' and entries.kind = 'license_approval'
            and checks.partner = 'USA' and list_contains(checks.hs_codes, '850511')
        """,
    )
    assert ("resumed",) in verdicts


def test_the_run_writes_nothing_into_the_checkout(sample_run: SampleRun) -> None:
    """GX results and Data Docs, dbt's warehouse and docs, Dagster's instance: all in the home.

    Compares `git status --porcelain` (and the content of any local change) before and after
    the run, so it holds on a developer's checkout with edits too; on a clean CI clone the
    status must also be empty.
    """
    assert sample_run.code == 0
    assert sample_run.checkout_after == sample_run.checkout_before, (
        "the run changed the checkout (git status / diff before vs after):\n"
        f"{sample_run.checkout_before}---\n{sample_run.checkout_after}"
    )
    assert not (REPO_ROOT / "expectations" / "gx").exists()
    assert (sample_run.home / "docs" / "quality" / "index.html").is_file()
    assert list((sample_run.home / "docs" / "quality" / "results").glob("ledger_*.json"))
    if IN_CI:
        assert sample_run.checkout_before.startswith("diff "), sample_run.checkout_before


def test_what_runs_leave_in_the_checkout_is_ignored() -> None:
    """`make run`'s home is var/ in the checkout; dbt writes target/, logs/ (and would write
    dbt_packages/, .user.yml) in the project folder: git ignores all of them."""
    makefile = (REPO_ROOT / "Makefile").read_text()
    assert re.search(r"^export LEDGER_HOME \?= \$\(CURDIR\)/var$", makefile, re.M)
    paths = [
        "var/published/tradeledger.duckdb",
        "var/docs/quality/index.html",
        "var/warehouse/warehouse.duckdb",
        "dbt_project/target/manifest.json",
        "dbt_project/logs/dbt.log",
        "dbt_project/dbt_packages/some_package/dbt_project.yml",
        "dbt_project/.user.yml",
        ".pycache/x.pyc",
    ]
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert sorted(done.stdout.split()) == sorted(paths), done.stdout + done.stderr
