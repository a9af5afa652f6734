"""Class 8: a finite but absurd trade figure is rejected at load, never published or checked.

A quantity of 1e308 kg used to publish an infinite ratio with the verdict "resumed". Rows
above `LEDGER_MAX_TRADE_QUANTITY` / `LEDGER_MAX_TRADE_VALUE` are rejects with a reason; the
rows beside them load, and `ledger.commitment_checks` is computed without them.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from orchestration.project import run_dbt
from tests.faults.conftest import GOOD_CENSUS, assert_rows_balance, ingest
from tests.helpers import query

pytestmark = pytest.mark.faults

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "trade"
SAMPLE_CSV = SAMPLE / "comtrade_china_magnet_exports_2025.csv"


def _absurd_comtrade(folder: Path) -> tuple[Path, int]:
    """The bundled Comtrade sample with China's July 2025 exports to the US set to 1e308 kg."""
    rows = list(csv.reader(SAMPLE_CSV.open(newline="", encoding="utf-8")))
    header = rows[0]
    period, partner = header.index("period"), header.index("partnerCode")
    [line] = [i for i, r in enumerate(rows) if i and r[period] == "202507" and r[partner] == "842"]
    rows[line][header.index("qty")] = "1e308"
    rows[line][header.index("netWgt")] = "1e308"
    folder.mkdir()
    path = folder / "comtrade_absurd.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path, line + 1  # 1-based file line


def test_absurd_quantity_is_rejected_and_checks_are_computed_without_it(tmp_path: Path) -> None:
    import dagster as dg

    from orchestration.assets.raw import extract_news, ingest_news
    from orchestration.assets.trade import ingest_trade
    from orchestration.resources import LedgerSettings

    path, line = _absurd_comtrade(tmp_path / "trade")
    home = tmp_path / "home"
    loaded = ingest(home, trade=[path.parent])
    [(file, position, reason, _)] = loaded.trade_rejects
    assert (file, position) == ("comtrade_absurd.csv", f"line {line}")
    assert reason == "implausible qty 1e308 (above LEDGER_MAX_TRADE_QUANTITY = 1e+12)"
    assert len(loaded.flows) == 18  # every other row of the sample loads
    assert_rows_balance(loaded)

    settings = LedgerSettings(home=str(home), trade=[str(path.parent)])
    dg.materialize(
        [ingest_news, ingest_trade, extract_news],
        resources={"settings": settings},
        raise_on_error=True,
    )
    run_dbt(
        home,
        ["build", "--select", "+commitment_checks", "+rejects", "--indirect-selection", "cautious"],
    )
    warehouse = loaded.warehouse
    assert query(
        warehouse,
        "select count(*) from ledger.trade_monthly where month = '2025-07-01' and partner = 'USA'",
    ) == [(0,)]
    assert query(warehouse, "select max(quantity) < 1e12 from ledger.trade_monthly") == [(True,)]
    checks = query(
        warehouse,
        "select entry_id, after_quantity, ratio, verdict from ledger.commitment_checks "
        "where reporter = 'CHN' and partner = 'USA'",
    )
    assert checks, "the sample's magnet-licence commitment is checked"
    for _, after, ratio, _verdict in checks:
        assert after is None or after < 1e12
        assert ratio is None or math.isfinite(ratio)
    published_reason = query(
        warehouse,
        "select reason from ledger.rejects where source_file = 'comtrade_absurd.csv'",
    )
    assert published_reason == [(reason,)]


@pytest.mark.parametrize(
    ("variable", "value", "field"),
    [
        ("LEDGER_MAX_TRADE_VALUE", "100000", "GEN_VAL_MO"),
        ("LEDGER_MAX_TRADE_QUANTITY", "5000", "GEN_QY1_MO"),
    ],
)
def test_bounds_are_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, field: str
) -> None:
    trade = tmp_path / "census.json"
    trade.write_text(GOOD_CENSUS[:-2] + ',["5700","8505110070","5","1","KG","2025-07"]]\n')
    monkeypatch.setenv(variable, value)
    loaded = ingest(tmp_path / "home", trade=[trade])
    assert len(loaded.flows) == 1  # the small July row
    [(file, position, reason, _)] = loaded.trade_rejects
    assert file == "census.json" and position == "row 1"
    assert reason.startswith(f"implausible {field} ")
    assert reason.endswith(f"(above {variable} = {float(value):g})")
    assert_rows_balance(loaded)
