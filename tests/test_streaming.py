"""Findings stream from the engine to the reporters; every format gives the bytes ``render`` gives."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES


@pytest.fixture(scope="module")
def result():
    from termkit import Checker, load_project
    from termkit.engine import check_paths

    project = load_project(glossary=[FIXTURES / "glossary"], start=FIXTURES)
    articles = FIXTURES / "articles"
    # history.md twice (its findings come back apart from the first ones) and a missing file
    return check_paths([articles, articles / "history.md", FIXTURES / "missing.md"], Checker(project))


def test_iter_checks_yields_each_file_in_order_and_path_errors_first(result):
    from termkit import Checker, load_project
    from termkit.engine import iter_checks

    project = load_project(glossary=[FIXTURES / "glossary"], start=FIXTURES)
    outcomes = list(iter_checks([FIXTURES / "missing.md", FIXTURES / "articles"], Checker(project)))
    assert outcomes[0][0] == [] and outcomes[0][1].path.endswith("missing.md")
    paths = [findings[0].path for findings, error in outcomes[1:] if findings]
    assert paths == sorted(paths) and len(set(paths)) == len(paths)
    assert result.errors and result.files_checked == len(outcomes)  # one missing path, history.md twice


@pytest.mark.parametrize("fmt", ["json", "sarif"])
@pytest.mark.parametrize("case", ["full", "empty", "errors only", "one finding"])
def test_json_formats_are_laid_out_as_json_dumps_lays_them_out(fmt, case, result):
    from termkit.findings import CheckResult
    from termkit.report import RENDERERS

    chosen = {"full": result, "empty": CheckResult(),
              "errors only": CheckResult(errors=result.errors, files_checked=2),
              "one finding": CheckResult(findings=result.findings[:1], files_checked=1)}[case]
    out = RENDERERS[fmt](chosen)
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    data = json.loads(out)
    listed = data["findings"] if fmt == "json" else data["runs"][0]["results"]
    assert len(listed) == len(chosen.findings)
    if fmt == "sarif" and chosen.findings:
        rules = [r["id"] for r in data["runs"][0]["tool"]["driver"]["rules"]]
        assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in listed)


def test_junit_gives_a_file_checked_twice_one_suite(result):
    from termkit.report import RENDERERS

    root = ET.fromstring(RENDERERS["junit"](result).split("\n", 1)[1])
    names = [s.get("name") for s in root.findall("testsuite")]
    assert names.count("articles/history.md") <= 1 and len(names) == len(set(names))
    assert root.get("failures") == str(len(root.findall(".//failure"))) == str(len(result.findings))


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_a_reporter_fed_one_finding_at_a_time_writes_what_render_writes(fmt, result):
    from termkit.report import RENDERERS, REPORTERS

    out = io.StringIO()
    reporter = REPORTERS[fmt](out)
    reporter.start()
    for finding in result.findings:
        reporter.handle(finding)
    reporter.finish(result.files_checked, result.errors)
    assert out.getvalue() == RENDERERS[fmt](result)


def test_baseline_filter_one_at_a_time_is_filter_baseline(result):
    from collections import Counter

    from termkit.baseline import BaselineFilter, filter_baseline, fingerprint

    recorded = Counter(fingerprint(f) for f in result.findings[::2])
    kept, matched = filter_baseline(result.findings, recorded)
    one_by_one = BaselineFilter(recorded)
    assert [f for f in result.findings if one_by_one.keep(f)] == kept and one_by_one.matched == matched


def test_an_incremental_checker_finds_what_a_plain_one_finds(project):
    from termkit import Checker
    from termkit.nlp import RememberingMatcher

    text = (FIXTURES / "articles" / "twitching.md").read_text(encoding="utf-8")
    text += "\nMagnesium cures cramps. Studies show 90% of people agree. Fascillis is common.\n"
    plain, incremental = Checker(project), Checker(project, incremental=True)
    for edit in ("", " It always works.", " No side effects at all, guaranteed.", ""):
        assert incremental.check_text(text + edit) == plain.check_text(text + edit)
    pipes = dict(incremental.setup("en").nlp.pipeline)
    # the claim phrases live in an AnchoredMatcher: one Matcher per anchor word, each remembered
    assert any(isinstance(v, RememberingMatcher) or any(isinstance(m, RememberingMatcher) for m in getattr(v, "groups", {}).values())
               for v in vars(pipes["termkit_claims"]).values())


def test_a_matcher_with_callbacks_or_token_attributes_is_not_remembered():
    import spacy
    from spacy.matcher import Matcher

    from termkit.nlp import RememberingMatcher

    vocab = spacy.blank("en").vocab
    lexical, positional, called = Matcher(vocab), Matcher(vocab), Matcher(vocab)
    lexical.add("a", [[{"LOWER": {"IN": ["cure", "cures"]}}, {"OP": "?"}, {"LIKE_NUM": True}]])
    positional.add("b", [[{"IS_SENT_START": True}]])
    called.add("c", [[{"LOWER": "x"}]], on_match=lambda *args: None)
    assert RememberingMatcher.suitable(lexical)
    assert not RememberingMatcher.suitable(positional) and not RememberingMatcher.suitable(called)


def test_a_data_error_midway_leaves_stdout_empty(tmp_path, cli, monkeypatch):
    import shutil

    shutil.copytree(FIXTURES / "glossary", tmp_path / "glossary")
    shutil.copytree(FIXTURES / "locales", tmp_path / "locales")
    for locale_file in (tmp_path / "locales" / "fr").glob("*.yaml"):
        locale_file.write_text("schema: termkit.locale/1\nentries: [unclosed\n", encoding="utf-8")
    (tmp_path / "termkit.yaml").write_text("language: en\nglossary: [glossary]\nlocales: locales\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Some say fascillis.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nlang: fr\n---\nUne fasciculation.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for fmt in ("text", "json"):
        code, out, err = cli("check", ".", "--format", fmt)
        assert code == 2 and out == "" and "fr" in err


def test_folders_are_walked_in_the_order_sorted_rglob_gives(tmp_path):
    from termkit.engine import iter_articles
    from termkit.source import ARTICLE_SUFFIXES

    for name in ["b.md", "B.md", "a/z.md", "a.md", "a-b/c.md", "a b/d.txt", "A/e.MD", "a/.hidden.md", ".git/x.md",
                 "a/b/.x/y.md", "deep/er/est/f.md", "notes.yaml", "x.md/inside.md", "_/g.markdown"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text\n", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "deep", target_is_directory=True)
    (tmp_path / "alias.md").symlink_to(tmp_path / "b.md")
    expected = sorted(p for p in tmp_path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
                      and not any(part.startswith(".") for part in p.relative_to(tmp_path).parts))
    assert [p for p, _ in iter_articles([tmp_path])] == expected and len(expected) > 8
    empty = tmp_path / "empty"
    empty.mkdir()
    items = list(iter_articles([tmp_path / "b.md", tmp_path / "missing.md", empty]))
    assert [type(i).__name__ for i in items] == ["TermkitError", "TermkitError", "tuple"]


def test_jobs_stream_many_small_batches_in_order(tmp_path, cli, monkeypatch):
    import termkit.engine

    from conftest import TEST_GLOSSARY

    for i in range(30):
        (tmp_path / f"a{i:02d}.md").write_text("Some say fascillis.\n" if i % 3 else "Clean.\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00bad")
    monkeypatch.setattr(termkit.engine, "BATCH", 1)  # 2 workers, 8 batches in flight, the rest streamed
    one = cli("check", tmp_path, "--glossary", TEST_GLOSSARY, "--format", "json")
    two = cli("check", tmp_path, "--glossary", TEST_GLOSSARY, "--format", "json", "--jobs", "2")
    assert one == two and json.loads(one[1])["summary"]["files"] == 30


def test_memory_zones_renew_without_changing_findings(project, monkeypatch):
    import termkit.engine
    from termkit import Checker

    texts = [f"Article {i}: some say fascillis{'s' * i}, others wrongword{i}. Magnesium cures it.\n" for i in range(7)]
    expected = [Checker(project).check_text(t) for t in texts]
    monkeypatch.setattr(termkit.engine, "ZONE_ARTICLES", 2)
    checker = Checker(project)
    assert [checker.check_text(t) for t in texts] == expected
    setup = checker.setup("en")
    strings = len(setup.nlp.vocab.strings)
    for t in texts * 2:
        checker.check_text(t)
    assert setup.zone_articles <= 2 and len(setup.nlp.vocab.strings) <= strings + 50
