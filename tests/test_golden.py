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
