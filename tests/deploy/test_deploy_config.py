"""deploy/: the instance, workspace, Helm values and image agree with each other and with Dagster.

No cluster and no database: the instance file is validated against Dagster's instance schema,
each configurable class (Postgres storage, queued run coordinator, Kubernetes run launcher)
against its own config schema, and the run launcher is constructed from a kubeconfig file
that points nowhere (the Kubernetes client reads it; nothing connects). The run on a real
PostgreSQL is in test_postgres_instance.py (lane e2e).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from orchestration.instance import CODE_LOCATION, DEFINITIONS_MODULE
from tests.conftest import REPO_ROOT

DEPLOY = REPO_ROOT / "deploy"

PG_ENV = {
    "DAGSTER_PG_HOST": "postgres.example.internal",
    "DAGSTER_PG_PORT": "5432",
    "DAGSTER_PG_USER": "dagster",
    "DAGSTER_PG_PASSWORD": "secret",
    "DAGSTER_PG_DB": "dagster",
}
K8S_ENV = {
    "DAGSTER_K8S_SERVICE_ACCOUNT": "tradeledger-runs",
    "DAGSTER_K8S_INSTANCE_CONFIG_MAP": "tradeledger-instance",
    "DAGSTER_K8S_PG_PASSWORD_SECRET": "dagster-postgresql-secret",  # pragma: allowlist secret
    "DAGSTER_K8S_NAMESPACE": "tradeledger",
}


def _yaml(name: str) -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / name).read_text(encoding="utf-8"))


@pytest.fixture
def deploy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {**PG_ENV, **K8S_ENV}.items():
        monkeypatch.setenv(name, value)


def _class_config(section: dict[str, Any]) -> tuple[type, dict[str, Any]]:
    """The class a configurable-class section names, and its config validated by that class."""
    from dagster._config import process_config
    from dagster._serdes.config_class import class_from_code_pointer

    klass = class_from_code_pointer(section["module"], section["class"])
    result = process_config(klass.config_type(), section.get("config") or {})
    assert result.success, [error.message for error in result.errors]
    return klass, result.value


def test_instance_file_matches_dagsters_instance_schema() -> None:
    from dagster._core.instance.config import dagster_instance_config

    config, custom_class = dagster_instance_config(str(DEPLOY))
    assert custom_class is None
    assert set(config["storage"]) == {"postgres"}
    assert config["telemetry"]["enabled"] is False


def test_postgres_storage_config_reads_the_env_vars(deploy_env: None) -> None:
    from dagster_postgres import DagsterPostgresStorage
    from dagster_postgres.utils import pg_url_from_config

    config = _yaml("dagster.yaml")["storage"]["postgres"]
    klass, value = _class_config(
        {"module": "dagster_postgres", "class": "DagsterPostgresStorage", "config": config}
    )
    assert klass is DagsterPostgresStorage
    url = pg_url_from_config(value)
    assert url.startswith("postgresql+psycopg2://dagster:secret@postgres.example.internal:5432/")
    assert url.endswith("/dagster")


def test_one_run_at_a_time(deploy_env: None) -> None:
    """DuckDB allows one writer: the queue starts one run at a time, ledger_job at most once."""
    from dagster._core.run_coordinator import QueuedRunCoordinator

    klass, value = _class_config(_yaml("dagster.yaml")["run_coordinator"])
    assert klass is QueuedRunCoordinator
    assert value["max_concurrent_runs"] == 1
    assert {"key": "dagster/job_name", "value": "ledger_job", "limit": 1} in value[
        "tag_concurrency_limits"
    ]


def test_ledger_job_runs_in_process() -> None:
    from orchestration.definitions import defs

    assert defs.resolve_job_def("ledger_job").executor_def.name == "in_process"


def test_k8s_run_launcher_config_is_valid_and_builds_without_a_cluster(
    deploy_env: None, tmp_path: Path
) -> None:
    from dagster_k8s import K8sRunLauncher

    klass, value = _class_config(_yaml("dagster.yaml")["run_launcher"])
    assert klass is K8sRunLauncher
    assert value["service_account_name"] == "tradeledger-runs"
    assert value["instance_config_map"] == "tradeledger-instance"
    assert value["job_namespace"] == "tradeledger"
    assert "LEDGER_HOME=/ledger/home" in value["env_vars"]
    assert [m["mount_path"] for m in value["volume_mounts"]] == ["/ledger/home"]

    # In the cluster the launcher reads the pod's service account; here a kubeconfig file.
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text(
        yaml.safe_dump(
            {
                "apiVersion": "v1",
                "kind": "Config",
                "clusters": [{"name": "none", "cluster": {"server": "https://127.0.0.1:1"}}],
                "users": [{"name": "none", "user": {"token": "none"}}],
                "contexts": [{"name": "none", "context": {"cluster": "none", "user": "none"}}],
                "current-context": "none",
            }
        ),
        encoding="utf-8",
    )
    launcher = K8sRunLauncher.from_config_value(
        None, {**value, "load_incluster_config": False, "kubeconfig_file": str(kubeconfig)}
    )
    assert launcher.job_namespace == "tradeledger"
    assert launcher.dagster_home == "/opt/dagster/dagster_home"


def test_workspace_loads_the_code_location_by_its_one_name() -> None:
    from dagster._core.workspace.config_schema import process_workspace_config

    config = _yaml("workspace.yaml")
    assert process_workspace_config(config).success
    [entry] = config["load_from"]
    target = entry["python_module"]
    assert target["location_name"] == CODE_LOCATION
    assert target["module_name"] == DEFINITIONS_MODULE
    assert (DEPLOY / target["working_directory"]).resolve() == REPO_ROOT


def test_helm_values_agree_with_the_instance_file() -> None:
    values = _yaml("values.yaml")
    instance = _yaml("dagster.yaml")

    [deployment] = values["dagster-user-deployments"]["deployments"]
    assert deployment["name"] == CODE_LOCATION
    args = deployment["dagsterApiGrpcArgs"]
    assert args[args.index("--module-name") + 1] == DEFINITIONS_MODULE
    assert {"name": "LEDGER_HOME", "value": "/ledger/home"} in deployment["env"]

    assert values["runLauncher"]["type"] == "K8sRunLauncher"
    assert values["postgresql"]["enabled"] is False
    coordinator = values["dagsterDaemon"]["runCoordinator"]
    assert coordinator["type"] == "QueuedRunCoordinator"
    queued = coordinator["config"]["queuedRunCoordinator"]
    expected = instance["run_coordinator"]["config"]
    assert queued["maxConcurrentRuns"] == expected["max_concurrent_runs"] == 1
    assert queued["tagConcurrencyLimits"] == expected["tag_concurrency_limits"]
    claims = {v["persistentVolumeClaim"]["claimName"] for v in deployment["volumes"]}
    launcher_claims = {
        v["persistent_volume_claim"]["claim_name"]
        for v in instance["run_launcher"]["config"]["volumes"]
    }
    assert claims == launcher_claims == {"tradeledger-home"}


def test_image_serves_the_code_location() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert f'"--location-name", "{CODE_LOCATION}"' in dockerfile
    assert f'"-m", "{DEFINITIONS_MODULE}"' in dockerfile
    assert "requirements.lock" in dockerfile
