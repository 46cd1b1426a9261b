# Luton Health Equity Town website. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SCALE ?= 1000

.DEFAULT_GOAL := help
.PHONY: help run test lint format check bench install install-test browser publish-scheduled purge-submissions \
	review-reminders clean backup restore loadtest

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed ## Install the site into .venv

install-test: $(VENV)/.installed-test ## Install the site and its test tools into .venv

# make run publishes links with the address it serves on, unless SITE_URL says otherwise.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: install ## Install, check the database is of this version, migrate, load the HET content, create the admin account and serve on 127.0.0.1:$(PORT) with the scheduler
	$(PY) manage.py check_migration_history
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_het_content
	PORT=$(PORT) $(PY) manage.py ensure_admin
	PORT=$(PORT) scripts/serve_dev.sh

browser: ## Make sure Debian's Chromium is installed for the browser tests
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
		else echo "Browser tests need Debian's Chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

test: install-test browser ## Run the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

lint: install-test ## Check the code with ruff, and the dependency rule and import cycles with import-linter
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install-test ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

publish-scheduled: install ## Publish and unpublish pages whose scheduled time has come, once (run_scheduler does it in a loop)
	$(PY) manage.py run_scheduler --once

bench: install-test ## Benchmark under gunicorn with SCALE (default 1000) news items, events and case studies; PostgreSQL if DATABASE_URL is set
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; \
		else echo "The benchmark needs wrk: sudo apt-get install wrk" >&2; exit 1; fi; }
	$(PY) scripts/bench.py --scale $(SCALE)

review-reminders: install ## Email page owners a list of their pages overdue for review (run weekly from cron)
	$(PY) manage.py send_review_reminders

backup: ## Back up the database at DATABASE_URL and the media files into backups/<timestamp>/
	scripts/backup.sh

restore: ## Restore BACKUP=backups/<timestamp> into DATABASE_URL and MEDIA_ROOT (replaces what is there)
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/<timestamp>" >&2; exit 2; }
	scripts/restore.sh "$(BACKUP)"

loadtest: install ## Serve the site with production settings and hold 200 clients on it for 60 s (loopback only)
	scripts/loadtest.sh

purge-submissions: install ## Erase partners' contact details from case study submissions past the retention period (run daily from cron)
	$(PY) manage.py purge_case_study_submissions

clean: ## Remove the virtual environment, the SQLite database and collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles
