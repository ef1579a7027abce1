# The README's two commands are `make run` and `make test`; the rest are for developers.
.PHONY: run test lint typecheck mutation format lock messages bench bench-load

run:
	scripts/run

test:
	scripts/test

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

# Static types (mypy + django-stubs; settings in pyproject.toml [tool.mypy]).
typecheck:
	.venv/bin/mypy

# Mutation testing (mutmut): prints the share of planted bugs the tests kill; docs/testing.md.
mutation:
	scripts/mutation

format:
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

# Re-pin after editing pyproject.toml: writes both hash-locked requirement files.
lock:
	.venv/bin/python -m pip install --quiet uv==0.13.8
	.venv/bin/uv pip compile --quiet --universal --python-version 3.12 --generate-hashes pyproject.toml -o requirements.lock
	.venv/bin/uv pip compile --quiet --universal --python-version 3.12 --generate-hashes --group dev pyproject.toml -o requirements-dev.lock

# Extract new strings into the Spanish catalog (needs GNU gettext's xgettext).
messages:
	DEBUG=1 .venv/bin/python manage.py makemessages --locale es --ignore .venv --ignore var --no-obsolete
	DEBUG=1 .venv/bin/python manage.py makemessages --locale es --domain djangojs --ignore .venv --ignore var --no-obsolete

# Load benchmark: gunicorn + PostgreSQL (127.0.0.1:5432) driven by locust; see bench/README.md.
bench-load:
	scripts/bootstrap dev
	.venv/bin/python bench/load/run.py
