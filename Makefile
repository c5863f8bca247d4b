# Encaisse — developer entry points.
#
#   make run     start the GUI (creates .venv and installs the pinned deps the first time)
#   make test    run the test suite offscreen
#
# Works with GNU Make 3.81+ (macOS ships 3.81). Windows: see README.md.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.stamp

TS := resources/i18n/encaisse_fr.ts
TS_EN := resources/i18n/encaisse_en.ts
TS_FILES := $(wildcard resources/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

# Tests run offscreen even when the desktop session exports QT_QPA_PLATFORM (e.g. wayland);
# `make test TEST_QT_PLATFORM=xcb` shows the widgets on a real screen.
TEST_QT_PLATFORM ?= offscreen
PYTEST_ARGS ?=
ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help deps run test lint translations lupdate bench bundle clean distclean

help:
	@echo "make run           start Encaisse (ARGS='--db x.db demo' passes arguments to main.py)"
	@echo "make test          the static checks (make lint), then the tests offscreen (PYTEST_ARGS='-k layers -x')"
	@echo "make lint          ruff, ruff format --check and mypy only"
	@echo "make translations  compile $(TS) to .qm when it changed"
	@echo "make lupdate       refresh $(TS) from the sources"
	@echo "make bench         run tests/bench/bench.py"
	@echo "make bundle        build the PyInstaller one-folder bundle in dist/encaisse/"
	@echo "make clean         remove build artefacts (distclean also removes $(VENV))"

# --- virtual environment ---------------------------------------------------

# Created once; order-only below so the interpreter's timestamp never forces a reinstall.
$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
	  echo "error: '$(PYTHON)' not found. Encaisse needs Python 3.11 or newer:" >&2; \
	  echo "       install it and run e.g. 'make PYTHON=python3.11 $(MAKECMDGOALS)'." >&2; \
	  exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
	  echo "error: Encaisse needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." >&2; \
	  echo "       Install Python 3.11+ and run e.g. 'make PYTHON=python3.11 $(MAKECMDGOALS)'." >&2; \
	  exit 1; }
	$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { \
	  rm -rf $(VENV); \
	  echo "error: '$(PYTHON) -m venv' made a venv without pip (Debian/Ubuntu: apt-get install python3-venv)." >&2; \
	  exit 1; }

# Reinstalls only when a requirements file changes.
$(STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements-dev.txt
	@touch $@

deps: $(STAMP)

# --- translations ----------------------------------------------------------

# Nothing to do until the .ts exists; then rebuild the .qm only when the .ts is newer.
translations: $(QM_FILES)

resources/i18n/%.qm: resources/i18n/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease $< -qm $@

lupdate: deps
	@mkdir -p $(dir $(TS))
	$(BIN)/pyside6-lupdate main.py $$(find ui services cli -name '*.py' | sort) -ts $(TS) -no-obsolete -locations relative
	$(BIN)/pyside6-lupdate main.py $$(find ui services cli -name '*.py' | sort) -ts $(TS_EN) -no-obsolete -locations relative -pluralonly -source-language en -target-language en

# --- everyday targets --------------------------------------------------------

run: deps translations
	$(BIN)/python main.py $(ARGS)

# Python's byte-code cache stays on for the tests even where the shell turns it off
# (PYTHONDONTWRITEBYTECODE): each worker and each `main.py` a test starts would otherwise
# compile the sources, and pytest rewrite every test module's asserts, again.
test: deps translations lint
	env -u PYTHONDONTWRITEBYTECODE QT_QPA_PLATFORM=$(TEST_QT_PLATFORM) $(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

# The static checks `make test` runs first (issue #12, point 8): ruff with the rules in
# pyproject.toml, the formatter's check, and one mypy run (strict on services/ and models/,
# plain on cli/, ui/ and main.py: [tool.mypy] in pyproject.toml). Any finding fails the build.
lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: deps
	$(BIN)/python tests/bench/bench.py

bundle: deps translations
	$(BIN)/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf build dist .pytest_cache .hypothesis .import_linter_cache .mypy_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
