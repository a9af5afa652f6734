"""Publication: copy the checked ledger tables into a new version and switch it in atomically.

Readers open `published/tradeledger.duckdb` read-only, or the Parquet copies in
`published/parquet/`. Both are links through `published/current`, which names one complete
version folder (the DuckDB file and its Parquet set of one run). A new version is built in a
hidden folder, checkpointed, closed and fsynced, then `current` is replaced by one rename: a
reader sees the old version or the new one, never a half-built one nor a file of one run with
the copies of another, and a run that fails before that rename leaves the old version untouched.
The layout needs symbolic links (POSIX; Windows is not a target).
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import json
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

# The ledger tables a published file holds; readers depend on them (README, the contract).
PUBLISHED_TABLES = (
    "entries",
    "links",
    "evidence",
    "trade_monthly",
    "commitment_checks",
    "rejects",
    "entries_history",
    "quarantine",
    "tariff_timeline",
)

RUNS_DDL = """
create table ledger.runs (
    run_id varchar primary key,
    started_at timestamptz,
    finished_at timestamptz,
    inputs json,
    row_counts json,
    checks_passed integer,
    checks_failed integer
)
"""


@dataclass
class RunRecord:
    """What one run published, kept in ledger.runs (one row per published run)."""

    run_id: str
    started_at: dt.datetime
    inputs: list[dict[str, str]]
    checks_passed: int
    checks_failed: int


def _sql_path(path: Path) -> str:
    """A path as a SQL string literal (paths may contain quotes)."""
    return _sql_text(str(path))


def _sql_text(text: str) -> str:
    """Any text as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


@dataclass
class TableDoc:
    """What dbt says about one published table: its description and its columns'."""

    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def table_docs_from_manifest(manifest: Path, schema: str = "ledger") -> dict[str, TableDoc]:
    """Descriptions of the tables dbt puts (models) or declares (sources) in `schema`.

    Read from dbt's manifest.json: model and column descriptions of the marts, and of the
    sources that stand for tables the publish step writes itself (ledger.runs).
    """
    nodes = json.loads(manifest.read_text(encoding="utf-8"))
    docs: dict[str, TableDoc] = {}
    described = [
        (node.get("alias") or node["name"], node)
        for node in nodes["nodes"].values()
        if node["resource_type"] in ("model", "snapshot") and node["schema"] == schema
    ] + [(src["name"], src) for src in nodes["sources"].values() if src["schema"] == schema]
    for name, node in described:
        docs[name] = TableDoc(
            description=_one_line(node.get("description")),
            columns={
                column: _one_line(spec.get("description"))
                for column, spec in node.get("columns", {}).items()
                if _one_line(spec.get("description"))
            },
        )
    return docs


def _comment(con: duckdb.DuckDBPyConnection, table: str, doc: TableDoc | None) -> None:
    """Put a table's dbt descriptions on it and its columns as DuckDB comments."""
    if doc is None:
        return
    if doc.description:
        con.execute(f"comment on table ledger.{table} is {_sql_text(doc.description)}")
    existing = {
        row[0]
        for row in con.execute(
            "select column_name from duckdb_columns() "
            "where schema_name = 'ledger' and table_name = ?",
            [table],
        ).fetchall()
    }
    for column, text in doc.columns.items():
        if column in existing:
            con.execute(f'comment on column ledger.{table}."{column}" is {_sql_text(text)}')


def _parquet_metadata(table: str, doc: TableDoc | None) -> str:
    """COPY option giving a Parquet file its table's descriptions as key-value metadata."""
    doc = doc or TableDoc()
    pairs = {
        "table": f"ledger.{table}",
        "description": doc.description,
        "column_descriptions": json.dumps(doc.columns, ensure_ascii=False),
    }
    return "kv_metadata {" + ", ".join(f'"{k}": {_sql_text(v)}' for k, v in pairs.items()) + "}"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    """fsync every file under `folder`, then every folder bottom-up, then `folder` itself."""
    for root, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            _fsync(Path(root) / name)
        for name in dirs:
            _fsync(Path(root) / name)
    _fsync(folder)


def _pid_alive(pid: int) -> bool:
    """True when a process with this id exists (signal 0 only checks)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _abandoned(pid: str) -> bool:
    """True for this process's own pid or that of a publisher no longer alive."""
    return pid.isdigit() and (int(pid) == os.getpid() or not _pid_alive(int(pid)))


# The versioned layout of `<home>/published/` (see publish()):
VERSIONS = "versions"  # versions/<UTC time>-<run id>/ with tradeledger.duckdb and parquet/
CURRENT = "current"  # symlink -> versions/<the version readers see>
UNREADABLE = "unreadable"  # damaged versions set aside, never deleted by the publisher
LEGACY_PARQUET_VERSIONS = "parquet-versions"  # the layout before `current` (links per set)
# Versions kept on disk: the current one and the ones before it (readers that opened an older
# file or Parquet set keep reading it; a reader that resolves a path now gets the current one).
KEEP_VERSIONS = 3


def _stamp(when: dt.datetime | None = None) -> str:
    return (when or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def _remove_leftovers(published_dir: Path, target: Path, parquet_dir: Path | None) -> None:
    """Delete what publishers that died before their renames left (killed, crashed).

    A killed run leaves a staging folder `versions/.building-<pid>` and maybe a temp link
    `.<name>.<pid>.link` (or `.<name>.<pid>.link-old`, an old-layout folder moved away); the
    layouts before this one left `.<file>.<pid>.building*` files and
    `parquet-versions/.building-<pid>` folders. They are named after the dead publisher's pid,
    which this run's never matches: match any pid, but spare a publisher still alive.
    """
    for leftover in published_dir.glob(".*.*.link*"):  # also `.link-old`, a folder moved away
        if _abandoned(leftover.name.rsplit(".", 2)[-2]):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
    for leftover in published_dir.glob(f".{target.name}.*.building*"):
        if _abandoned(leftover.name.removeprefix(f".{target.name}.").split(".", 1)[0]):
            leftover.unlink(missing_ok=True)
    if parquet_dir is not None:
        for link in published_dir.glob(f".{parquet_dir.name}.*.building-link"):
            if _abandoned(link.name.removeprefix(f".{parquet_dir.name}.").split(".", 1)[0]):
                link.unlink(missing_ok=True)
    folders = [published_dir / VERSIONS, published_dir / LEGACY_PARQUET_VERSIONS]
    if parquet_dir is not None and parquet_dir.is_dir() and not parquet_dir.is_symlink():
        folders.append(parquet_dir)  # the layout with a plain Parquet folder
    for folder in folders:
        if folder.is_dir():
            for staging in folder.glob(".building-*"):
                if _abandoned(staging.name.removeprefix(".building-")):
                    shutil.rmtree(staging, ignore_errors=True)


def _link_over(published_dir: Path, name: str, points_to: str) -> None:
    """Make `published_dir/name` a symlink to `points_to` with one rename of a new link.

    rename(2) replaces a file or a link atomically. A real folder cannot be renamed over, so a
    folder of the old layout is exchanged with the new link in one step (renameat2 with
    RENAME_EXCHANGE, Linux) and then deleted: readers that opened a file in it keep reading it.
    Where the exchange is not supported it is moved away first: a moment without that name.
    """
    path = published_dir / name
    link = published_dir / f".{name}.{os.getpid()}.link"
    link.unlink(missing_ok=True)
    link.symlink_to(points_to)
    if path.is_dir() and not path.is_symlink():
        if not _exchange(link, path):
            os.replace(path, link.with_name(link.name + "-old"))
            os.replace(link, path)
            link = link.with_name(link.name + "-old")
        _fsync(published_dir)
        shutil.rmtree(link, ignore_errors=True)  # now the old folder
    else:
        os.replace(link, path)
    _fsync(published_dir)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two names atomically (renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _readlink(path: Path) -> str | None:
    """Where a symlink points (its text), None when `path` is not a symlink."""
    return os.readlink(path) if path.is_symlink() else None


def _stable_names(target: Path, parquet_dir: Path | None) -> list[str]:
    """The names readers open in the published folder: the DuckDB file, the Parquet folder."""
    return [target.name] + ([parquet_dir.name] if parquet_dir is not None else [])


def _copy_in(source: Path, dest: Path) -> None:
    """Hard-link (else copy) a file, or every file of a folder, to `dest`: same bytes."""
    if source.is_dir():
        dest.mkdir()
        for child in source.iterdir():
            if child.is_file():
                _copy_in(child, dest / child.name)
        return
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)


def _migrate(published_dir: Path, names: Sequence[str]) -> None:
    """Turn the reader names of an older layout into links through `current`, unchanged in content.

    Layouts before this one had a plain file `tradeledger.duckdb` and a plain folder `parquet/`
    (or a link `parquet` -> `parquet-versions/<set>`). What they show is first gathered, by hard
    links, into a version `versions/<time>-legacy/` that `current` names; then each name is
    replaced by its link through `current` in one rename. Before and after each step readers
    get the same bytes, so nothing is missing or mixed at any moment; the new version is
    switched in afterwards as usual. A name already linked through `current` is left alone.
    """
    wanted = {name: f"{CURRENT}/{name}" for name in names}
    todo = [n for n in names if _readlink(published_dir / n) != wanted[n]]
    if not todo:
        return
    current = published_dir / CURRENT
    if not current.is_symlink():
        old = [published_dir / n for n in names if (published_dir / n).exists()]
        if old:
            when = dt.datetime.fromtimestamp(max(p.stat().st_mtime for p in old), dt.UTC)
            legacy = f"{_stamp(when)}-legacy"
            staging = published_dir / VERSIONS / f".building-{os.getpid()}"
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            for path in old:
                _copy_in(path, staging / path.name)
            _fsync_tree(staging)
            # A publisher killed before it pointed `current` here may have left this version:
            # nothing names it, so it is made again.
            shutil.rmtree(published_dir / VERSIONS / legacy, ignore_errors=True)
            os.replace(staging, published_dir / VERSIONS / legacy)
            _fsync(published_dir / VERSIONS)
            _link_over(published_dir, CURRENT, f"{VERSIONS}/{legacy}")
    for name in todo:
        _link_over(published_dir, name, wanted[name])


def current_version(published_dir: Path) -> str | None:
    """The name of the version `published/current` points to (None before the first one)."""
    text = _readlink(published_dir / CURRENT)
    return Path(text).name if text else None


def _prune(published_dir: Path, new: str, previous: str | None) -> None:
    """Delete versions beyond the newest KEEP_VERSIONS, never the new one or the one before it.

    Names start with the UTC time of their publication, so they sort by age. A version a
    killed publisher completed but never switched to is older than `new` and goes the same way.
    The folders of the layout before `current` (`parquet-versions/`) go once `current` exists.
    """
    versions = published_dir / VERSIONS
    names = sorted((p.name for p in versions.iterdir() if not p.name.startswith(".")), reverse=True)
    keep = {new} | ({previous} if previous in names else set())
    for name in names:
        if len(keep) >= KEEP_VERSIONS:
            break
        keep.add(name)
    for name in names:
        if name not in keep:
            shutil.rmtree(versions / name, ignore_errors=True)
    shutil.rmtree(published_dir / LEGACY_PARQUET_VERSIONS, ignore_errors=True)


@dataclass
class SetAside:
    """A published file that could not be read, and where it was moved."""

    path: Path
    reason: str


def _unreadable(target: Path) -> str | None:
    """Why `target` cannot be read as a published ledger (None when it can)."""
    try:
        con = duckdb.connect(str(target), read_only=True)
        try:
            con.execute("select count(*) from ledger.runs").fetchone()
            tables = con.execute(
                "select table_name from duckdb_tables() where schema_name = 'ledger'"
            ).fetchall()
            for (table,) in tables:
                # Hashing every row reads every block (in DuckDB, nothing comes to Python): a
                # file cut short fails here.
                con.execute(f'select bit_xor(hash(t)) from ledger."{table}" t').fetchone()
        finally:
            con.close()
    except duckdb.Error as exc:
        text = " ".join(str(exc).split())
        return f"{type(exc).__name__}: {text[:200]}"
    return None


def set_aside_if_unreadable(target: Path) -> SetAside | None:
    """Move a damaged published file (truncated, empty, not DuckDB, no ledger.runs) aside.

    In the versioned layout `target` is a link through `current` into `versions/<version>/`:
    that whole version (the file and its Parquet set) is moved to
    `unreadable/<version>.unreadable-<UTC time>/`, and SetAside.path is the damaged file there.
    A plain file of the layout before versions is renamed to `<name>.unreadable-<UTC time>`
    beside the live name. Nothing is deleted, and the run then publishes a good version in its
    place (until it does, readers find no file rather than a damaged one); the run history of
    the damaged file cannot be carried over. A file that reads is left alone (None).
    """
    if not target.exists():
        return None
    reason = _unreadable(target)
    if reason is None:
        return None
    published_dir = target.parent
    stamp = _stamp()
    real = Path(os.path.realpath(target))
    versions = Path(os.path.realpath(published_dir / VERSIONS))
    if target.is_symlink() and real.parent.parent == versions:
        aside_dir = published_dir / UNREADABLE / f"{real.parent.name}.unreadable-{stamp}"
        aside_dir.parent.mkdir(exist_ok=True)
        os.replace(real.parent, aside_dir)
        _fsync(versions)
        return SetAside(aside_dir / real.name, reason)
    aside = target.with_name(f"{target.name}.unreadable-{stamp}")
    os.replace(target, aside)
    wal = target.with_name(target.name + ".wal")
    if wal.exists():
        os.replace(wal, aside.with_name(aside.name + ".wal"))
    return SetAside(aside, reason)


SNAPSHOT_TABLE = "snapshots.entries_snapshot"
# Where dbt's entries_snapshot merges a run's versions (its alias): the recorded history
# (SNAPSHOT_TABLE) becomes this table only once the run passed the quality gate.
PENDING_SNAPSHOT_TABLE = "snapshots.entries_snapshot_pending"


def _has_table(con: duckdb.DuckDBPyConnection, qualified: str) -> bool:
    schema, table = qualified.split(".")
    found = con.execute(
        "select count(*) from duckdb_tables() where schema_name = ? and table_name = ?",
        [schema, table],
    ).fetchone()
    return bool(found and found[0])


def stage_history(warehouse: Path) -> int:
    """Start a run's snapshot from the recorded history, before its dbt build.

    dbt's `entries_snapshot` merges into PENDING_SNAPSHOT_TABLE, which is replaced here by a
    copy of the recorded history (SNAPSHOT_TABLE), or dropped when there is none yet (dbt then
    creates it). Versions a run recorded there reach SNAPSHOT_TABLE only through
    `commit_history`, after the quality gate; a run stopped by the gate leaves the recorded
    history as it was, and the next run starts again from it. Returns the versions copied.
    """
    con = duckdb.connect(str(warehouse))
    try:
        con.execute("create schema if not exists snapshots")
        if not _has_table(con, SNAPSHOT_TABLE):
            con.execute(f"drop table if exists {PENDING_SNAPSHOT_TABLE}")
            return 0
        con.execute(
            f"create or replace table {PENDING_SNAPSHOT_TABLE} as select * from {SNAPSHOT_TABLE}"
        )
        copied = con.execute(f"select count(*) from {PENDING_SNAPSHOT_TABLE}").fetchone()
        return int(copied[0]) if copied else 0
    finally:
        con.close()


def commit_history(warehouse: Path) -> int:
    """Record the versions of a run that passed the quality gate: SNAPSHOT_TABLE becomes a copy
    of the run's snapshot (PENDING_SNAPSHOT_TABLE), in one transaction. Returns its versions."""
    con = duckdb.connect(str(warehouse))
    try:
        con.execute("begin")
        con.execute(
            f"create or replace table {SNAPSHOT_TABLE} as select * from {PENDING_SNAPSHOT_TABLE}"
        )
        recorded = con.execute(f"select count(*) from {SNAPSHOT_TABLE}").fetchone()
        con.execute("commit")
        return int(recorded[0]) if recorded else 0
    finally:
        con.close()


def restore_history(warehouse: Path, published: Path) -> int:
    """Give a warehouse that lost its entries snapshot the history of the published file.

    The snapshot (dbt's `entries_snapshot`, published as `ledger.entries_history`) lives in the
    warehouse and is only ever merged into; a warehouse deleted or rebuilt from nothing would
    start the history again while `ledger.runs`, carried from the published file, goes on.
    When the warehouse has no snapshot rows and the published file can be read and holds
    `ledger.entries_history`, the snapshot is rebuilt from it (dbt's own columns derived from
    the published ones), so the next snapshot closes and adds versions as if nothing was lost.
    Returns the number of versions restored (0 when there was nothing to do or to restore).
    """
    if not published.exists():
        return 0
    con = duckdb.connect(str(warehouse))
    try:
        present = con.execute(
            "select count(*) from duckdb_tables() where schema_name = 'snapshots' "
            "and table_name = 'entries_snapshot'"
        ).fetchone()
        if present and present[0]:
            rows = con.execute(f"select count(*) from {SNAPSHOT_TABLE}").fetchone()
            if rows and rows[0]:
                return 0
        try:
            con.execute(f"attach {_sql_path(published)} as previous_ledger (read_only)")
        except duckdb.Error:
            return 0  # damaged: the publish step sets it aside
        try:
            con.execute("create schema if not exists snapshots")
            con.execute(
                f"create or replace table {SNAPSHOT_TABLE} as select entry_id, status, "
                "rate_before_pct, rate_after_pct, announced_on, effective_on, "
                "changed_by_run_id, md5(entry_id || '|' || valid_from::varchar) as dbt_scd_id, "
                "valid_from::timestamp as dbt_updated_at, valid_from::timestamp as dbt_valid_from, "
                "valid_to::timestamp as dbt_valid_to from previous_ledger.ledger.entries_history"
            )
        except duckdb.Error:
            return 0  # an older file without entries_history: nothing to carry
        finally:
            con.execute("detach previous_ledger")
        restored = con.execute(f"select count(*) from {SNAPSHOT_TABLE}").fetchone()
        return int(restored[0]) if restored else 0
    finally:
        con.close()


def publish(
    warehouse: Path,
    target: Path,
    tables: Sequence[str],
    run: RunRecord,
    parquet_dir: Path | None = None,
    docs: Mapping[str, TableDoc] | None = None,
) -> dict[str, int]:
    """Publish `ledger.<table>` for each table from the warehouse; returns row counts.

    `target` is the name readers open (`<published>/tradeledger.duckdb`); `parquet_dir`, when
    given, the folder of the Parquet copies beside it (`<published>/parquet`). Layout:

        <published>/versions/<UTC time>-<run id>/tradeledger.duckdb  one complete version:
        <published>/versions/<UTC time>-<run id>/parquet/<table>.parquet  file and its copies
        <published>/current -> versions/<UTC time>-<run id>
        <published>/tradeledger.duckdb -> current/tradeledger.duckdb
        <published>/parquet -> current/parquet

    The version is built in a hidden staging folder, checkpointed, closed and fsynced, renamed
    to its name, and then switched in by ONE rename: a new link renamed over `current`. A reader
    that resolves `tradeledger.duckdb` or `parquet/<table>.parquet` gets the old version or the
    new one, and the file and the copies always from the same version; a run killed at any
    moment leaves readers one whole version. The two reader links are made once (an older
    layout is migrated first, without a moment where readers find nothing). The newest
    KEEP_VERSIONS versions are kept (readers that opened an older one keep reading it), older
    ones deleted after the switch.

    The previous version's `ledger.runs` history is carried over and this run appended to it.
    `docs` (table -> dbt descriptions) become comments on the tables and columns, and
    key-value metadata of the Parquet copies.
    """
    docs = docs or {}
    published_dir = target.parent
    if parquet_dir is not None and parquet_dir.parent != published_dir:
        raise ValueError(f"the Parquet folder {parquet_dir} must sit beside {target}")
    versions = published_dir / VERSIONS
    versions.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(published_dir, target, parquet_dir)
    version = f"{_stamp()}-{_safe_name(run.run_id)}"
    staging = versions / f".building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    database = staging / target.name
    counts: dict[str, int] = {}
    con = duckdb.connect(str(database))
    try:
        con.execute(f"attach {_sql_path(warehouse)} as warehouse (read_only)")
        con.execute("create schema ledger")
        for table in tables:
            # Recreate the table with the warehouse's DDL so contract constraints (primary keys,
            # not null) reach readers; a plain CTAS would drop them.
            ddl = con.execute(
                "select sql from duckdb_tables() where database_name = 'warehouse' "
                "and schema_name = 'ledger' and table_name = ?",
                [table],
            ).fetchone()
            if ddl is None:
                raise LookupError(f"ledger.{table} is missing from the warehouse")
            con.execute(ddl[0])
            # order by all: the marts come out of parallel window and hash operators in a
            # thread-dependent order; readers that select without order by (and the Parquet
            # copies) must see the same rows in the same order for the same inputs.
            con.execute(
                f"insert into ledger.{table} select * from warehouse.ledger.{table} order by all"
            )
            counts[table] = con.execute(f"select count(*) from ledger.{table}").fetchone()[0]  # type: ignore[index]
            _comment(con, table, docs.get(table))
        con.execute("detach warehouse")
        con.execute(RUNS_DDL)
        _comment(con, "runs", docs.get("runs"))
        # The history comes from the version readers see now (through `current`, or the plain
        # file of an older layout not migrated yet).
        if target.exists():
            previous_file = Path(os.path.realpath(target))
            con.execute(f"attach {_sql_path(previous_file)} as previous (read_only)")
            with contextlib.suppress(duckdb.CatalogException):
                con.execute("insert into ledger.runs select * from previous.ledger.runs")
            con.execute("detach previous")
        con.execute(
            "insert into ledger.runs values (?, ?, ?, ?, ?, ?, ?)",
            [
                run.run_id,
                run.started_at,
                dt.datetime.now(dt.UTC),
                json.dumps(run.inputs),
                json.dumps(counts),
                run.checks_passed,
                run.checks_failed,
            ],
        )
        if parquet_dir is not None:
            (staging / parquet_dir.name).mkdir()
            for table in [*tables, "runs"]:
                out = staging / parquet_dir.name / f"{table}.parquet"
                con.execute(
                    f"copy ledger.{table} to {_sql_path(out)} "
                    f"(format parquet, {_parquet_metadata(table, docs.get(table))})"
                )
        con.execute("checkpoint")
    finally:
        con.close()
    if database.with_name(database.name + ".wal").exists():
        # A WAL beside the file would not be read by readers: they would miss data.
        raise RuntimeError(f"{database} still has a write-ahead log after checkpoint")
    _fsync_tree(staging)
    os.replace(staging, versions / version)  # complete, but no reader is pointed at it yet
    _fsync(versions)
    _migrate(published_dir, _stable_names(target, parquet_dir))
    previous = current_version(published_dir)
    _link_over(published_dir, CURRENT, f"{VERSIONS}/{version}")  # the switch: one rename
    _prune(published_dir, version, previous)
    return counts


def _safe_name(text: str) -> str:
    """A run id as a folder name part: letters, digits, dash and underscore only."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)[:64]
