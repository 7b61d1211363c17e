# Two commands do everything on a fresh machine with Python 3.11:
#   make demo   install into .venv and check the shipped example articles
#   make test   install into .venv (with test extras) and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test install bench eval clean catalogs

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
	$(BIN)/python benchmarks/bench_claims.py

eval: install
	$(BIN)/python eval/misspellings.py
	$(BIN)/python eval/translation.py
	$(BIN)/python eval/soundalike.py
	$(BIN)/python eval/claims.py
	$(BIN)/python eval/realworld.py
	$(BIN)/python eval/glossary_suggest.py
	$(BIN)/python eval/plain_language.py

# The report languages' catalogs: after adding or changing a message, run this, translate the new
# msgids in termkit/locale/{fr,es,de}/LC_MESSAGES/termkit.po (tests/test_i18n.py names the missing
# ones), and run it again to compile. English msgstrs are filled in from the msgids.
CATALOG = termkit/locale
catalogs: install
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --project termkit --copyright-holder "termkit authors" -o $(CATALOG)/termkit.pot .
	$(BIN)/pybabel update -i $(CATALOG)/termkit.pot -d $(CATALOG) -D termkit
	$(BIN)/python -m termkit.i18n fill-english
	$(BIN)/pybabel compile -d $(CATALOG) -D termkit --statistics

clean:
	rm -rf $(VENV) build dist *.egg-info
