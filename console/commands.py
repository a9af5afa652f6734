"""The `tradeledger` commands that need no Dagster: `report` and `fetch-trade`, and the
environment every command sets up first."""

from __future__ import annotations

import argparse
import os
import sys
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
