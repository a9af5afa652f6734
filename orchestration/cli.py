"""`tradeledger`: run the whole flow in-process and tell the user what came of it.

The Dagster side only: arguments, exit statuses, the summary and the commands without Dagster
(`report`, `fetch-trade`) are in the `console` library.
"""

from __future__ import annotations

import contextlib
import io
import sys
import time
from pathlib import Path
from typing import Any

from console.args import (
    EXIT_CANT_CREATE,
    EXIT_FAILED,
    EXIT_HOME_LOCKED,
    EXIT_NO_INPUT,
    NORMAL,
    QUIET,
    VERBOSE,
    build_parser,
    engine_problem,
    input_arg,
    input_problem,
)
from console.commands import fetch_trade, prepare_environment, report
from console.progress import StepProgress
from console.summary import one_line, print_summary
from orchestration.paths import LedgerPaths


def run(
    news: list[str],
    trade: list[str],
    home: str | None,
    verbose: bool = False,
    level: int | None = None,
    engine: str = "duckdb",
) -> int:
    """Run the ledger job over the given inputs, holding the home's lock; the exit code."""
    level = (VERBOSE if verbose else NORMAL) if level is None else level
    problem = input_problem(news, trade)
    if problem is not None:
        print(f"tradeledger: {problem}; nothing was run", file=sys.stderr, flush=True)
        return EXIT_NO_INPUT
    if (missing := engine_problem(engine)) is not None:
        print(f"tradeledger: {missing}; nothing was run", file=sys.stderr, flush=True)
        return EXIT_FAILED
    paths = LedgerPaths.from_env(home)
    try:
        paths.home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(
            f"tradeledger: cannot create home {paths.home} ({one_line(exc)})",
            file=sys.stderr,
            flush=True,
        )
        return EXIT_CANT_CREATE

    from ingestion.limits import lock_wait_s
    from orchestration.lock import HomeLocked, home_lock

    try:
        with home_lock(paths.home, lock_wait_s()):
            return _run(news, trade, paths, level, engine)
    except HomeLocked as exc:
        print(f"tradeledger: {exc}", file=sys.stderr, flush=True)
        return EXIT_HOME_LOCKED
    except Exception as exc:
        if level == VERBOSE:
            raise
        # Anything the job itself did not catch (a broken environment, a missing dbt): one line.
        print(f"tradeledger: run failed: {one_line(exc)}", file=sys.stderr, flush=True)
        return EXIT_FAILED


def _run(news: list[str], trade: list[str], paths: LedgerPaths, level: int, engine: str) -> int:
    paths.export()
    prepare_environment()
    started = time.monotonic()
    verbose = level == VERBOSE
    out = sys.stdout
    if level > QUIET:
        print(f"tradeledger: home {paths.home}", flush=True)

    from orchestration.project import ensure_manifest

    ensure_manifest()

    from orchestration import definitions
    from orchestration.instance import open_instance, unsynced_commits

    progress = StepProgress(out)
    job = definitions.defs.resolve_job_def("ledger_job")
    loggers: dict = {"console": {"config": {"log_level": "INFO" if verbose else "WARNING"}}}
    if level > QUIET:
        job = job.with_logger_defs({**job.loggers, "progress": progress_logger(progress)})
        loggers["progress"] = {}
    run_config = {
        "resources": {
            "settings": {
                "config": {
                    "home": str(paths.home),
                    # Feed URLs stay URLs (fetched into <home>/feeds/ by the run); paths are
                    # resolved against the directory the command was started in.
                    "news": [input_arg(p) for p in news],
                    "trade": [str(Path(p).resolve()) for p in trade],
                    "engine": engine,
                }
            }
        },
        "loggers": loggers,
    }
    before = paths.published.stat().st_mtime_ns if paths.published.exists() else None
    # dagster-dbt echoes dbt's own log to stdout; keep it for --verbose only.
    echo = contextlib.nullcontext() if verbose else contextlib.redirect_stdout(io.StringIO())
    # The run is recorded in the home's Dagster instance, where `make dev` shows it.
    with unsynced_commits(), open_instance(paths) as instance, echo:
        result = job.execute_in_process(
            run_config=run_config,
            instance=instance,
            raise_on_error=False,
            tags={"tradeledger/started_by": "tradeledger run", "tradeledger/engine": engine},
        )
    return print_summary(result, paths, started, before)


def progress_logger(handler: StepProgress) -> Any:
    """A Dagster logger definition that feeds the run's events to `handler`."""
    import logging

    import dagster as dg

    @dg.logger(description="One line per finished step (tradeledger run).")
    def _progress(_init_context: Any) -> logging.Logger:
        logger = logging.Logger("tradeledger.progress", logging.DEBUG)
        logger.addHandler(handler)
        return logger

    return _progress


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `tradeledger` command."""
    args = build_parser().parse_args(argv)
    if args.command == "run":
        level = VERBOSE if args.verbose else QUIET if args.quiet else NORMAL
        return run(args.news, args.trade, args.home, level=level, engine=args.engine)
    if args.command == "report":
        return report(args.home, args.out)
    if args.command == "fetch-trade":
        return fetch_trade(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
