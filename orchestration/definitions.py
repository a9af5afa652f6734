"""The code location: every asset, check, job, schedule and sensor of tradeledger."""

import sys
from functools import cached_property
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource
from packaging import version

from orchestration.assets.dbt import ledger_dbt_history, ledger_dbt_models
from orchestration.assets.published import published_ledger
from orchestration.assets.raw import extract_news, ingest_news
from orchestration.assets.report import published_dbt_docs, published_report
from orchestration.assets.trade import ingest_trade, load_trade_month, trade_monthly_job
from orchestration.checks import ledger_checks
from orchestration.fetch import fetch_trade_job
from orchestration.jobs import daily_schedule, landing_sensor, ledger_job
from orchestration.project import dbt_project
from orchestration.resources import LedgerSettings

# The dbt installed beside this interpreter, so that a run works without an activated venv.
_venv_dbt = Path(sys.executable).with_name("dbt")
DBT_EXECUTABLE = str(_venv_dbt) if _venv_dbt.exists() else "dbt"


class LedgerDbtCliResource(DbtCliResource):
    """dagster-dbt's resource, without a `dbt --version` subprocess before every dbt command.

    dagster-dbt asks the dbt executable for its version (about 1.3 s: a Python start and dbt's
    imports) once per resource instance, that is per step. The dbt used here is the one installed
    beside this interpreter, whose version this process can read directly.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        if self.dbt_executable != str(_venv_dbt):
            return super()._cli_version
        from dbt.version import __version__

        return version.parse(__version__)


defs = dg.Definitions(
    assets=[
        ingest_news,
        extract_news,
        ingest_trade,
        load_trade_month,
        ledger_dbt_models,
        ledger_dbt_history,
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
        "dbt": LedgerDbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),
    },
    # DuckDB allows one writer process: every step runs in the run's own process, in order.
    executor=dg.in_process_executor,
)
