"""Secrets stay out of the repository, the run output, the published file and dbt's logs.

dbt's profile may read credentials only through env_var(); no tracked file may hold a key,
token or password assignment; and a run with a (fake) Comtrade API key in its environment must
not echo it anywhere a reader or a log collector would see it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import FAKE_SECRET, REPO_ROOT, PublishedHome

PROFILES = REPO_ROOT / "dbt_project" / "profiles.yml"

# `name = "value"` / `name: value` where the name says key/token/password/secret and the value
# is a literal long enough to be a credential (not an env lookup or a placeholder).
ASSIGNMENT = re.compile(
    r"""(?ix)
    \b[\w.-]*(api[_-]?key|secret|token|passw(or)?d|pwd|access[_-]?key)[\w.-]*
    ["']?\s*[:=]\s*
    ["']?(?P<value>[A-Za-z0-9_\-+/=.]{8,})["']?
    """
)
# Shapes of real credentials, wherever they appear.
KEY_SHAPES = re.compile(
    r"(sk-[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|xox[baprs]-[A-Za-z0-9-]{10,}"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----)"
)
# Values that name where a secret comes from rather than being one, and lines marked as a
# known fake the way detect-secrets marks them.
ALLOWED = re.compile(
    r"(?i)env_var|environ|getenv|secret_ref|placeholder|example|changeme"
    r"|pragma: allowlist secret"
)


def _tracked_text_files() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    files = []
    for name in filter(None, names):
        path = REPO_ROOT / name.decode()
        if path.is_file() and path.stat().st_size < 5_000_000:
            files.append(path)
    return files


def test_profiles_read_settings_from_the_environment_only() -> None:
    text = PROFILES.read_text()
    templated = re.findall(r"\{\{(.*?)\}\}", text)
    assert templated, "profiles.yml should take its path from env_var()"
    for expression in templated:
        assert re.fullmatch(r"\s*env_var\([^)]*\)\s*", expression), expression
    for key in ("password", "token", "api_key", "secret"):
        assert not re.search(rf"(?im)^\s*{key}\s*:", text), key


def test_no_tracked_file_holds_a_credential() -> None:
    findings = []
    for path in _tracked_text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary
        for number, line in enumerate(text.splitlines(), 1):
            hit = ASSIGNMENT.search(line)
            if hit and not ALLOWED.search(line):
                findings.append(f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()[:80]}")
            if KEY_SHAPES.search(line) and not ALLOWED.search(line):
                findings.append(f"{path.relative_to(REPO_ROOT)}:{number}: key-shaped string")
    assert findings == []


def test_the_scan_would_catch_a_key(tmp_path: Path) -> None:
    """The patterns above are not vacuous."""
    assert ASSIGNMENT.search('COMTRADE_API_KEY = "a1b2c3d4e5f6"')  # pragma: allowlist secret
    assert ASSIGNMENT.search("password: hunter2hunter2")  # pragma: allowlist secret
    assert not ASSIGNMENT.search("key = row_number()")
    assert KEY_SHAPES.search("sk-" + "a" * 24)


@pytest.mark.e2e
def test_run_does_not_leak_the_api_key(published_home: PublishedHome) -> None:
    first = published_home.first
    assert FAKE_SECRET not in first.stdout
    assert FAKE_SECRET not in first.stderr
    needle = FAKE_SECRET.encode()
    published_dir = published_home.published.parent
    leaks = [
        str(path)
        for folder in (published_dir, published_home.home / "dbt", published_home.home / "docs")
        if folder.exists()
        for path in folder.rglob("*")
        if path.is_file() and needle in path.read_bytes()
    ]
    assert leaks == []
    # dbt does log its invocation: make sure that log exists, so the check above read it.
    assert list((published_home.home / "dbt").rglob("dbt.log"))
