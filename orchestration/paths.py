"""Where a run reads and writes: everything lives under one home folder.

The home is read when a run starts (never at import time), from the `LEDGER_HOME` environment
variable, default `./var`. dbt reads the same variable in `dbt_project/profiles.yml`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = REPO_ROOT / "samples"
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
PUBLISHED_FILE_NAME = "tradeledger.duckdb"


@dataclass(frozen=True)
class LedgerPaths:
    """The folders and files of one home."""

    home: Path

    @classmethod
    def from_env(cls, home: str | Path | None = None) -> LedgerPaths:
        """Resolve the home from the argument, else LEDGER_HOME, else ./var."""
        raw = home or os.environ.get("LEDGER_HOME") or "var"
        return cls(Path(raw).expanduser().resolve())

    @property
    def warehouse(self) -> Path:
        """The working DuckDB file: raw, staging, intermediate and ledger schemas."""
        return self.home / "warehouse" / "warehouse.duckdb"

    @property
    def lake(self) -> Path:
        """The raw layer as Hive-partitioned Parquet: `lake/raw/<table>/` (`ingestion.lake`)."""
        return self.home / "lake"

    @property
    def published_dir(self) -> Path:
        """Folder of the published file and its Parquet copies."""
        return self.home / "published"

    @property
    def published(self) -> Path:
        """The published, read-only ledger that BI tools and analysts open."""
        return self.published_dir / PUBLISHED_FILE_NAME

    @property
    def landing(self) -> Path:
        """Drop news files in landing/news and trade files in landing/trade; the sensor notices."""
        return self.home / "landing"

    @property
    def docs(self) -> Path:
        """Quality reports and other generated documents."""
        return self.home / "docs"

    @property
    def dbt_target(self) -> Path:
        """dbt's artefacts for this home, kept out of the repository."""
        return self.home / "dbt" / "target"

    def export(self) -> None:
        """Tell child processes (dbt) which home this run uses."""
        os.environ["LEDGER_HOME"] = str(self.home)
