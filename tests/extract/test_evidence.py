"""Evidence passages are exact slices of the original text."""

from __future__ import annotations

from tests.extract.conftest import run

TEXT = (
    "BEIJING, March 4 — China said on Tuesday it would put an extra 15% duty on US chicken "
    "and wheat from March 10.\n\n"
    "Ünïcode “quotes” and a long dash — keep offsets honest. "
    "The Commerce Ministry also added 15 US firms to its export control list on Tuesday."
)


def test_quote_is_exact_slice() -> None:
    ex = run(TEXT, "2025-03-04")
    assert ex.statements.height >= 2
    for st in ex.statements.to_dicts():
        assert TEXT[st["start_char"] : st["end_char"]] == st["quote"]


def test_statement_ids_and_schema() -> None:
    ex = run(TEXT, "2025-03-04")
    ids = ex.statements["statement_id"].to_list()
    assert len(ids) == len(set(ids))
    assert all(i.startswith(ex.annotations["article_id"][0] + ":") for i in ids)
    from ingestion.schemas import (
        ARTICLE_ANNOTATION_SCHEMA,
        STATEMENT_LINK_SCHEMA,
        STATEMENT_SCHEMA,
    )

    assert dict(ex.statements.schema) == STATEMENT_SCHEMA
    assert dict(ex.links.schema) == STATEMENT_LINK_SCHEMA
    assert dict(ex.annotations.schema) == ARTICLE_ANNOTATION_SCHEMA
