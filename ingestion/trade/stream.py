"""Bulk path for big Comtrade CSV/TSV files: checked in chunks, rows appended to DuckDB tables.

`parse_trade_file` builds the whole records frame in memory (11 GB at 20 million rows). This
loader reads the file in newline-aligned byte chunks and runs the *same* Polars rules on each
chunk (`comtrade.csv_frame` + `comtrade.check`, then `comtrade.split_duplicates`: one
set of rules, not a SQL copy), inserts the good rows of the chunk into the DuckDB table and the
rejects into the rejects table, and keeps only a 13-byte fingerprint per loaded row (key hash,
line, frequency) for the duplicate check. Peak memory is bounded by the chunk size, not the file
size.

Repeats: after the last chunk the fingerprints of all chunks are sorted once; rows whose key
hash occurs twice anywhere in the file (usually none) are read back from DuckDB, judged by the
same `split_duplicates` in line order, and the later copies are deleted and recorded as rejects.
So the records and rejects equal those of `parse_trade_file` (tests/trade/test_stream.py).

A run's load (`load_into`, `reload_into`) appends to the tables of an in-memory DuckDB
(`scratch`), then `ingestion.lake` writes them to the lake as Parquet. The in-memory tables hold
the rows up to DuckDB's `memory_limit` (`tune`) and spill to disk beyond it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import shutil
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from ingestion import lake as raw_lake
from ingestion.load import LoadReport, SourceFile, connect
from ingestion.schemas import (
    LINEAGE_SCHEMA,
    REJECT_SCHEMA,
    TRADE_FILE_SCHEMA,
    TRADE_FLOW_SCHEMA,
    TRADE_REMOVAL_SCHEMA,
)
from ingestion.trade import comtrade
from ingestion.trade._common import SNIPPET_MAX

# About 0.4 million Comtrade rows per chunk: large enough that per-chunk overhead is small,
# small enough that the Polars working set stays well under a gigabyte.
CHUNK_BYTES = 128 * 2**20

FLOWS_COLUMNS: dict[str, pl.DataType] = {**TRADE_FLOW_SCHEMA, **LINEAGE_SCHEMA}
REJECTS_COLUMNS: dict[str, pl.DataType] = {
    **REJECT_SCHEMA,
    "_loaded_at": LINEAGE_SCHEMA["_loaded_at"],
}

REMOVALS_TABLE = "raw.trade__removals"
REMOVALS_COLUMNS = TRADE_REMOVAL_SCHEMA
FILES_TABLE = "raw.trade__files"
FILES_COLUMNS = TRADE_FILE_SCHEMA


@dataclass
class StreamReport:
    """What one bulk load did (the same counts `ingestion.load.collect` reports per file)."""

    records_in: int = 0
    loaded: int = 0
    rejected: int = 0
    chunks: int = 0


def ensure_tables(
    con: duckdb.DuckDBPyConnection,
    flows_table: str = "raw.trade__flows",
    rejects_table: str = "raw.trade__rejects",
    replace: bool = False,
) -> None:
    """Create the flows, rejects and removals tables (empty) with the loader's column types."""
    verb = "create or replace table" if replace else "create table if not exists"
    tables = (
        (flows_table, FLOWS_COLUMNS),
        (rejects_table, REJECTS_COLUMNS),
        (REMOVALS_TABLE, REMOVALS_COLUMNS),
        (FILES_TABLE, FILES_COLUMNS),
    )
    for table, schema in tables:
        con.execute(f"create schema if not exists {table.split('.')[0]}")
        empty = pl.DataFrame(schema=schema).to_arrow()  # noqa: F841 - DuckDB replacement scan
        # Table names come from code constants, never from input data.
        con.execute(f"{verb} {table} as select * from empty")


def _quote_balance(text: bytes, sep: bytes) -> int:
    """Quoted fields opened minus closed in `text` (whole lines, starting at a line start).

    Counts the quotes that open a field (after a separator or at a line start) against those
    that close one (before a separator or a line end), after taking out doubled quotes (an
    escaped quote, or an empty quoted field). A literal quote inside a field (`12" pipe`) is
    neither. Positive: the text ends inside a quoted field.
    """
    quotes = text.count(b'"')
    if not quotes:  # the usual case (Comtrade quotes nothing): one memchr, no copy
        return 0
    # `replace` below takes out count('""') pairs; when they are all the quotes there are
    # (files that write empty fields as ""), nothing opens or closes. Two counts, no copy: the
    # copy cost 0.9 s per 128 MB chunk of such a file.
    if quotes == 2 * text.count(b'""'):
        return 0
    text = text.replace(b'""', b"")
    opens = text.count(sep + b'"') + text.count(b'\n"') + text.startswith(b'"')
    closes = text.count(b'"' + sep) + text.count(b'"\n') + text.count(b'"\r')
    return opens - closes


def iter_chunks(
    path: Path, chunk_bytes: int = CHUNK_BYTES, separator: str = ","
) -> Iterator[tuple[bytes, int, int, bool]]:
    """Yield (record-aligned bytes, number of their first line, number of newlines in them, is
    last) after the header.

    A chunk ends at a newline that is not inside a quoted field: when the cut falls inside one
    (a quoted field spanning lines), whole lines are added until the field closes, up to one more
    chunk's worth; a field still open then is cut anyway and its chunk rejected as unreadable by
    the loader, with a clear reason. Line numbers count physical lines, so after a quoted newline
    a record's line number is that of its first line plus the newlines before it.
    """
    size = path.stat().st_size
    sep = separator.encode()
    with path.open("rb") as fh:
        fh.readline()  # header
        line = 2
        while buf := fh.read(chunk_bytes):
            if not buf.endswith(b"\n"):
                buf += fh.readline()
            # Lines added one at a time, each counted alone: the chunk is scanned once.
            balance, extra, more_lines = _quote_balance(buf, sep), 0, []
            while balance > 0 and extra < chunk_bytes:
                more = fh.readline()
                if not more:
                    break
                more_lines.append(more)
                balance += _quote_balance(more, sep)
                extra += len(more)
            if more_lines:
                buf = b"".join([buf, *more_lines])
            newlines = buf.count(b"\n")  # counted once: the caller needs it too
            yield buf, line, newlines, fh.tell() >= size
            line += newlines


def load_comtrade_csv(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    source: SourceFile,
    loaded_at: dt.datetime,
    separator: str = ",",
    flows_table: str = "raw.trade__flows",
    rejects_table: str = "raw.trade__rejects",
    chunk_bytes: int = CHUNK_BYTES,
) -> StreamReport:
    """Check a plain (not gzipped) Comtrade CSV/TSV chunk by chunk and append it to DuckDB.

    The tables must exist (`ensure_tables`). A file whose header lacks required columns becomes
    one whole-file reject, as in `parse_trade_file`.
    """
    report = StreamReport()
    with path.open("rb") as fh:
        first = fh.readline().decode("utf-8-sig", errors="replace").rstrip("\r\n")
    header = comtrade.canonical_header(next(csv.reader([first], delimiter=separator)))
    missing = comtrade.missing_required(header)
    if missing:
        reason = f"missing required Comtrade columns: {', '.join(missing)}"
        rej = pl.DataFrame({"_pos": ["file"], "_reason": [reason], "_snippet": [first]})
        _insert_rejects(con, rejects_table, rej, source, loaded_at)
        return StreamReport(records_in=1, rejected=1)

    truncated = comtrade._tail_is_truncated(path, None, separator, len(header))
    fingerprints: list[pl.DataFrame] = []

    def check(buf: bytes, first_line: int, last: bool) -> tuple[pl.DataFrame, pl.DataFrame]:
        lf, present, structural = comtrade.csv_frame(
            buf, header, separator, 0, first_line, truncated and last
        )
        # The streaming engine reads the chunk with a quarter less CPU than the in-memory one.
        checked, reject_cols = comtrade.check(lf.collect(engine="streaming"), present, structural)
        return checked, comtrade.rejects(checked, reject_cols)

    def store(checked: pl.DataFrame, rejects: pl.DataFrame) -> None:
        loaded = _insert_flows(con, flows_table, checked, source, loaded_at)
        _insert_rejects(con, rejects_table, rejects, source, loaded_at)
        # Project before filtering: an eager filter copies every column of the frame.
        fingerprints.append(
            checked.select("_hash", "_line", "_rule", _annual=pl.col("_freq") == "A")
            .filter(pl.col("_rule").is_null())
            .drop("_rule")
        )
        report.loaded += loaded
        report.rejected += rejects.height
        report.chunks += 1

    def settle(future: Future[tuple[pl.DataFrame, pl.DataFrame]], span: tuple[int, int]) -> None:
        try:
            result = future.result()
        except pl.exceptions.PolarsError:
            # Text the CSV reader cannot tokenise (an unclosed quote): the chunk's lines are one
            # rejected record, the other chunks still load.
            # The reader's message names its own internals, not the file's problem.
            reason = (
                f"unreadable CSV text in lines {span[0]}-{span[1]}: a quoted field is not "
                "closed, or the rows do not split into the header's columns; not loaded"
            )
            pos = f"lines {span[0]}-{span[1]}"
            _insert_rejects(con, rejects_table, _whole_file(reason, "", pos), source, loaded_at)
            report.rejected += 1
            report.chunks += 1
            return
        store(*result)

    # Polars checks chunk n+1 while DuckDB inserts chunk n: both release the GIL, so on two
    # cores the stages overlap instead of taking turns. At most two chunks are in flight.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending: tuple[Future[tuple[pl.DataFrame, pl.DataFrame]], tuple[int, int]] | None = None
        for buf, first_line, newlines, last in iter_chunks(path, chunk_bytes, separator):
            submitted = pool.submit(check, buf, first_line, last)
            span = (first_line, first_line + max(newlines, 1) - 1)
            del buf
            if pending is not None:
                settle(*pending)
            pending = (submitted, span)
        if pending is not None:
            settle(*pending)
    moved = _repeated_observations(con, fingerprints, flows_table, rejects_table, source, loaded_at)
    report.loaded -= moved
    report.rejected += moved
    report.records_in = report.loaded + report.rejected
    return report


def _insert_flows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    checked: pl.DataFrame,
    source: SourceFile,
    loaded_at: dt.datetime,
) -> int:
    """Append the loadable rows of a checked chunk; returns how many.

    DuckDB skips the rejected rows (`_rule` set) while it inserts, which costs nothing, where a
    Polars filter would first copy every string of the chunk. It also writes the position text
    and the per-file constants: as SQL expressions they are nearly free. Arrow string views
    pass without a copy (the default, older Arrow layout would copy every string).
    """
    cols = ", ".join(f"{src} as {name}" for name, src in comtrade.OUTPUT.items())
    arrow = checked.select(  # noqa: F841 - DuckDB replacement scan
        *[pl.col(src).cast(TRADE_FLOW_SCHEMA[name]) for name, src in comtrade.OUTPUT.items()],
        "_line",
        "_rule",
    ).to_arrow(compat_level=pl.CompatLevel.newest())
    names = ", ".join(comtrade.OUTPUT)
    row = con.execute(
        f"insert into {table} ({names}, record_position, _source_file, _source_sha256, "
        f"_loaded_at) select {cols}, 'line ' || _line, ?, ?, ? from arrow where _rule is null",
        [source.display_name, source.sha256, loaded_at],
    ).fetchone()
    return int(row[0]) if row else 0


def _whole_file(reason: str, snippet: str = "", position: str = "file") -> pl.DataFrame:
    """One reject (by default of the whole file) in the shape `_insert_rejects` takes."""
    return pl.DataFrame(
        {"_pos": [position], "_reason": [reason], "_snippet": [snippet]},
        schema={"_pos": pl.String, "_reason": pl.String, "_snippet": pl.String},
    )


def _insert_rejects(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rejects: pl.DataFrame,
    source: SourceFile,
    loaded_at: dt.datetime,
) -> None:
    if not rejects.height:
        return
    frame = rejects.select(
        pl.lit(source.display_name, dtype=pl.String).alias("source_file"),
        pl.lit(source.sha256, dtype=pl.String).alias("source_sha256"),
        pl.lit("trade", dtype=pl.String).alias("source_kind"),
        pl.col("_pos").alias("position"),
        pl.col("_reason").alias("reason"),
        pl.col("_snippet").fill_null("").str.slice(0, SNIPPET_MAX).alias("snippet"),
        pl.lit(loaded_at, dtype=LINEAGE_SCHEMA["_loaded_at"]).alias("_loaded_at"),
    )
    arrow = frame.to_arrow()  # noqa: F841 - DuckDB replacement scan
    con.execute(f"insert into {table} select * from arrow")


def _repeated_observations(
    con: duckdb.DuckDBPyConnection,
    fingerprints: list[pl.DataFrame],
    flows_table: str,
    rejects_table: str,
    source: SourceFile,
    loaded_at: dt.datetime,
) -> int:
    """Reject later copies of observations repeated anywhere in the file; returns how many moved.

    One check over the fingerprints of all chunks, instead of one per chunk plus one across
    chunks: a hash table per chunk (`is_duplicated`) cost more than sorting all hashes once.
    """
    if not fingerprints:
        return 0
    prints = pl.concat(fingerprints)
    # Sorting the hashes and comparing neighbours is 4x faster than is_duplicated on 20 M rows
    # (0.7 s against 3 s), and usually finds nothing, so the frame filter below rarely runs.
    ordered = prints["_hash"].sort()
    repeated = ordered.filter(ordered == ordered.shift(1))
    if not repeated.len():
        return 0
    cand = prints.filter(pl.col("_hash").is_in(repeated.unique().implode()))
    del prints
    positions = cand.select(  # noqa: F841 - DuckDB replacement scan
        pl.concat_str(pl.lit("line "), pl.col("_line").cast(pl.String)).alias("record_position"),
        "_line",
        "_annual",
    ).to_arrow()
    cols = ", ".join(f"f.{c}" for c in TRADE_FLOW_SCHEMA)
    rows = con.sql(
        f"select {cols}, p._line, p._annual from {flows_table} f "
        "join positions p using (record_position) "
        "where f._source_file = ? and f._source_sha256 = ? and f._loaded_at = ?",
        params=[source.display_name, source.sha256, loaded_at],
    ).pl()
    rows = (
        rows.sort("_line")
        .with_columns(
            _freq=pl.when(pl.col("_annual")).then(pl.lit("A")).otherwise(pl.lit("M")),
            _line=pl.col("_line").cast(pl.UInt32),
        )
        .drop("_annual")
    )
    rows = rows.with_columns(_hash=pl.struct(comtrade.KEY).hash())
    _keep, dups = comtrade.split_duplicates(rows, comtrade.KEY, "line {}")
    if not dups.height:
        return 0
    dropped = dups.select(pl.col("_pos").alias("record_position")).to_arrow()  # noqa: F841
    con.execute(
        f"delete from {flows_table} where _source_file = ? and _source_sha256 = ? "
        "and _loaded_at = ? and record_position in (select record_position from dropped)",
        [source.display_name, source.sha256, loaded_at],
    )
    _insert_rejects(con, rejects_table, dups, source, loaded_at)
    return dups.height


def tune(con: duckdb.DuckDBPyConnection, memory_limit: str = "2GB") -> None:
    """Settings for bulk appends: any row order (parallel inserts), bounded buffer memory."""
    con.execute("set preserve_insertion_order = false")
    con.execute(f"set memory_limit = '{memory_limit}'")


def load_files(
    con: duckdb.DuckDBPyConnection,
    sources: list[SourceFile],
    loaded_at: dt.datetime,
    flows_table: str = "raw.trade__flows",
    rejects_table: str = "raw.trade__rejects",
) -> LoadReport:
    """Append trade files of any format to the flows and rejects tables (which must exist).

    Plain Comtrade CSV/TSV files (the big ones) take the chunked path; every other format is
    small (API pages, GACC queries) and goes through `parse_trade_file` in memory.
    """
    from ingestion.load import collect
    from ingestion.trade.detect import detect_format, parse_trade_file

    report = LoadReport(table=flows_table)
    for source in sources:
        if source.refused:
            # Never opened: a link's target or a FIFO is not read, not even to sniff its format.
            _insert_rejects(con, rejects_table, _whole_file(source.refused), source, loaded_at)
            report.files.append(
                {
                    "file": source.display_name,
                    "sha256": "",
                    "format": None,
                    "records_in": 0,
                    "loaded": 0,
                    "rejected": 1,
                }
            )
            continue
        _record_file(con, source, loaded_at)
        fmt = detect_format(source.path)
        with source.path.open("rb") as fh:
            gz = fh.read(2) == b"\x1f\x8b"
        if fmt in {"comtrade_csv", "comtrade_tsv"} and not gz:
            sep = "\t" if fmt == "comtrade_tsv" else ","
            r = load_comtrade_csv(
                con, source.path, source, loaded_at, sep, flows_table, rejects_table
            )
            counts = {"records_in": r.records_in, "loaded": r.loaded, "rejected": r.rejected}
        else:
            records, rejects, rep = collect(
                [(source, parse_trade_file(source.path))],
                TRADE_FLOW_SCHEMA,
                "trade",
                loaded_at,
                flows_table,
            )
            for table, frame in ((flows_table, records), (rejects_table, rejects)):
                arrow = frame.to_arrow()  # noqa: F841 - DuckDB replacement scan
                con.execute(f"insert into {table} by name select * from arrow")
            counts = {k: rep.files[0][k] for k in ("records_in", "loaded", "rejected")}
        report.files.append(
            {"file": source.display_name, "sha256": source.sha256, "format": fmt, **counts}
        )
    return report


def _record_file(
    con: duckdb.DuckDBPyConnection, source: SourceFile, loaded_at: dt.datetime
) -> None:
    """Note a file about to be read, with its modification time (the conflict rule's order)."""
    try:
        mtime = source.path.stat().st_mtime
    except OSError:
        mtime = 0.0  # vanished since it was hashed: reading it fails next, as a reject
    con.execute(
        f"insert into {FILES_TABLE} values (?, ?, ?, ?)",
        [
            source.display_name,
            source.sha256,
            dt.datetime.fromtimestamp(mtime, dt.UTC),
            loaded_at,
        ],
    )


TABLES = ("trade__flows", "trade__rejects", "trade__removals", "trade__files")


@contextlib.contextmanager
def scratch(lake: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB with the empty `raw` trade tables, where one load assembles its rows
    before `ingestion.lake` writes them; it spills to a folder beside the lake, not to memory
    alone, and takes no lock on the warehouse."""
    for stale in (lake / ".staging").glob("scratch-*"):  # left by a killed run (one run a home)
        shutil.rmtree(stale, ignore_errors=True)
    spill = lake / ".staging" / f"scratch-{uuid.uuid4().hex}"
    spill.parent.mkdir(parents=True, exist_ok=True)  # DuckDB creates the last folder only
    con = duckdb.connect(config={"temp_directory": str(spill)})
    try:
        tune(con)
        ensure_tables(con)
        yield con
    finally:
        con.close()
        shutil.rmtree(spill, ignore_errors=True)


def load_into(
    warehouse: Path, sources: list[SourceFile], loaded_at: dt.datetime, *, lake: Path
) -> LoadReport:
    """Replace the four trade tables with the content of `sources` (the whole-flow load)."""
    with scratch(lake) as con:
        report = load_files(con, sources, loaded_at)
        for table in TABLES:
            raw_lake.write(con, lake, table, f"raw.{table}")
    with connect(warehouse) as con:
        raw_lake.create_views(con, lake, list(TABLES))
    return report


def reload_into(
    warehouse: Path, sources: list[SourceFile], loaded_at: dt.datetime, *, lake: Path
) -> LoadReport:
    """Replace earlier loads of these files (rows and rejects) with their current content.

    A file loaded again (corrected, re-fetched) must not count twice: its old rows and old
    rejects leave the partitions that held them as the new ones arrive. The months of the old
    rows are recorded in `raw.trade__removals` at `loaded_at`, so the incremental model rebuilds
    them too. Only the partitions these files touch are rewritten.
    """
    names = pl.DataFrame({"name": [s.display_name for s in sources]}, schema={"name": pl.String})
    ours = "in (select name from _reloaded)"
    with scratch(lake) as con:
        con.register("_reloaded", names.to_arrow())
        if raw_lake.table_dir(lake, "trade__flows").is_dir():
            con.execute(
                f"insert into {REMOVALS_TABLE} select distinct _source_file, period, ? "
                f"from ({raw_lake.scan_sql(lake, 'trade__flows')}) where _source_file {ours}",
                [loaded_at],
            )
        report = load_files(con, sources, loaded_at)
        raw_lake.write(con, lake, "trade__flows", "raw.trade__flows", f"_source_file {ours}")
        raw_lake.write(con, lake, "trade__rejects", "raw.trade__rejects", f"source_file {ours}")
        raw_lake.write(con, lake, "trade__files", FILES_TABLE, f"source_file {ours}")
        raw_lake.write(con, lake, "trade__removals", REMOVALS_TABLE, "false")
    with connect(warehouse) as con:
        raw_lake.create_views(con, lake, list(TABLES))
    return report
