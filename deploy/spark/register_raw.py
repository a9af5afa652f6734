"""Spark spike (docs/spark.md): declare a home's raw layer, <home>/lake/raw/<table>/, as tables.

Run with the spike's Spark environment: python deploy/spark/register_raw.py <home>/lake. Each
folder is Hive-partitioned Parquet written by a run (`ingestion.lake`); it becomes raw.<table>
in the Hive metastore that the dbt profile's session target opens (the same
spark.sql.warehouse.dir and Derby metastore), so dbt's source('news', ...) resolves to it.
"""

import sys
from pathlib import Path

from pyspark.sql import SparkSession


def session(lake: Path) -> SparkSession:
    """A local Spark session on the lake's metastore, sized for a shared 2-core machine."""
    return (
        SparkSession.builder.master("local[2]")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.warehouse.dir", str(lake / "spark-warehouse"))
        .config(
            "spark.hadoop.javax.jdo.option.ConnectionURL",
            f"jdbc:derby:;databaseName={lake / 'metastore_db'};create=true",
        )
        .enableHiveSupport()
        .getOrCreate()
    )


def register(spark: SparkSession, lake: Path) -> list[tuple[str, int]]:
    """Create (or replace) raw.<table> over <lake>/raw/<table>/; each table with its row count."""
    spark.sql("create database if not exists raw")
    counts = []
    for folder in sorted(p for p in (lake / "raw").iterdir() if p.is_dir()):
        spark.sql(f"drop table if exists raw.{folder.name}")
        spark.sql(f"create table raw.{folder.name} using parquet location '{folder}'")
        # The partition folders are in the files, not yet in the metastore: without this the
        # table reads as empty.
        spark.sql(f"msck repair table raw.{folder.name}")
        counts.append((folder.name, spark.table(f"raw.{folder.name}").count()))
    return counts


if __name__ == "__main__":
    lake_dir = Path(sys.argv[1]).resolve()
    for name, rows in register(session(lake_dir), lake_dir):
        print(f"raw.{name}: {rows} rows")
