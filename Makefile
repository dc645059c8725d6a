# The two commands a new user needs:
#   make demo   set everything up and run the hub on demo data (SQLite, platform stand-ins)
#   make test   set everything up and run the whole test suite (and the in-process tests
#               again a year ahead and a year back, to catch time bombs)
# Both create .venv with the project and its tools and install nothing system-wide.
# The console's browser tests need Debian's chromium: `make browser` installs it (apt-get,
# as root or through sudo); without it they are skipped, saying so (in CI they fail).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-time-travel lint format setup clean browser chromium dovecot messages

setup: $(STAMP)

# The console's browser tests drive Debian's chromium through Playwright (never a downloaded
# browser). Only chromium and the fonts its pages are measured with: no recommended extras
# (they pull udev and systemd), nothing already installed upgraded, apt's output in the log.
CHROMIUM    := /usr/bin/chromium
BROWSER_LOG := test-artifacts/make-browser.log
APT_BROWSER := env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade \
               --no-install-recommends chromium fonts-liberation

browser:
	@if [ -x $(CHROMIUM) ]; then echo "chromium is installed: $(CHROMIUM)"; exit 0; fi; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	mkdir -p $(dir $(BROWSER_LOG)); \
	echo "Installing Debian's chromium with apt-get (--no-upgrade --no-install-recommends); log: $(BROWSER_LOG)"; \
	{ $$sudo $(APT_BROWSER) || { $$sudo apt-get update -qq && $$sudo $(APT_BROWSER); }; } \
	    >$(BROWSER_LOG) 2>&1 || { echo "apt-get failed: see $(BROWSER_LOG)"; exit 1; }

chromium: browser  # the target's former name

# The mailbox source's tests read mail from a real IMAP server: Debian's Dovecot, which the
# tests start themselves as a plain process with a generated configuration on a free
# loopback port (hub/testing/dovecot.py). The package's own service is never used.
DOVECOT     := /usr/sbin/dovecot
DOVECOT_LOG := test-artifacts/make-dovecot.log
APT_DOVECOT := env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade \
               --no-install-recommends dovecot-imapd

dovecot:
	@if [ -x $(DOVECOT) ]; then echo "dovecot is installed: $(DOVECOT)"; exit 0; fi; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	mkdir -p $(dir $(DOVECOT_LOG)); \
	echo "Installing Debian's dovecot-imapd with apt-get (--no-upgrade --no-install-recommends); log: $(DOVECOT_LOG)"; \
	{ $$sudo $(APT_DOVECOT) || { $$sudo apt-get update -qq && $$sudo $(APT_DOVECOT); }; } \
	    >$(DOVECOT_LOG) 2>&1 || { echo "apt-get failed: see $(DOVECOT_LOG)"; exit 1; }

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/hub demo

# mypy --strict on the packages (pyproject's [tool.mypy]); the tests are checked too, with
# untyped test functions and fixtures allowed but everything they do typed and checked.
MYPY_TESTS := --allow-untyped-defs --allow-incomplete-defs --allow-untyped-calls \
              --allow-untyped-decorators --allow-any-generics --allow-subclassing-any \
              --no-warn-return-any

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/mypy $(MYPY_TESTS) tests

# The suite runs on every core (pytest-xdist; JOBS=1 runs it in one process).
# Each file stays on one worker, its tests in order (--dist loadfile).
JOBS ?= auto
XDIST := -n $(JOBS) --dist loadfile

# The tests keep Python's compiled modules, in .venv/pycache (the tree stays clean), even where
# the environment sets PYTHONDONTWRITEBYTECODE (containers often do): without them each xdist
# worker compiles the hub and rewrites every test module again (13 s of CPU of its 20 s
# collection), and so does every `hub` process a test starts, in each of the three runs.
PYTEST := env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache $(BIN)/pytest

test: $(STAMP) lint
	$(PYTEST) $(XDIST)
	$(MAKE) --no-print-directory test-time-travel TRAVEL=+366d
	$(MAKE) --no-print-directory test-time-travel TRAVEL=-365d

# A time bomb (a test mixing a fixed clock with the real one) passes on the day it is written:
# the in-process tests run again with the whole process moved a year ahead (tests/time_travel.py),
# on SQLite, and again a year back; subprocesses cannot be moved, so tests/e2e stays out. So do
# the assistant's unit tests: the assistant takes its date as `now` and reads no clock, which
# tests/unit/test_clock_free_assistant.py checks in every run, so moving the clock cannot
# change them (they are half the cases: about 100 s of each run).
TRAVEL       ?= +366d
TRAVEL_TESTS := tests/unit tests/integration -m "not slow and not postgres" -q -p no:cacheprovider \
                --ignore-glob='tests/unit/test_assistant_*.py'
test-time-travel: $(STAMP)
	HUB_TEST_TRAVEL=$(TRAVEL) HUB_TEST_DATABASE_URL= $(PYTEST) $(XDIST) $(TRAVEL_TESTS)

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The words of the console, the bots and the newsletters: extract what templates and code mark,
# merge into each catalogue, then translate the new entries in <dir>/<lang>/LC_MESSAGES/messages.po
# for hub/web/locale, bots/locale (marked with say(language, "...") and N_) and newsletters/locale
# (N_, and Nn_ for a singular and plural pair).
messages: $(STAMP)
	$(BIN)/pybabel extract -F hub/web/babel.cfg --no-location --sort-output -o $(VENV)/messages.pot .
	$(BIN)/pybabel update -i $(VENV)/messages.pot -d hub/web/locale -D messages --no-fuzzy-matching --ignore-obsolete --width 100
	$(BIN)/pybabel extract -F bots/babel.cfg -k say:2 -k N_ --no-location --sort-output --width 100 -o $(VENV)/bots.pot .
	$(BIN)/pybabel update -i $(VENV)/bots.pot -d bots/locale -D messages --no-fuzzy-matching --ignore-obsolete --width 100
	$(BIN)/pybabel extract -F newsletters/babel.cfg -k N_ -k Nn_:1,2 --no-location --sort-output --width 100 -o $(VENV)/newsletters.pot .
	$(BIN)/pybabel update -i $(VENV)/newsletters.pot -d newsletters/locale -D messages --no-fuzzy-matching --ignore-obsolete --width 100
	$(BIN)/pybabel extract -F hub/core/assistant/babel.cfg -k _p:1c,2 --no-default-keywords --no-location --sort-output --width 100 -o $(VENV)/assistant.pot .
	$(BIN)/pybabel update -i $(VENV)/assistant.pot -d hub/core/assistant/locale -D messages --no-fuzzy-matching --ignore-obsolete --width 100

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
