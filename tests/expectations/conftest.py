"""Fixtures for the expectations tests: a small published database built in DuckDB.

Good frames are read back through ``read_table`` so their dtypes (dates as datetime64,
varchar[] as lists, pandas' string dtype) are exactly what the gate sees in production.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from expectations.runner import read_table

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

LEDGER_DDL = """
create schema ledger;
create table ledger.entries (
    entry_id varchar primary key, actor varchar, target varchar, kind varchar,
    is_commitment boolean, instrument varchar, products varchar, hs_codes varchar[],
    rate_before_pct double, rate_after_pct double, announced_on date, effective_on date,
    status varchar, agreement varchar, source_count integer, first_reported_on date,
    last_reported_on date, summary varchar, expires_on date
);
insert into ledger.entries values
    ('e1', 'USA', 'CHN', 'tariff_increase', false, 'IEEPA', 'all goods', null, 0, 10,
     '2025-02-01', '2025-02-04', 'implemented', null, 3, '2025-02-01', '2025-02-05',
     'The US imposes a 10% IEEPA tariff on all Chinese goods.', null),
    ('e2', 'CHN', 'USA', 'purchase_commitment', true, null, 'soybeans', ['1201'], null, null,
     '2025-10-30', null, 'announced', 'Kuala Lumpur consensus', 2, '2025-10-30', '2025-11-01',
     'China is to buy US soybeans.', null),
    ('e3', 'USA', 'CHN', 'tariff_reduction', true, 'IEEPA', 'all goods', null, 20, 10,
     '2025-10-30', '2025-11-10', 'announced', 'Kuala Lumpur consensus', 1, '2025-10-30', null,
     'The US is to cut the fentanyl tariff from 20% to 10%.', '2026-11-10'),
    ('e4', 'CHN', 'WLD', 'export_control', false, 'MOFCOM Announcement 2025 No. 18',
     'rare earths', null, null, null, null, null, 'suspended', null, 1, null, null,
     'China requires licences for seven medium and heavy rare earths.', null);
create table ledger.links (
    link_id varchar primary key, commitment_entry_id varchar, reciprocal_entry_id varchar,
    agreement varchar, basis varchar, confidence double
);
insert into ledger.links values
    ('l1', 'e2', 'e3', 'Kuala Lumpur consensus', 'in return', 0.9),
    ('l2', 'e1', 'e4', null, 'retaliation', 0.0);
create table ledger.evidence (
    entry_id varchar, article_id varchar, url varchar, published_on date, quote varchar,
    start_char integer, end_char integer
);
insert into ledger.evidence values
    ('e1', 'a1', 'https://example.org/a1', '2025-02-01', 'a 10% tariff', 0, 12),
    ('e2', 'a2', 'https://example.org/a2', null, 'buy soybeans', 40, 52),
    ('e3', 'a2', 'https://example.org/a2', null, 'cut to 10%', 60, 70),
    ('e4', 'a3', null, '2025-04-04', 'rare earths', 5, 16);
create table ledger.trade_monthly (
    reporter varchar, partner varchar, hs_code varchar, flow varchar, month date,
    quantity double, unit varchar, value_usd double, source varchar
);
insert into ledger.trade_monthly values
    ('CHN', 'USA', '1201', 'import', '2025-01-01', 1000.5, 'kg', 500.0, 'china_customs'),
    ('USA', 'CHN', '1201', 'export', '2025-02-01', 0, 'kg', null, 'census');
create table ledger.commitment_checks (
    entry_id varchar, hs_codes varchar[], reporter varchar, partner varchar, flow varchar,
    effective_month date, baseline_months integer, baseline_quantity double,
    after_months integer, after_quantity double, ratio double, verdict varchar
);
insert into ledger.commitment_checks values
    ('e2', ['1201'], 'CHN', 'USA', 'import', '2025-11-01', 3, 1e6, 1, 8e5, 0.8, 'not yet'),
    ('e2', ['1201'], 'CHN', 'EUN', 'import', null, 0, null, 0, null, null, 'no data');
create table ledger.tariff_timeline (
    actor varchar, target varchar, products varchar, hs_codes varchar[], rate_pct double,
    valid_from date, valid_to date, entry_id varchar
);
insert into ledger.tariff_timeline values
    ('USA', 'CHN', '', [], 10, '2025-02-04', '2025-03-04', 'e1'),
    ('USA', 'CHN', 'all goods', [], 20, '2025-03-04', null, 'e5'),
    ('CHN', 'USA', 'soybeans', ['1201'], 15, '2025-03-10', '2025-11-10', 'e6');
"""

TABLES = (
    "entries",
    "links",
    "evidence",
    "trade_monthly",
    "commitment_checks",
    "tariff_timeline",
)


@pytest.fixture(scope="session")
def gx_module() -> object:
    """Import GX once per session (5-9 s); later imports are sys.modules hits."""
    import great_expectations

    return great_expectations


@pytest.fixture(scope="session")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A published-style DuckDB file holding one good row set per ledger table."""
    path = tmp_path_factory.mktemp("published") / "tradeledger.duckdb"
    conn = duckdb.connect(str(path))
    try:
        conn.execute(LEDGER_DDL)
    finally:
        conn.close()
    return path


@pytest.fixture(scope="session")
def good_frames(ledger_db: Path) -> dict[str, pd.DataFrame]:
    """Every table read back through read_table, as the quality gate reads it."""
    return {table: read_table(ledger_db, table) for table in TABLES}


@pytest.fixture
def frames(good_frames: dict[str, pd.DataFrame]) -> Iterator[dict[str, pd.DataFrame]]:
    """Fresh copies a test may mutate freely."""
    yield {name: frame.copy(deep=True) for name, frame in good_frames.items()}
