"""SARIF, GitHub and JUnit renderings: golden files, and SARIF validated against the OASIS schema."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES, HERE, SHARED

GOLDEN = HERE / "golden"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def run_format(cli, monkeypatch, fmt):
    monkeypatch.chdir(FIXTURES)
    code, out, err = cli("check", "articles", "--glossary", "glossary", "--format", fmt)
    assert code == 1 and err == ""
    return out.replace('"version": "0.1.0"', '"version": "[VERSION]"')


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit"])
def test_golden(fmt, cli, monkeypatch, update_golden):
    out = run_format(cli, monkeypatch, fmt)
    golden = GOLDEN / f"articles.{fmt}"
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason=f"SARIF schema not found at {SARIF_SCHEMA} (shared/ absent)")
def test_sarif_validates_against_the_oasis_schema(cli, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(run_format(cli, monkeypatch, "sarif"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids)) and all(r["help"]["text"] for r in run["tool"]["driver"]["rules"])
    emoji = next(r for r in run["results"] if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 6)
    assert emoji["locations"][0]["physicalLocation"]["region"]["startColumn"] == 42  # after an emoji: code points


def test_github_columns_only_on_single_line_findings(cli, monkeypatch):
    lines = run_format(cli, monkeypatch, "github").splitlines()
    assert lines[0].startswith("::error file=articles/history.md,line=1,col=1,endColumn=12,title=termkit (TK402 ")
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)


def test_junit_is_well_formed(cli, monkeypatch):
    root = ET.fromstring(run_format(cli, monkeypatch, "junit").split("\n", 1)[1])
    assert root.tag == "testsuites" and root.get("failures") == str(len(root.findall(".//failure")))
