"""The quality docs of the sample run in headless Chromium with no network reachable."""

from pathlib import Path

import pytest

from .test_report_browser import _chromium, chromium  # noqa: F401 - the fixture is used

pytestmark = pytest.mark.slow  # a real browser: make test-all

# Any request to another host fails at once: the proxy address has nothing listening.
OFFLINE = ["--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


def test_validation_page_and_index_render_offline(
    chromium: str,  # noqa: F811
    sample_home: Path,
    tmp_path: Path,
) -> None:
    quality = sample_home / "docs" / "quality"
    [page] = (quality / "validations" / "ledger_entries").rglob("*.html")
    done = _chromium(
        chromium, tmp_path / "profile", *OFFLINE, "--virtual-time-budget=3000", "--dump-dom",
        page.as_uri(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "Table:</strong> ledger.entries" in dom
    assert "Run:</strong> " in dom and "not named" not in dom
    assert "Result:</strong> Succeeded" in dom
    index = _chromium(
        chromium, tmp_path / "profile2", *OFFLINE, "--dump-dom", (quality / "index.html").as_uri()
    )
    assert index.returncode == 0, index.stderr[-2000:]
    assert index.stdout.count("<td>ledger.") >= 6
