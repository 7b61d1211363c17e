"""Regressions from the review of the first full version: each test is one bug a user would hit."""

from __future__ import annotations

import json
import os
import shutil

from conftest import FIXTURES, TEST_GLOSSARY


def test_a_file_over_a_million_characters_is_checked(tmp_path, cli):
    (tmp_path / "small.md").write_text("fascillis\n", encoding="utf-8")
    (tmp_path / "big.md").write_text("Fasciculation is common. " * 50_000 + "fascillis\n", encoding="utf-8")
    code, out, err = cli("check", tmp_path, "--glossary", TEST_GLOSSARY, "--select", "TK101", "--format", "json")
    assert err == "" and sorted(f["path"].rsplit("/", 1)[1] for f in json.loads(out)["findings"]) == ["big.md", "small.md"]


def test_disclaimer_is_not_appended_inside_an_unclosed_fence(tmp_path, cli):
    article = tmp_path / "a.md"
    original = "Fasciculation is a twitch.\n\n```\ncode\n"
    article.write_text(original, encoding="utf-8")
    for _ in range(2):
        cli("check", article, "--glossary", TEST_GLOSSARY, "--fix", "--unsafe-fixes")
    assert article.read_text(encoding="utf-8") == original


def test_disclaimer_fix_is_applied_once(tmp_path, cli):
    article = tmp_path / "a.md"
    article.write_text("Fasciculation is a twitch.\n", encoding="utf-8")
    cli("check", article, "--glossary", TEST_GLOSSARY, "--fix", "--unsafe-fixes")
    cli("check", article, "--glossary", TEST_GLOSSARY, "--fix", "--unsafe-fixes")
    assert article.read_text(encoding="utf-8").count("does not replace professional medical advice") == 1


def test_suppression_shown_in_code_is_not_a_suppression(checker):
    text = "```\n<!-- termkit-disable -->\n```\n\nSome write fascillis.\n"
    assert [f.code for f in checker.check_text(text)] == ["TK101"]


def test_unused_suppression_fix_removes_only_the_comment(tmp_path, cli):
    article = tmp_path / "a.md"
    article.write_bytes(b"---\r\ntype: news\r\n---\r\nIntro. <!-- termkit-disable-next-line misspelling -->\r\n"
                        b"# Heading\r\n<!-- termkit-disable-next-line TK102 -->\r\nText.\r\n")
    cli("check", article, "--glossary", TEST_GLOSSARY, "--fix", "--select", "TK9")
    assert article.read_bytes() == b"---\r\ntype: news\r\n---\r\nIntro. \r\n# Heading\r\nText.\r\n"


def test_enable_closes_a_disable_named_differently(checker):
    text = "<!-- termkit-disable misspelling -->\nfascillis\n<!-- termkit-enable tk101 -->\nfascillis\n"
    assert [(f.code, f.line) for f in checker.check_text(text)] == [("TK101", 4)]


def test_fix_writes_through_a_symlink(tmp_path, cli):
    real = tmp_path / "real.md"
    real.write_text("---\ntype: news\n---\nfascillis\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    cli("check", link, "--glossary", TEST_GLOSSARY, "--fix")
    assert link.is_symlink() and real.read_text(encoding="utf-8").endswith("fasciculation\n")


def test_region_tagged_language_falls_back_to_the_base_language(checker):
    for lang in ("en-US", "en_GB", "EN"):
        assert [f.code for f in checker.check_text(f"---\nlang: {lang}\n---\nfascillis\n")] == ["TK101"], lang


def test_unknown_language_names_the_article(tmp_path, cli):
    (tmp_path / "a.md").write_text("---\nlang: klingon\n---\ntext\n", encoding="utf-8")
    code, _, err = cli("check", tmp_path / "a.md", "--glossary", TEST_GLOSSARY)
    assert code == 2 and err.startswith(f"{tmp_path / 'a.md'}:1: error: [E203] unknown language 'klingon'")


def test_broken_front_matter_is_reported(checker, project):
    from termkit import Checker

    findings = Checker(project, select=["TK902"]).check_text("---\nlang: fr\ntitle: [unclosed\n---\nText.\n")
    assert [(f.code, f.line) for f in findings] == [("TK902", 3)]  # the line with the unclosed bracket


def test_a_stray_backtick_does_not_hide_the_next_paragraph(checker):
    text = "Press the ` key.\n\nThe word fascillis here.\n\nUse `code` now.\n"
    assert [f.line for f in checker.check_text(text)] == [3]


def test_jobs_respect_an_empty_rule_selection(tmp_path, cli):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("fascillis\n", encoding="utf-8")
    args = ("check", tmp_path, "--glossary", TEST_GLOSSARY, "--ignore", "TK1,TK3,TK4,TK9", "--format", "json")
    assert json.loads(cli(*args, "--jobs", "2")[1])["summary"]["findings"] == 0


def test_duplicate_ids_in_an_import_file_are_an_error(tmp_path, cli, monkeypatch):
    shutil.copytree(FIXTURES / "locales", tmp_path / "locales")
    shutil.copytree(TEST_GLOSSARY, tmp_path / "glossary")
    (tmp_path / "termkit.yaml").write_text("glossary: [glossary]\nlocales: locales\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cli("locales", "export", "fr", "--format", "csv", "-o", "fr.csv")
    lines = (tmp_path / "fr.csv").read_text(encoding="utf-8").splitlines()
    row = next(line for line in lines if line.startswith("down_syndrome,"))
    (tmp_path / "fr.csv").write_text("\n".join(lines + [row.replace("trisomie 21", "syndrome de Down")]) + "\n",
                                     encoding="utf-8")
    before = (tmp_path / "locales" / "fr" / "neuro.yaml").read_bytes()
    code, _, err = cli("locales", "import", "fr", "fr.csv")
    assert code == 2 and "[E010] duplicate id 'down_syndrome'" in err
    assert (tmp_path / "locales" / "fr" / "neuro.yaml").read_bytes() == before


def test_an_entry_obsoleted_twice_keeps_both(tmp_path, cli, monkeypatch):
    shutil.copytree(FIXTURES / "locales", tmp_path / "locales")
    shutil.copytree(TEST_GLOSSARY, tmp_path / "glossary")
    (tmp_path / "termkit.yaml").write_text("glossary: [glossary]\nlocales: locales\n", encoding="utf-8")
    locale_file = tmp_path / "locales" / "fr" / "neuro.yaml"
    locale_file.write_text(locale_file.read_text(encoding="utf-8").replace(
        "obsolete: {}", "obsolete:\n  retired_concept:\n    source_term: older thing\n    state: translated\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cli("locales", "sync", "--write")
    text = locale_file.read_text(encoding="utf-8")
    assert "source_term: older thing" in text and "retired_concept~2:" in text and "vieille chose" in text


def test_config_rule_errors_name_the_config(tmp_path, cli):
    (tmp_path / "termkit.yaml").write_text("select: [TK999]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("text\n", encoding="utf-8")
    code, _, err = cli("check", tmp_path / "a.md")
    assert code == 2 and err == f"{tmp_path / 'termkit.yaml'}: error: [E202] unknown rule 'TK999' (see `termkit rules`)\n"


def test_export_into_a_missing_folder_is_one_line(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("locales", "export", "fr", "--format", "po", "-o", tmp_path / "no" / "such" / "fr.po")
    assert code == 2 and "[E007] cannot write file" in err and "Traceback" not in err
    assert os.listdir(tmp_path) == []


def test_changed_files_match_a_baseline_made_from_relative_paths(tmp_path, cli, monkeypatch, git_repo):
    git = git_repo
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text("---\ntype: news\n---\nold fascillis\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "start")
    monkeypatch.chdir(tmp_path)
    cli("baseline", "create", "articles", "-o", "bl.json", "--glossary", TEST_GLOSSARY)
    (tmp_path / "articles" / "a.md").write_text("---\ntype: news\n---\nNew line.\nold fascillis\n", encoding="utf-8")
    code, out, _ = cli("check", "articles", "--changed", "--baseline", "bl.json", "--glossary", TEST_GLOSSARY,
                       "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []


def test_empty_term_text_is_a_glossary_error(tmp_path, cli):
    (tmp_path / "g.yaml").write_text(
        'schema: termkit.glossary/1\nconcepts:\n  - id: x\n    terms:\n      - {text: "  ", status: preferred}\n',
        encoding="utf-8")
    code, _, err = cli("glossary", "validate", tmp_path)
    assert code == 2 and "[E102] concepts[0].terms[0].text: expected a non-empty term" in err


def test_windows_file_uris_become_drive_paths():
    import pytest

    pytest.importorskip("pygls")
    from pygls.uris import to_fs_path

    from termkit.lsp.server import uri_to_path

    assert str(uri_to_path("file:///tmp/a%20b.md")) == "/tmp/a b.md"
    assert to_fs_path("file:///c%3A/Users/a.md").lower().startswith(("c:", "/c:"))


def test_wrong_shapes_in_config_and_rulebooks_are_one_line(tmp_path, cli):
    (tmp_path / "a.md").write_text("text\n", encoding="utf-8")
    (tmp_path / "termkit.yaml").write_text("profiles: {consumer-article: 5}\n", encoding="utf-8")
    code, _, err = cli("check", tmp_path / "a.md", "--glossary", TEST_GLOSSARY)
    assert code == 2 and "[E201] invalid configuration: profiles.consumer-article: expected" in err
    (tmp_path / "rules" / "en").mkdir(parents=True)
    (tmp_path / "rules" / "en" / "claims.yaml").write_text(
        "schema: termkit.rulebook/1\nkind: claims\nhealth_words: 5\n", encoding="utf-8")
    (tmp_path / "termkit.yaml").write_text("rulebooks: rules\n", encoding="utf-8")
    code, _, err = cli("check", tmp_path / "a.md", "--glossary", TEST_GLOSSARY)
    assert code == 2 and err.startswith(f"{tmp_path / 'rules' / 'en' / 'claims.yaml'}:3:15: error: [E205]")
    assert len(err.splitlines()) == 1
