# One task runner for people and CI: `.ci/run` calls `make test` verbatim.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DB ?= sqlite:///$(CURDIR)/demo.db
DEMO_PORT ?= 8765

.PHONY: install demo test eval bench clean chromium

$(BIN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/actorgraph ingest examples/corpus --db $(DEMO_DB)
	$(BIN)/actorgraph summary --db $(DEMO_DB)
	$(BIN)/actorgraph serve --db $(DEMO_DB) --port $(DEMO_PORT)

test: install chromium
	$(BIN)/python -m pytest -q

# The browser tests drive Debian's chromium through Playwright (no browser download).
# CI runs as root, so apt-get installs it once; where that fails, make test stops and says so.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	   apt-get install -y -qq chromium) >/dev/null 2>&1 || \
	  { echo "error: could not install chromium; run: apt-get install chromium" >&2; exit 1; }; }

# Scores the example corpus against its hand annotation (examples/gold.json).
eval: install
	@D=$$(mktemp -d) && trap 'rm -rf "$$D"' EXIT && \
	$(BIN)/actorgraph ingest examples/corpus --db "sqlite:///$$D/eval.db" && \
	$(BIN)/actorgraph export --db "sqlite:///$$D/eval.db" -o "$$D/export.json" && \
	$(BIN)/actorgraph eval "$$D/export.json" examples/gold.json --corpus examples/corpus

clean:
	rm -rf $(VENV) demo.db build *.egg-info src/*.egg-info
