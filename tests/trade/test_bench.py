"""The benchmark runs end to end on a small generated file (the real run uses 2-20 M rows)."""

from __future__ import annotations

import pytest

from benchmarks import trade_parse as bench


@pytest.mark.slow
def test_bench_small() -> None:
    res = bench.run(rows=20_000, repeat=1)
    assert res["records_in"] == 20_000
    # Every 100th generated row is a partner2 breakdown row.
    assert res["rejected"] == 200
    assert res["loaded"] == 19_800
