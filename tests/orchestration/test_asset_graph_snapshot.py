"""The asset graph of the Definitions, compared with a committed snapshot.

Asset keys, each asset's upstream keys and the names of its checks (dbt tests, GX suites,
the cross-table check). A change to the graph is then a visible diff of
tests/orchestration/snapshots/asset_graph.json in review, never an accident.

To accept an intended change, rewrite the snapshot and commit it:

    UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/orchestration/test_asset_graph_snapshot.py
"""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg

from tests.helpers import assert_matches_snapshot

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "asset_graph.json"


def asset_graph(defs: dg.Definitions) -> dict[str, dict[str, list[str]]]:
    """{asset key: {"deps": upstream asset keys, "checks": check names}}, all sorted."""
    graph = defs.resolve_asset_graph()
    checks: dict[str, list[str]] = {}
    for check_key in graph.asset_check_keys:
        checks.setdefault(check_key.asset_key.to_user_string(), []).append(check_key.name)
    return {
        key.to_user_string(): {
            "deps": sorted(parent.to_user_string() for parent in graph.get(key).parent_keys),
            "checks": sorted(checks.get(key.to_user_string(), [])),
        }
        for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string())
    }


def _render(graph: dict) -> str:
    return json.dumps(graph, indent=2, sort_keys=True) + "\n"


def test_asset_graph_matches_the_snapshot() -> None:
    from orchestration import definitions

    assert_matches_snapshot(
        SNAPSHOT,
        _render(asset_graph(definitions.defs)),
        "The asset graph of the Definitions",
        "tests/orchestration/test_asset_graph_snapshot.py",
    )
