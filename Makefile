# Targets mirror the README.
.PHONY: demo test lint format bench

demo:  ## set up, load the demo institute and serve it at http://127.0.0.1:8000
	./scripts/demo

test:  ## set up and run every check and the whole suite on SQLite and PostgreSQL
	./scripts/test

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

bench:  ## page speed at 100,000 publications on both backends
	.venv/bin/python bench/page_speed.py --backend both
