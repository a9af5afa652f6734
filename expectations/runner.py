"""Validate pandas frames of published tables against the GX suites in ``expectations.suites``.

Plain library (no Dagster import). GX is imported inside functions only: it costs 5-9 s,
and callers such as the Dagster code location must stay fast to load.

GX runs from definitions in code only: every call (``validate_frame`` for one table,
``validate_frames`` for several) gets a throwaway (ephemeral) context built from the suites in
``expectations.suites``, so nothing is ever written into the checkout (no ``gx/`` folder, no
stored suites, checkpoints or validation results).

Two modes:
- ``docs_dir=None``: nothing is written anywhere.
- ``docs_dir`` given (the run's ``<home>/docs/quality``): a checkpoint per table stores its
  result, then the Data Docs HTML of these results and suites is built into ``docs_dir`` in
  one pass and made readable offline; GX's stores of validation results and suites live in
  ``docs_dir/results/``, beside the latest result of each suite as
  ``docs_dir/results/<suite>.json``. Nothing else is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from expectations.offline_docs import make_offline
from expectations.suites import SUITES

if TYPE_CHECKING:
    import great_expectations as gx

__all__ = [
    "SUITES",
    "ValidationSummary",
    "columns_checked",
    "read_table",
    "suite_builder",
    "validate_frame",
    "validate_frames",
]

DATASOURCE_NAME = "ledger_frames"
DOCS_SITE_NAME = "quality"
_PREFIX = "ledger_"

# Published tables are read from this schema (ledger-contract.md).
LEDGER_SCHEMA = "ledger"


@dataclass
class ValidationSummary:
    """What a caller (a Dagster asset check, a CLI) needs from one validation.

    ``failed`` holds one line per failed expectation, shaped
    ``"expectation_type(column): observed ..."``, so it can go straight into check metadata.
    """

    suite: str
    success: bool
    evaluated: int
    failed: list[str] = field(default_factory=list)
    statistics: dict[str, Any] = field(default_factory=dict)
    docs_index: Path | None = None


def suite_builder(suite_name: str) -> tuple[str, Callable[[], gx.ExpectationSuite]]:
    """Resolve ``"entries"`` or ``"ledger_entries"`` to (table key, suite builder)."""
    key = suite_name.removeprefix(_PREFIX)
    if key not in SUITES:
        raise KeyError(f"unknown suite {suite_name!r}; known: {sorted(SUITES)}")
    return key, SUITES[key]


def read_table(
    db_path: str | os.PathLike[str], table: str, columns: list[str] | None = None
) -> pd.DataFrame:
    """Read ``ledger.<table>`` (every row; only ``columns`` when given) into pandas over a
    short read-only DuckDB connection.

    Read-only and closed in ``finally`` so validation never holds the writer's lock.
    """
    names = [table, *(columns or [])]
    if not all(name.isidentifier() for name in names):
        # Names are interpolated into SQL; refuse anything that is not a bare identifier.
        raise ValueError(f"not a table or column name: {names!r}")
    select = ", ".join(f'"{c}"' for c in columns) if columns else "*"
    conn = duckdb.connect(str(db_path), read_only=True)
    try:
        # Through Arrow: for the scalar columns the suites read, the same values and dtypes as
        # DuckDB's own .df() once dates are normalised for GX (_normalise_dates makes every
        # datetime64 unit ns), about 10x faster for millions of rows (the strings are not
        # copied one by one). Dates come as datetime64, not datetime.date objects.
        arrow = conn.sql(f"select {select} from {LEDGER_SCHEMA}.{table}").to_arrow_table()
        return arrow.to_pandas(date_as_object=False)
    finally:
        conn.close()


# Expectations about the table as a whole that need its rows but none of its columns.
_ROW_COUNT_ONLY = ("expect_table_row_count_to_be_between", "expect_table_row_count_to_equal")


def columns_checked(suite_name: str) -> list[str] | None:
    """The columns the suite's expectations read, in the order they first appear; None when an
    expectation reads the table as a whole (its column list, say) and so needs every column.

    A frame of these columns (and every row) gets the same verdict, counts and examples as the
    whole table: the quality gate reads no more than this from a table that may be large.
    """
    _, builder = suite_builder(suite_name)
    found: list[str] = []
    for expectation in builder().expectations:
        kind = expectation.expectation_type
        if kind.startswith("expect_table_") and kind not in _ROW_COUNT_ONLY:
            return None  # its column list, column count... are about every column
        kwargs = expectation.configuration.kwargs
        named = [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]
        named += list(kwargs.get("column_list") or [])
        if not named and kind not in _ROW_COUNT_ONLY:
            return None
        found += [name for name in named if name not in found]
    return found or None


def _describe(result: Any) -> str:
    """One line for a failed ExpectationValidationResult: type(column): observed ..."""
    config = result.expectation_config
    kwargs = config.kwargs
    # Table-level expectations may carry a column_list (the expected columns): not a target.
    if config.type.startswith("expect_table_"):
        target = "table"
    elif "column" in kwargs:
        target = kwargs["column"]
    elif "column_A" in kwargs:
        target = f"{kwargs['column_A']},{kwargs['column_B']}"
    elif "column_list" in kwargs:
        target = ",".join(kwargs["column_list"])
    else:
        target = "table"
    res = result.result or {}
    error = _exception_message(result.exception_info)
    if error:
        observed = f"error {error}"
    elif "unexpected_count" in res:
        examples = res.get("partial_unexpected_list") or []
        observed = f"{res['unexpected_count']} unexpected of {res.get('element_count')}"
        if examples:
            observed += f", e.g. {[_plain(v) for v in examples[:5]]}"
    elif "observed_value" in res:
        observed = str(_plain(res["observed_value"]))
        details = res.get("details") or {}
        if "mismatched" in details:
            observed += f" (mismatched: {details['mismatched']})"
    else:
        observed = json.dumps(res, default=str)[:300]
    return f"{config.type}({target}): observed {observed}"


def _exception_message(info: Any) -> str | None:
    """The first exception message in a result's exception_info.

    GX 1.x nests it per metric ({metric_id: {"raised_exception": ...}}); older shapes
    keep it at the top level. Both are handled so an erroring rule never reads as "{}".
    """
    if not isinstance(info, dict):
        return None
    if info.get("raised_exception"):
        return str(info.get("exception_message"))
    for value in info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message"))
    return None


def _plain(value: Any) -> Any:
    """Make numpy/pandas scalars print like plain Python values in failure messages."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    item = getattr(value, "item", None)
    if callable(item):
        try:
            return item()
        except (TypeError, ValueError):
            return value
    return value


def _normalise_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """Give date columns the dtype GX 1.24 compares fastest and without type errors.

    DuckDB hands dates over as datetime64[us]; GX only vectorises datetime64[ns] range checks
    (other units fall back to a per-row Python loop). Frames built elsewhere may carry
    datetime.date objects, which cannot be compared with the suites' datetime bounds.
    Values outside the ns range (after 2262) are left alone: their range check then errors,
    which fails the suite, as it should.
    """
    converted: dict[str, pd.Series] = {}
    for name, column in frame.items():
        try:
            if pd.api.types.is_datetime64_dtype(column.dtype) and column.dtype != "datetime64[ns]":
                converted[str(name)] = column.astype("datetime64[ns]")
            elif column.dtype == object:
                sample = column.dropna()
                if len(sample) and isinstance(sample.iloc[0], dt.date):
                    converted[str(name)] = pd.to_datetime(column).astype("datetime64[ns]")
        except (ValueError, TypeError, OverflowError, pd.errors.OutOfBoundsDatetime):
            continue
    if not converted:
        return frame
    # assign() copies: the caller's frame is never modified.
    return frame.assign(**converted)


def _summarise(suite_name: str, result: Any, docs_index: Path | None = None) -> ValidationSummary:
    """Turn an ExpectationSuiteValidationResult into a ValidationSummary."""
    return ValidationSummary(
        suite=suite_name,
        success=bool(result.success),
        evaluated=len(result.results),
        failed=[_describe(r) for r in result.results if not r.success],
        statistics=dict(result.statistics),
        docs_index=docs_index,
    )


def _quiet(context: Any) -> None:
    """Turn tqdm progress bars off: they flood Dagster compute logs."""
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)


def _ephemeral_context(
    suites: list[gx.ExpectationSuite], docs_dir: Path | None = None
) -> tuple[Any, dict[str, tuple[Any, gx.ExpectationSuite]]]:
    """A throwaway context holding ``suites``, each with a whole-dataframe batch definition.

    Every store is in memory, except with ``docs_dir``: then the validation results store is
    ``docs_dir/results/validations``, the expectations store ``docs_dir/results/suites`` (the
    suites as last validated, rendered from code) and the one Data Docs site is ``docs_dir``,
    so a home keeps the results its runs produced and the site lists every suite and result.
    No temporary site is created. Returns (context, {suite name: (batch definition, the suite
    as added to the context)}).
    """
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
    )
    if docs_dir is not None:
        for store, class_name, folder in (
            (config.validation_results_store_name, "ValidationResultsStore", "validations"),
            (config.expectations_store_name, "ExpectationsStore", "suites"),
        ):
            config.stores[store] = {
                "class_name": class_name,
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir / "results" / folder),
                },
            }
        config.data_docs_sites = {DOCS_SITE_NAME: _site_config(docs_dir)}
    else:
        config.data_docs_sites = {}
    context = gx.get_context(mode="ephemeral", project_config=config)
    _quiet(context)
    source = context.data_sources.add_pandas(DATASOURCE_NAME)
    added = {}
    for suite in suites:
        # The code is the definition: a suite stored by an earlier run is overwritten.
        suite = context.suites.add_or_update(suite)
        batch_definition = source.add_dataframe_asset(
            name=suite.name
        ).add_batch_definition_whole_dataframe("whole_frame")
        added[suite.name] = (batch_definition, suite)
    return context, added


def _site_config(docs_dir: Path | str) -> Any:
    """A Data Docs site that writes its static HTML under ``docs_dir``."""
    return {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(docs_dir),
        },
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }


def _validate_with_docs(
    frames: dict[str, tuple[pd.DataFrame, gx.ExpectationSuite]],
    docs_dir: Path,
    run_name: str | None = None,
) -> dict[str, Any]:
    """Validate each frame against its suite in one ephemeral context; build Data Docs once.

    Each validation runs through a checkpoint of its own (one frame per checkpoint run), and
    stores its result in ``docs_dir/results``; then the pages of these results and suites are
    rendered in one pass and the site is rewritten to work offline (expectations.offline_docs),
    whose own index replaces GX's (so GX's is not built). ``run_name`` (the caller's run id)
    names the validation run, so each page says which run it belongs to. Results of earlier
    runs in docs_dir stay, with their pages; the offline index lists them.
    Returns {suite name: validation result}.
    """
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
    )

    docs_dir.mkdir(parents=True, exist_ok=True)
    context, added = _ephemeral_context([suite for _, suite in frames.values()], docs_dir)
    run_id = RunIdentifier(run_name=run_name)
    results: dict[str, Any] = {}
    rendered: list[Any] = []
    for name, (frame, _) in frames.items():
        batch_definition, suite = added[name]
        validation = context.validation_definitions.add(
            gx.ValidationDefinition(name=f"{name}_validation", data=batch_definition, suite=suite)
        )
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(name=f"{name}_checkpoint", validation_definitions=[validation])
        )
        outcome = checkpoint.run(batch_parameters={"dataframe": frame}, run_id=run_id)
        ((identifier, result),) = outcome.run_results.items()
        results[name] = result
        rendered += [identifier, ExpectationSuiteIdentifier(name=name)]
    context.build_data_docs(
        site_names=[DOCS_SITE_NAME], resource_identifiers=rendered, build_index=False
    )
    make_offline(docs_dir)
    return results


@contextlib.contextmanager
def _without_fingerprints() -> Iterator[None]:
    """GX's pandas engine without the md5 of every frame it is given (`pandas_data_fingerprint`,
    a batch marker in the stored results).

    GX hashes every frame under 1 GB of memory before validating it (`HASH_THRESHOLD`): 0.9 s
    of the 2 s a 4-million-row ledger.trade_monthly takes, and nothing here reads the value (a
    result names its run instead). Only the marker goes; every expectation still reads every
    row.
    """
    from great_expectations.execution_engine import pandas_execution_engine as engine

    before = engine.HASH_THRESHOLD
    engine.HASH_THRESHOLD = 0
    try:
        yield
    finally:
        engine.HASH_THRESHOLD = before


def validate_frames(
    frames: dict[str, pd.DataFrame],
    docs_dir: Path | None = None,
    run_name: str | None = None,
) -> dict[str, ValidationSummary]:
    """Validate the frames of several published tables, each against its suite.

    ``frames`` maps a table key ("entries") or a suite name ("ledger_entries") to its frame;
    the summaries come back under the same keys. Great Expectations is set up once for all of
    them; with ``docs_dir`` their results and Data Docs are written there (see
    ``validate_frame``), the site rendered once for the lot.
    """
    suites = {}
    for given, frame in frames.items():
        _, builder = suite_builder(given)
        suite = builder()
        suites[given] = (_normalise_dates(frame), suite)
    by_suite = {suite.name: (frame, suite) for frame, suite in suites.values()}
    if len(by_suite) != len(suites):
        raise ValueError(f"a suite is given twice: {sorted(frames)}")
    if docs_dir is None:
        _, added = _ephemeral_context([suite for _, suite in suites.values()])
        summaries = {}
        for given, (frame, suite) in suites.items():
            batch_definition, added_suite = added[suite.name]
            with _without_fingerprints():
                batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
            summaries[given] = _summarise(suite.name, batch.validate(added_suite))
        return summaries
    docs_dir = Path(docs_dir)
    with _without_fingerprints():
        results = _validate_with_docs(by_suite, docs_dir, run_name)
    # Each run's result beside its Data Docs, so a home holds what its last run checked.
    results_dir = docs_dir / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    index = docs_dir / "index.html"
    summaries = {}
    for given, (_, suite) in suites.items():
        result = results[suite.name]
        (results_dir / f"{suite.name}.json").write_text(
            json.dumps(result.to_json_dict(), indent=2, default=str), encoding="utf-8"
        )
        summaries[given] = _summarise(suite.name, result, index if index.exists() else None)
    return summaries


def validate_frame(
    frame: pd.DataFrame,
    suite_name: str,
    docs_dir: Path | None = None,
    run_name: str | None = None,
) -> ValidationSummary:
    """Validate ``frame`` against the suite for one published table.

    ``suite_name`` is a table key ("entries") or a suite name ("ledger_entries"). With
    ``docs_dir`` a checkpoint also writes Data Docs HTML and the result JSON there (about
    1-3 s more); without it nothing is written.
    """
    return validate_frames({suite_name: frame}, docs_dir, run_name)[suite_name]
