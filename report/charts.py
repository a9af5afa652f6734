"""The report's charts: plotly figures as HTML fragments; the page embeds plotly.js once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import markupsafe
import plotly.graph_objects as go

from ingestion import vocabulary

# Directions shown on the tariff chart: who levies the duty, on whom.
TARIFF_DIRECTIONS = (("USA", "CHN"), ("CHN", "USA"))
# The kinds' colours and the flow each kind acts on come from the registry
# (dbt_project/seeds/vocab_kinds.csv: colour, trade_flow).
KIND_COLOURS = {name: kind.colour for name, kind in vocabulary.load().kinds.items()}
# Kinds whose dates are marked on a trade series, by the flow they act on (from the reporter).
MARKED_KINDS = {
    flow: tuple(sorted(vocabulary.kinds_where(trade_flow=flow))) for flow in ("export", "import")
}


@dataclass
class Chart:
    """One plotly figure as an HTML fragment, with a caption for readers."""

    chart_id: str
    title: str
    html: markupsafe.Markup
    note: str = ""


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
