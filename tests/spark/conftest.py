"""The Spark lane (`pytest -m spark`, part of `make test-all`): its wall times, printed at the end
of the session so that CI's log shows what the lane costs."""

from __future__ import annotations

import pytest

# label -> seconds, filled by the tests of this package
TIMES: dict[str, float] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TIMES:
        terminalreporter.section("spark lane")
        for label, seconds in TIMES.items():
            terminalreporter.write_line(f"{label}: {seconds:.0f} s")
