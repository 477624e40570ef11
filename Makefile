# The single entry point. `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# Not HOST: zsh exports HOST (the machine name), which ?= would pick up.
RUN_HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.DEFAULT_GOAL := help
.PHONY: help run test test-topology lint format messages compilemessages demo bench bench-search bench-directory bench-tour clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed-run: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-run

compilemessages: $(VENV)/.installed-run ## Compile the UI translations (locale/*.po)
	$(PY) manage.py compile_translations -v0

run: $(VENV)/.installed-run compilemessages ## Set up everything and serve on http://$(RUN_HOST):$(PORT)
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py load_demo
	@# The demo Site gets the address served here, for canonical, feed,
	@# calendar and sitemap links that work.
	$(PY) manage.py ensure_dev_admin --host $(RUN_HOST) --port $(PORT)
	@# The task worker (document text, bulk translation) runs beside the server
	@# and stops with it.
	$(PY) manage.py db_worker --backend background -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(RUN_HOST):$(PORT)

test: $(VENV)/.installed-dev ## check, migrations check and the whole pytest suite
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py compile_translations -v0
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	@# The suite's own settings: the Makefile's default (development) would
	@# otherwise win over pyproject's, as pytest-django prefers the environment.
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev ## ruff format and autofix
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: $(VENV)/.installed-dev ## Extract UI strings into locale/ (fr, it, pt, hr)
	$(PY) manage.py makemessages -l fr -l it -l pt -l hr --ignore=.venv --ignore=staticfiles --no-obsolete

demo: $(VENV)/.installed-run ## Load the demo content (idempotent)
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py load_demo

clean: ## Remove the virtualenv, the database and generated files
	rm -rf $(VENV) db.sqlite3 staticfiles media

bench: $(VENV)/.installed-dev ## Benchmarks of the served site (gunicorn, production settings)
	$(PY) tests/perf/bench_site.py

bench-search: $(VENV)/.installed-dev ## Site search benchmark (p95 at 10,000 pages per language)
	$(PY) tests/perf/bench_search.py

bench-directory: $(VENV)/.installed-dev ## Directory search/filter/autocomplete benchmark
	$(PY) tests/perf/bench_directory.py

bench-tour: $(VENV)/.installed-dev ## Virtual tour: bytes before and after the start, panorama sizes
	$(PY) tests/perf/bench_tour.py

test-topology: $(VENV)/.installed-dev ## nginx + two app servers + worker + Redis + S3 stand-in (DATABASE_URL=postgres://...)
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "DATABASE_URL must be a PostgreSQL URL"; exit 2;; esac
	PORTAL_TOPOLOGY=1 DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) -m pytest -p no:cacheprovider -s tests/topology $(PYTEST_ARGS)
