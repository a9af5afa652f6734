"""Shared helpers of the fault-injection suite: load hostile inputs through the real assets.

Most tests run the raw-layer assets (`ingest_news`, `ingest_trade`) in-process with
`dagster.materialize`, the same code `tradeledger run` executes, and read what they wrote into
the warehouse. Only a few tests start the real CLI (about half a minute each).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import query

# Text that must never reach the warehouse or the published file: it stands for a private file.
PRIVATE_LINE = "PRIVATE-TARGET-CONTENT do not load me 7f3a"

# One good JSONL article, so every test also checks that good records load beside bad ones.
GOOD_ARTICLE = (
    '{"url": "https://example.org/good-1", "title": "Tariffs raised", '
    '"published": "2025-03-04", "text": "Washington raised tariffs on Chinese goods to 20% '
    'on March 4, 2025."}\n'
)
# One good Census API answer (imports of HS 8505110070 from China in one month).
GOOD_CENSUS = (
    '[["CTY_CODE","I_COMMODITY","GEN_VAL_MO","GEN_QY1_MO","UNIT_QY1","time"],'
    '["5700","8505110070","123456","7890","KG","2025-06"]]\n'
)


@dataclass
class Loaded:
    """What the raw layer holds after one ingest: per file, loaded and rejected counts."""

    warehouse: Path
    articles: list[tuple]  # (source_file, record_position)
    news_rejects: list[tuple]  # (source_file, position, reason, snippet)
    flows: list[tuple]  # (source_file, record_position)
    trade_rejects: list[tuple]  # (source_file, position, reason, snippet)
    per_file: dict[str, dict[str, int]]  # the assets' own per-file report

    def rejects_of(self, name: str, kind: str | None = None) -> list[tuple]:
        """Rejects of one kind (news, trade, or both when None) whose source file is `name`."""
        rows = {"news": self.news_rejects, "trade": self.trade_rejects}
        pool = rows[kind] if kind else self.news_rejects + self.trade_rejects
        return [r for r in pool if r[0] == name]

    def all_text(self) -> str:
        """Every string of every raw table, for looking for leaked content."""
        rows = []
        for (table,) in query(
            self.warehouse,
            "select table_schema || '.' || table_name from information_schema.tables",
        ):
            rows.extend(query(self.warehouse, f"select * from {table}"))
        return "\n".join(str(v) for row in rows for v in row)


def ingest(home: Path, news: list[Path] | None = None, trade: list[Path] | None = None) -> Loaded:
    """Run `ingest_news` and `ingest_trade` on these inputs in `home`; return what they loaded."""
    import dagster as dg

    from orchestration.assets.raw import ingest_news
    from orchestration.assets.trade import ingest_trade
    from orchestration.paths import LedgerPaths
    from orchestration.resources import LedgerSettings

    settings = LedgerSettings(
        home=str(home),
        news=[str(p) for p in news or []],
        trade=[str(p) for p in trade or []],
    )
    result = dg.materialize(
        [ingest_news, ingest_trade], resources={"settings": settings}, raise_on_error=True
    )
    per_file: dict[str, dict[str, int]] = {}
    for event in result.get_asset_materialization_events():
        meta = event.materialization.metadata
        if "per_file" in meta:
            kind = event.asset_key.path[-1].split("__")[0]
            for f in meta["per_file"].value:  # type: ignore[union-attr]
                per_file[f"{kind}:{f['file']}"] = {
                    k: int(f[k]) for k in ("records_in", "loaded", "rejected")
                }
    warehouse = LedgerPaths.from_env(str(home)).warehouse
    return Loaded(
        warehouse=warehouse,
        articles=query(warehouse, "select _source_file, record_position from raw.news__articles"),
        news_rejects=query(
            warehouse, "select source_file, position, reason, snippet from raw.news__rejects"
        ),
        flows=query(warehouse, "select _source_file, record_position from raw.trade__flows"),
        trade_rejects=query(
            warehouse, "select source_file, position, reason, snippet from raw.trade__rejects"
        ),
        per_file=per_file,
    )


def assert_rows_balance(loaded: Loaded) -> None:
    """Rows in = loaded + rejected for every file, counted in the tables themselves.

    A file rejected as a whole (records_in 0) has no rows and at least one reject.
    """
    assert loaded.per_file
    for key, counts in loaded.per_file.items():
        kind, name = key.split(":", 1)
        rows = loaded.articles if kind == "news" else loaded.flows
        rejects = loaded.news_rejects if kind == "news" else loaded.trade_rejects
        in_table = sum(1 for r in rows if r[0] == name)
        rejected = sum(1 for r in rejects if r[0] == name)
        if counts["records_in"]:
            assert counts["records_in"] == in_table + rejected, (key, counts, in_table, rejected)
        else:
            assert (in_table, rejected) == (0, 1), (key, counts, in_table, rejected)


@pytest.fixture
def private_file(tmp_path: Path) -> Path:
    """A private file outside every input folder."""
    private = tmp_path / "private"
    private.mkdir()
    target = private / "secret.txt"
    target.write_text(PRIVATE_LINE + "\n" + PRIVATE_LINE + "\n")
    return target
