"""Which files a run reads: samples by default, given paths instead, feed URLs fetched first."""

import http.server
import threading
from pathlib import Path

import pytest

from orchestration.paths import SAMPLES_DIR
from orchestration.resources import LedgerSettings

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Tariff news</title><link>https://example.org/a</link>
<description>Washington raised tariffs on Chinese goods to 20% on March 4, 2025.</description>
</item></channel></rss>"""


def test_bundled_sample_is_the_default_and_given_paths_replace_it(tmp_path: Path) -> None:
    default = LedgerSettings(home=str(tmp_path)).inputs("news")
    assert default and all(path.is_relative_to(SAMPLES_DIR / "news") for path, _ in default)
    assert all(path.name != "README.md" for path, _ in default)
    mine = tmp_path / "mine.txt"
    mine.write_text("Title\n\nBody.\n")
    given = LedgerSettings(home=str(tmp_path), news=[str(mine)]).inputs("news")
    assert given == [(mine, tmp_path)]
    # The bundled trade sample is still read: only the kind given is replaced.
    assert LedgerSettings(home=str(tmp_path), news=[str(mine)]).inputs("trade")


def test_landing_files_are_read_too(tmp_path: Path) -> None:
    landing = tmp_path / "landing" / "news"
    landing.mkdir(parents=True)
    (landing / "dropped.jsonl").write_text("{}\n")
    names = [p.name for p, _ in LedgerSettings(home=str(tmp_path)).inputs("news")]
    assert "dropped.jsonl" in names


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="news input not found"):
        LedgerSettings(home=str(tmp_path), news=[str(tmp_path / "nope.jsonl")]).inputs("news")


def test_feed_urls_are_fetched_into_the_home(tmp_path: Path) -> None:
    class Feed(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", '"v1"')
            self.end_headers()
            self.wfile.write(FEED)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/feed.xml"
        [(path, _)] = LedgerSettings(home=str(tmp_path), news=[url]).inputs("news")
    finally:
        server.shutdown()
    assert path.is_relative_to(tmp_path / "feeds")
    assert path.read_bytes() == FEED
