"""Inline suppressions (and TK901 for unused ones), and baselines matched by content."""

from __future__ import annotations

import json

from conftest import TEST_GLOSSARY

ARTICLE = """---
type: news
---
<!-- termkit-disable-next-line misspelling -->
Forums write fascillis.
<!-- termkit-disable-next-line TK102 -->
Fasciculation is common.
<!-- termkit-disable deprecated-term, TK1 -->
fascillis and mongolism
<!-- termkit-enable deprecated-term, TK1 -->
fascillis again.
<!-- termkit-disable-next-line bogus-rule -->
x
"""


def test_suppressions_by_code_name_prefix_and_range(checker, project):
    from termkit import Checker

    findings = Checker(project, select=["TK1", "TK9"]).check_text(ARTICLE)
    assert [(f.code, f.line, f.message) for f in findings] == [
        ("TK901", 6, "Unused suppression: no finding of TK102 on line 7"),
        ("TK101", 11, "'fascillis' is a misspelling of 'fasciculation' (concept fasciculation)"),
        ("TK901", 12, "Suppression names unknown rule(s): bogus-rule"),
    ]


def test_baseline_ignores_recorded_findings_even_after_lines_move(tmp_path, cli):
    article = tmp_path / "a.md"
    article.write_text("---\ntype: news\n---\nOld text with fascillis.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    code, out, _ = cli("baseline", "create", article, "-o", baseline, "--glossary", TEST_GLOSSARY)
    assert code == 0 and out == f"Recorded 1 findings of 1 files in {baseline}.\n"
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"][0]["text"] == "fascillis"
    article.write_text("---\ntype: news\n---\nA new first line.\n\nOld text with fascillis.\nNew fasciolisia.\n",
                       encoding="utf-8")
    code, out, _ = cli("check", article, "--glossary", TEST_GLOSSARY, "--baseline", baseline, "--format", "json")
    assert [f["text"] for f in json.loads(out)["findings"]] == ["fasciolisia"] and code == 1


def test_broken_baseline_is_one_line_error(tmp_path, cli):
    article = tmp_path / "a.md"
    article.write_text("text\n", encoding="utf-8")
    baseline = tmp_path / "b.json"
    baseline.write_text('{"version": 1, "findings": [', encoding="utf-8")
    code, _, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--baseline", baseline)
    assert code == 2 and err.startswith(f"{baseline}:1:29: error: [E008] invalid baseline: Expecting value")
