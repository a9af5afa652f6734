"""ledger.tariff_timeline: published with the ledger, and what the report's tariff chart draws."""

import datetime as dt
from pathlib import Path

import duckdb

from ingestion import vocabulary
from report.charts import tariff_chart, tariff_steps
from report.queries import read_report_data

from .conftest import query

TIMELINE_COLUMNS = list(vocabulary.contract_columns("tariff_timeline"))


def _layer(entry_id: str, rate: float, start: str, end: str | None, **extra: object) -> dict:
    return {
        "entry_id": entry_id,
        "actor": "USA",
        "target": "CHN",
        "products": "",
        "hs_codes": [],
        "rate_pct": rate,
        "valid_from": dt.date.fromisoformat(start),
        "valid_to": dt.date.fromisoformat(end) if end else None,
        "summary": f"entry {entry_id}",
        **extra,
    }


def test_steps_add_up_stacked_layers_and_drop_ended_ones() -> None:
    layers = [
        _layer("a", 10, "2025-02-04", "2025-03-04"),
        _layer("b", 20, "2025-03-04", None),
        _layer("c", 34, "2025-04-05", "2025-04-10"),
        _layer("d", 10, "2025-04-10", "2025-08-12"),
    ]
    steps = [
        (day.isoformat(), total, [x["entry_id"] for x in on])
        for day, total, on in tariff_steps(layers)
    ]
    assert steps == [
        ("2025-02-04", 10.0, ["a"]),
        ("2025-03-04", 20.0, ["b"]),
        ("2025-04-05", 54.0, ["b", "c"]),
        ("2025-04-10", 30.0, ["b", "d"]),
        ("2025-08-12", 20.0, ["b"]),
    ]


def test_chart_leaves_layers_on_particular_goods_out_of_the_total() -> None:
    chart = tariff_chart(
        [
            _layer("a", 10, "2025-02-04", None),
            _layer("s", 50, "2025-06-04", None, hs_codes=["7208"]),
        ]
    )
    assert "1 layer(s) on particular goods" in chart.note
    assert "entry a" in chart.html and "entry s" not in chart.html
    assert "no tariff layer" in tariff_chart([]).note


def test_sample_publishes_the_timeline(published: Path) -> None:
    columns = [
        row[0]
        for row in query(
            published,
            "select column_name from information_schema.columns "
            "where table_schema = 'ledger' and table_name = 'tariff_timeline' "
            "order by ordinal_position",
        )
    ]
    assert columns == TIMELINE_COLUMNS
    rows = query(
        published,
        "select t.actor = e.actor and t.target = e.target, e.kind, t.rate_pct, "
        "t.valid_from, t.valid_to from ledger.tariff_timeline as t "
        "join ledger.entries as e using (entry_id)",
    )
    assert len(rows) >= 3, "the sample's US and China tariff layers are missing"
    assert all(same for same, *_ in rows)
    assert {kind for _, kind, *_ in rows} <= {
        "tariff_increase",
        "tariff_reduction",
        "tariff_suspension",
    }
    assert all(rate > 0 for _, _, rate, _, _ in rows)
    assert all(end is None or end > start for *_, start, end in rows)
    # At least one layer was ended by a later change in the sample (the April 2025 escalation).
    assert any(end is not None for *_, end in rows)
    parquet = published.parent / "parquet" / "tariff_timeline.parquet"
    assert duckdb.sql(f"select count(*) from '{parquet}'").fetchall() == [(len(rows),)]


def test_report_reads_the_timeline(published: Path) -> None:
    data = read_report_data(published)
    assert (
        len(data.tariff_layers)
        == query(published, "select count(*) from ledger.tariff_timeline")[0][0]
    )
    chart = tariff_chart(data.tariff_layers)
    assert "USA on CHN" in chart.html
    assert "sum of the tariff layers" in chart.note
