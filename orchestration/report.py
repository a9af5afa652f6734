"""The analysts' report: one self-contained HTML page drawn from the published ledger.

Plain module (no Dagster import) so that the CLI, the Dagster asset and the tests share it.
Everything is read from the published file opened read-only; charts are plotly figures and the
page embeds plotly.js once, so it opens without a network. Every text taken from the data goes
through jinja2 autoescaping; the only strings marked safe are plotly's own output, which escapes
`<`, `>` and `/` inside its JSON.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import jinja2
import markupsafe
import plotly.graph_objects as go
import plotly.offline

# Directions shown on the tariff chart: who levies the duty, on whom.
TARIFF_DIRECTIONS = (("USA", "CHN"), ("CHN", "USA"))
KIND_COLOURS = {
    "tariff_increase": "#d62728",
    "tariff_reduction": "#2ca02c",
    "tariff_suspension": "#98df8a",
    "export_control": "#9467bd",
    "export_control_relaxation": "#c5b0d5",
    "license_approval": "#1f77b4",
    "purchase_commitment": "#ff7f0e",
    "visa_policy": "#8c564b",
    "port_fee": "#e377c2",
    "investigation": "#7f7f7f",
    "other": "#bcbd22",
}
# Kinds whose dates are marked on a trade series, by the flow they act on (from the reporter).
MARKED_KINDS = {
    "export": ("export_control", "export_control_relaxation", "license_approval"),
    "import": ("purchase_commitment", "tariff_increase", "tariff_reduction", "tariff_suspension"),
}
MAX_TRADE_OVERVIEW = 8
# The report sits beside the published file it was drawn from.
REPORT_FILE_NAME = "report.html"
PREVIEW_COLUMNS = ("entry_id", "actor", "target", "kind", "status", "announced_on", "summary")


@dataclass
class Chart:
    """One plotly figure as an HTML fragment, with a caption for readers."""

    chart_id: str
    title: str
    html: markupsafe.Markup
    note: str = ""


@dataclass
class TradePanel:
    """A commitment checked against trade statistics, and its monthly series (if any)."""

    entry: dict[str, Any]
    check: dict[str, Any]
    chart: Chart | None
    months: int = 0
    basis: str = ""


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


def _figure_html(fig: go.Figure, chart_id: str, height: int) -> markupsafe.Markup:
    """A figure as a div and its script; plotly.js itself is embedded once by the page."""
    fig.update_layout(
        height=height, margin={"l": 60, "r": 20, "t": 50, "b": 50}, template="plotly_white"
    )
    html = fig.to_html(
        full_html=False,
        include_plotlyjs=False,
        div_id=chart_id,
        default_height=f"{height}px",
        config={"displaylogo": False, "responsive": True},
    )
    # Plotly escapes <, > and / in the figure JSON, so data cannot close the script tag.
    return markupsafe.Markup(html)


def _hover(entry: dict[str, Any]) -> str:
    """Hover text: plotly renders a small HTML subset, so the data is escaped first."""
    parts = [entry["summary"] or ""]
    if entry.get("agreement"):
        parts.append(f"agreement: {entry['agreement']}")
    parts.append(f"{entry['source_count']} source(s) · {entry['entry_id']}")
    return "<br>".join(str(markupsafe.escape(p)) for p in parts)


def timeline_chart(entries: list[dict[str, Any]]) -> Chart:
    """Every dated entry on a time axis, one row per actor and role, coloured by kind."""
    fig = go.Figure()
    dated = [e for e in entries if e["shown_on"] is not None]
    rows = sorted({(e["actor"], e["is_commitment"]) for e in dated})
    for kind in KIND_COLOURS:
        points = [e for e in dated if e["kind"] == kind]
        if not points:
            continue
        fig.add_trace(
            go.Scatter(
                x=[e["shown_on"] for e in points],
                y=[_row_label(e["actor"], e["is_commitment"]) for e in points],
                mode="markers",
                name=kind,
                marker={
                    "color": KIND_COLOURS[kind],
                    "size": [10 + 3 * min(e["source_count"] or 1, 4) for e in points],
                    "symbol": ["diamond" if e["is_commitment"] else "circle" for e in points],
                    "line": {"width": 1, "color": "#333"},
                },
                text=[_hover(e) for e in points],
                hovertemplate="%{x|%Y-%m-%d}<br>%{text}<extra>" + kind + "</extra>",
            )
        )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=[_row_label(a, c) for a, c in reversed(rows)],
        title=None,
    )
    fig.update_xaxes(title="announced (or effective) on")
    fig.update_layout(legend={"orientation": "h", "y": -0.25}, title="Measures and commitments")
    undated = len(entries) - len(dated)
    note = (
        "Diamonds are commitments (promises still to be carried out), circles measures taken or "
        "announced; larger markers have more sources."
    )
    if undated:
        note += f" {undated} entries without any date are listed in the table below only."
    return Chart(
        "chart-timeline", "Timeline by actor", _figure_html(fig, "chart-timeline", 420), note
    )


def _row_label(actor: str, is_commitment: bool) -> str:
    return f"{actor} · {'commitments' if is_commitment else 'measures'}"


def tariff_steps(layers: list[dict[str, Any]]) -> list[tuple[dt.date, float, list[dict]]]:
    """The total rate of the given layers at each date one of them starts or ends.

    A layer counts from its valid_from up to the day before its valid_to (null: still in
    force). Returns (date, total rate, layers in force) in date order.
    """
    dates = sorted(
        {layer["valid_from"] for layer in layers}
        | {layer["valid_to"] for layer in layers if layer["valid_to"] is not None}
    )
    steps = []
    for day in dates:
        in_force = [
            layer
            for layer in layers
            if layer["valid_from"] <= day and (layer["valid_to"] is None or day < layer["valid_to"])
        ]
        steps.append((day, float(sum(layer["rate_pct"] for layer in in_force)), in_force))
    return steps


def _layers_hover(in_force: list[dict[str, Any]]) -> str:
    if not in_force:
        return "no layer in force"
    return "<br>".join(
        str(markupsafe.escape(f"{layer['rate_pct']:g}% from {layer['valid_from']}: "))
        + str(markupsafe.escape(layer["summary"] or layer["entry_id"]))
        for layer in in_force
    )


def tariff_chart(layers: list[dict[str, Any]]) -> Chart:
    """Total tariff in force on all goods each way, from ledger.tariff_timeline's layers."""
    fig = go.Figure()
    shown = 0
    narrow = 0
    for actor, target in TARIFF_DIRECTIONS:
        pair = [x for x in layers if x["actor"] == actor and x["target"] == target]
        # Layers limited to some HS codes are not added to the duty on all goods.
        general = [x for x in pair if not x["hs_codes"]]
        narrow += len(pair) - len(general)
        steps = tariff_steps(general)
        if not steps:
            continue
        shown += len(general)
        fig.add_trace(
            go.Scatter(
                x=[day for day, _, _ in steps],
                y=[total for _, total, _ in steps],
                mode="lines+markers",
                line={"shape": "hv", "width": 3},
                marker={"size": 9},
                name=f"{actor} on {target}",
                text=[_layers_hover(in_force) for _, _, in_force in steps],
                hovertemplate="%{x|%Y-%m-%d}: %{y}%<br>%{text}<extra></extra>",
            )
        )
    fig.update_yaxes(title="duty in force on all goods (%)", rangemode="tozero")
    fig.update_xaxes(title="date")
    fig.update_layout(title="Tariff rates each way", legend={"orientation": "h", "y": -0.2})
    note = (
        "Each line is the sum of the tariff layers in force on all goods "
        "(ledger.tariff_timeline), stepping where a layer starts or ends; the hover text lists "
        "the layers and the entries that set them."
    )
    if narrow:
        note += (
            f" {narrow} layer(s) on particular goods (HS codes) are not added in; "
            "see ledger.tariff_timeline."
        )
    if not shown:
        note = "The ledger holds no tariff layer on all goods between these countries yet."
    return Chart(
        "chart-tariffs", "Tariff rates over time", _figure_html(fig, "chart-tariffs", 420), note
    )


def trade_chart(
    index: int, entry: dict[str, Any], check: dict[str, Any], series: list[dict[str, Any]]
) -> Chart:
    """Monthly quantity of the checked goods, one line per source, the effective month marked."""
    fig = go.Figure()
    for source in sorted({row["source"] for row in series}):
        rows = [row for row in series if row["source"] == source]
        fig.add_trace(
            go.Scatter(
                x=[row["month"] for row in rows],
                y=[row["quantity"] for row in rows],
                mode="lines+markers",
                name=source,
                hovertemplate="%{x|%Y-%m}: %{y:,.0f} "
                + _unit(rows)
                + "<extra>"
                + source
                + "</extra>",
            )
        )
    month = check["effective_month"]
    # A shape, not add_vline: add_vline's annotation cannot average date values.
    fig.add_shape(
        type="line",
        x0=month,
        x1=month,
        y0=0,
        y1=1,
        yref="paper",
        line={"color": "#d62728", "dash": "dash", "width": 2},
    )
    fig.add_annotation(
        x=month, y=1, yref="paper", text="effective", showarrow=False, yanchor="bottom"
    )
    units = _unit(series)
    fig.update_yaxes(title=f"quantity ({units})" if units else "quantity", rangemode="tozero")
    direction = "to" if check["flow"] == "export" else "from"
    title = (
        f"{check['reporter']} {check['flow']}s {direction} {check['partner']}, "
        f"HS {', '.join(check['hs_codes'] or [])}"
    )
    fig.update_layout(title=title, legend={"orientation": "h", "y": -0.2})
    chart_id = f"chart-trade-{index}"
    return Chart(chart_id, title, _figure_html(fig, chart_id, 360))


def _unit(rows: list[dict[str, Any]]) -> str:
    units = sorted({str(row["unit"]) for row in rows if row["unit"]})
    return "/".join(units)


def trade_overview_charts(
    series: list[dict[str, Any]], entries: list[dict[str, Any]]
) -> list[Chart]:
    """One chart per reporter, flow and HS code; a line per partner; the reporter's dated
    measures and commitments on those goods' flow marked as vertical lines."""
    charts: list[Chart] = []
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in series:
        groups[(row["reporter"], row["flow"], row["hs_code"])].append(row)
    for index, ((reporter, flow, hs_code), rows) in enumerate(groups.items()):
        fig = go.Figure()
        partners = sorted({row["partner"] for row in rows})
        for partner in partners:
            points = [row for row in rows if row["partner"] == partner]
            fig.add_trace(
                go.Scatter(
                    x=[row["month"] for row in points],
                    y=[row["quantity"] for row in points],
                    mode="lines+markers",
                    name=(f"to {partner}" if flow == "export" else f"from {partner}")
                    + (" (right axis)" if partner == "WLD" else ""),
                    # The world total dwarfs any one partner: it gets an axis of its own.
                    yaxis="y2" if partner == "WLD" else "y",
                    line={"dash": "dash", "color": "#888"} if partner == "WLD" else None,
                    hovertemplate="%{x|%Y-%m}: %{y:,.0f} " + _unit(points) + "<extra></extra>",
                )
            )
        first, last = min(r["month"] for r in rows), max(r["month"] for r in rows)
        marked = [
            e
            for e in entries
            if e["actor"] == reporter
            and e["kind"] in MARKED_KINDS.get(flow, ())
            and e["target"] in (*partners, "WLD")
            and (e["effective_on"] or e["announced_on"]) is not None
            and first <= (e["effective_on"] or e["announced_on"]) <= last + dt.timedelta(days=31)
        ]
        for n, entry in enumerate(marked):
            when = entry["effective_on"] or entry["announced_on"]
            colour = KIND_COLOURS.get(entry["kind"], "#555")
            fig.add_shape(
                type="line",
                x0=when,
                x1=when,
                y0=0,
                y1=1,
                yref="paper",
                line={"color": colour, "dash": "dot" if entry["is_commitment"] else "dash"},
            )
            fig.add_annotation(
                x=when,
                # Staggered, so labels of close dates do not overlap.
                y=1 - 0.09 * (n % 4),
                yref="paper",
                text=str(markupsafe.escape(f"{entry['kind']} {when}")),
                hovertext=_hover(entry),
                showarrow=False,
                xanchor="left",
                font={"size": 10, "color": colour},
            )
        units = _unit(rows)
        fig.update_yaxes(title=f"quantity ({units})" if units else "quantity", rangemode="tozero")
        if "WLD" in partners:
            fig.update_layout(
                yaxis2={
                    "title": "world total",
                    "overlaying": "y",
                    "side": "right",
                    "rangemode": "tozero",
                    "showgrid": False,
                }
            )
        word = "exports" if flow == "export" else "imports"
        title = f"{reporter} {word} of HS {hs_code}, by month"
        fig.update_layout(title=title, legend={"orientation": "h", "y": -0.2})
        chart_id = f"chart-series-{index}"
        note = (
            f"Vertical lines: {reporter}'s {', '.join(MARKED_KINDS.get(flow, ()))} entries "
            "(dotted: commitments, dashed: measures), at their effective or announced date."
        )
        charts.append(Chart(chart_id, title, _figure_html(fig, chart_id, 380), note))
    return charts


# Months a commitment check compares on each side (commitment_checks.sql).
CHECK_WINDOW_MONTHS = 3


def _months(count: int | None) -> str:
    count = count or 0
    return f"{count} month" if count == 1 else f"{count} months"


def _quantity(value: float | None) -> str:
    return "none" if value is None else f"{value:,.0f}"


def check_basis(check: dict[str, Any]) -> str:
    """What a commitment check's verdict rests on, as a sentence: the months on each side.

    The check compares the average monthly quantity in up to three months before the effective
    month with up to three months from it on; a verdict drawn from fewer months says so.
    """
    before, after = check.get("baseline_months") or 0, check.get("after_months") or 0
    used = (
        f"{_months(before)} before the effective month and {_months(after)} from it on "
        f"(of {CHECK_WINDOW_MONTHS} each)"
    )
    if check.get("verdict") == "no data" or check.get("ratio") is None:
        return f"Trade statistics cover {used}: too few to compare."
    sentence = (
        f"The monthly average quantity after is {check['ratio']:.2f} times the one before "
        f"({_quantity(check.get('after_quantity'))} against "
        f"{_quantity(check.get('baseline_quantity'))}), from {used}."
    )
    if min(before, after) < CHECK_WINDOW_MONTHS:
        sentence += " Fewer months than the window: read it with care."
    return sentence


def safe_url(url: str | None) -> str | None:
    """The address if it is http(s); anything else (javascript:, data:) is not made a link."""
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


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


TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>tradeledger report</title>
<script>
/* Script errors are written into the page, so that readers (and tests) see a chart failed. */
window.__reportErrors = [];
window.addEventListener("error", function (event) {
  window.__reportErrors.push(String(event.message));
  var box = document.getElementById("script-errors");
  if (box) { box.hidden = false; box.textContent = window.__reportErrors.join("\\n"); }
});
</script>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1320px; padding: 0 24px;
       color: #222; }
h1 { margin-bottom: 0; }
h2 { border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 40px; }
.meta { color: #666; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid #ddd; padding: 4px 8px; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
.pair td { width: 50%; }
hr { border: 0; border-top: 1px dashed #ccc; }
.agreement { background: #eef4fb; font-weight: 600; }
blockquote { margin: 6px 0; padding: 4px 10px; border-left: 3px solid #bbb; background: #fafafa; }
.cite { font-size: 13px; color: #555; }
.note { color: #555; font-size: 14px; }
.kind { font-family: monospace; }
#script-errors { background: #fee; border: 1px solid #c00; padding: 8px; white-space: pre-wrap; }
.chart { border: 1px solid #eee; margin: 8px 0; }
</style>
<script>{{ plotly_js }}</script>
</head>
<body>
<pre id="script-errors" hidden></pre>
<h1>US–China trade ledger</h1>
<p class="meta">
  Drawn from {{ source_name }} on {{ generated_at }}.
  {% if run %}Last published run {{ run.run_id }}, finished {{ run.finished_at }},
  {{ run.checks_passed }} checks passed, {{ run.checks_failed }} failed.{% endif %}
</p>
<p class="meta">
  {{ counts.entries }} entries · {{ counts.links }} links ·
  {{ counts.evidence }} evidence passages · {{ counts.trade_monthly }} monthly trade rows ·
  {{ counts.commitment_checks }} commitment checks ·
  {{ counts.rejects }} rejected input records
</p>
<nav><a href="#timeline">Timeline</a> · <a href="#tariffs">Tariffs</a> ·
  <a href="#pairs">Commitments and what was given in return</a> ·
  <a href="#trade">Commitments in trade data</a> · <a href="#entries">All entries</a> ·
  <a href="#rejects">Rejected at load</a></nav>

<h2 id="timeline">{{ timeline.title }}</h2>
<div class="chart">{{ timeline.html }}</div>
<p class="note">{{ timeline.note }}</p>

<h2 id="tariffs">{{ tariffs.title }}</h2>
<div class="chart">{{ tariffs.html }}</div>
<p class="note">{{ tariffs.note }}</p>

<h2 id="pairs">Commitments and what was given in return</h2>
<p class="note">From ledger.links: each commitment (or retaliating measure) on the left,
the measures given in return (or retaliated against) on the right, each with the passages that
support it and the articles they come from.</p>
{% if not pairs %}<p>The ledger holds no links yet.</p>{% endif %}
<table>
{% macro show(side) -%}
    <div><span class="kind">{{ side.actor }} → {{ side.target }} · {{ side.kind }}</span>
      · {{ side.status }}
      {%- if side.effective_on %} · effective {{ side.effective_on }}{% endif %}</div>
    <div><strong>{{ side.summary }}</strong></div>
    {% for ev in evidence.get(side.entry_id, []) %}
    <blockquote>“{{ ev.quote }}”
      {% for cite in ev.cites %}<div class="cite">
        {%- if cite.href %}<a href="{{ cite.href }}" rel="noopener noreferrer">{{ cite.url }}</a>
        {%- else %}{{ cite.url or cite.article_id }}{% endif %}
        {%- if cite.published_on %} · {{ cite.published_on }}{% endif %}</div>{% endfor %}
    </blockquote>
    {% endfor %}
{%- endmacro %}
{% for group, rows in pairs %}
<tr><td colspan="2" class="agreement">{{ group }}</td></tr>
{% for pair in rows %}
<tr class="pair">
  <td id="commitment-{{ pair.commitment.entry_id }}">{{ show(pair.commitment) }}</td>
  <td>
    {% for item in pair.reciprocals %}
    {% if not loop.first %}<hr>{% endif %}
    <div id="reciprocal-{{ item.link.link_id }}">{{ show(item.entry) }}
    <div class="cite">link {{ item.link.link_id }} · basis: {{ item.link.basis }} ·
      confidence {{ "%.2f"|format(item.link.confidence) }}</div></div>
    {% endfor %}
  </td>
</tr>
{% endfor %}
{% endfor %}
</table>

<h2 id="trade">Commitments in trade data</h2>
<p class="note">For each entry in ledger.commitment_checks: the monthly trade in its goods
(summed over matching HS lines, per source), the effective month marked with a dashed line, and
the verdict of the check (three months before against up to three months after).</p>
{% if not panels %}
<p>No entry of the ledger can be checked against trade statistics yet.</p>
{% endif %}
{% for panel in panels %}
<h3>{{ panel.entry.summary }}</h3>
<p>Verdict: <strong>{{ panel.check.verdict }}</strong>. {{ panel.basis }}
  · {{ panel.check.reporter }} {{ panel.check.flow }}s, partner {{ panel.check.partner }},
  effective month {{ panel.check.effective_month }} · entry {{ panel.entry.entry_id }}</p>
{% if panel.chart %}<div class="chart">{{ panel.chart.html }}</div>
{% else %}<p class="note">No monthly trade rows in ledger.trade_monthly match this entry's goods
  ({{ panel.check.reporter }} {{ panel.check.flow }}s, partner {{ panel.check.partner }}, HS
  {{ (panel.check.hs_codes or [])|join(", ") }}).</p>{% endif %}
{% endfor %}

<h3 id="series">Trade series in the ledger</h3>
<p class="note">Every series of ledger.trade_monthly (the {{ max_series }} longest at most), with
the dates of the reporter's measures and commitments on that flow, whether or not the ledger
ties their goods to these HS codes.</p>
{% if not series %}<p>ledger.trade_monthly holds no rows.</p>{% endif %}
{% for chart in series %}
<div class="chart">{{ chart.html }}</div>
<p class="note">{{ chart.note }}</p>
{% endfor %}

<h2 id="entries">All entries</h2>
<table>
<tr><th>date</th><th>actor → target</th><th>kind</th><th>status</th><th>summary</th>
  <th>agreement</th><th>sources</th></tr>
{% for e in entries %}
<tr id="entry-{{ e.entry_id }}"><td>{{ e.shown_on or "" }}</td>
  <td>{{ e.actor }} → {{ e.target }}</td>
  <td class="kind">{{ e.kind }}</td><td>{{ e.status }}</td><td>{{ e.summary }}</td>
  <td>{{ e.agreement or "" }}</td><td>{{ e.source_count }}</td></tr>
{% endfor %}
</table>

<h2 id="rejects">Rejected at load</h2>
{% if not rejects %}<p>Nothing was rejected.</p>{% else %}
<table>
<tr><th>kind</th><th>file</th><th>reason</th><th>records</th><th>first at</th></tr>
{% for r in rejects %}
<tr><td>{{ r.source_kind }}</td><td>{{ r.source_file }}</td><td>{{ r.reason }}</td>
  <td>{{ r.records }}</td><td>{{ r.first }}</td></tr>
{% endfor %}
</table>{% endif %}
</body>
</html>
"""


def _environment() -> jinja2.Environment:
    # autoescape on for the whole template: it is all HTML.
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


def render_report(published_db: Path, out: Path) -> Path:
    """Write the HTML report for a published ledger file; returns the path written."""
    published_db = Path(published_db)
    out = Path(out)
    data = read_report_data(published_db)
    by_id = {e["entry_id"]: e for e in data.entries}
    # Syndicated copies carry the same passage: show each quote once, with all its articles.
    evidence: dict[str, list[dict[str, Any]]] = {}
    for entry_id, rows in data.evidence.items():
        quotes: dict[str, dict[str, Any]] = {}
        for row in rows:
            quote = quotes.setdefault(row["quote"], {"quote": row["quote"], "cites": []})
            quote["cites"].append({**row, "href": safe_url(row["url"])})
        evidence[entry_id] = list(quotes.values())
    # Deal -> commitment -> what was given in return: a commitment tied to several measures is
    # shown once, beside all of them.
    groups: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for link in data.links:
        commitment = by_id.get(link["commitment_entry_id"])
        reciprocal = by_id.get(link["reciprocal_entry_id"])
        if commitment is None or reciprocal is None:
            continue  # cannot happen in a checked file (links reference entries)
        group = link["agreement"] or (
            "Retaliation" if link["basis"] == "retaliation" else "No named agreement"
        )
        pair = groups[group].setdefault(
            commitment["entry_id"],
            {"commitment": commitment, "reciprocals": [], "link": link},
        )
        pair["reciprocals"].append({"entry": reciprocal, "link": link})
    # Deals in the order they were struck: the earliest commitment date of each group first.
    pairs = sorted(
        ((group, list(rows.values())) for group, rows in groups.items()),
        key=lambda item: min(
            (p["link"]["commitment_on"] or dt.date.max for p in item[1]), default=dt.date.max
        ),
    )
    panels = []
    for index, check in enumerate(data.checks):
        series = data.trade_series.get(check["entry_id"], [])
        entry = by_id.get(check["entry_id"], {"entry_id": check["entry_id"], "summary": ""})
        chart = trade_chart(index, entry, check, series) if series else None
        panels.append(
            TradePanel(
                entry=entry,
                check=check,
                chart=chart,
                months=len(series),
                basis=check_basis(check),
            )
        )
    html = (
        _environment()
        .from_string(TEMPLATE)
        .render(
            plotly_js=markupsafe.Markup(plotly.offline.get_plotlyjs()),
            source_name=published_db.name,
            generated_at=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            run=data.runs[0] if data.runs else None,
            counts=data.counts,
            timeline=timeline_chart(data.entries),
            tariffs=tariff_chart(data.tariff_layers),
            pairs=pairs,
            evidence=evidence,
            panels=panels,
            series=trade_overview_charts(data.trade_overview, data.entries),
            max_series=MAX_TRADE_OVERVIEW,
            entries=data.entries,
            rejects=data.rejects,
        )
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed, so a reader never opens a half-written report.
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out)
    return out
