"""Golden files: the text and JSON renderings of tests/fixtures/articles, side by side with the input.

Run ``pytest --update-golden`` after an intended change and review the diff.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, HERE

GOLDEN = HERE / "golden"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_golden_output(fmt, cli, monkeypatch, update_golden):
    monkeypatch.chdir(FIXTURES)
    code, out, err = cli("check", "articles", "--glossary", "glossary", "--format", fmt)
    assert code == 1 and err == ""
    golden = GOLDEN / f"articles.{fmt}"
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_golden_plain_language_figures(fmt, cli, monkeypatch, update_golden):
    """The article's readability, unexplained terms and explained concepts in each report."""
    monkeypatch.chdir(FIXTURES / "plain")
    code, out, err = cli("check", "articles", "--glossary", "glossary", "--select", "TK6", "--format", fmt)
    assert code == 0 and err == ""  # info findings only
    golden = GOLDEN / f"plain.{fmt}"
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_plain_language_sarif_validates_against_the_schema():
    import json

    from conftest import SHARED

    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip("shared/schemas/sarif-schema-2.1.0.json absent")
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads((GOLDEN / "plain.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(schema_path.read_text(encoding="utf-8"))).validate(log)
    (artifact,) = [a for a in log["runs"][0]["artifacts"] if a["location"]["uri"] == "articles/twitching.md"]
    assert artifact["properties"]["unexplained_terms"] == 1
    assert artifact["properties"]["concepts_explained"] == ["dysphagia", "fasciculation"]
