# tradeledger: `make run` and `make test` are all a fresh machine needs.
# Test lanes: `make test` (fast: unit tests, dbt unit tests, one shared run of the job; under
# 5 minutes) and `make test-all` (adds the e2e and slow suites). CI: .ci/run.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV := $(or $(shell command -v uv 2>/dev/null),$(CURDIR)/.tools/bin/uv)

# Bytecode is cached (in .pycache/) even where the environment disables it: imports of
# Dagster, dbt and Great Expectations take twice as long without.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/.pycache
# Nothing reaches the network at run time.
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export DBT_VERSION_CHECK := false
export GX_ANALYTICS_ENABLED := false
export LEDGER_HOME ?= $(CURDIR)/var
export PATH := $(CURDIR)/$(BIN):$(PATH)

SHARED ?= ../shared
EVAL_SETS ?= news_dev news_dev_world

.PHONY: help setup setup-spark setup-java setup-browser setup-postgres run report test test-all lint dev eval bench-news bench-trade bench-run load-test lock lock-spark clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet uv==0.13.9

$(STAMP): requirements.lock pyproject.toml | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)
	$(UV) pip sync --quiet --python $(BIN)/python requirements.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

setup: $(STAMP)  ## create .venv and install the locked dependencies

# `tradeledger run --engine spark` (docs/spark.md): dbt-spark and pyspark in an environment of
# their own (about 560 MB), so that `make setup` stays as it is; the same dbt-core as .venv
# (requirements-spark.lock is resolved against requirements.lock). Spark needs a Java 17 runtime.
SPARK_VENV := .venv-spark
SPARK_STAMP := $(SPARK_VENV)/.installed

$(SPARK_STAMP): requirements-spark.lock | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(SPARK_VENV)
	$(UV) pip sync --quiet --python $(SPARK_VENV)/bin/python requirements-spark.lock
	@touch $@

setup-java:  ## install a Java 17 runtime (Debian package, as root) if there is no java
	@command -v java >/dev/null || \
	if [ "$$(id -u)" = 0 ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jre-headless; \
	else \
	  echo "setup-java: no java; run 'sudo make setup-java'"; exit 1; \
	fi

setup-spark: $(SPARK_STAMP) setup-java  ## .venv-spark (dbt-spark, pyspark) and Java, for --engine spark

setup-browser:  ## install Chromium (Debian package, as root) for the browser tests of test-all
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || { \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

# The e2e test of deploy/ (tests/deploy/) starts its own PostgreSQL from the server binaries;
# test-all installs them where missing (as root; otherwise it says so and the test skips, or
# fails in CI).
setup-postgres:  ## install the PostgreSQL server binaries (Debian package postgresql) if missing
	@command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	if [ "$$(id -u)" = 0 ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; \
	else \
	  echo "setup-postgres: PostgreSQL server binaries missing; run 'sudo make setup-postgres'"; \
	fi

run: $(STAMP)  ## run the whole job on the bundled sample; writes var/published/tradeledger.duckdb
	$(BIN)/tradeledger run

report: $(STAMP)  ## write var/published/report.html from the published ledger
	$(BIN)/tradeledger report

test: $(STAMP)  ## fast lane: unit + dbt unit tests, one shared run of the job (< 5 min)
	$(BIN)/python -m pytest

test-all: $(STAMP) setup-postgres setup-spark  ## every test: the fast lane + e2e (own runs, faults, reliability) + slow + spark
	$(BIN)/python -m pytest -m ""

lint: $(STAMP)  ## ruff and sqlfluff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@mkdir -p $(LEDGER_HOME)/warehouse  # the dbt templater opens the warehouse
	cd dbt_project && ../$(BIN)/sqlfluff lint models macros tests

dev: $(STAMP)  ## Dagster UI on http://127.0.0.1:3000, on the instance tradeledger run records in
	exec $(BIN)/python -m orchestration.dev --host 127.0.0.1 --port 3000

load-test: $(STAMP)  ## 8 readers query the published file while 5 runs publish (scratch home)
	$(BIN)/python -m benchmarks.loadtest --readers 8 --runs 5 --home $$(mktemp -d -t tradeledger-load.XXXXXX)

# The scorer breaks ties between equally good matches in set order, which moves field accuracy
# by a few points from one process to the next; a fixed hash seed makes the figures repeatable.
eval: $(STAMP)  ## extraction scores on the visible dev sets in ../shared (scorer's figures, field accuracy)
	@for set in $(EVAL_SETS); do \
	  home=$$(mktemp -d -t tradeledger-eval.XXXXXX); \
	  $(BIN)/tradeledger run --news $(SHARED)/data/$$set/articles.jsonl --home $$home > $$home/run.log 2>&1 \
	    || { echo "$$set: run failed, see $$home/run.log"; exit 1; }; \
	  echo "== $$set"; \
	  PYTHONHASHSEED=0 $(BIN)/python $(SHARED)/eval/score_ledger.py --db $$home/published/tradeledger.duckdb \
	    --gold $(SHARED)/data/$$set | grep -E '^(entries_published|entry_|duplicates|pair_recall|evidence_integrity|field_accuracy|missed)'; \
	  rm -rf $$home; \
	done

bench-news: $(STAMP)  ## news benchmark: 10,000 generated articles, extraction and the path into raw
	$(BIN)/python -m benchmarks.news --articles 10000

bench-trade: $(STAMP)  ## trade benchmark: 20 M-row Comtrade CSV (tradeledger, DuckDB, pandas), 25 months, 4 M-row end-to-end path
	$(BIN)/python -m benchmarks.trade_load --rows 20000000 --pandas-object-strings
	$(BIN)/python -m benchmarks.trade_months --rows-per-month 1600000
	$(BIN)/python -m benchmarks.trade_path --rows 4000000 --repeat 3

bench-run: $(STAMP)  ## repeat run of the sample against the stack's floor (imports + plain dbt build)
	$(BIN)/python -m benchmarks.run --home $$(mktemp -d -t tradeledger-bench.XXXXXX)

lock:  ## re-resolve dependencies after editing pyproject.toml
	$(UV) lock
	$(UV) export --quiet --frozen --format requirements-txt --all-groups --no-emit-project -o requirements.lock
	rm -f uv.lock

lock-spark:  ## re-resolve requirements-spark.lock after editing requirements-spark.in (or the main lock)
	$(UV) pip compile --quiet --generate-hashes requirements-spark.in -c requirements.lock --python-version 3.11 \
	  --custom-compile-command "make lock-spark" -o requirements-spark.lock

clean:  ## remove the run home and build artefacts (keeps .venv)
	rm -rf var dbt_project/target dbt_project/logs .pycache
