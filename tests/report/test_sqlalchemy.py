"""BI tools through SQLAlchemy: the published schema reflects with keys and comments."""

import warnings
from pathlib import Path

import sqlalchemy as sa

from bi.dialect import column_type

# Reads the session's shared sample run (tests/conftest.py): fast lane.


def test_duckdb_types_map_to_sqlalchemy_types() -> None:
    assert isinstance(column_type("VARCHAR[]"), sa.ARRAY)
    assert isinstance(column_type("VARCHAR[]").item_type, sa.String)
    assert column_type("DECIMAL(18,3)").precision == 18
    assert column_type("TIMESTAMP WITH TIME ZONE").timezone is True
    assert isinstance(column_type("GEOMETRY"), sa.types.NullType)


def test_published_schema_reflects_with_keys_and_comments(published: Path) -> None:
    # The dialect is found by its entry point, as a BI tool would find it from the URL alone.
    engine = sa.create_engine(f"duckdb+tradeledger:///{published}?access_mode=read_only")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no "cannot reflect" warning either
            metadata = sa.MetaData()
            metadata.reflect(bind=engine, schema="ledger")
        tables = {name.removeprefix("ledger."): table for name, table in metadata.tables.items()}
        assert {"entries", "links", "evidence", "tariff_timeline", "runs"} <= tables.keys()
        assert len(tables) >= 10
        assert all(t.comment for t in tables.values()), [
            n for n, t in tables.items() if not t.comment
        ]
        columns = [c for t in tables.values() for c in t.columns]
        assert sum(1 for c in columns if c.comment) >= 0.9 * len(columns)
        assert tables["entries"].primary_key.columns.keys() == ["entry_id"]
        assert tables["links"].primary_key.columns.keys() == ["link_id"]
        assert tables["tariff_timeline"].primary_key.columns.keys() == ["entry_id"]
        assert isinstance(tables["entries"].c.hs_codes.type, sa.ARRAY)
        assert tables["entries"].c.entry_id.nullable is False
        with engine.connect() as con:
            count = con.execute(sa.select(sa.func.count()).select_from(tables["entries"])).scalar()
        assert count and count > 0
    finally:
        engine.dispose()
    # Read-only: the file stays openable by the next publication (no lock left behind).
    import duckdb

    duckdb.connect(str(published), read_only=True).close()
