"""The report page: the data and charts put into `templates/report.html`, written atomically.

Every text taken from the data goes through jinja2 autoescaping; the only strings marked safe are
plotly's own output, which escapes `<`, `>` and `/` inside its JSON.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import markupsafe
import plotly.offline

from report.charts import Chart, tariff_chart, timeline_chart, trade_chart, trade_overview_charts
from report.queries import MAX_TRADE_OVERVIEW, read_report_data

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass
class TradePanel:
    """A commitment checked against trade statistics, and its monthly series (if any)."""

    entry: dict[str, Any]
    check: dict[str, Any]
    chart: Chart | None
    months: int = 0
    basis: str = ""


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


def _environment() -> jinja2.Environment:
    # autoescape on for the whole template: it is all HTML.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


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
        .get_template("report.html")
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
