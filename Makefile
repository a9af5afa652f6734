# tradeledger: `make run` and `make test` are all a fresh machine needs.
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

.PHONY: help setup run report test lint dev eval bench-news bench-trade bench-run load-test lock clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet uv==0.13.9

$(STAMP): requirements.lock pyproject.toml | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)
	$(UV) pip sync --quiet --python $(BIN)/python requirements.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

setup: $(STAMP)  ## create .venv and install the locked dependencies

run: $(STAMP)  ## run the whole job on the bundled sample; writes var/published/tradeledger.duckdb
	$(BIN)/tradeledger run

report: $(STAMP)  ## write var/published/report.html from the published ledger
	$(BIN)/tradeledger report

test: $(STAMP)  ## run the test suite
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff and sqlfluff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@mkdir -p $(LEDGER_HOME)/warehouse  # the dbt templater opens the warehouse
	cd dbt_project && ../$(BIN)/sqlfluff lint models macros tests

dev: $(STAMP)  ## Dagster UI on http://127.0.0.1:3000, on the instance tradeledger run records in
	exec $(BIN)/python -m orchestration.dev --host 127.0.0.1 --port 3000

load-test: $(STAMP)  ## 8 readers query the published file while 5 runs publish (scratch home)
	$(BIN)/python -m benchmarks.loadtest --readers 8 --runs 5 --home $$(mktemp -d -t tradeledger-load.XXXXXX)

eval: $(STAMP)  ## extraction scores on the visible dev sets in ../shared (scorer's figures, field accuracy)
	@for set in $(EVAL_SETS); do \
	  home=$$(mktemp -d -t tradeledger-eval.XXXXXX); \
	  $(BIN)/tradeledger run --news $(SHARED)/data/$$set/articles.jsonl --home $$home > $$home/run.log 2>&1 \
	    || { echo "$$set: run failed, see $$home/run.log"; exit 1; }; \
	  echo "== $$set"; \
	  $(BIN)/python $(SHARED)/eval/score_ledger.py --db $$home/published/tradeledger.duckdb \
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

clean:  ## remove the run home and build artefacts (keeps .venv)
	rm -rf var dbt_project/target dbt_project/logs .pycache
