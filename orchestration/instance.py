"""The Dagster instance of a home: `<home>/dagster`, shared by the CLI, the UI and the daemon.

Every run, whether started by `tradeledger run`, from the UI, or by the schedule and the sensor,
is recorded there, so the UI shows its materializations and check results.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import dagster as dg

from orchestration.paths import LedgerPaths

# The one name of the code location: pyproject.toml's [tool.dagster] code_location_name says the
# same for `dagster dev` started from the repository.
CODE_LOCATION = "tradeledger"
DEFINITIONS_MODULE = "orchestration.definitions"
REPO_ROOT = Path(__file__).resolve().parents[1]
INSTANCE_TEMPLATE = Path(__file__).with_name("dagster_instance.yaml")


def instance_dir(paths: LedgerPaths) -> Path:
    """DAGSTER_HOME of a home."""
    return paths.home / "dagster"


def prepare_instance_dir(paths: LedgerPaths) -> Path:
    """Create `<home>/dagster` with its dagster.yaml (kept when present) and workspace.yaml."""
    home = instance_dir(paths)
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "dagster.yaml"
    if not settings.exists():
        shutil.copyfile(INSTANCE_TEMPLATE, settings)
    workspace = home / "workspace.yaml"
    text = (
        "# Written by tradeledger: the code location the UI and the daemon load.\n"
        "load_from:\n"
        "  - python_module:\n"
        f"      module_name: {DEFINITIONS_MODULE}\n"
        f"      location_name: {CODE_LOCATION}\n"
        f"      working_directory: {REPO_ROOT}\n"
    )
    if not workspace.exists() or workspace.read_text(encoding="utf-8") != text:
        workspace.write_text(text, encoding="utf-8")
    return home


def open_instance(paths: LedgerPaths) -> dg.DagsterInstance:
    """The home's persistent instance (close it with `dispose()` or a `with` block)."""
    return dg.DagsterInstance.from_config(str(prepare_instance_dir(paths)))


@contextlib.contextmanager
def unsynced_commits() -> Iterator[None]:
    """While in the block, the instance's SQLite files commit without waiting for the disk.

    Dagster's SQLite storage opens, commits and closes a connection per event (several hundred
    per run). Each commit waits for an fsync (`synchronous=FULL`), and each close of the last
    connection to a file checkpoints its write-ahead log, another fsync: on a busy disk that was
    5-13 s of a repeat run's 25 s. Here every SQLite connection gets `synchronous=NORMAL`
    (in WAL mode, which Dagster sets: consistent after a crash or power loss, only the last
    commits before a power loss may be lost), and one idle connection per file is kept open (it
    holds the file's shared lock, no transaction) so that closing the per-event connections no
    longer checkpoints. On leaving, those are closed:
    the last close checkpoints each file once.
    """
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    keepers: dict[str, sqlite3.Connection] = {}
    # Files whose keeper read them in WAL mode, and so holds their shared lock.
    holding: set[str] = set()

    def on_connect(dbapi_connection: object, _record: object) -> None:
        if not isinstance(dbapi_connection, sqlite3.Connection):
            return
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        for _seq, name, file in dbapi_connection.execute("PRAGMA database_list").fetchall():
            if name != "main" or not file or file in holding:
                continue
            keeper = keepers.get(file)
            if keeper is None:
                keeper = keepers[file] = sqlite3.connect(file, check_same_thread=False)
            # A read opens the write-ahead log: from then on the keeper holds the file's
            # shared lock (no transaction stays open, so it blocks no writer). A file Dagster
            # has just created (a new run's event log) is not in WAL mode yet at its first
            # connection, and a read then holds nothing: the keeper reads again at the next
            # connection, until the file is in WAL mode.
            (mode,) = dbapi_connection.execute("PRAGMA journal_mode").fetchone()
            keeper.execute("select count(*) from sqlite_master").fetchall()
            if str(mode).lower() == "wal":
                holding.add(file)

    event.listen(Engine, "connect", on_connect)
    try:
        yield
    finally:
        event.remove(Engine, "connect", on_connect)
        for keeper in keepers.values():
            with contextlib.suppress(sqlite3.Error):
                keeper.close()
