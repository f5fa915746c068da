# ASPM — the two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install lint bench bench-load worker clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

## run: install, migrate, load the demo partnerships, start a Celery worker and serve on :8000
run: export DEBUG ?= true
run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "ASPM is at http://127.0.0.1:$(PORT)/  (Ctrl-C stops the web server and its Celery worker)"
	$(PY) manage.py rundev 127.0.0.1:$(PORT)

## test: install what the tests need (Python packages, Debian's chromium) and run them all
test: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || { echo "Installing Debian's chromium for the browser tests"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium >/dev/null; }
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run --settings=aspm.settings.test
	@# Two processes for most tests; tests that go through a real Celery worker run afterwards on
	@# their own, since the worker reads the one test database of a single pytest process.
	$(VENV)/bin/pytest -n 2 -m "not worker" $(PYTEST_ARGS)
	$(VENV)/bin/pytest -m worker $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(STAMP)
	DEBUG=true $(PY) bench/run.py

## bench-load: county size on PostgreSQL + Redis + gunicorn (DEBUG off): each page alone and under 20 users
bench-load: $(STAMP)
	$(PY) bench/load.py $(BENCH_ARGS)

worker: $(STAMP)
	$(VENV)/bin/celery -A aspm worker --beat --loglevel=INFO

clean:
	rm -rf $(VENV) var
