"""Every rule documents itself in fixed sections, and its Bad/Good examples are tests."""

from __future__ import annotations

import pytest

from conftest import HERE
from termkit.rules.registry import RULES

SECTIONS = ("What it does:", "Why:", "Example:", "Fix safety:")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_has_documented_sections_and_examples(rule):
    docs = rule.docs()
    for section in SECTIONS:
        assert section in docs, f"{rule.code} docs lack {section!r}"
    bad, good = rule.examples()
    assert bad and good, f"{rule.code} needs at least one Bad: and one Good: example"
    # TK302 compares two files; its examples are prose, and tests/test_translated_articles.py runs it
    assert rule.code.startswith("TK") and len(rule.code) == 5 and rule.name == rule.name.lower()


def _cases():
    for rule in RULES:
        if rule.paired:
            continue
        bad, good = rule.examples()
        for i, text in enumerate(bad):
            yield pytest.param(rule, text, True, id=f"{rule.code}-bad-{i}")
        for i, text in enumerate(good):
            yield pytest.param(rule, text, False, id=f"{rule.code}-good-{i}")


@pytest.mark.parametrize(("rule", "text", "fires"), list(_cases()))
def test_examples(rule, text, fires):
    from termkit import Checker, load_project

    # the default rules plus this one (opt-in rules too; TK901 needs the others to have run)
    checker = Checker(load_project(start=HERE), select=[r.code for r in RULES if r.default_enabled] + [rule.code])
    codes = [f.code for f in checker.check_text(text)]
    if fires:
        assert rule.code in codes, f"Bad example did not fire {rule.code}: {text!r}"
    else:
        assert rule.code not in codes, f"Good example fired {rule.code}: {text!r}"
