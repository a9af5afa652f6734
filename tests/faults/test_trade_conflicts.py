"""Class 7: two trade files giving different figures for one observation are not settled by name.

The file modified last wins, whatever the names; the losing row becomes a reject in
`ledger.rejects` naming both figures and both files; identical repeats are dropped silently.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orchestration.project import run_dbt
from tests.faults.conftest import assert_rows_balance, ingest
from tests.helpers import query

pytestmark = pytest.mark.faults

HEADER = '[["CTY_CODE","I_COMMODITY","GEN_VAL_MO","GEN_QY1_MO","UNIT_QY1","time"]'
MODELS = ["+trade_monthly", "+rejects"]


def _census(path: Path, rows: list[tuple[str, str, str]], mtime: int) -> Path:
    """A Census imports answer: (value, quantity in kg, month) per row, HS 8505110070 from CHN."""
    body = "".join(f',["5700","8505110070","{v}","{q}","KG","{m}"]' for v, q, m in rows)
    path.write_text(HEADER + body + "]\n")
    os.utime(path, (mtime, mtime))
    return path


@pytest.mark.parametrize("newer", ["a_final.json", "z_preliminary.json"])
def test_conflicting_trade_figures_keep_the_newer_file_and_reject_the_other(
    tmp_path: Path, newer: str
) -> None:
    folder = tmp_path / "trade"
    folder.mkdir()
    times = {"a_final.json": 1_760_000_000, "z_preliminary.json": 1_750_000_000}
    if newer == "z_preliminary.json":
        times = {"a_final.json": 1_750_000_000, "z_preliminary.json": 1_760_000_000}
    # 353 tonnes in the final release; the preliminary one says one kilogram. 2025-07 is the
    # same in both files (an identical repeat, not a conflict); 2025-08 only in the final file.
    _census(
        folder / "a_final.json",
        [("900000", "353000", "2025-06"), ("5000", "20", "2025-07"), ("7000", "30", "2025-08")],
        times["a_final.json"],
    )
    _census(
        folder / "z_preliminary.json",
        [("12", "1", "2025-06"), ("5000", "20", "2025-07")],
        times["z_preliminary.json"],
    )
    home = tmp_path / "home"
    loaded = ingest(home, trade=[folder])
    assert len(loaded.flows) == 5 and loaded.trade_rejects == []
    assert_rows_balance(loaded)

    run_dbt(home, ["build", "--select", *MODELS])
    warehouse = loaded.warehouse
    june = query(
        warehouse,
        "select quantity, value_usd from ledger.trade_monthly where month = '2025-06-01'",
    )
    kept, lost = (
        (("353000", "900000"), ("1", "12"))
        if newer == "a_final.json"
        else (("1", "12"), ("353000", "900000"))
    )
    assert june == [(float(kept[0]), float(kept[1]))]
    assert query(warehouse, "select count(*) from ledger.trade_monthly") == [(3,)]

    rejects = query(
        warehouse,
        "select source_kind, source_file, position, reason from ledger.rejects "
        "where source_kind = 'trade'",
    )
    loser = "z_preliminary.json" if newer == "a_final.json" else "a_final.json"
    [(kind, file, position, reason)] = rejects  # one conflict; the identical July row is none
    assert (kind, file, position) == ("trade", loser, "row 1")
    assert reason.startswith("conflicting figures for USA-CHN 8505110070 import 2025-06 (census)")
    assert f"this row has quantity {float(lost[0])}" in reason
    assert f"value_usd {float(lost[1])};" in reason
    assert f"kept quantity {float(kept[0])}" in reason
    assert f"from {newer} row 1 (the file modified last wins)" in reason

    # The losing row stays in raw (rows in = loaded + rejected holds for both files) and is
    # the only row of the observation left out of the ledger.
    kept_rows = query(
        warehouse,
        "select source_file, record_position from intermediate.int_trade_flows_deduplicated "
        "order by 1, 2",
    )
    assert len(kept_rows) == 3 and (loser, "row 1") not in kept_rows
