"""deploy/dagster.yaml against a real PostgreSQL (lane e2e).

A PostgreSQL server from the system's packages (initdb, pg_ctl, postgres) is started on
127.0.0.1 on a free port for this module and stopped afterwards, also when a test fails. The
home's instance settings are deploy/dagster.yaml itself (Postgres storage, queued runs, the
Kubernetes run launcher), with DAGSTER_PG_* pointing at that server; the job runs on the bundled
sample exactly as `tradeledger run` runs it (orchestration.cli.run). The run, its
materializations and its check results must then be in Postgres.

The run launcher is not used by an in-process run (Dagster loads it lazily), so no cluster is
needed; its configuration is validated in test_deploy_config.py.

Without the server binaries the tests skip on a developer's machine and fail in CI (CI=true);
`make setup-postgres` installs them (Debian package postgresql).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import IN_CI, REPO_ROOT

pytestmark = pytest.mark.e2e

DEPLOY_INSTANCE = REPO_ROOT / "deploy" / "dagster.yaml"
PG_USER = "tradeledger"
PG_PASSWORD = "ledger-test-password"  # pragma: allowlist secret
PG_DB = "dagster"
SERVER_BINARIES = ("initdb", "pg_ctl", "postgres")


def _server_bindir() -> Path | None:
    """The folder of initdb, pg_ctl and postgres: PATH first, then Debian's versioned folders."""
    found = [shutil.which(name) for name in SERVER_BINARIES]
    if all(found):
        return Path(os.path.realpath(found[0])).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if all((Path(folder) / name).is_file() for name in SERVER_BINARIES):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_user() -> pwd.struct_passwd | None:
    """PostgreSQL refuses to run as root: as root, run it as `postgres` (else `nobody`)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    pytest.fail("running as root and neither user postgres nor nobody exists", pytrace=False)


@pytest.fixture(scope="module")
def postgres() -> Iterator[dict[str, str]]:
    """A PostgreSQL server on 127.0.0.1 with an empty database; the DAGSTER_PG_* values."""
    bindir = _server_bindir()
    if bindir is None:
        message = (
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found on PATH or in "
            "/usr/lib/postgresql/*/bin; `make setup-postgres` installs them"
        )
        if IN_CI:
            pytest.fail(f"{message}; CI must provide them", pytrace=False)
        pytest.skip(message)

    user = _server_user()
    base = Path(tempfile.mkdtemp(prefix="tradeledger-pg-"))
    data = base / "data"
    port = _free_port()
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    if user is not None:
        os.chown(base, user.pw_uid, user.pw_gid)
        env["HOME"] = str(base)

    def server(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(bindir / args[0]), *args[1:]],
            cwd=base,
            env=env,
            user=user.pw_uid if user else None,
            group=user.pw_gid if user else None,
            extra_groups=[] if user else None,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    started = False
    try:
        pwfile = base / "pwfile"
        pwfile.write_text(PG_PASSWORD + "\n", encoding="utf-8")
        if user is not None:
            os.chown(pwfile, user.pw_uid, user.pw_gid)
        init = server(
            "initdb", "-D", str(data), "-U", PG_USER, f"--pwfile={pwfile}",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
        )  # fmt: skip
        assert init.returncode == 0, f"initdb failed:\n{init.stdout}\n{init.stderr}"
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
        start = server(
            "pg_ctl", "-D", str(data), "-l", str(base / "server.log"), "-o", options,
            "start", "-w", "-t", "60",
        )  # fmt: skip
        started = True  # pg_ctl may fail after the server started: stop it in any case
        log = base / "server.log"
        assert start.returncode == 0, (
            f"pg_ctl start failed:\n{start.stdout}\n{start.stderr}\n"
            f"{log.read_text(errors='replace') if log.exists() else ''}"
        )

        import psycopg2

        # Over TCP with the password, as Dagster connects.
        con = psycopg2.connect(
            host="127.0.0.1",
            port=port,
            user=PG_USER,
            password=PG_PASSWORD,  # pragma: allowlist secret
            dbname="postgres",
        )
        try:
            con.autocommit = True
            with con.cursor() as cur:
                cur.execute(f'create database "{PG_DB}"')
        finally:
            con.close()
        yield {
            "DAGSTER_PG_HOST": "127.0.0.1",
            "DAGSTER_PG_PORT": str(port),
            "DAGSTER_PG_USER": PG_USER,
            "DAGSTER_PG_PASSWORD": PG_PASSWORD,  # pragma: allowlist secret
            "DAGSTER_PG_DB": PG_DB,
        }
    finally:
        if started:
            server("pg_ctl", "-D", str(data), "stop", "-m", "fast", "-w", "-t", "60")
        shutil.rmtree(base, ignore_errors=True)


def _query(pg: dict[str, str], sql: str) -> list[tuple]:
    import psycopg2

    con = psycopg2.connect(
        host=pg["DAGSTER_PG_HOST"],
        port=int(pg["DAGSTER_PG_PORT"]),
        user=pg["DAGSTER_PG_USER"],
        password=pg["DAGSTER_PG_PASSWORD"],
        dbname=pg["DAGSTER_PG_DB"],
    )
    try:
        with con.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def postgres_run(
    postgres: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[int, Path]]:
    """`tradeledger run` on the sample, in a home whose instance is deploy/dagster.yaml."""
    from console.args import QUIET
    from orchestration.cli import run

    home = tmp_path_factory.mktemp("pg-home")
    # The home's instance settings are kept when present: this home's are the deployment's.
    (home / "dagster").mkdir()
    shutil.copyfile(DEPLOY_INSTANCE, home / "dagster" / "dagster.yaml")
    with pytest.MonkeyPatch.context() as patch:
        for name, value in postgres.items():
            patch.setenv(name, value)
        patch.setenv("LEDGER_HOME", str(home))
        code = run([], [], str(home), level=QUIET)
        yield code, home


def test_run_is_recorded_in_postgres(
    postgres_run: tuple[int, Path], postgres: dict[str, str]
) -> None:
    import dagster as dg
    from dagster._core.events import DagsterEventType
    from dagster_postgres import PostgresEventLogStorage, PostgresRunStorage

    from orchestration.assets.published import PUBLISHED

    code, home = postgres_run
    assert code == 0, "the run on the Postgres instance did not publish"
    assert (home / "published" / "tradeledger.duckdb").exists()

    with dg.DagsterInstance.from_config(str(home / "dagster")) as instance:
        assert isinstance(instance.run_storage, PostgresRunStorage)
        assert isinstance(instance.event_log_storage, PostgresEventLogStorage)
        runs = instance.get_runs()
        assert [r.job_name for r in runs] == ["ledger_job"]
        dagster_run = runs[0]
        assert dagster_run.status == dg.DagsterRunStatus.SUCCESS
        assert dagster_run.tags.get("tradeledger/started_by") == "tradeledger run"

        materialized = {
            record.event_log_entry.dagster_event.asset_key
            for record in instance.get_records_for_run(
                dagster_run.run_id, of_type=DagsterEventType.ASSET_MATERIALIZATION
            ).records
        }
        assert PUBLISHED in materialized
        assert dg.AssetKey(["ledger", "entries"]) in materialized, sorted(
            k.to_user_string() for k in materialized
        )
        latest = instance.fetch_materializations(PUBLISHED, limit=1).records
        assert latest and latest[0].run_id == dagster_run.run_id

        evaluations = [
            record.event_log_entry.dagster_event.event_specific_data
            for record in instance.get_records_for_run(
                dagster_run.run_id, of_type=DagsterEventType.ASSET_CHECK_EVALUATION
            ).records
        ]
        assert evaluations, "no asset check results recorded"
        failed = [e.check_name for e in evaluations if not e.passed]
        assert not failed, f"checks failed: {failed}"
        names = {e.check_name for e in evaluations}
        assert any(name.startswith("gx_") for name in names), sorted(names)

    # Straight from the server, not through Dagster: the rows are in that database.
    [(runs_stored,)] = _query(postgres, "select count(*) from runs where status = 'SUCCESS'")
    assert runs_stored == 1
    rows = dict(
        _query(
            postgres,
            "select dagster_event_type, count(*) from event_logs "
            "where dagster_event_type in ('ASSET_MATERIALIZATION', 'ASSET_CHECK_EVALUATION') "
            "group by 1",
        )
    )
    assert rows.get("ASSET_MATERIALIZATION", 0) >= len(materialized)
    assert rows.get("ASSET_CHECK_EVALUATION", 0) == len(evaluations)
    # Nothing of the instance went to the home's local SQLite storage.
    assert not list((home / "dagster").glob("**/*.db"))
