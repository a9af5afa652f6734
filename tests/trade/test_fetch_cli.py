"""`tradeledger fetch-trade` against a local server replaying recorded Comtrade/Census answers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ingestion.trade import fetch as fetch_module
from ingestion.trade import parse_trade_file
from ingestion.trade.fetch import Client
from orchestration import cli
from orchestration.assets.trade import load_month
from orchestration.paths import LedgerPaths
from tests.helpers import query

from .conftest import CENSUS_KEY, COMTRADE_KEY, Replay

RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "trade" / "fetch"
COMTRADE_PATH = "/data/v1/get/C/M/HS"
CENSUS_PATH = "/data/timeseries/intltrade/imports/hs"
COMTRADE_ARGS = ["comtrade", "--reporter", "156", "--partner", "842", "--cmd", "850511"]
CENSUS_ARGS = ["census", "--direction", "imports", "--cty", "5700", "--hs", "8505110070"]


def recorded(name: str, status: int = 200, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json", **headers}, (RECORDED / name).read_bytes()


def comtrade_month(period: str) -> tuple[int, dict[str, str], bytes]:
    return recorded(f"comtrade_M_156_842_850511_{period}.json")


def census_month(month: str) -> tuple[int, dict[str, str], bytes]:
    return recorded(f"census_imports_8505110070_5700_{month}.json")


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The fetch client, minus real waiting: the waits it asks for are recorded instead."""
    asked: list[float] = []
    monkeypatch.setattr(
        fetch_module,
        "Client",
        lambda **_: Client(min_interval=0.0, retries=3, backoff=0.25, sleep=asked.append),
    )
    return asked


def fetch(server: str, home: Path, *args: str) -> int:
    api, rest = args[0], list(args[1:])
    return cli.main(["fetch-trade", api, *rest, "--home", str(home), "--base-url", server])


def landed(home: Path) -> list[str]:
    """Every file and folder under landing/trade, hidden ones included."""
    root = home / "landing" / "trade"
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []


def rows(path: Path) -> list[tuple]:
    frame = parse_trade_file(path).records
    return sorted(
        frame.select(
            "reporter", "partner", "hs_code", "flow", "period", "net_weight_kg", "value_usd"
        ).rows()
    )


def test_comtrade_months_land_in_their_folders_and_parse(
    server: str, sleeps: list[float], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Replay.responses[COMTRADE_PATH] = [comtrade_month("202505"), comtrade_month("202506")]
    assert fetch(server, tmp_path, *COMTRADE_ARGS, "--period", "2025-05:2025-06") == 0
    may = "2025-05/comtrade_M_156_842_850511_M-X_202505.json"
    june = "2025-06/comtrade_M_156_842_850511_M-X_202506.json"
    assert landed(tmp_path) == ["2025-05", may, "2025-06", june]
    assert [q["period"] for _, _, q in Replay.seen] == [["202505"], ["202506"]]
    assert all(q["flowCode"] == ["M,X"] for _, _, q in Replay.seen)
    assert all(h["Ocp-Apim-Subscription-Key"] == COMTRADE_KEY for _, h, _ in Replay.seen)

    trade = tmp_path / "landing" / "trade"
    may_1, june_1 = dt.date(2025, 5, 1), dt.date(2025, 6, 1)
    assert rows(trade / may) == [
        ("CHN", "USA", "850511", "export", may_1, 46000.0, 2150000.0),
        ("CHN", "USA", "850511", "import", may_1, 1200.0, 95000.0),
    ]
    assert rows(trade / june) == [
        ("CHN", "USA", "850511", "export", june_1, 353000.0, 9840000.0),
        ("CHN", "USA", "850511", "import", june_1, 900.0, 81000.0),
    ]  # the partner2 breakdown row of June is rejected, as in any Comtrade file

    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == f"2025-05  {trade / may}  (2 records, 0 rejected)"
    assert lines[1] == f"2025-06  {trade / june}  (2 records, 1 rejected)"
    assert lines[2] == f"fetched 2 months (2025-05..2025-06) from comtrade into {trade}"
    assert len(lines) == 3 and err == ""
    assert COMTRADE_KEY not in out


def test_census_429_is_retried_after_retry_after(
    server: str, sleeps: list[float], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Replay.responses[CENSUS_PATH] = [(429, {"Retry-After": "7"}, b"Too Many Requests")]
    Replay.responses[CENSUS_PATH].append(census_month("2025-06"))
    assert fetch(server, tmp_path, *CENSUS_ARGS, "--period", "2025-06") == 0
    assert sleeps == [7.0]  # the server's Retry-After, not the client's backoff
    assert len(Replay.seen) == 2
    _, _, params = Replay.seen[-1]
    assert params["time"] == ["2025-06"] and params["I_COMMODITY"] == ["8505110070"]
    assert params["CTY_CODE"] == ["5700"] and params["key"] == [CENSUS_KEY]
    name = "2025-06/census_imports_8505110070_5700_2025-06.json"
    assert landed(tmp_path) == ["2025-06", name]
    assert rows(tmp_path / "landing" / "trade" / name) == [
        ("USA", "CHN", "8505110070", "import", dt.date(2025, 6, 1), 1250000.0, 60200000.0)
    ]
    assert CENSUS_KEY not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "path", "answer", "expected"),
    [
        pytest.param(
            COMTRADE_ARGS,
            COMTRADE_PATH,
            recorded("comtrade_401.json", status=401),
            "HTTP 401 from {server}/data/v1/get/C/M/HS: ",
            id="comtrade-401",
        ),
        pytest.param(
            CENSUS_ARGS,
            CENSUS_PATH,
            # A server that echoes the request, key included, in its error page.
            (403, {}, f"<html>\n<p>Forbidden: key={CENSUS_KEY}</p>\n</html>".encode()),
            "HTTP 403 from {server}/data/timeseries/intltrade/imports/hs: <html> <p>Forbidden",
            id="census-403-echoing-the-key",
        ),
        pytest.param(
            CENSUS_ARGS,
            CENSUS_PATH,
            (200, {"Content-Type": "text/html"}, b"<html>Invalid Key</html>"),
            "Census answered with something that is not JSON",
            id="census-invalid-key-page",
        ),
    ],
)
def test_refused_request_exits_1_with_one_clean_line(
    server: str,
    sleeps: list[float],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    path: str,
    answer: tuple[int, dict[str, str], bytes],
    expected: str,
) -> None:
    Replay.responses[path] = [answer]
    assert fetch(server, tmp_path, *args, "--period", "2025-06") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("tradeledger fetch-trade: error: " + expected.format(server=server))
    for secret in (COMTRADE_KEY, CENSUS_KEY, "?", "key="):
        assert secret not in err.replace("key=***", "")
    assert sleeps == []  # refusals are not retried
    assert landed(tmp_path) == []


def test_error_after_some_months_says_how_many_were_saved(
    server: str, sleeps: list[float], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Replay.responses[COMTRADE_PATH] = [
        comtrade_month("202505"),
        recorded("comtrade_401.json", status=401),
    ]
    assert fetch(server, tmp_path, *COMTRADE_ARGS, "--period", "2025-05:2025-07") == 1
    out, err = capsys.readouterr()
    assert out.startswith("2025-05  ") and out.count("\n") == 1
    assert err.rstrip().endswith("(saved 1 of 3 months before the error)")
    assert landed(tmp_path) == ["2025-05", "2025-05/comtrade_M_156_842_850511_M-X_202505.json"]


@pytest.mark.parametrize(
    ("args", "variable"),
    [(COMTRADE_ARGS, "COMTRADE_API_KEY"), (CENSUS_ARGS, "CENSUS_API_KEY")],
    ids=["comtrade", "census"],
)
def test_missing_key_is_a_clear_error_before_any_request(
    server: str,
    sleeps: list[float],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    variable: str,
) -> None:
    monkeypatch.delenv(variable)
    assert fetch(server, tmp_path, *args, "--period", "2025-06") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert (
        err
        == f"tradeledger fetch-trade: error: {variable} is not set (export it before fetching)\n"
    )
    assert Replay.seen == [] and landed(tmp_path) == []


def test_fetching_a_month_again_replaces_its_file(
    server: str, sleeps: list[float], tmp_path: Path
) -> None:
    first = census_month("2025-06")
    revised = json.loads(first[2])
    revised[1][2] = "61000000"  # Census revises a month's value
    Replay.responses[CENSUS_PATH] = [first, (200, {}, json.dumps(revised).encode())]
    for _ in range(2):
        assert fetch(server, tmp_path, *CENSUS_ARGS, "--period", "2025-06") == 0
    name = "2025-06/census_imports_8505110070_5700_2025-06.json"
    assert landed(tmp_path) == ["2025-06", name]  # no second copy, no temporary file left
    assert rows(tmp_path / "landing" / "trade" / name)[0][-1] == 61000000.0


def test_fetched_month_is_loaded_by_the_monthly_load(
    server: str, sleeps: list[float], tmp_path: Path
) -> None:
    Replay.responses[COMTRADE_PATH] = [comtrade_month("202505"), comtrade_month("202506")]
    Replay.responses[CENSUS_PATH] = [census_month("2025-06")]
    assert fetch(server, tmp_path, *COMTRADE_ARGS, "--period", "2025-05:2025-06") == 0
    assert fetch(server, tmp_path, *CENSUS_ARGS, "--period", "2025-06") == 0

    # What the 2025-06 partition of raw/trade__month_loads runs before its dbt build.
    paths = LedgerPaths.from_env(tmp_path)
    result = load_month(paths, "2025-06-01")
    assert (result["loaded"], result["rejected"], result["months"]) == (3, 1, ["2025-06"])
    assert query(
        paths.warehouse,
        "select _source_file, source, reporter, partner, flow, net_weight_kg, value_usd "
        "from raw.trade__flows order by 1, flow",
    ) == [
        (
            "2025-06/census_imports_8505110070_5700_2025-06.json",
            "census", "USA", "CHN", "import", 1250000.0, 60200000.0,
        ),
        (
            "2025-06/comtrade_M_156_842_850511_M-X_202506.json",
            "comtrade", "CHN", "USA", "export", 353000.0, 9840000.0,
        ),
        (
            "2025-06/comtrade_M_156_842_850511_M-X_202506.json",
            "comtrade", "CHN", "USA", "import", 900.0, 81000.0,
        ),
    ]  # fmt: skip


def test_census_month_without_rows_is_saved_as_an_empty_array(
    server: str, sleeps: list[float], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Replay.responses[CENSUS_PATH] = [(204, {}, b"")]  # no data for the query
    assert fetch(server, tmp_path, *CENSUS_ARGS, "--period", "2025-09") == 0
    saved = (
        tmp_path / "landing" / "trade" / "2025-09" / "census_imports_8505110070_5700_2025-09.json"
    )
    result = parse_trade_file(saved)
    assert (result.records_in, result.rejects) == (0, [])  # not an "empty file" reject
    assert "(0 records, 0 rejected)" in capsys.readouterr().out


def test_fetch_trade_job_is_the_same_fetch_from_dagster(
    server: str, sleeps: list[float], tmp_path: Path
) -> None:
    from orchestration.definitions import defs
    from orchestration.resources import LedgerSettings

    Replay.responses[COMTRADE_PATH] = [comtrade_month("202505"), comtrade_month("202506")]
    job = defs.resolve_job_def("fetch_trade_job")
    config = {"api": "comtrade", "period": "2025-05:2025-06", "reporter": "156"}
    config |= {"partner": "842", "cmd": "850511", "base_url": server}
    result = job.execute_in_process(
        run_config={"ops": {"fetch_trade": {"config": config}}},
        resources={"settings": LedgerSettings(home=str(tmp_path))},
    )
    assert result.success
    assert landed(tmp_path) == [
        "2025-05",
        "2025-05/comtrade_M_156_842_850511_M-X_202505.json",
        "2025-06",
        "2025-06/comtrade_M_156_842_850511_M-X_202506.json",
    ]

    del config["cmd"]
    result = job.execute_in_process(
        run_config={"ops": {"fetch_trade": {"config": config}}},
        resources={"settings": LedgerSettings(home=str(tmp_path))},
        raise_on_error=False,
    )
    assert not result.success
    error = result.get_step_failure_events()[0].step_failure_data.error
    while error is not None and error.cause is not None:  # Dagster wraps the op's own error
        error = error.cause
    assert error is not None and error.message.startswith("ValueError: comtrade needs cmd")
