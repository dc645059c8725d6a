# The two commands a new user needs:
#   make demo   set everything up and run the hub on demo data (SQLite, platform stand-ins)
#   make test   set everything up and run the whole test suite
# Both create .venv with the project and its tools; nothing is installed system-wide
# except Debian's chromium for the console's browser tests, when it is missing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint format setup clean chromium messages

setup: $(STAMP) chromium

# The console's browser tests drive Debian's chromium through Playwright (never a
# downloaded browser). Installed with apt when missing and we may (root, as in CI).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	    else \
	        echo "chromium is missing: sudo apt-get install chromium (the browser test will be skipped)"; \
	    fi; \
	fi

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/hub demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(STAMP) chromium lint
	$(BIN)/pytest

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The console's words: extract what templates and views mark, merge into each catalogue,
# then translate the new entries in hub/web/locale/<lang>/LC_MESSAGES/messages.po.
messages: $(STAMP)
	$(BIN)/pybabel extract -F hub/web/babel.cfg --no-location --sort-output -o $(VENV)/messages.pot .
	$(BIN)/pybabel update -i $(VENV)/messages.pot -d hub/web/locale -D messages --no-fuzzy-matching --ignore-obsolete

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
