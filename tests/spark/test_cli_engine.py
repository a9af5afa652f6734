"""`tradeledger run --engine ...`: the choice reaches the run, and a missing Spark set-up stops
the command before anything is created (fast lane; no Spark started)."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.args import build_parser, engine_problem
from orchestration.cli import main


def test_the_engine_is_duckdb_unless_spark_is_asked_for() -> None:
    parser = build_parser()
    assert parser.parse_args(["run"]).engine == "duckdb"
    assert parser.parse_args(["run", "--engine", "spark"]).engine == "spark"
    with pytest.raises(SystemExit):
        parser.parse_args(["run", "--engine", "postgres"])


def test_without_make_setup_spark_the_spark_engine_stops_before_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("publication.from_spark.SPARK_DBT_EXECUTABLE", tmp_path / "no" / "dbt")
    assert engine_problem("duckdb") is None
    home = tmp_path / "home"

    assert main(["run", "--engine", "spark", "--home", str(home)]) == 1

    err = capsys.readouterr().err
    assert "--engine spark needs dbt-spark at" in err and "make setup-spark" in err
    assert "nothing was run" in err
    assert not home.exists()
