"""Every column of the published file is described, in dbt (models or the runs source)."""

import json
from pathlib import Path

import pytest

from .conftest import query

# Reads the session's shared sample run (tests/conftest.py): fast lane.


def _described(manifest: dict) -> dict[str, dict[str, str]]:
    """Table name in schema ledger -> column -> description, from models and sources."""
    tables: dict[str, dict[str, str]] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] == "model" and node["schema"].endswith("ledger"):
            name = node.get("alias") or node["name"]
            tables[name] = {c: v.get("description", "") for c, v in node["columns"].items()}
    for source in manifest["sources"].values():
        if source["schema"] == "ledger":
            tables[source["name"]] = {
                c: v.get("description", "") for c, v in source["columns"].items()
            }
    return tables


@pytest.fixture(scope="module")
def manifest() -> dict:
    from orchestration.project import ensure_manifest

    return json.loads(ensure_manifest().read_text(encoding="utf-8"))


def test_every_published_column_has_a_description(manifest: dict, published: Path) -> None:
    described = _described(manifest)
    columns = query(
        published,
        "select table_name, column_name from information_schema.columns "
        "where table_schema = 'ledger' order by table_name, ordinal_position",
    )
    assert columns
    missing = [
        f"ledger.{table}.{column}"
        for table, column in columns
        if not described.get(table, {}).get(column, "").strip()
    ]
    assert not missing, f"published columns without a description in dbt: {missing}"


def test_every_ledger_model_column_has_a_description(manifest: dict) -> None:
    """The same rule on the manifest alone, so a new mart column fails before any run."""
    missing = [
        f"{table}.{column}"
        for table, columns in _described(manifest).items()
        for column, text in columns.items()
        if not text.strip()
    ]
    assert not missing


def test_the_job_wrote_the_dbt_docs_site_and_the_report(sample_home: Path) -> None:
    site = sample_home / "docs" / "dbt"
    assert (site / "static_index.html").stat().st_size > 0
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert any(key.endswith(".entries") for key in catalog["nodes"])
    assert (sample_home / "published" / "report.html").stat().st_size > 0


def test_published_file_explains_itself(manifest: dict, published: Path) -> None:
    """BI tools show DuckDB comments: every table and nearly every column carries dbt's text."""
    tables = query(
        published,
        "select table_name, comment from duckdb_tables() where schema_name = 'ledger'",
    )
    assert len(tables) >= 10
    assert [t for t, comment in tables if not (comment or "").strip()] == []
    columns = query(
        published,
        "select table_name, column_name, comment from duckdb_columns() "
        "where schema_name = 'ledger'",
    )
    commented = [c for c in columns if (c[2] or "").strip()]
    assert len(commented) >= 0.9 * len(columns), [c[:2] for c in columns if c not in commented]
    # The comment is dbt's description, on one line.
    described = _described(manifest)
    for table, column, comment in commented:
        assert comment == " ".join(described[table][column].split())


def test_parquet_copies_carry_the_descriptions(published: Path) -> None:
    import duckdb

    parquet_dir = published.parent / "parquet"
    files = sorted(parquet_dir.glob("*.parquet"))
    assert len(files) >= 10
    for path in files:
        metadata = dict(
            duckdb.sql(
                f"select decode(key), decode(value) from parquet_kv_metadata('{path}')"
            ).fetchall()
        )
        assert metadata["table"] == f"ledger.{path.stem}"
        assert metadata["description"].strip(), path.name
        columns = json.loads(metadata["column_descriptions"])
        names = [row[0] for row in duckdb.sql(f"describe select * from '{path}'").fetchall()]
        assert sum(1 for n in names if columns.get(n)) >= 0.9 * len(names), path.name
