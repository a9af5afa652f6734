"""A SQLAlchemy dialect for BI tools (Superset and the like) that reflects the published file.

duckdb-engine 0.17 reflects through PostgreSQL's catalog queries, which DuckDB 2.0 only partly
emulates: with SQLAlchemy 2.1 column reflection fails (`pg_catalog.pg_collation` not found),
with 2.0 primary keys come back empty or fail (`REGCLASS`). This dialect is duckdb-engine for
everything else, and answers the reflection questions from DuckDB's own catalog functions
(`duckdb_columns()`, `duckdb_constraints()`, `duckdb_tables()`), which carry the columns with
their types, nullability and comments, the primary keys and the table comments.

URL: `duckdb+tradeledger:////abs/path/tradeledger.duckdb?access_mode=read_only` (registered as
the `sqlalchemy.dialects` entry point `duckdb.tradeledger`).
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from duckdb_engine import Dialect as DuckDBDialect
from sqlalchemy.engine.default import DefaultDialect
from sqlalchemy.exc import NoSuchTableError
from sqlalchemy.sql import sqltypes

_DECIMAL = re.compile(r"^DECIMAL\((\d+),\s*(\d+)\)$", re.I)
_SIMPLE_TYPES: dict[str, Any] = {
    "VARCHAR": sqltypes.String,
    "BOOLEAN": sqltypes.Boolean,
    "TINYINT": sqltypes.SmallInteger,
    "SMALLINT": sqltypes.SmallInteger,
    "INTEGER": sqltypes.Integer,
    "BIGINT": sqltypes.BigInteger,
    "HUGEINT": sqltypes.Numeric,
    "FLOAT": sqltypes.Float,
    "DOUBLE": sqltypes.Double,
    "DATE": sqltypes.Date,
    "TIME": sqltypes.Time,
    "TIMESTAMP": sqltypes.DateTime,
    "TIMESTAMP WITH TIME ZONE": lambda: sqltypes.DateTime(timezone=True),
    "INTERVAL": sqltypes.Interval,
    "BLOB": sqltypes.LargeBinary,
    "JSON": sqltypes.JSON,
    "UUID": sqltypes.Uuid,
}


def column_type(duckdb_type: str) -> sqltypes.TypeEngine:
    """The SQLAlchemy type of a DuckDB type name as duckdb_columns() spells it."""
    text = duckdb_type.strip()
    if text.endswith("[]"):
        return sqltypes.ARRAY(column_type(text[:-2]))
    decimal = _DECIMAL.match(text)
    if decimal:
        return sqltypes.Numeric(int(decimal.group(1)), int(decimal.group(2)))
    factory = _SIMPLE_TYPES.get(text.upper())
    return factory() if factory is not None else sqltypes.NullType()


class LedgerDuckDBDialect(DuckDBDialect):
    """duckdb-engine, with reflection read from DuckDB's catalog functions."""

    supports_statement_cache = False

    def _schema(self, schema: str | None) -> str:
        # "catalog.schema" as duckdb-engine lists schemas, or a bare schema name.
        return (schema or "main").rsplit(".", 1)[-1]

    def _rows(self, connection: Any, sql: str, **params: Any) -> list[Any]:
        return list(connection.execute(sa.text(sql), params).mappings())

    def get_columns(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> list[dict[str, Any]]:
        rows = self._rows(
            connection,
            "select column_name, data_type, is_nullable, column_default, comment "
            "from duckdb_columns() where schema_name = :schema and table_name = :table "
            "order by column_index",
            schema=self._schema(schema),
            table=table_name,
        )
        if not rows:
            raise NoSuchTableError(table_name)
        return [
            {
                "name": row["column_name"],
                "type": column_type(row["data_type"]),
                "nullable": bool(row["is_nullable"]),
                "default": row["column_default"],
                "autoincrement": False,
                "comment": row["comment"],
            }
            for row in rows
        ]

    def _constraints(
        self, connection: Any, table_name: str, schema: str | None, kind: str
    ) -> list[Any]:
        return self._rows(
            connection,
            "select constraint_name, constraint_column_names, referenced_table, "
            "referenced_column_names from duckdb_constraints() "
            "where schema_name = :schema and table_name = :table and constraint_type = :kind "
            "order by constraint_index",
            schema=self._schema(schema),
            table=table_name,
            kind=kind,
        )

    def get_pk_constraint(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> dict[str, Any]:
        rows = self._constraints(connection, table_name, schema, "PRIMARY KEY")
        if not rows:
            return {"name": None, "constrained_columns": []}
        return {
            "name": rows[0]["constraint_name"],
            "constrained_columns": list(rows[0]["constraint_column_names"]),
        }

    def get_foreign_keys(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> list[dict[str, Any]]:
        return [
            {
                "name": row["constraint_name"],
                "constrained_columns": list(row["constraint_column_names"]),
                "referred_schema": schema,
                "referred_table": row["referenced_table"],
                "referred_columns": list(row["referenced_column_names"] or []),
                "options": {},
            }
            for row in self._constraints(connection, table_name, schema, "FOREIGN KEY")
        ]

    def get_unique_constraints(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> list[dict[str, Any]]:
        return [
            {"name": row["constraint_name"], "column_names": list(row["constraint_column_names"])}
            for row in self._constraints(connection, table_name, schema, "UNIQUE")
        ]

    def get_check_constraints(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> list[dict[str, Any]]:
        return []

    def get_indexes(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> list[dict[str, Any]]:
        # The published tables have no index beyond their primary keys' (reflected above).
        return []

    def get_table_comment(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> dict[str, Any]:
        rows = self._rows(
            connection,
            "select comment from duckdb_tables() "
            "where schema_name = :schema and table_name = :table "
            "union all select comment from duckdb_views() "
            "where schema_name = :schema and view_name = :table",
            schema=self._schema(schema),
            table=table_name,
        )
        return {"text": rows[0]["comment"] if rows else None}

    # SQLAlchemy 2 reflects whole schemas through the get_multi_* methods; the PostgreSQL ones
    # run the catalog queries DuckDB lacks. The generic ones call the methods above per table.
    get_multi_columns = DefaultDialect.get_multi_columns
    get_multi_pk_constraint = DefaultDialect.get_multi_pk_constraint
    get_multi_foreign_keys = DefaultDialect.get_multi_foreign_keys
    get_multi_unique_constraints = DefaultDialect.get_multi_unique_constraints
    get_multi_check_constraints = DefaultDialect.get_multi_check_constraints
    get_multi_table_comment = DefaultDialect.get_multi_table_comment
    get_multi_indexes = DefaultDialect.get_multi_indexes
    get_multi_table_options = DefaultDialect.get_multi_table_options

    def get_table_options(
        self, connection: Any, table_name: str, schema: str | None = None, **kw: Any
    ) -> dict[str, Any]:
        return {}
