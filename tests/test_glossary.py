"""Glossary loading and `termkit glossary validate`: every error names file:line:column."""

from __future__ import annotations

import textwrap

import pytest

from termkit.errors import TermkitErrors
from termkit.glossary import load_glossary, shipped_glossary_dir
from termkit.glossary.load import glossary_files

HEADER = "schema: termkit.glossary/1\nlanguage: en\nconcepts:\n"


def write(tmp_path, body: str, name="g.yaml"):
    path = tmp_path / name
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return path


def errors_of(tmp_path) -> list[str]:
    with pytest.raises(TermkitErrors) as info:
        load_glossary(glossary_files([tmp_path]), root=tmp_path)
    return [str(e) for e in info.value.errors]


def test_valid_glossary_loads(tmp_path):
    write(tmp_path, """\
      - id: cramp
        terms:
          - {text: cramp, status: preferred, forms: [cramps], misspellings: [cramb]}
    """)
    glossary = load_glossary([tmp_path / "g.yaml"])
    concept = glossary.get("cramp")
    assert concept.preferred("en").text == "cramp"
    assert concept.preferred("en").forms == ("cramps",)
    assert concept.status.value == "approved"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("""\
  - id: cramp
    terms:
      - {text: cramp, status: favourite}
""", "g.yaml:6:29: error: [E102] concepts[0].terms[0].status: expected preferred | admitted | deprecated | superseded, got 'favourite'"),
        ("""\
  - id: cramp
    colour: red
    terms:
      - {text: cramp, status: preferred}
""", "g.yaml:5:3: error: [E103] unknown field 'concepts[0].colour' (expected one of: id, status, definition, explanation, allow, terms, note)"),
        ("""\
  - id: cramp
    terms:
      - {text: cramp, status: preferred}
      - {text: charley horse, status: preferred}
""", "g.yaml:5:3: error: [E106] concept 'cramp' has 2 preferred terms for language 'en'; expected exactly one"),
        ("""\
  - id: 9lives
    terms:
      - {text: cramp, status: preferred}
""", "g.yaml:4:7: error: [E109] invalid concept id '9lives' (expected letters, digits, '_', '.', '-', starting with a letter or '_')"),
        ("""\
  - id: cramp
    terms:
      - {text: cramp, status: preferred}
  - id: cramp
    terms:
      - {text: spasm, status: preferred}
""", "g.yaml:7:3: error: [E105] duplicate concept id 'cramp' (first defined at g.yaml:4)"),
        ("""\
  - id: cramp
    terms:
      - {text: cramp, status: preferred}
  - id: spasm
    terms:
      - {text: spasm, status: preferred}
      - {text: Cramp, status: admitted}
""", "g.yaml:10:7: error: [E107] term 'Cramp' is claimed by concepts 'cramp' and 'spasm'"),
        ("""\
  - id: cramp
    terms:
      - {text: cramp, status: preferred}
  - id: spasm
    terms:
      - {text: spasm, status: preferred, misspellings: [cramp]}
""", "g.yaml:9:7: error: [E108] misspelling 'cramp' of concept 'spasm' is a valid term of concept 'cramp'"),
        ("""\
  - id: cramp
    terms: [
""", "g.yaml:6:1: error: [E101] YAML syntax error: did not find expected node content"),
    ],
    ids=["bad-enum", "unknown-field", "two-preferred", "bad-id", "duplicate-id", "term-collision",
         "misspelling-collision", "yaml-syntax"],
)
def test_each_error_names_file_line_column(tmp_path, body, expected):
    write(tmp_path, body)
    assert errors_of(tmp_path) == [expected]


def test_all_errors_are_reported_at_once(tmp_path):
    write(tmp_path, """\
  - id: a
    terms:
      - {text: x, status: nope}
  - id: b
    terms: []
""")
    assert [e.split(": error: ")[1][:5] for e in errors_of(tmp_path)] == ["[E102", "[E102"]  # bad status, empty terms


def test_validate_command_exit_codes(tmp_path, cli):
    write(tmp_path, """\
  - id: cramp
    terms:
      - {text: cramp, status: preferred}
""")
    code, out, err = cli("glossary", "validate", tmp_path)
    assert code == 0 and out.startswith("Glossary OK: 1 concepts, 1 terms in 1 files")
    write(tmp_path, """\
  - id: cramp
    terms:
      - {text: cramp, status: preferred, pos: nonsense}
""")
    code, out, err = cli("glossary", "validate", tmp_path)
    assert code == 2
    assert err.strip().endswith("[E102] concepts[0].terms[0].pos: expected noun | verb | adjective | adverb | other, got 'nonsense'")
    assert "Traceback" not in err


def test_shipped_glossary_is_valid_and_large_enough(cli):
    glossary = load_glossary(glossary_files([shipped_glossary_dir()]))
    approved = [c for c in glossary.concepts.values() if c.status.value == "approved"]
    assert len(approved) >= 150
    assert all(c.definition for c in approved)
    statuses = {t.status.value for c in approved for t in c.terms}
    assert {"preferred", "admitted", "deprecated", "superseded"} <= statuses
    code, out, _ = cli("glossary", "validate")
    assert code == 0


def test_duplicate_keys_are_errors_not_silently_merged(tmp_path):
    write(tmp_path, """\
  - id: cramp
    id: spasm
    terms:
      - {text: cramp, status: preferred}
""")
    assert errors_of(tmp_path) == ["g.yaml:5:3: error: [E101] YAML syntax error: duplicate key 'id' (first at line 4)"]
