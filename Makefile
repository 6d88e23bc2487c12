# perfaudit: `make audit` audits the bundled example, `make test` runs every check.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
EXAMPLE ?= examples/go-service

.PHONY: audit test lint typecheck pytest fuzz docs schema bench recall clean

$(BIN)/perfaudit: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,stats,openai,anthropic,web,fleet]'
	touch $@

audit: $(BIN)/perfaudit
	$(BIN)/perfaudit audit $(EXAMPLE) --output $(EXAMPLE)/.perfaudit/latest
	@echo "Report: $(EXAMPLE)/.perfaudit/latest/report.md"

lint: $(BIN)/perfaudit
	$(BIN)/ruff check src tests benchmarks

typecheck: $(BIN)/perfaudit
	$(BIN)/mypy

pytest: $(BIN)/perfaudit
	$(BIN)/pytest

test: lint typecheck pytest

# `make test` runs a bounded, derandomized fuzz; this one draws many new mutants each run
fuzz: $(BIN)/perfaudit
	PERFAUDIT_FUZZ_EXAMPLES=5000 PERFAUDIT_FUZZ_RANDOM=1 $(BIN)/pytest tests/fuzz -q

docs: $(BIN)/perfaudit
	$(BIN)/perfaudit rules --markdown > docs/rules.md

schema: $(BIN)/perfaudit
	$(BIN)/python -c "from perfaudit.render.json import schema_text; print(schema_text(), end='')" \
		> src/perfaudit/data/findings.schema.json

bench: $(BIN)/perfaudit
	$(BIN)/python benchmarks/throughput.py --synthetic 200

# a recall corpus of real fixes (its repositories mirrored as its README says)
CORPUS ?= ../shared/recall
recall: $(BIN)/perfaudit
	$(BIN)/python benchmarks/recall.py $(CORPUS)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
