"""The ledger's vocabulary, read from its one registry: the dbt seeds `vocab_*.csv`.

Kinds of measure, statuses and the commitment checks' verdicts each live once, as a seed in
`dbt_project/seeds/` (described in `_vocab.yml`). dbt loads them into schema `reference`, where
the models join them and the tests hold the ledger's columns to them; Python reads the same
files here: the extractor's restrictive and easing kinds, the Great Expectations suites, the
report's colours. Adding a kind is one row in `vocab_kinds.csv` (plus the extractor's cue words).

The published tables' columns are read the same way, from the models' enforced contracts
(`dbt_project/models/marts/ledger/<model>.yml`), not copied.

Plain library: no Dagster, no dbt import; files are read once per folder (cached).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

DBT_PROJECT_DIR = Path(__file__).resolve().parents[1] / "dbt_project"
SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
LEDGER_MODELS_DIR = DBT_PROJECT_DIR / "models" / "marts" / "ledger"


@dataclass(frozen=True)
class Kind:
    """One row of `vocab_kinds.csv` (columns described in `dbt_project/seeds/_vocab.yml`)."""

    kind: str
    family: str
    direction: str  # restrictive | easing | neutral
    trade_flow: str | None  # export | import | None
    checked_against_trade: bool
    effective_when_announced: bool
    implemented_when_effective: bool
    undoes_as: str | None  # the status a restriction it undoes gets
    summary_phrase: str
    colour: str
    meaning: str
    merge_family: str  # kinds whose reports of one measure the extractor merges


@dataclass(frozen=True)
class Vocabulary:
    """The three registries, in the seeds' row order."""

    kinds: dict[str, Kind]
    statuses: tuple[str, ...]
    verdicts: tuple[str, ...]

    def kind_names(self) -> tuple[str, ...]:
        """Every kind, in the registry's order."""
        return tuple(self.kinds)

    def kinds_where(self, **attributes: object) -> frozenset[str]:
        """The kinds whose attributes equal the given values, e.g. direction="restrictive"."""
        return frozenset(
            name
            for name, kind in self.kinds.items()
            if all(getattr(kind, key) == value for key, value in attributes.items())
        )


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _required(row: dict[str, str], column: str, where: str) -> str:
    value = (row.get(column) or "").strip()
    if not value:
        raise ValueError(f"{where}: {column} is empty")
    return value


def _flag(value: str, where: str) -> bool:
    if value.strip().lower() not in ("true", "false"):
        raise ValueError(f"{where}: expected true or false, got {value!r}")
    return value.strip().lower() == "true"


@functools.cache
def load(seeds_dir: Path = SEEDS_DIR) -> Vocabulary:
    """The registry in `seeds_dir` (default: this checkout's dbt seeds), read once."""
    kinds: dict[str, Kind] = {}
    for n, row in enumerate(_rows(seeds_dir / "vocab_kinds.csv"), start=2):
        where = f"vocab_kinds.csv line {n}"
        kind = Kind(
            kind=row["kind"].strip(),
            family=row["family"].strip(),
            direction=row["direction"].strip(),
            trade_flow=row["trade_flow"].strip() or None,
            checked_against_trade=_flag(row["checked_against_trade"], where),
            effective_when_announced=_flag(row["effective_when_announced"], where),
            implemented_when_effective=_flag(row["implemented_when_effective"], where),
            undoes_as=row["undoes_as"].strip() or None,
            summary_phrase=row["summary_phrase"].strip(),
            colour=row["colour"].strip(),
            meaning=row["meaning"].strip(),
            merge_family=_required(row, "merge_family", where),
        )
        if kind.kind in kinds:
            raise ValueError(f"{where}: kind {kind.kind!r} twice")
        kinds[kind.kind] = kind
    statuses = tuple(row["status"].strip() for row in _rows(seeds_dir / "vocab_statuses.csv"))
    verdicts = tuple(row["verdict"].strip() for row in _rows(seeds_dir / "vocab_verdicts.csv"))
    return Vocabulary(kinds=kinds, statuses=statuses, verdicts=verdicts)


def kinds() -> tuple[str, ...]:
    """Every kind of measure, in the registry's order."""
    return load().kind_names()


def statuses() -> tuple[str, ...]:
    """Every status of an entry, in the registry's order."""
    return load().statuses


def verdicts() -> tuple[str, ...]:
    """Every verdict of a commitment check, in the registry's order."""
    return load().verdicts


def kinds_where(**attributes: object) -> frozenset[str]:
    """The kinds with the given attribute values (see `Kind`)."""
    return load().kinds_where(**attributes)


@functools.cache
def contract_columns(model: str, models_dir: Path = LEDGER_MODELS_DIR) -> tuple[str, ...]:
    """The columns of published table `ledger.<model>`, in order, from its enforced dbt contract."""
    import yaml  # PyYAML comes with dbt-core; imported here so the kinds need no YAML parser

    spec = yaml.safe_load((models_dir / f"{model}.yml").read_text(encoding="utf-8"))
    (found,) = [m for m in spec["models"] if m["name"] == model]
    if not found.get("config", {}).get("contract", {}).get("enforced"):
        raise ValueError(f"{model}.yml: the contract is not enforced, its columns are not fixed")
    return tuple(column["name"] for column in found["columns"])
