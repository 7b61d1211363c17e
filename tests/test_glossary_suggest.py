"""`termkit glossary suggest`: variants and candidate terms mined from an archive, the reviewable
patch, and applying it with --write (all or nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ARTICLE_A = """# Twitching muscles

Many people notice a fasciculaton in the calf after exercise.
A nerve conduction study is often ordered, and a nerve conduction study takes an hour.
Doctors may also order an electromyografy.
"""
ARTICLE_B = """# Nerve tests

A fasciculaton is usually harmless. Another fasciculaton may follow.
The nerve conduction studies measure how fast signals travel.
Pneumonnia is a different story.
"""


@pytest.fixture
def archive(workspace):
    folder = workspace / "archive"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.md").write_text(ARTICLE_B, encoding="utf-8")
    return workspace


def _glossary_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "glossary").glob("*.yaml"))}


def test_suggestions_exact(archive):
    from termkit import load_project
    from termkit.glossary.mining import suggest

    found = suggest([Path("archive")], load_project(start=archive))
    assert found.articles == 2
    assert [(v.concept_id, v.term, v.text, v.count, [(e.path, e.line) for e in v.examples])
            for v in found.variants] == [
        ("electromyography", "electromyography", "electromyografy", 1, [("archive/a.md", 5)]),
        ("fasciculation", "fasciculation", "fasciculaton", 3,
         [("archive/a.md", 3), ("archive/b.md", 3), ("archive/b.md", 3)]),
        ("pneumonia", "pneumonia", "pneumonnia", 1, [("archive/b.md", 5)]),
    ]
    assert found.variants[1].examples[0].text == "Many people notice a fasciculaton in the calf after exercise."
    # the plural is counted with the singular, and the nested pairs are not terms of their own
    assert [(c.text, c.count, c.documents, c.forms, [(e.path, e.line) for e in c.examples])
            for c in found.candidates] == [
        ("nerve conduction study", 3, 2, ["nerve conduction studies"],
         [("archive/a.md", 4), ("archive/a.md", 4), ("archive/b.md", 4)]),
    ]


def test_listing_and_patch_file(archive, cli):
    code, out, err = cli("glossary", "suggest", "archive", "-o", "patch.yaml")
    assert (code, err) == (0, "")
    assert "  fasciculation (en)\n    'fasciculaton' for 'fasciculation': 3x\n" \
           "      archive/a.md:3: Many people notice a fasciculaton in the calf after exercise.\n" in out
    assert "    1. nerve conduction study (en): 3x in 2 articles" in out
    assert out.endswith("Patch written to patch.yaml: review it, then apply with "
                        "`termkit glossary suggest --write patch.yaml`.\n")
    patch = (archive / "patch.yaml").read_text(encoding="utf-8")
    assert ("- concept: fasciculation\n  term: fasciculation\n  language: en\n  add:\n  - fasciculaton\n"
            "  count: 3\n  seen:\n  - archive/a.md:3\n  - archive/b.md:3\n") in patch
    assert ("- id: nerve_conduction_study\n  language: en\n  status: proposed\n  terms:\n"
            "  - text: nerve conduction study\n    status: preferred\n    forms:\n    - nerve conduction studies\n") in patch


def test_round_trip_write_validate_check(archive, cli):
    assert cli("glossary", "suggest", "archive", "-o", "patch.yaml")[0] == 0
    before = (archive / "glossary" / "neuro.yaml").read_text(encoding="utf-8")
    code, out, err = cli("glossary", "suggest", "--write", "patch.yaml")
    assert (code, err) == (0, "")
    assert out.startswith("Applied 3 misspelling entries and 1 new concepts to 2 files")
    after = (archive / "glossary" / "neuro.yaml").read_text(encoding="utf-8")
    # only the three misspelling lists changed; comments and layout kept
    import difflib

    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in ("- ", "+ ")]
    assert changed == ["-         misspellings: [fascillis, fasciolisia]",
                       "+         misspellings: [fascillis, fasciolisia, fasciculaton]",
                       "-         misspellings: [electromiography]",
                       "+         misspellings: [electromiography, electromyografy]",
                       "+         misspellings: [pneumonnia]"]
    proposed = (archive / "glossary" / "proposed.yaml").read_text(encoding="utf-8")
    assert "  - id: nerve_conduction_study\n    status: proposed\n" in proposed
    code, out, _ = cli("glossary", "validate")
    assert code == 0 and out.startswith("Glossary OK: 9 concepts")
    code, out, _ = cli("check", "archive/a.md", "--select", "TK101")
    assert "archive/a.md:3:22: TK101 [error] 'fasciculaton' is a misspelling of 'fasciculation' (concept fasciculation)" in out
    # the same patch again no longer applies: refused at its entry, nothing written
    kept = _glossary_bytes(archive)
    code, out, err = cli("glossary", "suggest", "--write", "patch.yaml")
    assert code == 2
    assert err == ("patch.yaml:5:3: error: [E114] glossary patch does not apply: 'electromyografy' is already "
                   "listed for 'electromyography' (glossary/neuro.yaml:51); nothing written\n")
    assert _glossary_bytes(archive) == kept


@pytest.mark.parametrize(("patch", "message"), [
    ("schema: termkit.glossary-patch/1\nmisspellings:\n  - concept: nosuch\n    term: x\n    language: en\n    add: [y]\n",
     "patch.yaml:3:5: error: [E114] glossary patch does not apply: no concept 'nosuch' in the glossary; nothing written"),
    ("schema: termkit.glossary-patch/1\nmisspellings:\n  - concept: myopathy\n    term: myopathie\n    language: en\n    add: [y]\n",
     "patch.yaml:3:5: error: [E114] glossary patch does not apply: concept 'myopathy' has no en term 'myopathie'; nothing written"),
    ("schema: termkit.glossary-patch/1\nconcepts:\n  - id: pneumonia\n    language: en\n    terms: [{text: lung fever}]\n",
     "patch.yaml:3:5: error: [E114] glossary patch does not apply: concept id 'pneumonia' is already taken (glossary/neuro.yaml:63); nothing written"),
    ("schema: termkit.glossary-patch/1\nconcepts:\n  - id: lung_fever\n    language: en\n    terms: [{text: pneumonia}]\n",
     ("patch.yaml: error: [E114] glossary patch does not apply: the glossary would not validate: [E107] term "
      "'pneumonia' is claimed by concepts 'pneumonia' and 'lung_fever'; nothing written")),
    ("schema: termkit.glossary-patch/1\nmisspellings:\n  - concept: myopathy\n    term: myopathy\n    language: en\n    add: [myopatty]\n    colour: red\n",
     "patch.yaml:7:5: error: [E103] unknown field 'misspellings[0].colour' (expected one of: concept, term, language, add, count, seen)"),
    ("schema: termkit.glossary-patch/1\nconcepts:\n  - id: lung_fever\n    language: en\n    file: ../x.yaml\n    terms: [{text: lung fever}]\n",
     "patch.yaml:3:5: error: [E114] glossary patch does not apply: file '../x.yaml' is not a .yaml file in a glossary folder; nothing written"),
    ("schema: termkit.glossary/1\n", "patch.yaml:1:1: error: [E110] unsupported schema 'termkit.glossary/1' (expected 'termkit.glossary-patch/1')"),
    ("misspellings: [\n", "patch.yaml:2:1: error: [E101] YAML syntax error: did not find expected node content"),
])
def test_patch_refused_nothing_written(workspace, cli, patch, message):
    (workspace / "patch.yaml").write_text(patch, encoding="utf-8")
    kept = _glossary_bytes(workspace)
    code, out, err = cli("glossary", "suggest", "--write", "patch.yaml")
    assert (code, out) == (2, "")
    assert err.splitlines()[0] == message
    assert _glossary_bytes(workspace) == kept
    assert not (workspace / "glossary" / "proposed.yaml").exists()


def test_unreadable_input_exit_2_nothing_written(archive, cli):
    (archive / "archive" / "c.md").write_bytes(b"A fasciculaton \xff here.\n")
    code, out, err = cli("glossary", "suggest", "archive", "-o", "patch.yaml")
    assert (code, out) == (2, "")
    assert err == "archive/c.md:1:16: error: [E004] not valid UTF-8 (byte 0xff); save the file as UTF-8\n"
    assert not (archive / "patch.yaml").exists()
    code, _, err = cli("glossary", "suggest", "nowhere")
    assert (code, err) == (2, "nowhere: error: [E001] path not found\n")
    (archive / "bad.yaml").write_bytes(b"schema: \xfe\n")
    code, _, err = cli("glossary", "suggest", "--write", "bad.yaml")
    assert (code, err) == (2, "bad.yaml:1: error: [E004] not valid UTF-8 (byte 0xfe); save the file as UTF-8\n")
    code, _, err = cli("glossary", "suggest", "--write", "missing.yaml")
    assert code == 2 and err.startswith("missing.yaml: error: [E005] cannot read file:")
    code, _, err = cli("glossary", "suggest")
    assert code == 2
    assert err == ("termkit: error: [E201] invalid configuration: give either ARCHIVE folders to mine "
                   "or --write PATCH to apply\n")


_KEYS = st.sampled_from(["schema", "misspellings", "concepts", "concept", "term", "language", "add", "id",
                         "terms", "text", "status", "forms", "file", "seen", "count"])
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12),
                     st.sampled_from(["termkit.glossary-patch/1", "en", "proposed", "preferred", "myopathy"]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, min_size=1, max_size=4),
                                                          st.dictionaries(_KEYS, inner, min_size=1, max_size=5)),
                       max_leaves=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.dictionaries(_KEYS, _VALUES, max_size=4), st.text(max_size=200)))
def test_patch_reader_reads_whole_or_refuses(data):
    """Any input is either read whole into a Patch or refused with coded, located errors (exit 2)."""
    import yaml

    from termkit.errors import TermkitError, TermkitErrors
    from termkit.glossary.patch import Patch, parse_patch

    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    try:
        patch = parse_patch(text, "p.yaml")
    except TermkitError as exc:
        assert exc.path == "p.yaml" and exc.message.startswith("[E")
        return
    except TermkitErrors as exc:
        assert exc.errors and all(e.path == "p.yaml" and e.message.startswith("[E") for e in exc.errors)
        return
    assert isinstance(patch, Patch)
    assert all(entry.add and all(a.strip() for a in entry.add) for entry in patch.misspellings)
    assert all(c.terms and c.id for c in patch.concepts)


def test_cvalue_discounts_nested_candidates():
    from collections import Counter

    from termkit.glossary.mining import cvalues

    counts = Counter({("nerve", "conduction", "study"): 4, ("nerve", "conduction"): 6, ("conduction", "study"): 4})
    scores = cvalues(counts)
    assert scores[("nerve", "conduction", "study")] == pytest.approx(1.585 * 4, rel=1e-3)
    assert scores[("conduction", "study")] == 0  # never seen outside the longer term
    assert scores[("nerve", "conduction")] == 2  # 6 - 4


def test_language_filter(archive, cli):
    (archive / "archive" / "c.md").write_text("---\nlang: fr\n---\nUne fasciculaton du mollet.\n", encoding="utf-8")
    code, out, _ = cli("glossary", "suggest", "archive", "--language", "fr")
    assert code == 0
    assert out == ("1 articles (fr)\n\nUnlisted variants of glossary terms: 1\n  fasciculation (fr)\n"
                   "    'fasciculaton' for 'fasciculation': 1x\n      archive/c.md:4: Une fasciculaton du mollet.\n\n"
                   "Candidate terms: 0\n")
    assert cli("glossary", "suggest", "archive", "--language", "fr", "-o", "patch.yaml")[0] == 0
    kept = _glossary_bytes(archive)
    code, _, err = cli("glossary", "suggest", "--write", "patch.yaml")
    assert code == 2
    assert err == ("patch.yaml:5:3: error: [E114] glossary patch does not apply: fr terms of "
                   "'fasciculation' are kept in the locale files, which --write does not edit; add "
                   "fasciculaton there by hand and drop this entry; nothing written\n")
    assert _glossary_bytes(archive) == kept


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.dictionaries(_KEYS, _VALUES, max_size=4), st.binary(max_size=120)))
def test_write_applies_whole_or_writes_nothing(workspace, cli, data):
    """Through the command line: a patch file is applied (exit 0) or refused (exit 2) with no
    glossary file changed and no new file."""
    import yaml

    raw = data if isinstance(data, bytes) else yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    (workspace / "patch.yaml").write_bytes(raw)
    kept = _glossary_bytes(workspace)
    code, _, err = cli("glossary", "suggest", "--write", "patch.yaml")
    assert code in (0, 2)
    if code == 2:
        assert "error: [E" in err and "Traceback" not in err
        assert _glossary_bytes(workspace) == kept
