"""One real `tradeledger run` with hostile inputs of several classes at once (about a minute).

Links to a private file (in a news folder and in `<home>/landing/news/`), a JSON line nested
100,000 levels deep, the same file given twice, the same article in two files, a feed given as
a URL (served on 127.0.0.1), and a published file that is not DuckDB. The run must exit 0,
publish a complete ledger beside the rejects, and leave no byte of the private file anywhere
in the home or in what it printed.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ingestion.inputs import REFUSED_LINK_OUT
from tests.faults.conftest import PRIVATE_LINE
from tests.helpers import query

pytestmark = [pytest.mark.faults, pytest.mark.e2e]

REPO_ROOT = Path(__file__).resolve().parents[2]
SAMPLES = REPO_ROOT / "samples" / "news"
TRADELEDGER = Path(sys.executable).with_name("tradeledger")
RUN_TIMEOUT_S = 1500  # about a minute alone; far longer on a loaded machine
NOT_DUCKDB = b"this was a ledger once\n" * 100


def _serve(body: bytes) -> http.server.ThreadingHTTPServer:
    class Feed(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _lines(path: Path) -> int:
    return sum(1 for line in path.read_text().splitlines() if line.strip())


def test_hostile_inputs_in_one_real_run(tmp_path: Path) -> None:
    private = tmp_path / "private" / "secret.txt"
    private.parent.mkdir()
    private.write_text(PRIVATE_LINE + "\n")

    news = tmp_path / "news"
    shutil.copytree(SAMPLES, news, ignore=shutil.ignore_patterns("feed.xml"))
    (news / "leak.txt").symlink_to(private)
    wire = news / "wire_2025.jsonl"
    first_line = wire.read_text().splitlines()[0]
    (news / "wire_copy.jsonl").write_text(first_line + "\n")  # the same article, another file
    good = {
        "url": "https://example.org/deep-neighbour",
        "title": "Neighbour of a deep line",
        "published": "2025-04-10",
        "text": "Beijing said on April 10, 2025 it would raise tariffs on US goods to 84%.",
    }
    deep = news / "deep.jsonl"
    deep.write_text(json.dumps(good) + "\n" + '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")

    home = tmp_path / "home"
    (home / "landing" / "news").mkdir(parents=True)
    (home / "landing" / "news" / "leak2.jsonl").symlink_to(private)
    (home / "published").mkdir()
    (home / "published" / "tradeledger.duckdb").write_bytes(NOT_DUCKDB)

    server = _serve((SAMPLES / "feed.xml").read_bytes())
    feed_url = f"http://127.0.0.1:{server.server_port}/feed.xml"
    try:
        proc = subprocess.Popen(
            [
                str(TRADELEDGER),
                "run",
                "--news",
                str(news),
                "--news",
                str(wire),
                "--news",
                feed_url,
                "--home",
                str(home),
            ],
            cwd=REPO_ROOT,
            env={**os.environ, "LEDGER_HOME": str(home)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            out, err = proc.communicate(timeout=RUN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
    finally:
        server.shutdown()
        server.server_close()

    assert proc.returncode == 0, out + err
    published = home / "published" / "tradeledger.duckdb"
    # Class 6: the damaged file is kept aside, a good one is published, the run said so.
    [aside] = (home / "published").glob("tradeledger.duckdb.unreadable-*")
    assert aside.read_bytes() == NOT_DUCKDB
    assert "WARNING: the published file could not be read (IOException" in out
    assert f"published:        {published}" in out
    assert query(published, "select count(*) from ledger.entries")[0][0] > 0
    assert query(published, "select count(*) from ledger.runs") == [(1,)]

    rejects = query(
        published,
        "select source_file, position, reason, snippet from ledger.rejects "
        "where source_kind = 'news' order by all",
    )
    by_file: dict[str, list[tuple]] = {}
    for row in rejects:
        by_file.setdefault(row[0], []).append(row[1:])
    # Class 1: both links refused, nothing of their target shown.
    assert by_file["leak.txt"] == [("file", REFUSED_LINK_OUT, "")]
    assert by_file["leak2.jsonl"] == [("file", REFUSED_LINK_OUT, "")]
    # Class 2: the deep line is its own reject; its neighbour loads.
    [(position, reason, _)] = by_file["deep.jsonl"]
    assert position == "line 2" and reason.startswith("JSON nested 100001 levels deep")
    # Class 3: the later copy is rejected in its own file; wire_2025.jsonl given twice lists
    # each of its rejects once.
    [(position, reason, _)] = by_file["wire_copy.jsonl"]
    assert position == "line 1" and reason.startswith("same article as wire_2025.jsonl line 1")
    assert len(rejects) == len(set(rejects))

    warehouse = home / "warehouse" / "warehouse.duckdb"
    articles = dict(
        query(warehouse, "select _source_file, count(*) from raw.news__articles group by 1")
    )
    assert articles["deep.jsonl"] == 1
    assert "wire_copy.jsonl" not in articles
    # Rows in = loaded + rejected for every JSONL file of the run.
    for name in ("deep.jsonl", "wire_copy.jsonl", "wire_2025.jsonl"):
        assert _lines(news / name) == articles.get(name, 0) + len(by_file.get(name, [])), name
    # Class 7: the feed given as a URL was fetched into <home>/feeds/ and its items loaded.
    feed_files = [p.name for p in (home / "feeds").iterdir() if p.suffix == ".xml"]
    assert len(feed_files) == 1
    assert articles[feed_files[0]] > 0

    # No byte of the private file anywhere in the home, or in what the run printed.
    private_bytes = PRIVATE_LINE.encode()
    for path in home.rglob("*"):
        if path.is_file() and not path.is_symlink():
            assert private_bytes not in path.read_bytes(), path
    assert PRIVATE_LINE not in out + err
