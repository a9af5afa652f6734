"""The `tradeledger` command's arguments, exit statuses and the checks made before a run starts.

A plain library (no Dagster import): `orchestration.cli` parses with it and runs the job.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

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


def engine_problem(engine: str) -> str | None:
    """Why the run cannot use `engine` (a dbt for it is not installed), else None."""
    if engine != "spark":
        return None
    from publication.from_spark import SPARK_DBT_EXECUTABLE

    if SPARK_DBT_EXECUTABLE.exists():
        return None
    return f"--engine spark needs dbt-spark at {SPARK_DBT_EXECUTABLE}: run `make setup-spark`"


def input_arg(given: str) -> str:
    """A --news argument for the run config: an http(s) URL as given, a path made absolute."""
    if given.lower().startswith(("http://", "https://")):
        return given
    return str(Path(given).resolve())


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


def build_parser() -> argparse.ArgumentParser:
    """The parser of `tradeledger` and its commands: run, report, fetch-trade."""
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
    run_parser.add_argument(
        "--engine",
        choices=["duckdb", "spark"],
        default="duckdb",
        help=(
            "where dbt builds the ledger: duckdb (default) or spark (local Spark; needs "
            "`make setup-spark`); the published file is the same DuckDB file either way"
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
    return parser
