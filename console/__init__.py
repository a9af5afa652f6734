"""The `tradeledger` command's text side: arguments, exit statuses, the run summary, and the
commands that need no Dagster (`report`, `fetch-trade`). `orchestration.cli` runs the job."""
