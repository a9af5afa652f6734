"""API fetching against a local HTTP server that replays recorded responses."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingestion.trade import parse_trade_file
from ingestion.trade.fetch import Client, FetchError, fetch_census, fetch_comtrade

from .conftest import CENSUS_KEY, COMTRADE_KEY, Replay

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "trade"


def _client(sleeps: list[float]) -> Client:
    return Client(min_interval=0.0, retries=3, backoff=0.5, sleep=sleeps.append)


def test_comtrade_retries_then_saves_a_parseable_file(server: str, tmp_path: Path) -> None:
    path = "/data/v1/get/C/M/HS"
    Replay.responses[path] = [
        (429, {"Retry-After": "2"}, b"slow down"),
        (503, {}, b"busy"),
        (
            200,
            {"Content-Type": "application/json"},
            (FIXTURES / "comtrade_api_envelope.json").read_bytes(),
        ),
    ]
    sleeps: list[float] = []
    out = fetch_comtrade(
        tmp_path, "156", "842", "850511", "202506", base_url=server, client=_client(sleeps)
    )
    assert sleeps == [2.0, 1.0]  # Retry-After, then backoff 0.5 * 2**1
    assert len(Replay.seen) == 3
    _, headers, query = Replay.seen[-1]
    assert headers["Ocp-Apim-Subscription-Key"] == COMTRADE_KEY
    assert "subscription-key" not in query  # the key travels in the header only
    assert query["reporterCode"] == ["156"] and query["period"] == ["202506"]
    result = parse_trade_file(out)
    assert result.records.height + len(result.rejects) == result.records_in > 0
    assert COMTRADE_KEY not in out.name
    assert not list(tmp_path.glob(".*"))  # no temporary file left


def test_comtrade_error_envelope_and_key_never_shown(server: str, tmp_path: Path) -> None:
    Replay.responses["/data/v1/get/C/M/HS"] = [
        (200, {}, (FIXTURES / "comtrade_api_error.json").read_bytes())
    ]
    with pytest.raises(FetchError, match="Invalid subscription key") as err:
        fetch_comtrade(
            tmp_path, "156", "842", "850511", "202506", base_url=server, client=_client([])
        )
    assert COMTRADE_KEY not in str(err.value)
    assert not list(tmp_path.iterdir())


def test_census_key_as_parameter_and_not_in_errors(server: str, tmp_path: Path) -> None:
    path = "/data/timeseries/intltrade/imports/hs"
    Replay.responses[path] = [(200, {}, (FIXTURES / "census_imports_hs10.json").read_bytes())]
    out = fetch_census(
        tmp_path, "8505110070", "5700", "from 2025-01", base_url=server, client=_client([])
    )
    _, _, query = Replay.seen[-1]
    assert query["key"] == [CENSUS_KEY]
    assert query["I_COMMODITY"] == ["8505110070"] and query["time"] == ["from 2025-01"]
    assert parse_trade_file(out).records.height > 0

    Replay.responses[path] = [(500, {}, b"down")]
    sleeps: list[float] = []
    with pytest.raises(FetchError) as err:
        fetch_census(
            tmp_path, "8505110070", "5700", "from 2025-01", base_url=server, client=_client(sleeps)
        )
    assert sleeps == [0.5, 1.0, 2.0]  # three retries, then give up
    assert CENSUS_KEY not in str(err.value) and "HTTP 500" in str(err.value)

    Replay.responses[path] = [(200, {}, (FIXTURES / "census_invalid_key.json").read_bytes())]
    with pytest.raises(FetchError, match="not JSON") as err:
        fetch_census(
            tmp_path, "8505110070", "5700", "from 2025-01", base_url=server, client=_client([])
        )
    assert CENSUS_KEY not in str(err.value)


def test_missing_key_and_rate_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("COMTRADE_API_KEY", raising=False)
    with pytest.raises(FetchError, match="COMTRADE_API_KEY is not set"):
        fetch_comtrade(tmp_path, "156", "842", "850511", "202506", base_url="http://127.0.0.1:9")
    # Two quick calls of one client: the second waits for the minimum interval.
    sleeps: list[float] = []
    client = Client(min_interval=5.0, retries=0, sleep=sleeps.append)
    for _ in range(2):
        with pytest.raises(FetchError, match="cannot reach"):
            client.get("http://127.0.0.1:9/x", {"key": "k"}, {})
    assert len(sleeps) == 1 and 4.0 < sleeps[0] <= 5.0
