"""`unsynced_commits`: the instance's SQLite files commit without an fsync per event, and keep
every committed row."""

import sqlite3

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from orchestration.instance import unsynced_commits


def _synchronous(engine) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(text("PRAGMA synchronous")).scalar_one()


def test_commits_are_kept_and_the_setting_ends_with_the_block(tmp_path):
    db = tmp_path / "events.db"
    engine = create_engine(f"sqlite:///{db}", poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("PRAGMA journal_mode=WAL"))
        conn.execute(text("create table events (n integer)"))
    with unsynced_commits():
        assert _synchronous(engine) == 1  # NORMAL
        for n in range(20):  # one connection per event, as Dagster's SQLite storage does
            with engine.begin() as conn:
                conn.execute(text("insert into events values (:n)"), {"n": n})
        # Another process-level reader sees every commit while the block is open.
        with sqlite3.connect(db) as reader:
            assert reader.execute("select count(*) from events").fetchone() == (20,)
    assert _synchronous(engine) == 2  # FULL again: the listener is gone
    with sqlite3.connect(db) as reader:
        assert reader.execute("select sum(n) from events").fetchone() == (190,)
