"""Bilingual files written by real tools (Transifex, Poedit, Symfony's XLIFF writers), kept byte
for byte as published in tests/data/real_bilingual/ (sources and licences in MANIFEST.md): termkit
reads each whole, counts the segments lxml / Babel count, and puts its findings on the line and
column of the target they are about."""

from __future__ import annotations

import hashlib
import io
import json
import re

import pytest
from babel.messages.pofile import read_po
from lxml import etree

from conftest import HERE

REAL = HERE / "data" / "real_bilingual"
XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20 = "urn:oasis:names:tc:xliff:document:2.0"

# file -> sha256 of the published bytes (MANIFEST.md): a changed byte fails here first
PUBLISHED = {
    "symfony-validators.fr.xlf": "027d8277222d3962e3f2f05181a162993fdcf3fa82e4c9453d8ffcd4f2ad263f",
    "symfony-validators.de.xlf": "8e990e7bebc57651170092715cb7feb2c21993a29e1b91013d784e1d140b3a27",
    "symfony-dumper-resources-2.0-clean.xlf": "f8da08fd77e9c3198775b25e35e9f816f1b1a59b7de31d08cb5520b87406a407",
    "django-comments-django.fr.po":
        "a80915f382859dbb9ce60e23768cef1f9460adcd28e0be4bdd8c1586f006bef4",
    "django-comments-django.de.po":
        "6a1f1f0c5581c9f19915a42415495aac0699a064e39b8c12a6a2f32b474e84c7",
    "taggit-django.fr.po":
        "b0f31927025789f439e598fa1a459f7a1085c47beda81fbf5de6cb8e5a5e03e6",
}
FILES = sorted(PUBLISHED)

# what termkit reports on the unmodified files, each finding reviewed in MANIFEST.md
EXPECTED_FINDINGS = {
    "symfony-validators.fr.xlf": [(51, 25, "TK505")],
    "symfony-validators.de.xlf": [],
    "symfony-dumper-resources-2.0-clean.xlf": [(13, 27, "TK502")],
    "django-comments-django.fr.po": [(88, 9, "TK502"), (197, 9, "TK502"), (260, 9, "TK505"),
                                     (280, 9, "TK505")],
    "django-comments-django.de.po": [(79, 9, "TK502"), (127, 9, "TK505"), (172, 9, "TK507"),
                                     (178, 9, "TK507")],
    "taggit-django.fr.po": [(23, 9, "TK502"), (45, 9, "TK502"), (53, 9, "TK502"), (79, 9, "TK502"),
                            (84, 9, "TK502"), (88, 9, "TK502")],
}


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (code points) of ``offset``, computed here without termkit."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _termkit_segments(text: str, name: str):
    from termkit.bilingual import kind_of, read_segments

    return read_segments(text, kind_of(name, text))[0]


def _independent(text: str, name: str) -> tuple[int, list[str], list[int]]:
    """(segment count, target texts, target start offsets) by lxml / Babel and plain text search."""
    if name.endswith(".xlf"):
        root = etree.fromstring(text.encode("utf-8"))
        ns = root.nsmap[None]
        unit = "trans-unit" if ns == XLIFF12 else "segment"
        units = root.iter(f"{{{ns}}}{unit}")
        targets = ["".join(t.itertext()) for u in units for t in u.findall(f"{{{ns}}}target")]
        count = sum(1 for _ in root.iter(f"{{{ns}}}{unit}"))
        starts = [m.end() for m in re.finditer(r"<target(?:\s[^>]*)?>", text)]
        return count, targets, starts
    catalog = read_po(io.StringIO(text))
    targets = []
    for message in catalog:
        if not message.id:
            continue  # the header entry
        targets.extend(message.string if message.pluralizable else [message.string])
    starts = []
    for m in re.finditer(r'^msgstr(?:\[\d+\])? "', text, re.M):
        pos = m.end()
        line_end = text.find("\n", pos)
        if text[pos:line_end] == '"' and text[line_end + 1:line_end + 2] == '"':
            pos = line_end + 2  # msgstr "" then the text on the next lines
        starts.append(pos)
    return len(targets), targets, starts[1:]  # starts[0]: the header's msgstr


@pytest.mark.parametrize("name", FILES)
def test_real_file_is_kept_as_published(name):
    data = (REAL / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == PUBLISHED[name]
    assert name in (REAL / "MANIFEST.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FILES)
def test_real_file_read_whole_first_and_last_target_where_the_file_has_them(name):
    text = (REAL / name).read_text(encoding="utf-8")
    segments = _termkit_segments(text, name)
    count, targets, starts = _independent(text, name)
    assert len(segments) == count > 0
    for seg, target, start in ((segments[0], targets[0], starts[0]), (segments[-1], targets[-1], starts[-1])):
        assert seg.target == target
        assert _line_col(text, seg.target_span[0]) == _line_col(text, start)
    assert [s.target for s in segments] == targets


@pytest.mark.parametrize("name", FILES)
def test_check_real_file_exits_0_or_1_with_the_reviewed_findings(cli, monkeypatch, name):
    monkeypatch.chdir(HERE.parent)
    code, out, err = cli("check", REAL / name, "--format", "json")
    assert code in (0, 1), err
    found = [(f["line"], f["column"], f["code"]) for f in json.loads(out)["findings"]]
    assert found == EXPECTED_FINDINGS[name]
    assert code == (1 if any(c in ("TK502", "TK507") for _, _, c in found) else 0)


# (file, a real target as published, the same target changed, the code termkit must report there)
MUTATIONS = [
    ("symfony-validators.fr.xlf", "<target>Cette valeur n'est pas un code ISBN-10 valide.</target>",
     "<target>Cette valeur n'est pas un code ISBN-11 valide.</target>", "TK503"),
    ("symfony-validators.de.xlf", "<target>Dieser Wert sollte false sein.</target>",
     "<target></target>", "TK502"),
    ("symfony-dumper-resources-2.0-clean.xlf", "<target>bar</target>", "<target></target>", "TK502"),
    ("django-comments-django.fr.po", 'msgstr[0] "1 commentaire a été %(action)s avec succès."',
     'msgstr[0] "2 commentaire a été %(action)s avec succès."', "TK503"),
    ("django-comments-django.de.po", 'msgstr "Ausgewählte Kommentare markieren"', 'msgstr ""', "TK502"),
    ("taggit-django.fr.po", 'msgstr "Étiquette"', 'msgstr "Étiquette "', "TK506"),
]


@pytest.mark.parametrize("name,before,after,code", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_finding_on_a_changed_real_target_lands_on_that_target(cli, tmp_path, monkeypatch, name, before, after,
                                                               code):
    monkeypatch.chdir(HERE.parent)
    text = (REAL / name).read_text(encoding="utf-8")
    assert text.count(before) == 1
    changed = text.replace(before, after)
    copy = tmp_path / name
    copy.write_bytes(changed.encode("utf-8"))
    # where the changed target's text starts in the copy: after the tag or the opening quote
    at = text.index(before) + (after.index(">") + 1 if after.startswith("<") else after.index('"') + 1)
    code_, out, err = cli("check", copy, "--format", "json")
    assert code_ in (0, 1), err
    found = [(f["line"], f["column"], f["code"]) for f in json.loads(out)["findings"]]
    assert (*_line_col(changed, at), code) in found
    original = {(line, col, c) for line, col, c in EXPECTED_FINDINGS[name]}
    # the change adds exactly one finding, and nothing else moves
    assert len(found) == len(original) + 1 and original <= set(found)
