"""Stack parsed frames into the rows of the `raw` tables, with lineage columns (`ingestion.lake`
stores them).

Connections are short: opened by the caller through `connect`, closed in `finally`, never at
import time, because DuckDB allows one writer process per file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from ingestion.hashing import sha256_file
from ingestion.inputs import InputFile
from ingestion.schemas import LINEAGE_SCHEMA, REJECT_SCHEMA, ParseResult, Reject


@contextlib.contextmanager
def connect(db_path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open a DuckDB connection that is always closed, even when the body raises."""
    if not read_only:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path), read_only=read_only)
    try:
        yield con
    finally:
        con.close()


@dataclass
class SourceFile:
    """One input file as the loader sees it: where it came from and its content hash."""

    path: Path
    sha256: str
    display_name: str  # path as shown in lineage columns: relative, never machine-specific
    refused: str | None = None  # set when the file must not be read (a link, a FIFO): why

    @classmethod
    def of_input(cls, item: InputFile) -> SourceFile:
        """Describe an input found by `ingestion.inputs`; a refused one is neither read nor hashed.

        Its sha256 is empty: hashing would read the target of a link. A file that cannot be
        read when it is hashed (it vanished since it was listed, or its permissions forbid it)
        is refused the same way, with the reason, so that it becomes a reject row and the other
        inputs still load.
        """
        if item.refused:
            return cls(
                path=item.path, sha256="", display_name=item.display_name, refused=item.refused
            )
        try:
            digest = sha256_file(item.path)
        except OSError as exc:
            reason = f"cannot read file: {exc.strerror or exc}"
            return cls(path=item.path, sha256="", display_name=item.display_name, refused=reason)
        return cls.of(item.path, digest, item.root)

    @classmethod
    def of(cls, path: Path, sha256: str, root: Path | None = None) -> SourceFile:
        """Describe `path`; lineage names it relative to `root` (or by file name)."""
        try:
            name = str(path.resolve().relative_to(root.resolve())) if root else path.name
        except ValueError:
            name = path.name
        return cls(path=path, sha256=sha256, display_name=name)


@dataclass
class LoadReport:
    """What one load did: per file, records in, loaded and rejected."""

    table: str
    files: list[dict[str, object]] = field(default_factory=list)

    @property
    def loaded(self) -> int:
        """Rows loaded over all files."""
        return sum(int(f["loaded"]) for f in self.files)  # type: ignore[call-overload]

    @property
    def rejected(self) -> int:
        """Rows rejected over all files."""
        return sum(int(f["rejected"]) for f in self.files)  # type: ignore[call-overload]


def with_lineage(frame: pl.DataFrame, source: SourceFile, loaded_at: dt.datetime) -> pl.DataFrame:
    """Append the lineage columns to a parsed frame."""
    return frame.with_columns(
        pl.lit(source.display_name, dtype=pl.String).alias("_source_file"),
        pl.lit(source.sha256, dtype=pl.String).alias("_source_sha256"),
        pl.lit(loaded_at, dtype=LINEAGE_SCHEMA["_loaded_at"]).alias("_loaded_at"),
    )


def rejects_frame(
    rejects: Sequence[Reject], source: SourceFile, source_kind: str, loaded_at: dt.datetime
) -> pl.DataFrame:
    """Turn parser rejects into rows of a `raw.<source>__rejects` table."""
    rows = [
        {
            "source_file": source.display_name,
            "source_sha256": source.sha256,
            "source_kind": source_kind,
            "position": r.position,
            "reason": r.reason,
            "snippet": (r.snippet or "")[:200],
        }
        for r in rejects
    ]
    frame = pl.DataFrame(rows, schema=REJECT_SCHEMA)
    return frame.with_columns(
        pl.lit(loaded_at, dtype=LINEAGE_SCHEMA["_loaded_at"]).alias("_loaded_at")
    )


def refused_result(source: SourceFile, record_schema: dict[str, pl.DataType]) -> ParseResult:
    """The parse result of a refused input: one whole-file reject, no snippet, nothing read."""
    return ParseResult(
        records=pl.DataFrame(schema=record_schema),
        rejects=[Reject(position="file", reason=source.refused or "refused", snippet="")],
        records_in=0,
    )


def collect(
    results: Sequence[tuple[SourceFile, ParseResult]],
    record_schema: dict[str, pl.DataType],
    source_kind: str,
    loaded_at: dt.datetime,
    table: str,
) -> tuple[pl.DataFrame, pl.DataFrame, LoadReport]:
    """Stack the parse results of several files into one records frame and one rejects frame.

    Checks, per file, that every record seen was either loaded or rejected: a parser that
    drops rows silently is a bug, and it is better to stop than to publish a short ledger.
    """
    record_frames: list[pl.DataFrame] = []
    reject_frames: list[pl.DataFrame] = []
    report = LoadReport(table=table)
    for source, result in results:
        if source.refused:
            result = refused_result(source, record_schema)
        records = result.records.select(list(record_schema)).cast(record_schema)  # type: ignore[arg-type]
        if result.records_in and result.records_in != records.height + len(result.rejects):
            raise ValueError(
                f"{source.display_name}: {result.records_in} records in, but "
                f"{records.height} loaded + {len(result.rejects)} rejected"
            )
        record_frames.append(with_lineage(records, source, loaded_at))
        reject_frames.append(rejects_frame(result.rejects, source, source_kind, loaded_at))
        report.files.append(
            {
                "file": source.display_name,
                "sha256": source.sha256,
                "records_in": result.records_in,
                "loaded": records.height,
                "rejected": len(result.rejects),
            }
        )
    full_schema = {**record_schema, **LINEAGE_SCHEMA}
    records = (
        pl.concat(record_frames, how="vertical")
        if record_frames
        else pl.DataFrame(schema=full_schema)
    )
    reject_schema = {**REJECT_SCHEMA, "_loaded_at": LINEAGE_SCHEMA["_loaded_at"]}
    rejects = (
        pl.concat(reject_frames, how="vertical")
        if reject_frames
        else pl.DataFrame(schema=reject_schema)
    )
    return records, rejects, report
