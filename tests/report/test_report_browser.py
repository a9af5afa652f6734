"""The report in a real headless Chromium: charts draw as SVG, no script error, a screenshot.

Chromium is Debian's package, installed by `make setup-browser` (never by the tests); without it
the module is skipped with that reason. Lane: slow (make test-all), on the session's sample run.
"""

import re
import shutil
import subprocess
from pathlib import Path

import markupsafe
import pytest

from report.render import render_report

from .conftest import OUTPUT_DIR, query

pytestmark = pytest.mark.slow

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _find_chromium() -> str | None:
    """Path of an installed Chromium binary, or None. Tests never install software:
    `make setup-browser` installs Debian's chromium package (as root)."""
    for name in ("chromium", "chromium-browser"):
        if found := shutil.which(name):
            return found
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = _find_chromium()
    if binary is None:
        pytest.skip("Chromium is not installed: run `make setup-browser` (Debian's package)")
    return binary


@pytest.fixture(scope="module")
def report(published: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_report(published, tmp_path_factory.mktemp("browser") / "report.html")


def _chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="module")
def dom(chromium: str, report: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The page's DOM after its scripts ran (virtual time lets plotly finish drawing)."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    done = _chromium(chromium, profile, "--virtual-time-budget=5000", "--dump-dom", report.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _chart(dom: str, chart_id: str) -> str:
    """The markup of one chart's div, up to the next chart."""
    start = dom.index(f'<div id="{chart_id}"')
    following = dom.find('<div id="chart-', start + 1)
    return dom[start : following if following > 0 else len(dom)]


def test_no_script_error(dom: str) -> None:
    # The page's error listener writes every uncaught error into this element.
    box = re.search(r'<pre id="script-errors"[^>]*>(.*?)</pre>', dom, re.S)
    assert box is not None
    assert box.group(1).strip() == "", box.group(1)


def test_every_chart_is_drawn_as_svg(dom: str) -> None:
    ids = re.findall(r'<div id="(chart-[\w-]+)" class="plotly-graph-div', dom)
    assert {"chart-timeline", "chart-tariffs"} <= set(ids)
    for chart_id in ids:
        markup = _chart(dom, chart_id)
        assert '<svg class="main-svg"' in markup, chart_id
        # Drawn data: marker points or line paths with a non-empty path.
        assert re.search(r'class="(point|js-line)"[^>]*\bd="M', markup) or re.search(
            r'\bd="M[^"]+"[^>]*class="(point|js-line)"', markup
        ), chart_id


def test_the_june_2025_deal_and_its_evidence_are_on_the_page(published: Path, dom: str) -> None:
    rows = query(
        published,
        """
        select c.summary, r.summary, ev.url
        from ledger.links as links
        join ledger.entries as c on c.entry_id = links.commitment_entry_id
        join ledger.entries as r on r.entry_id = links.reciprocal_entry_id
        join ledger.evidence as ev on ev.entry_id = c.entry_id
        where c.actor = 'CHN' and c.kind = 'license_approval' and r.actor = 'USA'
        """,
    )
    assert rows, "the sample's ledger has no China licence commitment linked to a US measure"
    for commitment, reciprocal, url in rows:
        assert commitment in dom and reciprocal in dom
        assert f'href="{markupsafe.escape(url)}"' in dom


def test_screenshot(chromium: str, report: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Saved for a person to look at: var/test-output/report/report.png by default."""
    OUTPUT_DIR.joinpath("report").mkdir(parents=True, exist_ok=True)
    shot = OUTPUT_DIR / "report" / "report.png"
    shot.unlink(missing_ok=True)
    done = _chromium(
        chromium,
        tmp_path_factory.mktemp("chromium-shot"),
        "--virtual-time-budget=5000",
        "--window-size=1400,3000",
        f"--screenshot={shot}",
        report.as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.stat().st_size > 50_000
