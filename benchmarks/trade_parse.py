"""Benchmark: `parse_trade_file` on a generated Comtrade v1 CSV vs DuckDB's own `read_csv`.

    python -m benchmarks.trade_parse --rows 2000000

Generates a 47-column Comtrade API CSV (monthly, reporter 156, a spread of partners and HS6
codes, about 1% partner2 breakdown rows so the reject path is exercised) in a temporary
directory, then times (best of `--repeat` runs):

* DuckDB: `CREATE TABLE t AS SELECT * FROM read_csv(path)` (auto-detected types, all threads);
* parse_trade_file(path): the full parse, with checks, rejects and the TRADE_FLOW_SCHEMA frame.

The ratio is DuckDB's time divided by ours, runs interleaved (1.0 = as fast as DuckDB; target
>= 0.7).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb
import polars as pl

from ingestion.trade import parse_trade_file
from ingestion.trade.codes import comtrade_areas
from ingestion.trade.comtrade import COMTRADE_COLUMNS


def generate(path: Path, rows: int, seed: int = 7, batch: int = 1_000_000) -> None:
    """Write a Comtrade-layout CSV with `rows` data rows (vectorised, no Python row loop).

    Written in batches of `batch` rows so that generating 20 million rows needs little memory.
    """
    with path.open("wb") as fh:
        for start in range(0, max(rows, 1), batch):
            frame = _frame(start, min(batch, rows - start))
            frame.write_csv(fh, include_header=start == 0)


def _frame(start: int, rows: int) -> pl.DataFrame:
    """Rows `start` .. `start + rows - 1` of the generated file."""
    i = pl.int_range(start, start + rows, eager=True)
    partners = pl.Series([0, 842, 276, 392, 410, 704, 251, 699, 757, 490, 344, 36])
    cmds = pl.Series(["850511", "280530", "284610", "284690", "854231", "810194", "252910"])
    n_cmd, n_part = len(cmds), len(partners)
    month = (i // (n_cmd * n_part)) % 12 + 1
    year = 1975 + (i // (n_cmd * n_part * 12)) % 51
    period = (year * 100 + month).cast(pl.String)
    # Every 100th row is a partner2 breakdown row (and so a reject); its partner2 code also
    # makes the observation unique, so there are no accidental duplicate keys.
    p2 = pl.when(i % 100 == 99).then(i // 100 % 900 + 1).otherwise(0)
    # Beyond the distinct (year, month, partner, cmd) combinations, vary reporter and flow by
    # block so keys stay distinct (about 30 million rows before keys repeat).
    first_code = {iso: int(c) for c, iso in reversed(comtrade_areas().items()) if iso != "WLD"}
    reporters = pl.Series(sorted(first_code.values()))
    block = i // (n_cmd * n_part * 12 * 51)
    df = pl.DataFrame({"i": i}).select(
        typeCode=pl.lit("C"),
        freqCode=pl.lit("M"),
        refPeriodId=(pl.lit(period) + "01"),
        refYear=year,
        refMonth=month,
        period=period,
        reporterCode=reporters.gather(block % len(reporters)),
        reporterISO=pl.lit(""),
        reporterDesc=pl.lit(""),
        flowCode=pl.when(block // len(reporters) % 2 == 0).then(pl.lit("X")).otherwise(pl.lit("M")),
        flowDesc=pl.lit(""),
        partnerCode=partners.gather(i % n_part),
        partnerISO=pl.lit(""),
        partnerDesc=pl.lit(""),
        partner2Code=p2,
        partner2ISO=pl.lit(""),
        partner2Desc=pl.lit(""),
        classificationCode=pl.lit("H6"),
        classificationSearchCode=pl.lit("HS"),
        isOriginalClassification=pl.lit("True"),
        cmdCode=cmds.gather(i // n_part % n_cmd),
        cmdDesc=pl.lit(""),
        aggrLevel=pl.lit(6),
        isLeaf=pl.lit("True"),
        customsCode=pl.lit("C00"),
        customsDesc=pl.lit(""),
        mosCode=pl.lit("0"),
        motCode=pl.lit(0),
        motDesc=pl.lit(""),
        qtyUnitCode=pl.lit(8),
        qtyUnitAbbr=pl.lit(""),
        qty=(i * 37 % 100000).cast(pl.Float64) + 0.5,
        isQtyEstimated=pl.lit("False"),
        altQtyUnitCode=pl.lit(-1),
        altQtyUnitAbbr=pl.lit(""),
        altQty=pl.lit(None, dtype=pl.Float64),
        isAltQtyEstimated=pl.lit("False"),
        netWgt=(i * 37 % 100000).cast(pl.Float64) + 0.5,
        isNetWgtEstimated=pl.lit("False"),
        grossWgt=pl.lit(None, dtype=pl.Float64),
        isGrossWgtEstimated=pl.lit("False"),
        cifvalue=pl.lit(None, dtype=pl.Float64),
        fobvalue=(i * 7919 % 10_000_000).cast(pl.Float64),
        primaryValue=(i * 7919 % 10_000_000).cast(pl.Float64),
        legacyEstimationFlag=pl.lit(0),
        isReported=pl.lit("True"),
        isAggregate=pl.lit("False"),
    )
    assert df.columns == COMTRADE_COLUMNS
    return df


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def run(rows: int, repeat: int = 3) -> dict[str, float]:
    """Generate, time both readers, return timings and the ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "comtrade_bench.csv"
        t0 = time.perf_counter()
        generate(path, rows)
        gen_s = time.perf_counter() - t0

        def duck() -> None:
            con = duckdb.connect()
            con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}')")
            con.close()

        result = {}

        def ours() -> None:
            r = parse_trade_file(path)
            result["loaded"] = r.records.height
            result["rejected"] = len(r.rejects)
            result["records_in"] = r.records_in

        # Interleave the two readers so background load hits both alike; report the best of each
        # and the median of the per-round ratios.
        duck_t, ours_t = [], []
        for _ in range(repeat):
            duck_t.append(_best(duck, 1))
            ours_t.append(_best(ours, 1))
        duck_s, ours_s = min(duck_t), min(ours_t)
        ratios = sorted(d / o for d, o in zip(duck_t, ours_t, strict=True))
        return {
            "rows": rows,
            "file_mb": path.stat().st_size / 1e6,
            "generate_s": gen_s,
            "duckdb_read_csv_s": duck_s,
            "parse_trade_file_s": ours_s,
            "duckdb_rows_per_s": rows / duck_s,
            "ours_rows_per_s": rows / ours_s,
            "ratio_best": duck_s / ours_s,
            "ratio_median_round": ratios[len(ratios) // 2],
            **result,
        }


def main() -> None:
    """CLI entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=2_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    res = run(args.rows, args.repeat)
    for k, v in res.items():
        print(f"{k:>20}: {v:,.3f}" if isinstance(v, float) else f"{k:>20}: {v:,}")


if __name__ == "__main__":
    main()


def _hs6() -> pl.Series:
    """The HS 2022 subheadings (6 digits), sorted, as the loader's HS rule knows them."""
    from ingestion.trade._common import hs2022_codes

    return pl.Series(sorted(c for c in hs2022_codes() if len(c) == 6))


def generate_month(path: Path, month: str, rows: int) -> None:
    """Write a Comtrade CSV whose rows all fall in one month (`month` = "YYYYMM").

    Like `generate`, but every row has the given period and the (partner, HS code) pairs vary
    instead: national 10-digit lines (an HS 2022 subheading plus a 4-digit suffix), so keys stay
    distinct up to about 600 million rows per month.
    """
    i = pl.int_range(0, rows, eager=True)
    partners = pl.Series([0, 842, 276, 392, 410, 704, 251, 699, 757, 490, 344, 36])
    hs6 = _hs6()
    cmd = pl.concat_str(
        hs6.gather((i // len(partners)) % len(hs6)),
        (i // len(partners) // len(hs6) % 10_000).cast(pl.String).str.zfill(4),
    )
    frame = _frame(0, rows).with_columns(
        period=pl.lit(month),
        refPeriodId=pl.lit(month + "01"),
        refYear=pl.lit(int(month[:4])),
        refMonth=pl.lit(int(month[4:])),
        partnerCode=partners.gather(i % len(partners)),
        cmdCode=cmd,
    )
    frame.write_csv(path)
