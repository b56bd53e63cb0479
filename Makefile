# hradvisor — make help lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR := .demo
DEMO_VAULT := $(DEMO_DIR)/vault
DEMO_PASS := $(DEMO_DIR)/passphrase
DEMO_INCIDENTS ?= 5000
QT_X11_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0

.DEFAULT_GOAL := help
.PHONY: help run test lint bench format clean screenshots translations

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[gui]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed ## Create a demo vault of fictional data (first time) and open it
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then bash scripts/system-deps.sh $(QT_X11_LIBS); fi
	@bash scripts/run-demo.sh "$(BIN)/hradvisor" "$(DEMO_VAULT)" "$(DEMO_PASS)" "$(DEMO_INCIDENTS)"

test: $(VENV)/.installed-dev ## Run the whole test suite (2 workers)
	$(BIN)/python -m pytest -n 2 -q

lint: $(VENV)/.installed-dev ## ruff format --check, ruff check, mypy --strict
	$(BIN)/ruff format --check hradvisor tests bench
	$(BIN)/ruff check hradvisor tests bench
	$(BIN)/mypy hradvisor

format: $(VENV)/.installed-dev ## Reformat the code with ruff
	$(BIN)/ruff format hradvisor tests bench
	$(BIN)/ruff check --fix hradvisor tests bench

bench: $(VENV)/.installed ## Run the benchmarks on a 100,000-incident vault and print the table
	$(BIN)/python -m bench

translations: $(VENV)/.installed-dev ## Refresh the French catalogue from the code and compile it
	bash scripts/translations.sh $(BIN)

clean: ## Remove the virtualenv, the demo vault and caches
	rm -rf $(VENV) $(DEMO_DIR) bench/.cache .pytest_cache .mypy_cache .ruff_cache

screenshots: $(VENV)/.installed-dev ## Render the main screens to docs/screenshots/ under Xvfb
	@bash scripts/system-deps.sh xvfb xauth $(QT_X11_LIBS)
	for script in scripts/screenshots*.py; do xvfb-run -a $(BIN)/python "$$script" || exit 1; done
