"""What the report reads: the ledger tables it shows, from the published file opened read-only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

MAX_TRADE_OVERVIEW = 8
PREVIEW_COLUMNS = ("entry_id", "actor", "target", "kind", "status", "announced_on", "summary")


@dataclass
class ReportData:
    """Everything the template shows, read from the published file in one go."""

    entries: list[dict[str, Any]]
    links: list[dict[str, Any]]
    evidence: dict[str, list[dict[str, Any]]]
    checks: list[dict[str, Any]]
    rejects: list[dict[str, Any]]
    runs: list[dict[str, Any]]
    counts: dict[str, int]
    trade_series: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    trade_overview: list[dict[str, Any]] = field(default_factory=list)
    tariff_layers: list[dict[str, Any]] = field(default_factory=list)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict]:
    """Rows as dicts; fetched completely, as DuckDB 2 wants before the next statement."""
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    found = con.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'ledger' and table_name = ?",
        [table],
    ).fetchone()
    return bool(found and found[0])


def read_report_data(published_db: Path) -> ReportData:
    """Read the ledger tables the report needs from the published file (read-only)."""
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        counts = {
            table: con.execute(f"select count(*) from ledger.{table}").fetchone()[0]  # type: ignore[index]
            for table in (
                "entries",
                "links",
                "evidence",
                "trade_monthly",
                "commitment_checks",
                "rejects",
            )
        }
        entries = _rows(
            con,
            """
            select *, coalesce(announced_on, effective_on, first_reported_on) as shown_on
            from ledger.entries
            order by shown_on nulls last, actor, entry_id
            """,
        )
        links = _rows(
            con,
            """
            select links.*, c.announced_on as commitment_on
            from ledger.links as links
            join ledger.entries as c on c.entry_id = links.commitment_entry_id
            order by links.agreement nulls last, c.announced_on nulls last, links.link_id
            """,
        )
        evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in _rows(
            con,
            "select * from ledger.evidence order by entry_id, published_on nulls last, url",
        ):
            evidence[row["entry_id"]].append(row)
        checks = _rows(
            con, "select * from ledger.commitment_checks order by effective_month, entry_id"
        )
        trade_series = {
            check["entry_id"]: _rows(
                con,
                # The same matching as dbt_project/models/marts/ledger/commitment_checks.sql:
                # the reporter's flow to the partner, on lines whose HS code starts with one of
                # the entry's codes or is a prefix of one. Summed per source and month.
                """
                select month, source, sum(quantity) as quantity, any_value(unit) as unit,
                       sum(value_usd) as value_usd
                from ledger.trade_monthly as t
                where t.reporter = ? and t.partner = ? and t.flow = ?
                  and len(list_filter(
                        ?::varchar[],
                        lambda code: starts_with(t.hs_code, code) or starts_with(code, t.hs_code)
                      )) > 0
                group by month, source
                order by month, source
                """,
                [check["reporter"], check["partner"], check["flow"], check["hs_codes"] or []],
            )
            for check in checks
        }
        # Every trade series the ledger holds, whether or not an entry's HS codes reach it:
        # the extractor may name broader goods (rare earths) than the statistics (magnets).
        # Two sources reporting one month would double it: keep the larger reading, as the
        # commitment checks do.
        trade_overview = _rows(
            con,
            """
            with groups as (
                select reporter, flow, hs_code, count(*) as n
                from ledger.trade_monthly
                group by all
                order by n desc, reporter, flow, hs_code
                limit ?
            )
            select t.reporter, t.flow, t.hs_code, t.partner, t.month,
                   max(t.quantity) as quantity, any_value(t.unit) as unit
            from ledger.trade_monthly as t
            join groups using (reporter, flow, hs_code)
            group by all
            order by t.reporter, t.flow, t.hs_code, t.partner, t.month
            """,
            [MAX_TRADE_OVERVIEW],
        )
        rejects = _rows(
            con,
            """
            select source_kind, source_file, reason, count(*) as records, min(position) as first
            from ledger.rejects
            group by all
            order by records desc, source_file, reason
            limit 30
            """,
        )
        runs = (
            _rows(con, "select * from ledger.runs order by finished_at desc limit 5")
            if _table_exists(con, "runs")
            else []
        )
        # Files published before the timeline existed have no such table: no layers to draw.
        tariff_layers = (
            _rows(
                con,
                """
                select t.*, e.summary
                from ledger.tariff_timeline as t
                join ledger.entries as e using (entry_id)
                order by t.actor, t.target, t.valid_from, t.entry_id
                """,
            )
            if _table_exists(con, "tariff_timeline")
            else []
        )
    finally:
        con.close()
    return ReportData(
        entries=entries,
        links=links,
        evidence=dict(evidence),
        checks=checks,
        rejects=rejects,
        runs=runs,
        counts=counts,
        trade_series=trade_series,
        trade_overview=trade_overview,
        tariff_layers=tariff_layers,
    )


def entries_preview_markdown(published_db: Path, limit: int = 10) -> str:
    """A markdown table of the first entries, for Dagster's asset metadata."""
    con = duckdb.connect(str(published_db), read_only=True)
    try:
        cursor = con.execute(
            f"select {', '.join(PREVIEW_COLUMNS)} from ledger.entries "
            "order by announced_on nulls last, entry_id limit ?",
            [limit],
        )
        rows = cursor.fetchall()
    finally:
        con.close()

    def cell(value: Any) -> str:
        # Pipes and newlines would break the markdown table.
        return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(PREVIEW_COLUMNS) + " |", "|" + " --- |" * len(PREVIEW_COLUMNS)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
