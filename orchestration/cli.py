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


def _shown(count: int | None) -> str:
    """A count for the summary, or why there is none (never a number from another run)."""
    return str(count) if count is not None else "not counted (this run did not produce it)"


def _count(db: Path, sql: str) -> int | None:
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


def _input_arg(given: str) -> str:
    """A --news argument for the run config: an http(s) URL as given, a path made absolute."""
    if given.lower().startswith(("http://", "https://")):
        return given
    return str(Path(given).resolve())


# Exit statuses of `tradeledger run` (README, "Exit status"): 0 published; 1 a check or step
# failed (the previous file stays) or the run broke; 2 bad arguments (argparse); 66 an input
# given on the command line is missing or unreadable (EX_NOINPUT); 73 the home cannot be
# created (EX_CANTCREAT); 75 another run holds the home (EX_TEMPFAIL).
EXIT_FAILED = 1
EXIT_NO_INPUT = 66
EXIT_CANT_CREATE = 73
EXIT_HOME_LOCKED = 75

# How much `tradeledger run` prints: the summary only, a line per step too, or Dagster's log.
QUIET, NORMAL, VERBOSE = 0, 1, 2


def input_problem(news: list[str], trade: list[str]) -> str | None:
    """Why a --news or --trade path cannot be read (None when all can): checked before the
    run starts, so that a typo costs neither the imports nor a half-done run."""
    given = [("news", p) for p in news] + [("trade", p) for p in trade]
    for kind, text in given:
        if kind == "news" and text.lower().startswith(("http://", "https://")):
            continue  # fetched by the run; a feed that cannot be fetched fails it
        path = Path(text).expanduser()
        if not path.exists():
            return f"{kind} input not found: {text}"
        readable = os.access(path, os.R_OK) and (not path.is_dir() or os.access(path, os.X_OK))
        if not readable:
            return f"{kind} input not readable: {text}"
    return None


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"


def run(
    news: list[str],
    trade: list[str],
    home: str | None,
    verbose: bool = False,
    level: int | None = None,
) -> int:
    """Run the ledger job over the given inputs, holding the home's lock; the exit code."""
    level = (VERBOSE if verbose else NORMAL) if level is None else level
    problem = input_problem(news, trade)
    if problem is not None:
        print(f"tradeledger: {problem}; nothing was run", file=sys.stderr, flush=True)
        return EXIT_NO_INPUT
    paths = LedgerPaths.from_env(home)
    try:
        paths.home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(
            f"tradeledger: cannot create home {paths.home} ({_one_line(exc)})",
            file=sys.stderr,
            flush=True,
        )
        return EXIT_CANT_CREATE

    from ingestion.limits import lock_wait_s
    from orchestration.lock import HomeLocked, home_lock

    try:
        with home_lock(paths.home, lock_wait_s()):
            return _run(news, trade, paths, level)
    except HomeLocked as exc:
        print(f"tradeledger: {exc}", file=sys.stderr, flush=True)
        return EXIT_HOME_LOCKED
    except Exception as exc:
        if level == VERBOSE:
            raise
        # Anything the job itself did not catch (a broken environment, a missing dbt): one line.
        print(f"tradeledger: run failed: {_one_line(exc)}", file=sys.stderr, flush=True)
        return EXIT_FAILED


def _run(news: list[str], trade: list[str], paths: LedgerPaths, level: int) -> int:
    paths.export()
    prepare_environment()
    started = time.monotonic()
    verbose = level == VERBOSE
    out = sys.stdout
    if level > QUIET:
        print(f"tradeledger: home {paths.home}", flush=True)

    from orchestration.project import ensure_manifest

    ensure_manifest()

    import dagster as dg

    from orchestration import definitions
    from orchestration.assets.published import PUBLISHED
    from orchestration.checks import ledger_key
    from orchestration.instance import open_instance
    from orchestration.progress import StepProgress, progress_logger

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
                    "news": [_input_arg(p) for p in news],
                    "trade": [str(Path(p).resolve()) for p in trade],
                }
            }
        },
        "loggers": loggers,
    }
    before = paths.published.stat().st_mtime_ns if paths.published.exists() else None
    # dagster-dbt echoes dbt's own log to stdout; keep it for --verbose only.
    echo = contextlib.nullcontext() if verbose else contextlib.redirect_stdout(io.StringIO())
    # The run is recorded in the home's Dagster instance, where `make dev` shows it.
    with open_instance(paths) as instance, echo:
        result = job.execute_in_process(
            run_config=run_config,
            instance=instance,
            raise_on_error=False,
            tags={"tradeledger/started_by": "tradeledger run"},
        )
    materialized = {
        e.asset_key: e.materialization.metadata for e in result.get_asset_materialization_events()
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
        _count(paths.warehouse, "select count(*) from raw.news__articles")
        if dg.AssetKey(["raw", "news__articles"]) in materialized
        else None
    )
    rejects = (
        _count(paths.warehouse, "select count(*) from ledger.rejects")
        if ledger_key("rejects") in materialized
        else None
    )
    print(f"articles loaded:  {_shown(articles)}")
    print(f"records rejected: {_shown(rejects)}  (see ledger.rejects)")
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
    import duckdb

    from report.render import render_report

    target = Path(out).expanduser().resolve() if out else paths.published_dir / "report.html"
    try:
        written = render_report(paths.published, target)
    except duckdb.Error as exc:
        first = " ".join(str(exc).split())[:200]
        print(
            f"tradeledger report: cannot read the published ledger at {paths.published} "
            f"({type(exc).__name__}: {first}); run `tradeledger run` to publish a good one",
            file=sys.stderr,
        )
        return 1
    print(f"report:           {written}")
    return 0


def fetch_trade(args: argparse.Namespace) -> int:
    """Fetch API responses month by month into `<home>/landing/trade/<YYYY-MM>/`; exit code."""
    from ingestion.trade import parse_trade_file
    from ingestion.trade.fetch import (
        CENSUS_BASE,
        COMTRADE_BASE,
        FetchError,
        fetch_census_months,
        fetch_comtrade_months,
    )

    landing = LedgerPaths.from_env(args.home).landing / "trade"
    months: list[str] = args.period
    if args.api == "comtrade":
        saved = fetch_comtrade_months(
            landing,
            months,
            args.reporter,
            args.partner,
            args.cmd,
            args.flow,
            base_url=args.base_url or COMTRADE_BASE,
        )
    else:
        saved = fetch_census_months(
            landing,
            months,
            args.hs,
            args.cty,
            args.direction,
            base_url=args.base_url or CENSUS_BASE,
        )
    count = 0
    try:
        for month, path in saved:
            result = parse_trade_file(path)
            count += 1
            print(
                f"{month}  {path}  ({result.records.height} records, "
                f"{len(result.rejects)} rejected)",
                flush=True,
            )
    except FetchError as exc:
        # One line: an error body may span several. Keys and query strings are kept out of
        # FetchError messages by ingestion.trade.fetch.
        message = " ".join(str(exc).split())
        if count:
            message += f" (saved {count} of {len(months)} months before the error)"
        print(f"tradeledger fetch-trade: error: {message}", file=sys.stderr)
        return 1
    print(
        f"fetched {count} {'month' if count == 1 else 'months'} "
        f"({months[0]}..{months[-1]}) from {args.api} into {landing}"
    )
    return 0


def _months(text: str) -> list[str]:
    from ingestion.trade.fetch import month_range

    try:
        return month_range(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _http_url(text: str) -> str:
    if not text.lower().startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"not an http(s) URL: {text}")
    return text


def _add_fetch_parser(commands: argparse._SubParsersAction) -> None:
    fetch_parser = commands.add_parser(
        "fetch-trade",
        help="fetch monthly trade statistics from the Comtrade or Census API into landing/trade",
        description=(
            "Fetch one month per request and save each answer in <home>/landing/trade/<YYYY-MM>/, "
            "the folder that month's partition of raw/trade__month_loads loads. Fetching a month "
            "again replaces its file."
        ),
    )
    apis = fetch_parser.add_subparsers(dest="api", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--period",
        required=True,
        type=_months,
        metavar="YYYY-MM[:YYYY-MM]",
        help="month or inclusive range of months",
    )
    common.add_argument(
        "--home",
        default=None,
        metavar="DIR",
        help="working folder (default: $LEDGER_HOME or ./var)",
    )
    common.add_argument(
        "--base-url",
        default=None,
        type=_http_url,
        metavar="URL",
        help="another server than the API's own (a mirror, or a test server)",
    )
    comtrade = apis.add_parser(
        "comtrade",
        parents=[common],
        help="UN Comtrade v1 final data, HS, monthly (key: COMTRADE_API_KEY)",
    )
    comtrade.add_argument("--reporter", required=True, help="Comtrade area code, e.g. 156 China")
    comtrade.add_argument("--partner", required=True, help="Comtrade area code, e.g. 842 USA")
    comtrade.add_argument("--cmd", required=True, help="HS code, e.g. 850511")
    comtrade.add_argument(
        "--flow", default="M,X", help="flow codes, comma-separated (default: M,X)"
    )
    census = apis.add_parser(
        "census",
        parents=[common],
        help="US Census International Trade API, HS, monthly (key: CENSUS_API_KEY)",
    )
    census.add_argument("--direction", required=True, choices=["exports", "imports"])
    census.add_argument("--cty", required=True, help="Census Schedule C country code, e.g. 5700")
    census.add_argument("--hs", required=True, help="HS/HTS/Schedule B code, e.g. 8505110070")


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
    loudness = run_parser.add_mutually_exclusive_group()
    loudness.add_argument(
        "-v", "--verbose", action="store_true", help="print Dagster's and dbt's full log"
    )
    loudness.add_argument(
        "-q", "--quiet", action="store_true", help="no line per step; the summary only"
    )
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
    _add_fetch_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "run":
        level = VERBOSE if args.verbose else QUIET if args.quiet else NORMAL
        return run(args.news, args.trade, args.home, level=level)
    if args.command == "report":
        return report(args.home, args.out)
    if args.command == "fetch-trade":
        return fetch_trade(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
