"""The command line as users and CI meet it: exit codes, one-line errors, formats, jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TEST_GLOSSARY


@pytest.fixture
def articles(tmp_path):
    disclaimer = "This article does not replace advice from your doctor.\n"
    (tmp_path / "clean.md").write_text("# Calm\n\nFasciculation is usually harmless.\n" + disclaimer, encoding="utf-8")
    (tmp_path / "bad.md").write_text("# Draft\n\nSome call it fascillis.\n" + disclaimer, encoding="utf-8")
    return tmp_path


def test_clean_file_exits_0(articles, cli):
    code, out, err = cli("check", articles / "clean.md", "--glossary", TEST_GLOSSARY)
    assert (code, out, err) == (0, "No findings in 1 file.\n", "")


def test_findings_exit_1_with_text_report(articles, cli):
    code, out, err = cli("check", articles / "bad.md", "--glossary", TEST_GLOSSARY)
    assert code == 1 and err == ""
    path = articles / "bad.md"
    assert out == (
        f"{path}:3:14: TK101 [error] 'fascillis' is a misspelling of 'fasciculation' (concept fasciculation)\n"
        "    3 | Some call it fascillis.\n"
        "      |              ^^^^^^^^^\n"
        "      = suggestion: fasciculation\n"
        "\n"
        "Found 1 finding (1 error) in 1 file.\n"
    )


def test_fail_on_controls_the_exit_code(tmp_path, cli):
    (tmp_path / "a.md").write_text("Fasciculation is common. Muscle twitching is rare.\n\nFasciculation again. "
                                   "Muscle twitching again.\nThis is not a substitute for medical advice.\n",
                                   encoding="utf-8")  # one info finding
    assert cli("check", tmp_path, "--glossary", TEST_GLOSSARY)[0] == 0
    assert cli("check", tmp_path, "--glossary", TEST_GLOSSARY, "--fail-on", "info")[0] == 1


def test_json_format(articles, cli):
    code, out, _ = cli("check", articles, "--glossary", TEST_GLOSSARY, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["version"] == 1
    assert data["summary"] == {"files": 2, "findings": 1, "by_severity": {"error": 1, "warning": 0, "info": 0},
                               "by_code": {"TK101": 1}}
    finding = data["findings"][0]
    assert {k: finding[k] for k in ("line", "column", "end_line", "end_column", "code", "rule", "severity", "text",
                                    "suggestion")} == {
        "line": 3, "column": 14, "end_line": 3, "end_column": 23, "code": "TK101", "rule": "misspelling",
        "severity": "error", "text": "fascillis", "suggestion": "fasciculation"}
    assert finding["path"].endswith("bad.md")


def test_missing_path_is_one_line_exit_2(articles, cli):
    code, out, err = cli("check", articles / "nope.md", articles / "bad.md", "--glossary", TEST_GLOSSARY)
    assert code == 2
    assert err == f"{articles / 'nope.md'}: error: [E001] path not found\n"
    assert "fascillis" in out  # the other file was still checked


def test_folder_without_articles(tmp_path, cli):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    code, _, err = cli("check", tmp_path, "--glossary", TEST_GLOSSARY)
    assert code == 2 and err == f"{tmp_path}: error: [E002] no articles found (expected *.md, *.markdown or *.txt files)\n"


def test_binary_and_non_utf8_files_are_reported_and_the_rest_checked(articles, cli):
    (articles / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (articles / "latin1.md").write_bytes("Line one\nCaf\xe9 fascillis\n".encode("latin-1"))
    code, out, err = cli("check", articles, "--glossary", TEST_GLOSSARY)
    assert code == 2
    assert err.splitlines() == [
        f"{articles / 'image.md'}: error: [E003] binary file, not checked",
        f"{articles / 'latin1.md'}:2:4: error: [E004] not valid UTF-8 (byte 0xe9); save the file as UTF-8",
    ]
    assert "bad.md:3:14: TK101" in out and "in 2 files" in out


def test_malformed_config_yaml(tmp_path, cli):
    (tmp_path / "termkit.yaml").write_text("language: en\nselect: [TK101\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("text\n", encoding="utf-8")
    code, out, err = cli("check", tmp_path / "a.md")
    assert code == 2 and out == ""
    assert err.startswith(f"{tmp_path / 'termkit.yaml'}:3:1: error: [E101] YAML syntax error:")
    assert len(err.splitlines()) == 1


def test_unknown_config_option_points_at_it(tmp_path, cli):
    (tmp_path / "termkit.yaml").write_text("language: en\ncolour: blue\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("text\n", encoding="utf-8")
    code, _, err = cli("check", tmp_path / "a.md")
    assert code == 2 and err.startswith(f"{tmp_path / 'termkit.yaml'}:2:1: error: [E201] invalid configuration: unknown option 'colour'")


def test_config_is_found_upwards_and_its_glossary_used(tmp_path, cli):
    (tmp_path / "termkit.yaml").write_text(f"language: en\nglossary: [{TEST_GLOSSARY}]\nallow: [fascillis]\n",
                                          encoding="utf-8")
    sub = tmp_path / "articles" / "2026"
    sub.mkdir(parents=True)
    (sub / "a.md").write_text("fascillis mongolism\n", encoding="utf-8")
    code, out, _ = cli("check", sub / "a.md", "--format", "json", "--select", "TK1")
    assert [f["code"] for f in json.loads(out)["findings"]] == ["TK101", "TK102"]


def test_unknown_rule_code(articles, cli):
    code, out, err = cli("check", articles, "--glossary", TEST_GLOSSARY, "--select", "TK999")
    assert code == 2 and out == "" and err == "termkit: error: [E202] unknown rule 'TK999' (see `termkit rules`)\n"


def test_unknown_format_and_usage_errors(articles, cli):
    code, _, err = cli("check", articles, "--format", "xml")
    assert code == 2 and "[E204] unknown output format 'xml'" in err
    with pytest.raises(SystemExit) as info:
        cli("check", "--jobs")
    assert info.value.code == 2


def test_broken_glossary_stops_the_check(tmp_path, cli):
    (tmp_path / "g.yaml").write_text("schema: termkit.glossary/1\nconcepts:\n  - id: x\n    terms: 3\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("text\n", encoding="utf-8")
    code, out, err = cli("check", tmp_path / "a.md", "--glossary", tmp_path / "g.yaml")
    assert code == 2 and out == ""
    assert err == f"{tmp_path / 'g.yaml'}:4:12: error: [E102] concepts[0].terms: expected a non-empty list of terms, got 3\n"


def test_jobs_give_the_same_report(tmp_path, cli):
    for i in range(8):
        (tmp_path / f"a{i}.md").write_text(f"Article {i}: fascillis and mongolism.\n", encoding="utf-8")
    serial = cli("check", tmp_path, "--glossary", TEST_GLOSSARY, "--format", "json")
    parallel = cli("check", tmp_path, "--glossary", TEST_GLOSSARY, "--format", "json", "--jobs", "2")
    assert serial == parallel and serial[0] == 1
    assert json.loads(serial[1])["summary"]["by_code"] == {"TK101": 8, "TK102": 8, "TK402": 8}


def test_rules_command(cli):
    code, out, _ = cli("rules")
    assert code == 0 and out.splitlines()[0].split()[:3] == ["TK101", "misspelling", "error"]
    code, out, _ = cli("rules", "deprecated-term")
    assert code == 0 and out.startswith("TK102 deprecated-term (error)") and "Bad: " in out
    assert cli("rules", "TK000")[0] == 2


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.md").write_text("fascillis\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "termkit", "check", str(tmp_path), "--glossary", str(TEST_GLOSSARY)],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "TK101" in proc.stdout


def test_changed_checks_only_files_changed_since_a_ref(tmp_path, cli, monkeypatch, git_repo):
    git = git_repo
    (tmp_path / "old.md").write_text("fascillis\n", encoding="utf-8")
    (tmp_path / "edited.md").write_text("clean\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "start")
    (tmp_path / "edited.md").write_text("now fascillis\n", encoding="utf-8")
    (tmp_path / "new.md").write_text("fasciolisia\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("check", ".", "--glossary", TEST_GLOSSARY, "--changed", "--select", "TK1", "--format", "json")
    paths = sorted(Path(f["path"]).name for f in json.loads(out)["findings"])
    assert code == 1 and paths == ["edited.md", "new.md"]


def test_pyproject_tool_section_is_a_config(tmp_path, cli):
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "site"\n\n[tool.termkit]\nglossary = ["{TEST_GLOSSARY}"]\nselect = ["TK102"]\n',
        encoding="utf-8")
    (tmp_path / "a.md").write_text("fascillis and mongolism\n", encoding="utf-8")
    code, out, _ = cli("check", tmp_path / "a.md", "--format", "json")
    assert code == 1 and [f["code"] for f in json.loads(out)["findings"]] == ["TK102"]
