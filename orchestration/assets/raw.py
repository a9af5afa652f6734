"""Raw layer: input files parsed by the ingestion library and loaded into the `raw` schema."""

import datetime as dt

import dagster as dg
import polars as pl

from ingestion.load import SourceFile, collect, connect, refused_result, replace_table
from ingestion.schemas import ARTICLE_SCHEMA
from orchestration.resources import LedgerSettings

NEWS_ARTICLES = dg.AssetKey(["raw", "news__articles"])
NEWS_REJECTS = dg.AssetKey(["raw", "news__rejects"])
NEWS_STATEMENTS = dg.AssetKey(["raw", "news__statements"])
NEWS_STATEMENT_LINKS = dg.AssetKey(["raw", "news__statement_links"])
NEWS_ANNOTATIONS = dg.AssetKey(["raw", "news__article_annotations"])


def _spec(
    key: dg.AssetKey, description: str, deps: list[dg.AssetKey] | None = None
) -> dg.AssetSpec:
    return dg.AssetSpec(
        key, description=description, group_name="raw", kinds={"polars", "duckdb"}, deps=deps or []
    )


def _drop_repeated_articles(
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


@dg.multi_asset(
    name="ingest_news",
    specs=[
        _spec(
            NEWS_ARTICLES, "News articles from JSONL, TXT, HTML and RSS/Atom inputs, with lineage."
        ),
        _spec(NEWS_REJECTS, "News records (or whole files) that could not be loaded, and why."),
    ],
)
def ingest_news(context: dg.AssetExecutionContext, settings: LedgerSettings):
    """Parse every news input and load articles and rejects into `raw`."""
    from ingestion.news import parse_news_file

    paths = settings.paths()
    loaded_at = dt.datetime.now(dt.UTC)
    results = []
    for item in settings.input_files("news"):
        source = SourceFile.of_input(item)
        if source.refused:
            results.append((source, refused_result(source, ARTICLE_SCHEMA)))
            context.log.warning(f"refused {source.display_name}: {source.refused}")
            continue
        results.append((source, parse_news_file(item.path)))
        context.log.info(f"parsed {item.path.name}: {results[-1][1].records.height} articles")
    records, rejects, report = collect(results, ARTICLE_SCHEMA, "news", loaded_at, "news__articles")
    kept, rejects = _drop_repeated_articles(records, rejects)
    dropped = records.height - kept.height
    if dropped:
        by_file = kept.group_by("_source_file").len()
        loaded_by_file = dict(zip(by_file["_source_file"], by_file["len"], strict=True))
        for f in report.files:
            moved = int(f["loaded"]) - loaded_by_file.get(str(f["file"]), 0)  # type: ignore[call-overload]
            f["loaded"] = int(f["loaded"]) - moved  # type: ignore[call-overload]
            f["rejected"] = int(f["rejected"]) + moved  # type: ignore[call-overload]
    records = kept
    with connect(paths.warehouse) as con:
        replace_table(con, "news__articles", records)
        replace_table(con, "news__rejects", rejects)
    yield dg.MaterializeResult(
        asset_key=NEWS_ARTICLES,
        metadata={
            "dagster/row_count": records.height,
            "files": len(report.files),
            "per_file": dg.MetadataValue.json(report.files),
        },
    )
    yield dg.MaterializeResult(
        asset_key=NEWS_REJECTS,
        metadata={
            "dagster/row_count": rejects.height,
            "reasons": dg.MetadataValue.md(
                "\n".join(
                    f"- {r['source_file']} {r['position']}: {r['reason']}"
                    for r in rejects.head(20).to_dicts()
                )
                or "none"
            ),
        },
    )


@dg.multi_asset(
    name="extract_news",
    specs=[
        _spec(
            NEWS_STATEMENTS,
            "Commitments and measures stated in the articles, with evidence spans.",
            [NEWS_ARTICLES],
        ),
        _spec(
            NEWS_STATEMENT_LINKS,
            "Commitments tied by the text to their reciprocal measures.",
            [NEWS_ARTICLES],
        ),
        _spec(
            NEWS_ANNOTATIONS,
            "Per-article decisions: duplicate group, relevance, language.",
            [NEWS_ARTICLES],
        ),
    ],
)
def extract_news(context: dg.AssetExecutionContext, settings: LedgerSettings):
    """Run the statement extractor over all loaded articles."""
    from ingestion.extract import extract_corpus

    paths = settings.paths()
    with connect(paths.warehouse) as con:
        articles = con.sql(
            f"select {', '.join(ARTICLE_SCHEMA)} from raw.news__articles order by article_id"
        ).pl()
    extraction = extract_corpus(articles)
    loaded_at = dt.datetime.now(dt.UTC)
    frames = {
        NEWS_STATEMENTS: ("news__statements", extraction.statements),
        NEWS_STATEMENT_LINKS: ("news__statement_links", extraction.links),
        NEWS_ANNOTATIONS: ("news__article_annotations", extraction.annotations),
    }
    with connect(paths.warehouse) as con:
        for table, frame in frames.values():
            replace_table(con, table, frame.with_columns(pl.lit(loaded_at).alias("_loaded_at")))
    context.log.info(
        f"{articles.height} articles -> {extraction.statements.height} statements, "
        f"{extraction.links.height} links"
    )
    for key, (_, frame) in frames.items():
        yield dg.MaterializeResult(asset_key=key, metadata={"dagster/row_count": frame.height})
