"""Class 10: the DuckDB file and its Parquet copies are published as one version; a kill at any
step of a publication never shows readers a file of one run beside copies of another.

Each publication writes a complete folder `published/versions/<version>/` (the DuckDB file and
`parquet/`), then renames one new link over `published/current`; `published/tradeledger.duckdb`
and `published/parquet` are links through `current`. The publishing process is killed (SIGKILL)
before each of its file-system steps in turn, from the layout of this version and from the two
layouts before it (a plain file and a plain folder; a plain file and a link `parquet` into
`parquet-versions/`). After each kill a reader finds the file and every Parquet copy, all from
one run (the old one or the new one); the next publication cleans up, migrates what was left,
and succeeds.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from publication.publish import KEEP_VERSIONS, RunRecord, publish
from tests.helpers import query

pytestmark = pytest.mark.faults

REPO_ROOT = Path(__file__).resolve().parents[2]
TABLES = ["entries", "links"]
NAME = "tradeledger.duckdb"

# Run in a child process: publish run-2 and SIGKILL itself just before its `kill_at`-th
# file-system step (rename, exchange, link, symlink, unlink, mkdir, rmdir, rmtree). It exits 0 when
# the publication has fewer steps than that.
CHILD = r"""
import datetime as dt, os, shutil, signal, sys
from pathlib import Path
import publication.publish as pub

kill_at, published, warehouse = int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
steps = 0

def step(real):
    def wrapped(*args, **kwargs):
        global steps
        steps += 1
        if steps == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return wrapped

for name in ("replace", "rename", "link", "symlink", "unlink", "mkdir", "rmdir"):
    setattr(os, name, step(getattr(os, name)))
shutil.rmtree = step(shutil.rmtree)
pub._exchange = step(pub._exchange)
run = pub.RunRecord("run-2", dt.datetime(2026, 12, 2, tzinfo=dt.UTC), [], 1, 0)
pub.publish(warehouse, published / "tradeledger.duckdb", ["entries", "links"], run,
            published / "parquet")
"""


def _warehouse(path: Path, n: int) -> Path:
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute("create schema ledger")
        con.execute("create table ledger.entries (entry_id varchar primary key)")
        con.execute("create table ledger.links (link_id varchar primary key)")
        con.execute(f"insert into ledger.entries select 'e' || range from range({n})")
        con.execute(f"insert into ledger.links select 'l' || range from range({n * 2})")
    finally:
        con.close()
    return path


def _run(n: int) -> RunRecord:
    return RunRecord(f"run-{n}", dt.datetime(2026, 12, n, tzinfo=dt.UTC), [], 1, 0)


def reader_view(published: Path) -> tuple[str, dict[str, int]]:
    """What a reader gets through the stable names: the newest run of the DuckDB file, checked
    to be the newest run of `parquet/runs.parquet`, with every table's rows counted in the file
    and in its copy equal to the counts that run recorded. One version, or an assertion."""
    db, parquet = published / NAME, published / "parquet"
    assert db.exists(), "no published file"
    assert sorted(p.name for p in parquet.iterdir()) == sorted(
        f"{t}.parquet" for t in [*TABLES, "runs"]
    )
    con = duckdb.connect(str(db), read_only=True)
    try:
        run_id, recorded = con.execute(
            "select run_id, row_counts from ledger.runs order by finished_at desc limit 1"
        ).fetchone()  # type: ignore[misc]
        in_file = {
            t: con.execute(f"select count(*) from ledger.{t}").fetchone()[0]  # type: ignore[index]
            for t in TABLES
        }
        runs_in_file = con.execute("select run_id from ledger.runs order by all").fetchall()
    finally:
        con.close()
    con = duckdb.connect()
    try:
        copy_run = con.execute(
            f"select run_id from '{parquet / 'runs.parquet'}' order by finished_at desc limit 1"
        ).fetchone()[0]  # type: ignore[index]
        in_copies = {
            t: con.execute(f"select count(*) from '{parquet / f'{t}.parquet'}'").fetchone()[0]  # type: ignore[index]
            for t in TABLES
        }
        runs_in_copy = con.execute(
            f"select run_id from '{parquet / 'runs.parquet'}' order by all"
        ).fetchall()
    finally:
        con.close()
    assert copy_run == run_id, f"file from {run_id}, Parquet copies from {copy_run}"
    assert runs_in_copy == runs_in_file
    assert in_file == in_copies == json.loads(recorded), (run_id, in_file, in_copies, recorded)
    return run_id, in_file


def _old_layout(published: Path, layout: str, scratch: Path) -> None:
    """A published folder as the layouts before versions left it, holding run-1."""
    built = scratch / "built"
    scratch.mkdir(parents=True)
    publish(_warehouse(scratch / "w.duckdb", 3), built / NAME, TABLES, _run(1), built / "parquet")
    published.mkdir(parents=True)
    shutil.copy2(built / NAME, published / NAME)  # a plain file
    if layout == "plain":
        shutil.copytree(built / "parquet", published / "parquet")  # a plain folder
    else:  # a link into parquet-versions/, the layout of the previous release
        shutil.copytree(built / "parquet", published / "parquet-versions" / "20261201-run-1")
        (published / "parquet").symlink_to("parquet-versions/20261201-run-1")


@pytest.fixture(scope="module", params=["versions", "plain", "parquet_link"])
def base(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home holding run-1 in one of the three layouts (read-only for the tests)."""
    home = tmp_path_factory.mktemp(f"base_{request.param}")
    published = home / "published"
    if request.param == "versions":
        publish(
            _warehouse(home / "w1.duckdb", 3),
            published / NAME,
            TABLES,
            _run(1),
            published / "parquet",
        )
    else:
        _old_layout(published, request.param, home / "scratch")
    assert reader_view(published) == ("run-1", {"entries": 3, "links": 6})
    return home


def _kill_at(base: Path, tmp_path: Path, kill_at: int) -> tuple[Path, int]:
    """A copy of `base` in which a publication of run-2 was killed before step `kill_at`."""
    home = tmp_path / f"home{kill_at}"
    shutil.copytree(base, home, symlinks=True)
    published = home / "published"
    warehouse = _warehouse(home / "w2.duckdb", 5)
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(kill_at), str(published), str(warehouse)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode in (0, -signal.SIGKILL), proc.stderr
    return published, proc.returncode


@pytest.mark.slow  # a publish subprocess killed at every step (about a minute): test-all
def test_a_kill_at_any_step_leaves_readers_one_version(base: Path, tmp_path: Path) -> None:
    seen: list[str] = []
    kill_at = 0
    while True:
        kill_at += 1
        published, code = _kill_at(base, tmp_path, kill_at)
        # Every name readers use is there, and the file and its copies are of one run.
        run_id, counts = reader_view(published)
        expected = {"run-1": {"entries": 3, "links": 6}, "run-2": {"entries": 5, "links": 10}}
        assert counts == expected[run_id], (kill_at, run_id, counts)
        seen.append(run_id)
        # The next publication recovers: one version again, nothing hidden left, old ones gone.
        publish(
            _warehouse(published.parent / "w3.duckdb", 7),
            published / NAME,
            TABLES,
            _run(3),
            published / "parquet",
        )
        assert reader_view(published) == ("run-3", {"entries": 7, "links": 14})
        runs = [r[0] for r in query(published / NAME, "select run_id from ledger.runs")]
        assert runs[0] == "run-1" and runs[-1] == "run-3", runs
        hidden = [p.name for p in published.rglob(".*")]
        assert hidden == [], (kill_at, hidden)
        assert (published / NAME).is_symlink() and (published / "parquet").is_symlink()
        assert not (published / "parquet-versions").exists()
        assert len(list((published / "versions").iterdir())) <= KEEP_VERSIONS
        if code == 0:  # the publication had fewer steps than kill_at: every step was tried
            break
        shutil.rmtree(published.parent)
    # Killed before its switch the run left run-1, after it run-2: both were seen.
    assert seen[0] == "run-1" and seen[-1] == "run-2"
    assert kill_at > 3


def test_two_publications_lay_out_versions_and_links(tmp_path: Path) -> None:
    published = tmp_path / "published"
    for n in (1, 2):
        publish(
            _warehouse(tmp_path / "w.duckdb", n),
            published / NAME,
            TABLES,
            _run(n),
            published / "parquet",
        )
    versions = sorted(p.name for p in (published / "versions").iterdir())
    assert [v.split("-", 1)[1] for v in versions] == ["run-1", "run-2"]
    assert os.readlink(published / "current") == f"versions/{versions[-1]}"
    assert os.readlink(published / NAME) == f"current/{NAME}"
    assert os.readlink(published / "parquet") == "current/parquet"
    assert sorted(p.name for p in (published / "versions" / versions[-1]).iterdir()) == [
        "parquet",
        NAME,
    ]
    assert reader_view(published) == ("run-2", {"entries": 2, "links": 4})


def test_old_versions_are_deleted_but_a_reader_keeps_the_one_it_opened(tmp_path: Path) -> None:
    published = tmp_path / "published"
    publish(
        _warehouse(tmp_path / "w.duckdb", 1),
        published / NAME,
        TABLES,
        _run(1),
        published / "parquet",
    )
    reader = duckdb.connect(str(published / NAME), read_only=True)
    try:
        for n in range(2, 2 + KEEP_VERSIONS + 1):
            publish(
                _warehouse(tmp_path / "w.duckdb", n),
                published / NAME,
                TABLES,
                _run(n),
                published / "parquet",
            )
        versions = sorted(p.name for p in (published / "versions").iterdir())
        assert len(versions) == KEEP_VERSIONS
        assert not any(v.endswith("-run-1") for v in versions)  # its folder is gone ...
        # ... and the reader that opened it still reads it.
        assert reader.execute("select count(*) from ledger.entries").fetchone() == (1,)
    finally:
        reader.close()
    assert reader_view(published)[0] == f"run-{1 + KEEP_VERSIONS + 1}"


@pytest.mark.parametrize("layout", ["plain", "parquet_link"])
def test_an_old_layout_is_migrated_and_keeps_its_history(tmp_path: Path, layout: str) -> None:
    published = tmp_path / "published"
    _old_layout(published, layout, tmp_path / "scratch")
    old_bytes = (published / NAME).read_bytes()
    reader = duckdb.connect(str(published / NAME), read_only=True)  # opened before the switch
    try:
        publish(
            _warehouse(tmp_path / "w.duckdb", 4),
            published / NAME,
            TABLES,
            _run(2),
            published / "parquet",
        )
        assert reader.execute("select count(*) from ledger.entries").fetchone() == (3,)
    finally:
        reader.close()
    assert (published / NAME).is_symlink() and (published / "parquet").is_symlink()
    assert not (published / "parquet-versions").exists()
    assert reader_view(published) == ("run-2", {"entries": 4, "links": 8})
    assert query(published / NAME, "select run_id from ledger.runs order by all") == [
        ("run-1",),
        ("run-2",),
    ]
    # The old file and copies are kept as the version before (for a reader, for a rollback).
    versions = sorted((published / "versions").iterdir())
    assert [v.name.endswith("-legacy") for v in versions] == [True, False]
    assert (versions[0] / NAME).read_bytes() == old_bytes
    assert sorted(p.name for p in (versions[0] / "parquet").iterdir()) == [
        "entries.parquet",
        "links.parquet",
        "runs.parquet",
    ]
