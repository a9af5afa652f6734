"""Spark spike (docs/spark.md): copy the raw tables of a home's warehouse to Parquet.

Run with the project's environment (DuckDB): python deploy/spark/export_raw.py <home> <lake>.
Each table raw.<name> of <home>/warehouse/warehouse.duckdb, opened read-only, is written to
<lake>/raw/<name>/data.parquet; register_raw.py then declares them as Spark tables.
"""

import sys
from pathlib import Path

import duckdb


def export(home: Path, lake: Path) -> list[str]:
    """Write every table of schema raw to <lake>/raw/<table>/data.parquet; the table names."""
    names = []
    with duckdb.connect(str(home / "warehouse" / "warehouse.duckdb"), read_only=True) as con:
        tables = con.execute(
            "select table_name from information_schema.tables"
            " where table_schema = 'raw' and table_type = 'BASE TABLE' order by 1"
        ).fetchall()
        for (name,) in tables:
            out = lake / "raw" / name
            out.mkdir(parents=True, exist_ok=True)
            con.execute(f"copy raw.\"{name}\" to '{out / 'data.parquet'}' (format parquet)")
            names.append(name)
    return names


if __name__ == "__main__":
    for table in export(Path(sys.argv[1]), Path(sys.argv[2])):
        print(table)
