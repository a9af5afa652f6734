"""Benchmarks and the load test: run from the repository (`make bench-*`, `make load-test`).

Not part of the shipped packages (pyproject's wheel lists `orchestration`, `ingestion`,
`expectations`, `report` and `bi` only); they import those packages like any other user.
"""
