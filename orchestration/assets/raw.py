"""Raw layer: input files parsed by the ingestion library, written to the lake, named in `raw`."""

import datetime as dt

import dagster as dg

from ingestion.load import SourceFile
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
    from ingestion.news.load import load_news

    sources = [SourceFile.of_input(item) for item in settings.input_files("news")]
    paths, now = settings.paths(), dt.datetime.now(dt.UTC)
    news = load_news(paths.warehouse, sources, now, context.log, lake=paths.lake)
    records, rejects, report = news.articles, news.rejects, news.report
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
    from ingestion.news.load import extract_news as extract_into_raw

    paths = settings.paths()
    extraction = extract_into_raw(paths.warehouse, lake=paths.lake)
    context.log.info(
        f"{extraction.articles} articles -> {extraction.statements.height} statements, "
        f"{extraction.links.height} links"
    )
    frames = {
        NEWS_STATEMENTS: extraction.statements,
        NEWS_STATEMENT_LINKS: extraction.links,
        NEWS_ANNOTATIONS: extraction.annotations,
    }
    for key, frame in frames.items():
        yield dg.MaterializeResult(asset_key=key, metadata={"dagster/row_count": frame.height})
