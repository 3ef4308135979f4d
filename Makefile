# eventline: `make demo` runs the main job, `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint model bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/eventline demo

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

# Retrains the shipped spaCy pipeline from ../shared/data (see training/README.md). Long: run it in the background.
model: $(STAMP)
	$(MAKE) -C training all PYTHON=$(abspath $(BIN)/python)

bench: $(STAMP)
	$(BIN)/python bench/boilerplate.py
	$(BIN)/python bench/parser.py
	$(BIN)/python bench/dates.py
	$(BIN)/python bench/actors.py
	$(BIN)/python bench/gold.py
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
