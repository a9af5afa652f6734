"""Optional fetching from the UN Comtrade v1 and US Census International Trade APIs.

Nothing here runs unless called: a normal run reads files. Fetched responses are saved as
files (`comtrade_*.json`, `census_*.json`) that `parse_trade_file` reads like any other input,
so a fetched page goes through the same rules as a downloaded one.

* Keys come from the environment (`COMTRADE_API_KEY`, sent as the `Ocp-Apim-Subscription-Key`
  header; `CENSUS_API_KEY`, sent as the `key=` parameter) and never appear in messages or
  saved file names: URLs in errors are shown without their query string.
* Retries: HTTP 429 and 5xx and connection errors are retried with exponential backoff, or after
  the server's `Retry-After` seconds when it sends one.
* Rate limit: at least `min_interval` seconds between requests of one client (Comtrade's free
  tier allows one call a second).
* `base_url` points the functions at another server (tests replay recorded responses from a
  local HTTP server).
* `fetch_comtrade_months` / `fetch_census_months` make one request per month and save each
  answer into `<landing>/<YYYY-MM>/`, the folder of that month's partition of the monthly trade
  load (`tradeledger fetch-trade` calls them). File names depend only on the query, so fetching
  a month again replaces its file.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ingestion.http import BodyTooLarge, DeadlineExceeded, HttpFailure, public
from ingestion.http import get as http_get
from ingestion.limits import JsonTooDeep, fetch_deadline_s, fetch_max_bytes, loads_limited

COMTRADE_BASE = "https://comtradeapi.un.org"
CENSUS_BASE = "https://api.census.gov"
RETRY_STATUS = {429, 500, 502, 503, 504}


class FetchError(RuntimeError):
    """A request that failed for good (after retries), or an error response."""


def _public(url: str) -> str:
    """The URL without its query string: safe to show (a key may be a parameter)."""
    return public(url)


# Credentials: never sent to another host than the one asked, never shown in any form.
CREDENTIAL_HEADERS = frozenset({"Ocp-Apim-Subscription-Key", "Authorization"})
CREDENTIAL_PARAMS = frozenset({"key", "subscription-key"})


def mask(text: str, credentials: Iterable[str]) -> str:
    """`text` with every credential replaced by ***, raw and in each URL-encoded form."""
    for credential in credentials:
        if not credential:
            continue
        forms = {
            credential,
            urllib.parse.quote(credential, safe=""),
            urllib.parse.quote(credential),
            urllib.parse.quote_plus(credential),
        }
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form, "***")
            text = text.replace(form.lower(), "***")  # percent-escapes in lower case
    return text


@dataclass
class Client:
    """A small HTTP GET client with retries, backoff and a minimum interval between calls.

    Every `get` has a total deadline (`deadline_s`, default LEDGER_FETCH_DEADLINE_S) over all
    its attempts and waits, and a body cap (`max_bytes`, default LEDGER_FETCH_MAX_BYTES);
    `timeout` bounds each socket operation.
    """

    min_interval: float = 1.0
    retries: int = 4
    backoff: float = 1.0
    timeout: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    deadline_s: float | None = None
    max_bytes: int | None = None
    _last: float = field(default=-1e9, repr=False)

    def get(
        self,
        url: str,
        params: Mapping[str, str],
        headers: Mapping[str, str],
        credentials: Iterable[str] = (),
    ) -> bytes:
        """GET `url?params`; returns the body of a 2xx response, else raises FetchError.

        `credentials` (keys sent in the headers or parameters) are masked in every message, before
        an error body is cut short, so no part of one is shown either.
        """
        credentials = list(credentials)
        deadline_s = fetch_deadline_s() if self.deadline_s is None else self.deadline_s
        max_bytes = fetch_max_bytes() if self.max_bytes is None else self.max_bytes
        deadline = time.monotonic() + deadline_s
        full = f"{url}?{urllib.parse.urlencode(params)}" if params else url
        for attempt in range(self.retries + 1):
            wait = self._last + self.min_interval - time.monotonic()
            if wait > 0:
                self._pause(wait, deadline, url, deadline_s)
            self._last = time.monotonic()
            delay = self.backoff * 2**attempt
            try:
                answer = http_get(
                    full,
                    {"Accept": "*/*", **headers},
                    deadline=deadline,
                    timeout=self.timeout,
                    max_bytes=max_bytes,
                    credential_headers=CREDENTIAL_HEADERS,
                    credential_params=CREDENTIAL_PARAMS,
                )
            except DeadlineExceeded:
                raise FetchError(
                    f"{_public(url)} did not answer completely within the deadline of "
                    f"{deadline_s:g} s (LEDGER_FETCH_DEADLINE_S)"
                ) from None
            except BodyTooLarge:
                raise FetchError(
                    f"{_public(url)} sent a body larger than the cap of {max_bytes} bytes "
                    "(LEDGER_FETCH_MAX_BYTES)"
                ) from None
            except HttpFailure as exc:
                if attempt == self.retries:
                    message = mask(str(exc), credentials)
                    raise FetchError(f"cannot reach {_public(url)}: {message}") from None
            else:
                if 200 <= answer.status < 300:
                    return answer.body
                if answer.status not in RETRY_STATUS or attempt == self.retries:
                    body = mask(answer.body.decode("utf-8", errors="replace"), credentials)[:200]
                    raise FetchError(f"HTTP {answer.status} from {_public(url)}: {body}")
                retry_after = answer.headers.get("Retry-After", "") or ""
                if retry_after.strip().isdigit():
                    delay = float(retry_after)
            self._pause(delay, deadline, url, deadline_s)
        raise AssertionError("unreachable")

    def _pause(self, seconds: float, deadline: float, url: str, deadline_s: float) -> None:
        """Sleep, unless the wait would end after the deadline (then fail at once)."""
        if time.monotonic() + seconds > deadline:
            raise FetchError(
                f"{_public(url)}: no complete answer within the deadline of {deadline_s:g} s "
                "(LEDGER_FETCH_DEADLINE_S) with retries"
            )
        self.sleep(seconds)


def _key(var: str) -> str:
    key = os.environ.get(var, "").strip()
    if not key:
        raise FetchError(f"{var} is not set (export it before fetching)")
    return key


def _get(
    client: Client, key: str, url: str, params: Mapping[str, str], headers: Mapping[str, str]
) -> bytes:
    """`client.get`, with the key masked in any error (raw or URL-encoded): an error body may
    echo the request."""
    try:
        return client.get(url, params, headers, credentials=[key])
    except FetchError as exc:
        raise FetchError(mask(str(exc), [key])) from None


def fetch_comtrade(
    dest: Path,
    reporter: str,
    partner: str,
    cmd: str,
    period: str,
    freq: str = "M",
    flow: str = "M,X",
    base_url: str = COMTRADE_BASE,
    client: Client | None = None,
) -> Path:
    """Fetch one Comtrade v1 final-data query (JSON envelope) into `dest`; returns the file.

    `reporter`/`partner` are Comtrade area codes (156 China, 842 USA), `cmd` an HS code,
    `period` YYYY or YYYYMM (comma-separated lists allowed, as the API takes them).
    """
    key = _key("COMTRADE_API_KEY")
    url = f"{base_url.rstrip('/')}/data/v1/get/C/{freq}/HS"
    params = {
        "reporterCode": reporter,
        "partnerCode": partner,
        "cmdCode": cmd,
        "flowCode": flow,
        "period": period,
        "includeDesc": "false",
    }
    body = _get(client or Client(), key, url, params, {"Ocp-Apim-Subscription-Key": key})
    try:
        envelope = loads_limited(body)
    except JsonTooDeep as exc:
        raise FetchError(f"Comtrade answered with {exc}") from None
    except json.JSONDecodeError as exc:
        raise FetchError(f"Comtrade answered with something that is not JSON: {exc}") from None
    if not isinstance(envelope, dict) or envelope.get("error"):
        error = envelope.get("error") if isinstance(envelope, dict) else "not an envelope"
        raise FetchError(f"Comtrade API error: {error}")
    # The flow is part of the name: a query for other flows must not replace this one's file.
    name = f"comtrade_{freq}_{reporter}_{partner}_{cmd}_{flow}_{period}.json"
    return _save(dest, name, body)


def fetch_census(
    dest: Path,
    commodity: str,
    country: str,
    time_range: str,
    flow: str = "imports",
    base_url: str = CENSUS_BASE,
    client: Client | None = None,
) -> Path:
    """Fetch Census monthly trade of one HS code with one country (`time_range` e.g.
    "from 2024-01"); saves the JSON array of arrays into `dest` and returns the file."""
    key = _key("CENSUS_API_KEY")
    if flow not in {"imports", "exports"}:
        raise ValueError(f"flow must be imports or exports, not {flow}")
    prefix = "I" if flow == "imports" else "E"
    fields = (
        "CTY_CODE,CTY_NAME,GEN_VAL_MO,GEN_QY1_MO,UNIT_QY1"
        if flow == "imports"
        else "CTY_CODE,CTY_NAME,ALL_VAL_MO,QTY_1_MO,UNIT_QY1"
    )
    url = f"{base_url.rstrip('/')}/data/timeseries/intltrade/{flow}/hs"
    params = {
        "get": fields,
        f"{prefix}_COMMODITY": commodity,
        "CTY_CODE": country,
        "time": time_range,
        "key": key,
    }
    body = _get(client or Client(min_interval=0.2), key, url, params, {})
    try:
        rows = loads_limited(body) if body.strip() else []
    except JsonTooDeep as exc:
        raise FetchError(f"Census answered with {exc}") from None
    except json.JSONDecodeError:
        # An invalid key gets an HTML page with status 200.
        raise FetchError(
            f"Census answered with something that is not JSON: {body[:80]!r}"
        ) from None
    if not isinstance(rows, list):
        raise FetchError("Census answered with JSON that is not an array of rows")
    if not rows:
        # No rows for the query (Census may answer with an empty body): an empty array loads
        # as zero records, whereas an empty file would be rejected as a broken file.
        body = b"[]\n"
    stamp = time_range.replace("from ", "from").replace(" ", "_")
    return _save(dest, f"census_{flow}_{commodity}_{country}_{stamp}.json", body)


def _save(dest: Path, name: str, body: bytes) -> Path:
    """Write atomically: a half-written file must not be read by a run."""
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / name.replace("/", "_").replace(",", "-")
    tmp = dest / f".{path.name}.part"  # hidden: runs skip hidden files
    tmp.write_bytes(body)
    tmp.replace(path)
    return path


_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


def month_range(spec: str) -> list[str]:
    """The months of `YYYY-MM` or `YYYY-MM:YYYY-MM` (both ends included) as YYYY-MM strings."""
    index: list[int] = []  # months since year 0, so a range is a range of integers
    for end in spec.strip().split(":"):
        match = _MONTH.fullmatch(end.strip())
        if match is None:
            raise ValueError(f"period must be YYYY-MM or YYYY-MM:YYYY-MM, not {spec!r}")
        index.append(int(match[1]) * 12 + int(match[2]) - 1)
    if len(index) > 2:
        raise ValueError(f"period must be YYYY-MM or YYYY-MM:YYYY-MM, not {spec!r}")
    first, last = index[0], index[-1]
    if last < first:
        raise ValueError(f"period {spec!r} ends before it starts")
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(first, last + 1)]


def fetch_comtrade_months(
    landing: Path,
    months: Iterable[str],
    reporter: str,
    partner: str,
    cmd: str,
    flow: str = "M,X",
    base_url: str = COMTRADE_BASE,
    client: Client | None = None,
) -> Iterator[tuple[str, Path]]:
    """Fetch Comtrade monthly data one month per request into `landing/<YYYY-MM>/`; yields
    (month, file) as each is saved. One client for all months, so the rate limit holds."""
    client = client or Client()
    for month in months:
        path = fetch_comtrade(
            landing / month,
            reporter,
            partner,
            cmd,
            month.replace("-", ""),
            flow=flow,
            base_url=base_url,
            client=client,
        )
        yield month, path


def fetch_census_months(
    landing: Path,
    months: Iterable[str],
    commodity: str,
    country: str,
    flow: str = "imports",
    base_url: str = CENSUS_BASE,
    client: Client | None = None,
) -> Iterator[tuple[str, Path]]:
    """Fetch Census monthly trade one month per request (`time=YYYY-MM`) into
    `landing/<YYYY-MM>/`; yields (month, file) as each is saved."""
    client = client or Client(min_interval=0.2)
    for month in months:
        path = fetch_census(
            landing / month, commodity, country, month, flow=flow, base_url=base_url, client=client
        )
        yield month, path
