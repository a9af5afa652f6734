"""`make dev`: the Dagster UI and daemon on the home's instance, code location `tradeledger`.

Does what `dagster dev` does (webserver and daemon as child processes) without its deprecation
notice, on `<home>/dagster` (the instance `tradeledger run` records its runs in) and with the
code location named as everywhere else (orchestration.instance.CODE_LOCATION).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Start the UI; returns when it is stopped (Ctrl-C or SIGTERM)."""
    parser = argparse.ArgumentParser(prog="python -m orchestration.dev", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="3000")
    parser.add_argument("--home", default=None, help="default: $LEDGER_HOME or ./var")
    args = parser.parse_args(argv)

    from console.commands import prepare_environment
    from orchestration.paths import LedgerPaths
    from orchestration.project import ensure_manifest

    paths = LedgerPaths.from_env(args.home)
    paths.export()
    prepare_environment()
    ensure_manifest()

    from dagster._cli.dev import dev_command_impl
    from dagster_shared.cli import WorkspaceOpts

    from orchestration.instance import prepare_instance_dir

    # Stop cleanly (webserver, daemon and code server with it) on Ctrl-C and on SIGTERM, also when
    # started in the background, where the shell leaves SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    instance_home = prepare_instance_dir(paths)
    os.environ["DAGSTER_HOME"] = str(instance_home)
    print(
        f"tradeledger: Dagster UI on http://{args.host}:{args.port} (instance {instance_home})",
        flush=True,
    )
    dev_command_impl(
        code_server_log_level="warning",
        log_level="info",
        log_format="colored",
        port=args.port,
        host=args.host,
        use_legacy_code_server_behavior=False,
        shutdown_pipe=None,
        verbose=False,
        workspace_opts=WorkspaceOpts(workspace=(str(instance_home / "workspace.yaml"),)),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
