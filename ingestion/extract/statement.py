"""The statement record: one actor's measure or commitment towards one target, as read in a clause.

`Statement` has one typed field per column of STATEMENT_SCHEMA (same names, same order) and,
after them, the internal fields that the corpus pass (`corpus.py`) needs to merge statements
into entries and to link them; `to_row()` gives the published columns only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ingestion.schemas import STATEMENT_SCHEMA

__all__ = ["Statement"]


@dataclass(slots=True)
class Statement:
    """One statement of an article; `entry_key` is filled in by `corpus.assign_entry_keys`."""

    # --- published columns (STATEMENT_SCHEMA) ---
    statement_id: str
    article_id: str
    entry_key: str
    actor: str
    target: str
    kind: str
    is_commitment: bool
    status: str
    instrument: str
    products: str
    hs_codes: list[str]
    rate_before_pct: float | None
    rate_after_pct: float | None
    announced_on: dt.date | None
    effective_on: dt.date | None
    expires_on: dt.date | None
    agreement: str
    quote: str
    start_char: int
    end_char: int
    confidence: float
    rules: str
    # --- internal: for entry keys and links, never published ---
    product_family: str = ""  # the product family of the clause's goods ("" when none)
    clause: tuple[int, int] = (0, 0)  # offsets of the clause in the article text
    sentence: tuple[int, int] = (0, 0)  # offsets of the sentence in the article text
    trigger: int = 0  # offset of the word that set the kind
    ann_from_pub: bool = False  # announced_on is the article's date, not the clause's own
    soft: bool = False  # the date is a rough one (month only, or an inferred publication date)
    month_only: bool = False  # the clause's dates name a month, not a day
    anaphoric: bool = False  # named only by reference to another measure ("in response to ...")

    def to_row(self) -> dict[str, object]:
        """The published columns, keyed and ordered as STATEMENT_SCHEMA."""
        return {k: getattr(self, k) for k in STATEMENT_SCHEMA}
