"""`fetch_trade_job`: fetch Comtrade or Census months into the landing folder from the UI.

Thin wiring over the functions `tradeledger fetch-trade` calls (`ingestion.trade.fetch`): the
same month folders, file names and errors. It only fetches; a fetched month is loaded by
materialising its partition of `raw/trade__month_loads` (or by the next `ledger_job` run, which
reads the whole landing folder). The keys come from the environment of the Dagster process.
"""

import dagster as dg
from pydantic import Field

from orchestration.resources import LedgerSettings


class FetchTradeConfig(dg.Config):
    """What to fetch; the fields of the other API are ignored."""

    api: str = Field(description="comtrade or census")
    period: str = Field(description="YYYY-MM or YYYY-MM:YYYY-MM (both ends included)")
    reporter: str = Field(default="", description="comtrade: area code, e.g. 156 China")
    partner: str = Field(default="", description="comtrade: area code, e.g. 842 USA")
    cmd: str = Field(default="", description="comtrade: HS code, e.g. 850511")
    flow: str = Field(default="M,X", description="comtrade: flow codes, comma-separated")
    direction: str = Field(default="", description="census: exports or imports")
    cty: str = Field(default="", description="census: Schedule C country code, e.g. 5700")
    hs: str = Field(default="", description="census: HS/HTS/Schedule B code, e.g. 8505110070")
    base_url: str = Field(default="", description="another server than the API's own")


@dg.op(description="Fetch API answers month by month into <home>/landing/trade/<YYYY-MM>/.")
def fetch_trade(
    context: dg.OpExecutionContext, config: FetchTradeConfig, settings: LedgerSettings
) -> None:
    """Fetch each month of the period; the log names the partitions to load next."""
    from ingestion.trade import fetch

    months = fetch.month_range(config.period)
    landing = settings.paths().landing / "trade"
    needed = {"comtrade": ("reporter", "partner", "cmd"), "census": ("direction", "cty", "hs")}
    if config.api not in needed:
        raise ValueError(f"api must be comtrade or census, not {config.api!r}")
    missing = [name for name in needed[config.api] if not getattr(config, name)]
    if missing:
        raise ValueError(f"{config.api} needs {', '.join(missing)}")
    if config.api == "comtrade":
        saved = fetch.fetch_comtrade_months(
            landing,
            months,
            config.reporter,
            config.partner,
            config.cmd,
            config.flow,
            base_url=config.base_url or fetch.COMTRADE_BASE,
        )
    else:
        saved = fetch.fetch_census_months(
            landing,
            months,
            config.hs,
            config.cty,
            config.direction,
            base_url=config.base_url or fetch.CENSUS_BASE,
        )
    for month, path in saved:
        context.log.info(f"{month}: saved {path.relative_to(landing)}")
    context.log.info(
        f"fetched {len(months)} months into {landing}; load them with trade_monthly_job, "
        f"partitions {months[0]}-01 to {months[-1]}-01"
    )


@dg.job(
    description=(
        "Fetch months of Comtrade or Census trade statistics into <home>/landing/trade/; "
        "then load them with trade_monthly_job."
    )
)
def fetch_trade_job() -> None:
    fetch_trade()
