"""News path benchmark: `python -m benchmarks.news --articles 10000` (or `make bench-news`).

Generates articles by recombining the extractor benchmark's hand-written sentences, writes them
as one JSONL file, and measures in one process:

- extraction alone (`extract_corpus` on the frame),
- the whole news path into `raw`: parse the file, hash it, load `raw.news__articles`, extract,
  load `raw.news__statements`, `raw.news__statement_links` and `raw.news__article_annotations`.

Reports articles per second (wall and per CPU-second, the per-core figure) and the process's
peak resident memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import tempfile
import time
from pathlib import Path

import polars as pl

from benchmarks.extract import make_articles
from ingestion.extract import extract_corpus
from ingestion.hashing import sha256_file
from ingestion.load import SourceFile
from ingestion.news.load import extract_news, load_news


def _timed(fn):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - wall, time.process_time() - cpu


def write_jsonl(articles: pl.DataFrame, path: Path) -> None:
    """Write generated articles in the JSONL input format (url, title, published, text)."""
    with path.open("w", encoding="utf-8") as out:
        for row in articles.iter_rows(named=True):
            record = {
                "url": row["url"],
                "title": row["title"],
                "published": row["published_on"].isoformat(),
                "text": row["text"],
            }
            out.write(json.dumps(record) + "\n")


def news_path_into_raw(source: Path, warehouse: Path, lake: Path) -> dict[str, int]:
    """Everything the ingest and extract assets do for one file, without Dagster: the same
    library functions (`ingestion.news.load`), duplicate-article step included."""
    news = load_news(
        warehouse, [SourceFile.of(source, sha256_file(source))], dt.datetime.now(dt.UTC), lake=lake
    )
    extraction = extract_news(warehouse, lake=lake)
    return {"articles": news.articles.height, "statements": extraction.statements.height}


def run(n: int) -> dict[str, float]:
    """Measure extraction alone and the whole news path on n generated articles."""
    articles = make_articles(n)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bench.jsonl"
        write_jsonl(articles, source)
        _, extract_wall, extract_cpu = _timed(lambda: extract_corpus(articles))
        counts, path_wall, path_cpu = _timed(
            lambda: news_path_into_raw(source, Path(tmp) / "warehouse.duckdb", Path(tmp) / "lake")
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n,
        "statements": counts["statements"],
        "extract_per_second": n / extract_wall,
        "extract_per_cpu_second": n / extract_cpu,
        "path_per_second": n / path_wall,
        "path_per_cpu_second": n / path_cpu,
        "peak_rss_mb": peak_mb,
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)
    r = run(args.articles)
    print(f"{r['articles']} articles, {r['statements']} statements")
    print(
        f"extraction alone:         {r['extract_per_second']:7.0f} articles/s wall, "
        f"{r['extract_per_cpu_second']:7.0f} per CPU-second"
    )
    print(
        f"whole news path into raw: {r['path_per_second']:7.0f} articles/s wall, "
        f"{r['path_per_cpu_second']:7.0f} per CPU-second"
    )
    print(f"peak resident memory:     {r['peak_rss_mb']:7.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
