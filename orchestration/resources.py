"""Run settings shared by every asset: the home folder and the inputs of this run."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

import dagster as dg

from ingestion.inputs import InputFile, find_inputs, find_landing_inputs, unique_inputs
from orchestration.paths import SAMPLES_DIR, LedgerPaths


class LedgerSettings(dg.ConfigurableResource):
    """Where this run works and what it reads.

    Inputs of a kind given here (files, folders, or for news also feed URLs) replace the
    bundled sample of that kind; files dropped in `<home>/landing/<kind>/` are read in every run.
    """

    home: str = ""  # empty: LEDGER_HOME, else ./var
    news: list[str] = []
    trade: list[str] = []
    engine: str = "duckdb"  # or "spark": dbt builds on Spark, the rest is the same (docs/spark.md)

    def paths(self) -> LedgerPaths:
        """The home's folders, resolved now (not at import time)."""
        return LedgerPaths.from_env(self.home or None)

    @contextlib.contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator["LedgerSettings"]:
        """Hold the home's lock for the whole run, whoever started it (the UI, the schedule and
        the sensor too, not only `tradeledger run`): a second run on the home stops at its start
        with the lock's one-line reason."""
        from ingestion.limits import lock_wait_s
        from orchestration.lock import run_lock

        with (
            run_lock(self.paths().home, lock_wait_s()),
            super().yield_for_execution(context) as value,
        ):
            yield value

    def _local(self, given: str, kind: str) -> Path:
        """A local path for an input: feed URLs are fetched into `<home>/feeds/` first."""
        if not given.lower().startswith(("http://", "https://")):
            return Path(given).expanduser().resolve()
        if kind != "news":
            raise ValueError(f"only news feeds can be given as URLs, not {kind} input {given}")
        from ingestion.news.fetch import fetch_feed

        fetched = fetch_feed(given, self.paths().home / "feeds")
        if fetched is None:
            raise RuntimeError(f"could not fetch {given} (see the log for the HTTP error)")
        return fetched

    def input_files(self, kind: str) -> list[InputFile]:
        """Input files of one kind, each with the folder its lineage name is relative to.

        Paths given are resolved once; inside a folder (given or `<home>/landing/<kind>/`) links
        and other non-regular entries are listed as refused (`ingestion.inputs`), never read. A
        file reached twice is listed once.
        """
        given = self.news if kind == "news" else self.trade
        roots = [self._local(p, kind) for p in given] or [SAMPLES_DIR / kind]
        found: list[InputFile] = []
        for root in roots:
            try:
                found.extend(find_inputs(root))
            except FileNotFoundError:
                raise FileNotFoundError(f"{kind} input not found: {root}") from None
        found.extend(find_landing_inputs(self.paths().landing / kind))
        return unique_inputs(found)

    def inputs(self, kind: str) -> list[tuple[Path, Path]]:
        """The readable input files of one kind with their lineage roots (refused ones left out)."""
        return [(f.path, f.root) for f in self.input_files(kind) if not f.refused]
