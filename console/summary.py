"""What `tradeledger run` prints when the job is done: counts, failed checks and steps, verdict.

Reads the job's result through its methods only (no Dagster import here): asset keys are
compared by their user strings (`raw/news__articles`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from orchestration.paths import LedgerPaths

PUBLISHED = "published/tradeledger"
ARTICLES = "raw/news__articles"
REJECTS = "ledger/rejects"


def shown(count: int | None) -> str:
    """A count for the summary, or why there is none (never a number from another run)."""
    return str(count) if count is not None else "not counted (this run did not produce it)"


def count(db: Path, sql: str) -> int | None:
    import duckdb

    if not db.exists():
        return None
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:  # locked by another process, or not a DuckDB file
        return None
    try:
        return con.execute(sql).fetchone()[0]  # type: ignore[index]
    except duckdb.Error:
        return None
    finally:
        con.close()


def one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"


def print_summary(result: Any, paths: LedgerPaths, started: float, before: int | None) -> int:
    """Print what the run did (from Dagster's in-process result) and return its exit status.

    `before` is the published file's mtime before the run (None when there was none).
    """
    import time

    materialized = {
        e.asset_key.to_user_string(): e.materialization.metadata
        for e in result.get_asset_materialization_events()
    }
    published = PUBLISHED in materialized
    aside = materialized.get(PUBLISHED, {}).get("set_aside")
    if aside is not None and aside.value:
        reason = materialized[PUBLISHED]["set_aside_reason"].value
        print(
            f"WARNING: the published file could not be read ({reason}); "
            f"set aside as {aside.value} and replaced by this run's"
        )
    evaluations = result.get_asset_check_evaluations()
    failed = [e for e in evaluations if not e.passed]
    step_failures = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]

    # Counted only from tables this run wrote: after a failure, the warehouse may still hold
    # the previous run's tables, and their counts would be taken for this run's.
    articles = (
        count(paths.warehouse, "select count(*) from raw.news__articles")
        if ARTICLES in materialized
        else None
    )
    rejects = (
        count(paths.warehouse, "select count(*) from ledger.rejects")
        if REJECTS in materialized
        else None
    )
    print(f"articles loaded:  {shown(articles)}")
    print(f"records rejected: {shown(rejects)}  (see ledger.rejects)")
    if published:
        entries = count(paths.published, "select count(*) from ledger.entries")
        links = count(paths.published, "select count(*) from ledger.links")
        print(f"entries:          {entries}")
        print(f"links:            {links}")
    print(f"checks:           {len(evaluations) - len(failed)} passed, {len(failed)} failed")
    for evaluation in failed:
        detail = evaluation.metadata.get("failed_expectations") or evaluation.metadata.get(
            "failures"
        )
        text = f": {detail.value}" if detail is not None else ""
        print(f"  FAILED {evaluation.asset_key.to_user_string()} {evaluation.check_name}{text}")
    for event in step_failures:
        error = event.step_failure_data.error if event.step_failure_data else None
        while error is not None and error.cause is not None:  # the root cause says what to fix
            error = error.cause
        message = error.message.strip().splitlines()[-1] if error else "step failed"
        print(f"  step {event.step_key} failed: {message}")
    seconds = time.monotonic() - started
    if published:
        print(f"published:        {paths.published}  ({seconds:.0f} s)")
        return 0
    kept = "kept the previous published file" if before is not None else "nothing was published"
    print(f"NOT PUBLISHED: a blocking check or step failed; {kept} ({seconds:.0f} s)")
    return 1
