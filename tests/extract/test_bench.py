"""Throughput: rule-based extraction must stay at >= 100 articles per CPU-second."""

from __future__ import annotations

from benchmarks import extract as bench


def test_bench_throughput() -> None:
    res = bench.run(300)
    assert res["statements"] > 0
    # CPU time, not wall time: other jobs on the machine must not fail this test.
    assert res["articles_per_cpu_second"] >= 100, res


def test_bench_cli(capsys) -> None:
    assert bench.main(["--articles", "40"]) == 0
    assert "articles per CPU-second" in capsys.readouterr().out
