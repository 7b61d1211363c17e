# Two commands do everything on a fresh machine with Python 3.11:
#   make demo   install into .venv and check the shipped example articles
#   make test   install into .venv (with test extras) and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test install bench eval clean

$(BIN)/termkit: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/termkit

demo: install
	-$(BIN)/termkit check examples/
	@echo "(exit code 1 above means findings were reported, as the examples are meant to show)"

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_speed.py

eval: install
	$(BIN)/python eval/misspellings.py
	$(BIN)/python eval/translation.py
	$(BIN)/python eval/soundalike.py
	$(BIN)/python eval/claims.py
	$(BIN)/python eval/realworld.py
	$(BIN)/python eval/glossary_suggest.py

clean:
	rm -rf $(VENV) build dist *.egg-info
