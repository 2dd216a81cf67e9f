# Pantau — run `make help` for the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE := infra/search-node/target/classes/id/pantau/searchnode/SearchNode.class

.DEFAULT_GOAL := help
.PHONY: help install browser demo desk run test lint format bench deploy engine-start engine-stop clean

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NODE): infra/search-node/pom.xml $(wildcard infra/search-node/src/main/java/id/pantau/searchnode/*.java)
	mvn -B -q -f infra/search-node/pom.xml package

install: $(STAMP) $(NODE) ## create .venv with the pantau command and build the embedded search node (needs network once)

browser: ## install Debian's chromium + chromium-driver for the desk's browser test, when missing (apt, needs root or sudo)
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then echo "chromium and chromedriver are installed"; else \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; fi

demo: install ## run the offline demo on the embedded search node, then serve the desk on its data (Ctrl-C ends)
	$(BIN)/pantau demo --desk

desk: install ## serve the clarification desk (pantau desk) on the configured engine
	$(BIN)/pantau desk

run: install ## start the embedded search node, set up the indices and run one monitor cycle (pantau monitor --once) on the real outlets
	$(BIN)/pantau engine start
	$(BIN)/pantau setup
	$(BIN)/pantau monitor --once

# No search node needed (no Maven): only the venv.
deploy: $(STAMP) ## create the pantau-process work pool when missing and apply prefect.yaml (needs PREFECT_API_URL)
	@test -n "$$PREFECT_API_URL" || { echo "set PREFECT_API_URL to your Prefect server, e.g. http://127.0.0.1:4200/api"; exit 2; }
	$(BIN)/pantau deploy --prefect-file $(CURDIR)/prefect.yaml

test: install ## run the whole test suite (starts and stops its own search node)
	$(BIN)/pytest

lint: install ## ruff (lint + format check) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## run the benchmarks under benchmarks/ (ratios against a baseline in the same run)
	@set -e; for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b; done

engine-start: install ## start the embedded search node
	$(BIN)/pantau engine start

engine-stop: install ## stop the embedded search node
	$(BIN)/pantau engine stop

clean: ## stop the node and remove local state (var/), the venv and build output
	-[ -x $(BIN)/pantau ] && $(BIN)/pantau engine stop
	rm -rf var $(VENV) infra/search-node/target
