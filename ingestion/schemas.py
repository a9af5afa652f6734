"""Column schemas of the frames the ingestion library produces and the `raw` tables they load into.

Every parser and the extractor return frames with exactly these columns and types; the loader
(`ingestion.load`) adds the lineage columns (`_source_file`, `_source_sha256`, `_loaded_at`).
dbt sources in `dbt_project/models/staging/*/_*__sources.yml` describe the same tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

# One row per news article as ingested. `text` is the text that evidence offsets index into:
# for JSONL it is the `text` field unchanged unless it had to be repaired (mojibake), for HTML it
# is the extracted main text, for feeds the item's description/content with markup removed.
ARTICLE_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String,  # sha256 of the canonical url (or of the text when no url), 16 hex
    "url": pl.String,
    "title": pl.String,
    "published_on": pl.Date,  # from metadata, else from the text, else null
    "text": pl.String,
    "language": pl.String,  # ISO 639-1 ("en", "zh", ...), "und" when unknown
    "source_format": pl.String,  # jsonl | txt | html | rss | atom
    "record_position": pl.String,  # where in the source file: "line 3", "item 2", "file"
}

# One row per extracted statement (a clause that states a commitment or a measure).
STATEMENT_SCHEMA: dict[str, pl.DataType] = {
    "statement_id": pl.String,  # f"{article_id}:{n}"
    "article_id": pl.String,
    # Statements with equal keys are one ledger entry (merged across articles).
    "entry_key": pl.String,
    "actor": pl.String,  # ISO3, WLD, EUN
    "target": pl.String,
    "kind": pl.String,  # the contract's vocabulary
    "is_commitment": pl.Boolean,
    "status": pl.String,  # threatened | announced | implemented | suspended | revoked | expired
    "instrument": pl.String,
    "products": pl.String,
    "hs_codes": pl.List(pl.String),
    "rate_before_pct": pl.Float64,
    "rate_after_pct": pl.Float64,
    "announced_on": pl.Date,
    "effective_on": pl.Date,
    # The end of a measure of stated duration ("for 90 days", "a one-year truce").
    "expires_on": pl.Date,
    "agreement": pl.String,
    "quote": pl.String,  # exactly text[start_char:end_char] of the article
    "start_char": pl.Int64,
    "end_char": pl.Int64,
    "confidence": pl.Float64,
    "rules": pl.String,  # which extraction rules fired, for debugging
}

# One row per commitment statement and the reciprocal statement it is tied to.
STATEMENT_LINK_SCHEMA: dict[str, pl.DataType] = {
    "commitment_statement_id": pl.String,
    "reciprocal_statement_id": pl.String,
    # in return | in exchange | once ... will | retaliation | response | same agreement
    "basis": pl.String,
    "agreement": pl.String,
    "confidence": pl.Float64,
}

# One row per article: what the corpus-level pass decided about it.
ARTICLE_ANNOTATION_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String,
    "duplicate_group": pl.String,  # article_id of the first article of its (near-)duplicate group
    "is_relevant": pl.Boolean,  # about trade measures or commitments
    "language": pl.String,
    "statement_count": pl.Int64,
}

# One row per trade observation: reporter's flow of one HS code with one partner in one month.
TRADE_FLOW_SCHEMA: dict[str, pl.DataType] = {
    "reporter": pl.String,  # ISO3
    "partner": pl.String,  # ISO3, WLD for the world total
    "hs_code": pl.String,  # digits only: HS2/4/6 or a national 8/10-digit line
    "flow": pl.String,  # export | import
    "period": pl.Date,  # first day of the month
    "quantity": pl.Float64,
    "quantity_unit": pl.String,  # kg, u (units), ...
    "net_weight_kg": pl.Float64,
    "value_usd": pl.Float64,
    "source": pl.String,  # comtrade | census | china_customs
    "record_position": pl.String,
}

# One row per input record (or whole file) that could not be loaded.
REJECT_SCHEMA: dict[str, pl.DataType] = {
    "source_file": pl.String,
    "source_sha256": pl.String,
    "source_kind": pl.String,  # news | trade
    "position": pl.String,  # "line 7", "item 3", "file"
    "reason": pl.String,
    "snippet": pl.String,  # at most 200 characters of the offending record
}

LINEAGE_SCHEMA: dict[str, pl.DataType] = {
    "_source_file": pl.String,
    "_source_sha256": pl.String,
    "_loaded_at": pl.Datetime("us", "UTC"),
}

# Months whose rows a reload took out of raw.trade__flows, and when. ledger.trade_monthly is
# rebuilt by month from what changed since its last build: rows that leave raw change a month
# as much as rows that arrive, and without this record a month another file still covers would
# keep the removed rows until a full refresh.
TRADE_REMOVAL_SCHEMA: dict[str, pl.DataType] = {
    "source_file": pl.String,
    "period": pl.Date,
    "removed_at": LINEAGE_SCHEMA["_loaded_at"],
}

# One row per trade file read (refused files excluded) with its modification time: when two
# files give different figures for one observation, the file modified last wins (dbt model
# int_trade_flows_deduplicated), so the choice never depends on file names.
TRADE_FILE_SCHEMA: dict[str, pl.DataType] = {
    "source_file": pl.String,
    "source_sha256": pl.String,
    "modified_at": LINEAGE_SCHEMA["_loaded_at"],
    "loaded_at": LINEAGE_SCHEMA["_loaded_at"],
}


@dataclass
class Reject:
    """A record (or a whole file) that could not be loaded, and why."""

    position: str
    reason: str
    snippet: str = ""


@dataclass
class ParseResult:
    """What a parser read from one source: good records and the rejected ones."""

    records: pl.DataFrame
    rejects: list[Reject] = field(default_factory=list)
    records_in: int = 0  # records seen in the source (rows in = loaded + rejected)


def empty(schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """An empty frame with the given schema."""
    return pl.DataFrame(schema=schema)
