"""One line per finished step of a run: what it did and how long it took.

A logging handler that reads the run's structured events (materializations, check results, step
ends) from the records Dagster logs, and writes a line when a step ends. `tradeledger run` adds
it to the job as a Dagster logger (`orchestration.cli.progress_logger`) unless `--quiet` is
given; the Dagster UI and the schedule do not use it. No Dagster import: events are read through
their attributes.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, TextIO

# What each step of ledger_job is called on its progress line.
STEP_LABELS = {
    "ingest_news": "news",
    "extract_news": "extract",
    "ingest_trade": "trade",
    "ledger_dbt_models": "dbt build",
    "snapshots__entries_snapshot": "history",
    "ledger_suites": "quality checks",
    "published__tradeledger": "publish",
    "published__report": "report",
    "published__dbt_docs": "dbt docs",
}


def _value(metadata: dict[str, Any], key: str) -> Any:
    entry = metadata.get(key)
    return getattr(entry, "value", entry)


def _number(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _bytes(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} bytes"


@dataclass
class _Step:
    started: float = field(default_factory=time.monotonic)
    rows: dict[str, Any] = field(default_factory=dict)  # asset key -> metadata
    passed: int = 0
    failed: int = 0
    check_names: list[str] = field(default_factory=list)


class StepProgress(logging.Handler):
    """Collects a run's events per step and writes one line when a step ends."""

    def __init__(self, out: TextIO) -> None:
        super().__init__(level=logging.DEBUG)
        self.out = out
        self.steps: dict[str, _Step] = defaultdict(_Step)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        event = getattr(record, "dagster_event", None)
        if event is None:
            meta = getattr(record, "dagster_meta", None) or {}
            event = meta.get("dagster_event")
        if event is None or not event.step_key:
            return
        kind = event.event_type_value
        step = self.steps[event.step_key]
        if kind == "STEP_START":
            self.steps[event.step_key] = _Step()
        elif kind == "ASSET_MATERIALIZATION":
            materialization = event.event_specific_data.materialization
            step.rows[materialization.asset_key.to_user_string()] = dict(materialization.metadata)
        elif kind == "ASSET_CHECK_EVALUATION":
            step.check_names.append(event.event_specific_data.check_name)
            if event.event_specific_data.passed:
                step.passed += 1
            else:
                step.failed += 1
        elif kind in ("STEP_SUCCESS", "STEP_FAILURE"):
            seconds = time.monotonic() - step.started
            what = self.describe(event.step_key, step)
            if kind == "STEP_FAILURE":
                what = f"FAILED{'; ' + what if what else ''}"
            label = STEP_LABELS.get(event.step_key, event.step_key)
            if event.step_key not in STEP_LABELS and not step.rows and len(step.check_names) == 1:
                label = f"check {step.check_names[0]}"  # a step that runs one asset check
            line = f"  {label:<27} {what}  ({seconds:.1f} s)"
            self.lines.append(line)
            print(line, file=self.out, flush=True)

    def describe(self, step_key: str, step: _Step) -> str:
        """What a step did, from its materializations and check results."""
        rows = {key: _value(meta, "dagster/row_count") for key, meta in step.rows.items()}
        checks = ""
        if step.passed or step.failed:
            checks = f"{_number(step.passed, 'check')} passed"
            if step.failed:
                checks += f", {step.failed} failed"
        if step_key == "ingest_news":
            articles = rows.get("raw/news__articles") or 0
            files = _value(step.rows.get("raw/news__articles", {}), "files") or 0
            rejected = rows.get("raw/news__rejects") or 0
            return (
                f"{_number(articles, 'article')} parsed from {_number(files, 'file')}, "
                f"{rejected} rejected"
            )
        if step_key == "extract_news":
            statements = rows.get("raw/news__statements") or 0
            links = rows.get("raw/news__statement_links") or 0
            return f"{_number(statements, 'statement')} extracted, {_number(links, 'link')}"
        if step_key == "ingest_trade":
            flows = rows.get("raw/trade__flows") or 0
            rejected = rows.get("raw/trade__rejects") or 0
            return f"{_number(flows, 'trade row')} loaded, {rejected} rejected"
        if step_key == "snapshots__entries_snapshot":
            versions = rows.get("snapshots/entries_snapshot") or 0
            return f"{_number(int(versions), 'entry version')} recorded"
        if step_key == "ledger_dbt_models":
            built = f"{_number(len(step.rows), 'model')} built"
            return f"{built}, {checks}" if checks else built
        if step_key == "published__tradeledger":
            meta = step.rows.get("published/tradeledger", {})
            size = _value(meta, "bytes")
            entries = _value(meta, "dagster/row_count")
            if size is None:
                return "nothing published"
            return (
                f"{_bytes(int(size))} published, {_number(int(entries or 0), 'entry', 'entries')}"
            )
        if step_key == "published__report":
            size = next((_value(m, "bytes") for m in step.rows.values()), None)
            return f"report written ({_bytes(int(size))})" if size is not None else "report written"
        if step_key == "published__dbt_docs":
            meta = next(iter(step.rows.values()), {})
            if _value(meta, "regenerated") is False:
                return "documentation site current (dbt project unchanged)"
            return "documentation site written"
        if len(step.check_names) == 1 and not step.rows:
            return "passed" if step.passed else "failed"
        if checks:
            return checks
        return f"{_number(len(step.rows), 'asset')} materialized"
