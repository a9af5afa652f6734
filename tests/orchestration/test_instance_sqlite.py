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


def test_a_file_created_in_the_block_is_held_once_it_is_in_wal_mode(tmp_path):
    """A new run's event log is created during the run, first in rollback-journal mode; once
    Dagster has switched it to WAL, closing the per-event connections must not checkpoint it
    (the last close of a file's connections deletes its write-ahead log after a checkpoint)."""
    db = tmp_path / "run.db"
    engine = create_engine(f"sqlite:///{db}", poolclass=NullPool)
    wal = tmp_path / "run.db-wal"
    with unsynced_commits():
        with engine.begin() as conn:  # as Dagster's _initdb: tables first, then WAL
            conn.execute(text("create table events (n integer)"))
        with engine.begin() as conn:
            conn.execute(text("PRAGMA journal_mode=WAL"))
        for n in range(5):
            with engine.begin() as conn:
                conn.execute(text("insert into events values (:n)"), {"n": n})
            # Still there after the event's connection closed: nothing was checkpointed.
            assert wal.exists()
    # Leaving the block closes the keeper: the last close checkpoints the file once.
    assert not wal.exists()
    with sqlite3.connect(db) as reader:
        assert reader.execute("select sum(n) from events").fetchone() == (10,)
