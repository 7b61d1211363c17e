"""The real-text corpus (eval/realworld) is whole, and its evaluation script scores what it should."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest
import yaml

from conftest import HERE

ROOT = HERE.parent / "eval" / "realworld"
ENTRIES = [entry for path in sorted(ROOT.glob("manifest*.yaml"))
           for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


def test_corpus_has_the_size_and_languages_it_promises():
    by_lang = {lang: sum(1 for e in ENTRIES if e["lang"] == lang) for lang in ("en", "fr", "es", "de")}
    assert len(ENTRIES) >= 200 and by_lang["en"] >= 120
    assert all(by_lang[lang] >= 25 for lang in ("fr", "es", "de")), by_lang
    assert len({e["id"] for e in ENTRIES}) == len(ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_every_text_has_its_source_licence_split_and_labels(entry):
    for key in ("source_url", "licence", "retrieved", "lang", "split"):
        assert entry.get(key), f"{entry['id']}: no {key}"
    assert (ROOT / "licences" / f"{entry['licence']}.txt").is_file(), entry["licence"]
    # the split follows from the id alone: a text never moves between dev and test
    expected = "test" if hashlib.sha1(entry["id"].encode()).digest()[0] % 3 == 0 else "dev"
    assert entry["split"] == expected
    text = (ROOT / entry["path"]).read_text(encoding="utf-8")
    assert text.startswith("---\n") and f"lang: {entry['lang']}" in text.split("\n---", 1)[0]
    labels = yaml.safe_load((ROOT / "labels" / f"{entry['id']}.yaml").read_text(encoding="utf-8"))
    lines = text.split("\n")
    for label in labels.get("labels") or []:
        if label.get("text"):
            assert label["text"] in lines[label["line"] - 1], (label["line"], label["text"])
        assert label["verdict"] in ("right", "wrong")


def test_evaluation_scores_right_wrong_and_missed_findings(tmp_path):
    (tmp_path / "texts" / "en").mkdir(parents=True)
    (tmp_path / "labels").mkdir()
    (tmp_path / "texts" / "en" / "en-x-one.md").write_text(
        "---\nlang: en\ntype: news\n---\n# Cramps\n\nThis remedy cures arthritis.\n\n"
        "It isn't cheap, but it cures gout.\n\nMagnesium may help with cramps.\n", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(
        "- {id: en-x-one, lang: en, path: texts/en/en-x-one.md, split: dev, words: 20}\n", encoding="utf-8")
    (tmp_path / "labels" / "en-x-one.yaml").write_text(yaml.safe_dump({"id": "en-x-one", "labels": [
        {"code": "TK401", "line": 7, "text": "cures arthritis", "verdict": "right"},
        {"code": "TK401", "line": 9, "text": "cures gout", "verdict": "wrong"},
        {"code": "TK401", "line": 11, "text": "may help", "verdict": "right"},
    ]}), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(HERE.parent / "eval" / "realworld.py"), "--root", str(tmp_path),
                           "--split", "dev", "--show-errors"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    row = next(line.split() for line in proc.stdout.splitlines() if line.startswith("TK401   en"))
    # findings, of them info, right, wrong, unjudged, precision, recall, labelled:
    # one right, one wrong, one of the two labelled claims missed
    assert row[2:10] == ["2", "2", "1", "1", "0", "0.50", "0.50", "2"]
    assert "missed    en-x-one:11 TK401 'may help'" in proc.stdout
    assert "wrong     en-x-one:9:1 TK401" in proc.stdout
