"""The code location: every asset, check, job, schedule and sensor of tradeledger."""

import dagster as dg

from orchestration.assets.dbt import dbt_asset_defs, entries_history_recorded
from orchestration.assets.published import published_ledger
from orchestration.assets.raw import extract_news, ingest_news
from orchestration.assets.report import published_dbt_docs, published_report
from orchestration.assets.trade import ingest_trade, load_trade_month, trade_monthly_job
from orchestration.checks import ledger_checks
from orchestration.fetch import fetch_trade_job
from orchestration.jobs import daily_schedule, landing_sensor, ledger_job
from orchestration.project import dbt_resource
from orchestration.resources import LedgerSettings

defs = dg.Definitions(
    assets=[
        ingest_news,
        extract_news,
        ingest_trade,
        load_trade_month,
        # Built here, when the definitions are: the only place the dbt manifest is read.
        *dbt_asset_defs(),
        entries_history_recorded,
        published_ledger,
        published_report,
        published_dbt_docs,
    ],
    asset_checks=ledger_checks,
    jobs=[ledger_job, trade_monthly_job, fetch_trade_job],
    schedules=[daily_schedule],
    sensors=[landing_sensor],
    resources={
        "settings": LedgerSettings(),
        "dbt": dbt_resource(),
    },
    # DuckDB allows one writer process: every step runs in the run's own process, in order.
    executor=dg.in_process_executor,
)
