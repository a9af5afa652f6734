"""The news path into `raw`: parse news files, drop repeated articles, load; extract statements.

One implementation for the Dagster assets (`ingest_news`, `extract_news`) and the news benchmark:
what the benchmark measures is what a run does.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from ingestion import lake as raw_lake
from ingestion.load import LoadReport, SourceFile, collect, connect, refused_result
from ingestion.schemas import ARTICLE_SCHEMA

_log = logging.getLogger(__name__)


@dataclass
class NewsLoad:
    """What a news load wrote: the articles kept, the rejects, and the per-file report."""

    articles: pl.DataFrame
    rejects: pl.DataFrame
    report: LoadReport


@dataclass
class NewsExtraction:
    """What the extractor wrote: one frame per `raw` table, and the number of articles read."""

    articles: int
    statements: pl.DataFrame
    links: pl.DataFrame
    annotations: pl.DataFrame


def drop_repeated_articles(
    records: pl.DataFrame, rejects: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Keep the first copy of each article id; later copies become rejects that say so.

    The same article can arrive twice (http and https addresses, a feed item also saved as a
    page): loading it twice would count one report as two.
    """
    is_first = records.select(pl.col("article_id").is_first_distinct()).to_series()
    if is_first.all():
        return records, rejects
    first = records.filter(is_first)
    firsts = first.select("article_id", "_source_file", "record_position").rename(
        {"_source_file": "first_file", "record_position": "first_position"}
    )
    # The rows dropped are the later copies themselves: each reject names the file and position
    # of the copy that was not loaded, so rows in = loaded + rejected holds for both files.
    repeated = records.filter(~is_first).join(
        firsts, on="article_id", how="left", maintain_order="left"
    )
    repeated_rejects = repeated.select(
        pl.col("_source_file").alias("source_file"),
        pl.col("_source_sha256").alias("source_sha256"),
        pl.lit("news").alias("source_kind"),
        pl.col("record_position").alias("position"),
        pl.format(
            "same article as {} {} (article_id {}); loaded once",
            "first_file",
            "first_position",
            "article_id",
        ).alias("reason"),
        pl.col("url").str.slice(0, 200).alias("snippet"),
        pl.col("_loaded_at"),
    )
    return first, pl.concat([rejects, repeated_rejects.cast(rejects.schema)], how="vertical")  # type: ignore[arg-type]


def read_news(sources: Sequence[SourceFile], loaded_at: dt.datetime, log: Any = _log) -> NewsLoad:
    """Parse every news file (a refused one becomes a reject) and keep one copy per article.

    `log` is anything with `info` and `warning` (a `logging.Logger`, Dagster's `context.log`).
    """
    from ingestion.news import parse_news_file

    results = []
    for source in sources:
        if source.refused:
            results.append((source, refused_result(source, ARTICLE_SCHEMA)))
            log.warning(f"refused {source.display_name}: {source.refused}")
            continue
        results.append((source, parse_news_file(source.path)))
        log.info(f"parsed {source.path.name}: {results[-1][1].records.height} articles")
    records, rejects, report = collect(results, ARTICLE_SCHEMA, "news", loaded_at, "news__articles")
    kept, rejects = drop_repeated_articles(records, rejects)
    if kept.height < records.height:
        # Per-file counts: a later copy counts as rejected in its own file.
        by_file = kept.group_by("_source_file").len()
        loaded_by_file = dict(zip(by_file["_source_file"], by_file["len"], strict=True))
        for f in report.files:
            moved = int(f["loaded"]) - loaded_by_file.get(str(f["file"]), 0)  # type: ignore[call-overload]
            f["loaded"] = int(f["loaded"]) - moved  # type: ignore[call-overload]
            f["rejected"] = int(f["rejected"]) + moved  # type: ignore[call-overload]
    return NewsLoad(articles=kept, rejects=rejects, report=report)


def _store(warehouse: Path, lake: Path, frames: dict[str, pl.DataFrame]) -> None:
    """Replace the tables in the lake, then name them in the warehouse (`ingestion.lake`)."""
    raw_lake.write_frames(lake, frames)
    with connect(warehouse) as con:
        raw_lake.create_views(con, lake, list(frames))


def load_news(
    warehouse: Path,
    sources: Sequence[SourceFile],
    loaded_at: dt.datetime,
    log: Any = _log,
    *,
    lake: Path,
) -> NewsLoad:
    """Replace `raw.news__articles` and `raw.news__rejects` with the given files' content."""
    news = read_news(sources, loaded_at, log)
    _store(warehouse, lake, {"news__articles": news.articles, "news__rejects": news.rejects})
    return news


def extract_news(warehouse: Path, *, lake: Path) -> NewsExtraction:
    """Run the extractor over `raw.news__articles`; replace statements, links and annotations."""
    from ingestion.extract import extract_corpus

    with connect(warehouse) as con:
        articles = con.sql(
            f"select {', '.join(ARTICLE_SCHEMA)} from raw.news__articles order by article_id"
        ).pl()
    extraction = extract_corpus(articles)
    loaded_at = dt.datetime.now(dt.UTC)
    frames = {
        "news__statements": extraction.statements,
        "news__statement_links": extraction.links,
        "news__article_annotations": extraction.annotations,
    }
    _store(
        warehouse,
        lake,
        {t: f.with_columns(pl.lit(loaded_at).alias("_loaded_at")) for t, f in frames.items()},
    )
    return NewsExtraction(
        articles=articles.height,
        statements=extraction.statements,
        links=extraction.links,
        annotations=extraction.annotations,
    )
