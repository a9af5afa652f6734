"""The news benchmark runs end to end on a small input and reports sane figures."""

from benchmarks.news import run


def test_bench_measures_extraction_and_the_path_into_raw() -> None:
    result = run(40)
    assert result["articles"] == 40
    assert result["statements"] > 0
    assert result["extract_per_cpu_second"] > 0
    assert result["path_per_cpu_second"] > 0
    assert result["peak_rss_mb"] > 0
