"""`tradeledger`: run the whole flow in-process and tell the user what came of it."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
from pathlib import Path

from orchestration.paths import LedgerPaths


def prepare_environment() -> None:
    """Find dbt beside this interpreter and keep every tool off the network.

    `.venv/bin/tradeledger` works without an activated venv: dbt (started by dagster-dbt as a
    subprocess) is looked up on PATH. dbt's version check and telemetry and GX analytics stay off.
    """
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    for key, value in {
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_VERSION_CHECK": "false",
        "GX_ANALYTICS_ENABLED": "false",
        "DAGSTER_DISABLE_TELEMETRY": "true",
    }.items():
        os.environ.setdefault(key, value)


def _count(db: Path, sql: str) -> int | None:
    import duckdb

    if not db.exists():
        return None
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]  # type: ignore[index]
    except duckdb.Error:
        return None
    finally:
        con.close()


def run(news: list[str], trade: list[str], home: str | None, verbose: bool = False) -> int:
    """Run the ledger job over the given inputs; returns the process exit code."""
    paths = LedgerPaths.from_env(home)
    paths.export()
    prepare_environment()
    started = time.monotonic()
    print(f"tradeledger: home {paths.home}", flush=True)

    from orchestration.project import ensure_manifest

    ensure_manifest()
    import dagster as dg

    from orchestration import definitions
    from orchestration.assets.published import PUBLISHED

    job = definitions.defs.resolve_job_def("ledger_job")
    run_config = {
        "resources": {
            "settings": {
                "config": {
                    "home": str(paths.home),
                    "news": [str(Path(p).resolve()) for p in news],
                    "trade": [str(Path(p).resolve()) for p in trade],
                }
            }
        },
        "loggers": {"console": {"config": {"log_level": "INFO" if verbose else "WARNING"}}},
    }
    before = paths.published.stat().st_mtime_ns if paths.published.exists() else None
    # dagster-dbt echoes dbt's own log to stdout; keep it for --verbose only.
    echo = contextlib.nullcontext() if verbose else contextlib.redirect_stdout(io.StringIO())
    with echo:
        result = job.execute_in_process(
            run_config=run_config, instance=dg.DagsterInstance.ephemeral(), raise_on_error=False
        )
    published = PUBLISHED in {e.asset_key for e in result.get_asset_materialization_events()}
    evaluations = result.get_asset_check_evaluations()
    failed = [e for e in evaluations if not e.passed]
    step_failures = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]

    articles = _count(paths.warehouse, "select count(*) from raw.news__articles")
    rejects = _count(paths.warehouse, "select count(*) from ledger.rejects")
    print(f"articles loaded:  {articles}")
    print(f"records rejected: {rejects}  (see ledger.rejects)")
    if published:
        entries = _count(paths.published, "select count(*) from ledger.entries")
        links = _count(paths.published, "select count(*) from ledger.links")
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


def report(home: str | None, out: str | None) -> int:
    """Write the HTML report of the published ledger; returns the process exit code."""
    paths = LedgerPaths.from_env(home)
    if not paths.published.exists():
        print(f"no published ledger at {paths.published}; run `tradeledger run` first")
        return 1
    from orchestration.report import render_report

    target = Path(out).expanduser().resolve() if out else paths.published_dir / "report.html"
    print(f"report:           {render_report(paths.published, target)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `tradeledger` command."""
    parser = argparse.ArgumentParser(
        prog="tradeledger",
        description="Build the ledger of trade-war commitments and reciprocal measures.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser(
        "run", help="ingest, extract, build, check and publish (the Dagster job, in-process)"
    )
    run_parser.add_argument(
        "--news",
        action="append",
        default=[],
        metavar="PATH",
        help="news file or folder (JSONL, TXT, HTML, RSS/Atom); replaces the bundled news sample",
    )
    run_parser.add_argument(
        "--trade",
        action="append",
        default=[],
        metavar="PATH",
        help="trade statistics file or folder; replaces the bundled trade sample",
    )
    run_parser.add_argument(
        "--home",
        default=None,
        metavar="DIR",
        help=(
            "working folder (default: $LEDGER_HOME or ./var); "
            "the ledger is written to <home>/published/tradeledger.duckdb"
        ),
    )
    run_parser.add_argument("-v", "--verbose", action="store_true", help="print Dagster's step log")
    report_parser = commands.add_parser(
        "report", help="write the HTML report (charts, deals, evidence) of the published ledger"
    )
    report_parser.add_argument(
        "--home",
        default=None,
        metavar="DIR",
        help="working folder (default: $LEDGER_HOME or ./var)",
    )
    report_parser.add_argument(
        "--out",
        default=None,
        metavar="FILE",
        help="where to write (default: <home>/published/report.html)",
    )
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.news, args.trade, args.home, args.verbose)
    if args.command == "report":
        return report(args.home, args.out)
    return 2


if __name__ == "__main__":
    sys.exit(main())
