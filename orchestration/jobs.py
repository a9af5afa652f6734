"""The one job that runs the whole flow, its daily schedule, and the landing-folder sensor."""

from __future__ import annotations

import hashlib

import dagster as dg

from orchestration.paths import LedgerPaths

ledger_job = dg.define_asset_job(
    name="ledger_job",
    # The monthly-partitioned trade load has its own job (orchestration/assets/trade.py).
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("trade_partitions"),
    description="Ingest news and trade statistics; extract, build, check and publish the ledger.",
)

daily_schedule = dg.ScheduleDefinition(
    name="ledger_daily",
    job=ledger_job,
    cron_schedule="0 6 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)


def landing_fingerprint(paths: LedgerPaths) -> str | None:
    """A hash of the landing folder's file names, sizes and modification times; None when empty."""
    if not paths.landing.is_dir():
        return None
    entries = sorted(
        f"{p.relative_to(paths.landing)}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
        for p in paths.landing.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    )
    if not entries:
        return None
    return hashlib.sha256("\n".join(entries).encode()).hexdigest()[:16]


@dg.sensor(
    name="landing_sensor",
    job=ledger_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Starts the ledger job when files are added to or changed in <home>/landing/.",
)
def landing_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    """One run per distinct state of the landing folder."""
    fingerprint = landing_fingerprint(LedgerPaths.from_env())
    if fingerprint is None or fingerprint == context.cursor:
        return dg.SensorResult(
            skip_reason="no new files in the landing folder", cursor=context.cursor
        )
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=fingerprint)], cursor=fingerprint)
