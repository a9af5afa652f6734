"""Trade statistics into `raw`: the whole-flow load and the monthly-partitioned incremental load.

* `ingest_trade` (unpartitioned, in `ledger_job`): rebuilds `raw.trade__flows` and
  `raw.trade__rejects` from every trade input of the run.
* `load_trade_month` (monthly partitions, in `trade_monthly_job`): loads the files in
  `<home>/landing/trade/<YYYY-MM>/`, replacing earlier loads of the same files, then runs dbt on
  the trade models only; `ledger.trade_monthly` is incremental, so the build touches only the
  months that were just loaded. Loading one more month costs time for that month.

Dagster 1.13 accepts partitioned and unpartitioned assets in one job, but then the whole job
becomes partitioned (its schedule and unpartitioned runs would need a partition key), so the
monthly asset stays out of `ledger_job` and has its own job. It runs dbt itself, through the
code location's dagster-dbt resource, rather than selecting the dbt assets: those already own
`ledger/trade_monthly` in `ledger_job` (a second, partitioned selection of it would define the key
twice), and the dbt source `raw/trade__flows` belongs to `ingest_trade`, so a job of the monthly
asset plus dbt assets would have no dependency ordering the load first.
"""

import datetime as dt

import dagster as dg
from dagster_dbt import DbtCliResource

from ingestion.inputs import REFUSED_LINK_ROOT, InputFile, find_landing_inputs
from ingestion.load import SourceFile, connect
from orchestration.paths import LedgerPaths
from orchestration.project import run_dbt
from orchestration.resources import LedgerSettings

TRADE_FLOWS = dg.AssetKey(["raw", "trade__flows"])
TRADE_REJECTS = dg.AssetKey(["raw", "trade__rejects"])
TRADE_REMOVALS = dg.AssetKey(["raw", "trade__removals"])
TRADE_FILES = dg.AssetKey(["raw", "trade__files"])
TRADE_MONTH_LOADS = dg.AssetKey(["raw", "trade__month_loads"])
TRADE_MONTHLY = dg.AssetKey(["ledger", "trade_monthly"])

MONTHS = dg.MonthlyPartitionsDefinition(start_date="2010-01-01", end_offset=1)
# ledger.trade_monthly and every model under it: the dbt graph says which.
TRADE_MODELS = ["+trade_monthly"]


def _spec(key: dg.AssetKey, description: str) -> dg.AssetSpec:
    return dg.AssetSpec(key, description=description, group_name="raw", kinds={"polars", "duckdb"})


@dg.multi_asset(
    name="ingest_trade",
    specs=[
        _spec(TRADE_FLOWS, "Trade statistics (Comtrade, Census, China customs) as monthly flows."),
        _spec(TRADE_REJECTS, "Trade records (or whole files) that could not be loaded, and why."),
        _spec(
            TRADE_REMOVALS, "Months a reload took rows out of (ledger.trade_monthly rebuilds them)."
        ),
        _spec(TRADE_FILES, "Trade files read, with their modification time (the conflict rule)."),
    ],
)
def ingest_trade(context: dg.AssetExecutionContext, settings: LedgerSettings):
    """Parse every trade-statistics input and load flows and rejects into `raw` (replaced)."""
    from ingestion.trade.stream import load_into

    paths = settings.paths()
    loaded_at = dt.datetime.now(dt.UTC)
    sources = [SourceFile.of_input(item) for item in settings.input_files("trade")]
    report = load_into(paths.warehouse, sources, loaded_at, lake=paths.lake)
    for f in report.files:
        context.log.info(f"loaded {f['file']}: {f['loaded']} rows, {f['rejected']} rejected")
    yield dg.MaterializeResult(
        asset_key=TRADE_FLOWS,
        metadata={
            "dagster/row_count": report.loaded,
            "per_file": dg.MetadataValue.json(report.files),
        },
    )
    yield dg.MaterializeResult(
        asset_key=TRADE_REJECTS, metadata={"dagster/row_count": report.rejected}
    )
    # Rebuilt empty with the flows: after a full replace every month is new anyway.
    yield dg.MaterializeResult(asset_key=TRADE_REMOVALS, metadata={"dagster/row_count": 0})
    yield dg.MaterializeResult(
        asset_key=TRADE_FILES, metadata={"dagster/row_count": len(report.files)}
    )


def month_files(paths: LedgerPaths, partition_key: str) -> list[InputFile]:
    """The files of one month's partition: `<home>/landing/trade/<YYYY-MM>/**`, with the root
    their lineage names are relative to (the same root the whole-flow load uses). Links and
    other non-regular entries are listed as refused, as in every folder walk."""
    root = paths.landing / "trade"
    landing = find_landing_inputs(root)
    folder = root / partition_key[:7]
    return [
        item
        for item in landing
        if item.refused == REFUSED_LINK_ROOT or item.path.is_relative_to(folder)
    ]


def load_month(paths: LedgerPaths, partition_key: str) -> dict[str, object]:
    """Replace earlier loads of the month's files in `raw` with their current content."""
    from ingestion.trade.stream import reload_into

    sources = [SourceFile.of_input(item) for item in month_files(paths, partition_key)]
    loaded_at = dt.datetime.now(dt.UTC)
    report = reload_into(paths.warehouse, sources, loaded_at, lake=paths.lake)
    with connect(paths.warehouse, read_only=True) as con:
        months = con.execute(
            "select distinct strftime(period, '%Y-%m') from raw.trade__flows "
            "where _loaded_at = ? order by 1",
            [loaded_at],
        ).fetchall()
    return {
        "files": report.files,
        "loaded": report.loaded,
        "rejected": report.rejected,
        "months": [m for (m,) in months],
    }


def build_trade_models(paths: LedgerPaths, dbt: DbtCliResource | None = None) -> None:
    """`dbt build` of the trade models (incremental ledger.trade_monthly) on this home."""
    run_dbt(paths.home, ["build", "--select", *TRADE_MODELS], dbt)


@dg.asset(
    key=TRADE_MONTH_LOADS,
    partitions_def=MONTHS,
    group_name="trade_partitions",
    kinds={"polars", "duckdb", "dbt"},
    description=(
        "One month of trade files (<home>/landing/trade/<YYYY-MM>/) appended to raw.trade__flows, "
        "then ledger.trade_monthly rebuilt incrementally for the months loaded."
    ),
)
def load_trade_month(
    context: dg.AssetExecutionContext, settings: LedgerSettings, dbt: DbtCliResource
):
    """Load one month's trade files and update ledger.trade_monthly for those months only.

    The materialization recorded is this asset's own: ledger.trade_monthly belongs to the dbt
    assets, and the months rebuilt are in this asset's metadata (`months`).
    """
    paths = settings.paths()
    result = load_month(paths, context.partition_key)
    context.log.info(
        f"{context.partition_key}: {result['loaded']} rows, {result['rejected']} rejected, "
        f"months {result['months']}"
    )
    build_trade_models(paths, dbt)
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": int(result["loaded"]),  # type: ignore[call-overload]
            "rejected": int(result["rejected"]),  # type: ignore[call-overload]
            "months": dg.MetadataValue.json(result["months"]),
            "per_file": dg.MetadataValue.json(result["files"]),
        }
    )


trade_monthly_job = dg.define_asset_job(
    name="trade_monthly_job",
    selection=dg.AssetSelection.assets(TRADE_MONTH_LOADS),
    description="Load one month of trade files and update ledger.trade_monthly incrementally.",
)
