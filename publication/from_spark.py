"""The ledger built on Spark, brought into the DuckDB warehouse (`tradeledger run --engine spark`).

dbt builds the marts on Spark as Parquet tables under `<home>/lake/spark-warehouse/`. This
module reads those files with DuckDB (no Spark session needed) and writes each table into the
warehouse's `ledger` schema with the DDL dbt-duckdb gives it on a DuckDB run: the column types
and constraints of the model's contract, read from the dbt manifest. Everything after the build
(the quality gate, the history, publication) then reads the same tables whichever engine built
them, and the published file has the same schema and types.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingestion.load import connect
from publication.publish import PUBLISHED_TABLES

# `make setup-spark` installs dbt-spark and pyspark in an environment of their own, beside the
# project's .venv (where Great Expectations would import a pyspark it found).
SPARK_DBT_EXECUTABLE = Path(
    os.environ.get("TRADELEDGER_SPARK_DBT")
    or Path(__file__).resolve().parents[1] / ".venv-spark" / "bin" / "dbt"
)

# dbt-duckdb renders a contract's column constraints in this spelling (model-level constraints
# are not used by the project).
_CONSTRAINT_SQL = {"not_null": "not null", "primary_key": "primary key", "unique": "unique"}


@dataclass(frozen=True)
class Contract:
    """One model's contract: its columns in order, each with its DuckDB type and constraints."""

    columns: tuple[tuple[str, str, tuple[str, ...]], ...]

    def ddl(self, qualified: str) -> str:
        """`create table` with the contract's columns, as dbt-duckdb builds a contracted table."""
        cols = ", ".join(
            " ".join([name, data_type, *(_CONSTRAINT_SQL[c] for c in constraints)])
            for name, data_type, constraints in self.columns
        )
        return f"create table {qualified} ({cols})"


def contracts_from_manifest(manifest: Path, schema: str = "ledger") -> dict[str, Contract]:
    """The contracts of the models in `schema`, from a manifest parsed for the DuckDB target
    (its `data_type`s are DuckDB's names)."""
    nodes = json.loads(manifest.read_text())["nodes"].values()
    contracts = {}
    for node in nodes:
        if node["resource_type"] != "model" or node["schema"] != schema:
            continue
        if not node["config"].get("contract", {}).get("enforced"):
            continue
        columns = tuple(
            (
                column["name"],
                column["data_type"],
                tuple(
                    c["type"] for c in column.get("constraints", []) if c["type"] in _CONSTRAINT_SQL
                ),
            )
            for column in node["columns"].values()
        )
        contracts[node.get("alias") or node["name"]] = Contract(columns)
    return contracts


# dbt-spark's snapshots merge, which Parquet tables cannot (Delta's jars are not to be had
# here): the entries snapshot, and ledger.entries_history that reads it, are built on DuckDB
# after the Spark build, from the entries brought back (docs/spark.md).
HISTORY_NODES = ("entries_snapshot", "entries_history")
# `dbt build` on Spark: everything else (dagster-dbt adds its own --select).
SPARK_BUILD = ("build", "--exclude", " ".join(["resource_type:snapshot", *HISTORY_NODES[1:]]))
# What a Spark build leaves in its ledger schema: the published tables but entries_history, and
# the incremental model's record of what it built (its next build starts from that watermark).
SPARK_LEDGER_TABLES = (
    *(t for t in PUBLISHED_TABLES if t not in HISTORY_NODES),
    "trade_monthly__rebuilt",
    "trade_monthly__watermark",
)


def history_build(manifest: Path) -> list[str]:
    """`dbt build` on DuckDB for the history alone. dagster-dbt adds `--select fqn:*`, and dbt
    unites selections, so the build is chosen by what it excludes: every seed, unit test and
    model but the history's (their data tests go with them)."""
    nodes = json.loads(manifest.read_text())["nodes"].values()
    models = sorted(
        n["name"] for n in nodes if n["resource_type"] == "model" and n["name"] not in HISTORY_NODES
    )
    return [
        "build",
        "--exclude",
        " ".join(["resource_type:seed", "resource_type:unit_test", *models]),
    ]


def build_on_spark(paths: Any, manifest: Path, spark: Any, duckdb: Any, context: Any) -> Iterator:
    """The dbt build of `tradeledger run --engine spark`, yielding the events of both dbt runs.

    `paths` is the run's LedgerPaths, `spark` and `duckdb` dagster-dbt resources (on the
    profile's spark and DuckDB targets), `context` the dbt asset's. Raw is in the lake's
    Parquet folders (the loaders wrote it); dbt builds everything but the history on Spark, with
    its data and unit tests; the tables it built come into the warehouse's ledger schema; dbt
    builds the history there, on DuckDB.
    """
    target = paths.home / "dbt" / "target-spark"
    yield from spark.cli(list(SPARK_BUILD), context=context, target_path=target).stream()
    contracts = contracts_from_manifest(manifest)
    spark_warehouse = paths.home / "lake" / "spark-warehouse"
    import_tables(spark_warehouse, paths.warehouse, SPARK_LEDGER_TABLES, contracts)
    history = history_build(manifest)
    yield from duckdb.cli(history, context=context, target_path=paths.dbt_target).stream()


def spark_table_dir(spark_warehouse: Path, schema: str, table: str) -> Path:
    """Where Spark's session catalog keeps a managed table of `schema`."""
    return spark_warehouse / f"{schema}.db" / table


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def import_tables(
    spark_warehouse: Path,
    warehouse: Path,
    tables: Sequence[str],
    contracts: Mapping[str, Contract],
    schema: str = "ledger",
) -> dict[str, int]:
    """Replace `<schema>.<table>` in the DuckDB warehouse with Spark's table of that name, for
    each table, in one transaction; returns the row counts.

    A table with a contract gets the contract's DDL and its columns cast to the contract's
    types (Spark's `timestamp` becomes `timestamptz`, `array<string>` `varchar[]`, a partition
    column comes back in its place); a table without one (the incremental model's watermark) is
    copied as DuckDB reads it. Partition folders (`month=2025-01-01/`) are read as columns.
    """
    counts: dict[str, int] = {}
    with connect(warehouse) as con:
        con.execute("begin")
        con.execute(f"create schema if not exists {schema}")
        for table in tables:
            folder = spark_table_dir(spark_warehouse, schema, table)
            files = sorted(folder.rglob("*.parquet"))
            if not folder.is_dir():
                raise LookupError(f"Spark built no table {schema}.{table} (no folder {folder})")
            qualified = f'{schema}."{table}"'
            con.execute(f"drop table if exists {qualified}")
            contract = contracts.get(table)
            source = (
                f"read_parquet({_sql_text((folder / '**' / '*.parquet').as_posix())}, "
                "hive_partitioning = true, union_by_name = true)"
            )
            if contract is not None:
                con.execute(contract.ddl(qualified))
                if files:
                    names = ", ".join(f'"{n}"' for n, _, _ in contract.columns)
                    casts = ", ".join(f'cast("{n}" as {t})' for n, t, _ in contract.columns)
                    con.execute(f"insert into {qualified} ({names}) select {casts} from {source}")
            elif files:
                con.execute(f"create table {qualified} as select * from {source}")
            else:
                raise LookupError(f"Spark's table {schema}.{table} has no Parquet file to read")
            (count,) = con.execute(f"select count(*) from {qualified}").fetchone() or (0,)
            counts[table] = count
        con.execute("commit")
    return counts


def docs_generate_args(engine: str, manifest: Path, target: Path) -> list[str]:
    """Extra `dbt docs generate` arguments for the run's engine. After a Spark build the DuckDB
    warehouse lacks the views trade_monthly's compile reads, so the docs come from the parsed
    manifest, copied into the docs target."""
    if engine != "spark":
        return []
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(manifest, target / "manifest.json")
    return ["--no-compile"]
