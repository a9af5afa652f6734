"""Publication: copy the checked ledger tables into a new DuckDB file and swap it in atomically.

Readers open the published file read-only. It is built beside the live one, checkpointed,
closed and fsynced, then renamed over it, so a reader sees the old file or the new one, never
a half-built one, and a run that fails before the rename leaves the old file untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

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


def _remove_leftovers(target: Path, parquet_dir: Path | None) -> None:
    """Delete temp files of publishers that died before their rename (killed, crashed).

    A killed run leaves `.<name>.<pid>.building` (and maybe its `.wal`) and a Parquet staging
    folder `.building-<pid>` under its own pid, so this run's pid would never match them:
    match any pid, but spare a publisher still alive.
    """
    for leftover in target.parent.glob(f".{target.name}.*.building*"):
        if _abandoned(leftover.name.removeprefix(f".{target.name}.").split(".", 1)[0]):
            leftover.unlink(missing_ok=True)
    if parquet_dir is None:
        return
    for link in parquet_dir.parent.glob(f".{parquet_dir.name}.*.building-link"):
        if _abandoned(link.name.removeprefix(f".{parquet_dir.name}.").split(".", 1)[0]):
            link.unlink(missing_ok=True)
    folders = [_versions_dir(parquet_dir)]
    if parquet_dir.is_dir() and not parquet_dir.is_symlink():
        folders.append(parquet_dir)  # the layout before versioned folders
    for folder in folders:
        if folder.is_dir():
            for staging in folder.glob(".building-*"):
                if _abandoned(staging.name.removeprefix(".building-")):
                    shutil.rmtree(staging, ignore_errors=True)


def _versions_dir(parquet_dir: Path) -> Path:
    """Where the versioned Parquet folders live: `<published>/parquet-versions/`."""
    return parquet_dir.with_name(parquet_dir.name + "-versions")


def _swap_parquet(parquet_dir: Path, staging: Path, version: str) -> None:
    """Publish a complete folder of Parquet copies as one set.

    The staging folder is renamed to `parquet-versions/<version>` (one rename), then the link
    `parquet` is pointed at it by renaming a new link over the old one (one more rename): a
    reader that opens `parquet/<table>.parquet` resolves the link once and gets every table of
    the old set or every table of the new one. A folder left by the layout before links is moved
    into `parquet-versions/` first. The versions other than the new one and the one before it
    are deleted (a reader may still be reading the one before).
    """
    versions = _versions_dir(parquet_dir)
    final = versions / version
    os.replace(staging, final)
    _fsync(versions)
    if parquet_dir.is_dir() and not parquet_dir.is_symlink():
        os.replace(parquet_dir, versions / f"legacy-{version}")
    previous = os.readlink(parquet_dir) if parquet_dir.is_symlink() else None
    link = parquet_dir.with_name(f".{parquet_dir.name}.{os.getpid()}.building-link")
    link.unlink(missing_ok=True)
    link.symlink_to(Path(versions.name) / version)
    os.replace(link, parquet_dir)
    _fsync(parquet_dir.parent)
    keep = {version, Path(previous).name if previous else None}
    for old in versions.iterdir():
        if old.name not in keep and not old.name.startswith(".building-"):
            shutil.rmtree(old, ignore_errors=True)


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

    It is renamed to `<name>.unreadable-<UTC time>` beside the live name, never deleted, so that
    the run can publish a good file in its place; its run history cannot be carried over. A
    file that reads is left alone (None).
    """
    if not target.exists():
        return None
    reason = _unreadable(target)
    if reason is None:
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = target.with_name(f"{target.name}.unreadable-{stamp}")
    os.replace(target, aside)
    wal = target.with_name(target.name + ".wal")
    if wal.exists():
        os.replace(wal, aside.with_name(aside.name + ".wal"))
    return SetAside(aside, reason)


SNAPSHOT_TABLE = "snapshots.entries_snapshot"


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
    """Publish `ledger.<table>` for each table from the warehouse to `target`; returns row counts.

    The previous file's `ledger.runs` history is carried over and this run appended to it.
    `docs` (table -> dbt descriptions) become comments on the tables and columns, and
    key-value metadata of the Parquet copies.
    """
    docs = docs or {}
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.building")
    _remove_leftovers(target, parquet_dir)
    counts: dict[str, int] = {}
    con = duckdb.connect(str(tmp))
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
        if target.exists():
            con.execute(f"attach {_sql_path(target)} as previous (read_only)")
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
            staging = _versions_dir(parquet_dir) / f".building-{os.getpid()}"
            staging.mkdir(parents=True, exist_ok=True)
            for table in [*tables, "runs"]:
                con.execute(
                    f"copy ledger.{table} to {_sql_path(staging / f'{table}.parquet')} "
                    f"(format parquet, {_parquet_metadata(table, docs.get(table))})"
                )
        con.execute("checkpoint")
    finally:
        con.close()
    if tmp.with_name(tmp.name + ".wal").exists():
        # A WAL beside the file would not travel with the rename: the new file would lack data.
        raise RuntimeError(f"{tmp} still has a write-ahead log after checkpoint; not publishing")
    _fsync(tmp)
    os.replace(tmp, target)
    _fsync(target.parent)
    if parquet_dir is not None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        _swap_parquet(parquet_dir, staging, f"{stamp}-{_safe_name(run.run_id)}")
    return counts


def _safe_name(text: str) -> str:
    """A run id as a folder name part: letters, digits, dash and underscore only."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)[:64]
