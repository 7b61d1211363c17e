"""The real draft in ../shared/samples (not copied into the project) with the shipped glossary."""

from __future__ import annotations

import pytest

from conftest import SHARED

SAMPLE = SHARED / "samples" / "fasciculation-article.txt"
pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason=f"sample draft not found at {SAMPLE}")


def test_garbled_variants_of_fasciculation_are_found_at_their_positions(shipped_checker):
    source = SAMPLE.read_text(encoding="utf-8")
    findings = shipped_checker.check_text(source, path=str(SAMPLE), kind="text")
    misspellings = [(f.text, f.suggestion) for f in findings if f.code == "TK101"]
    assert misspellings == [
        ("fascillis", "fasciculation"),
        ("fascillia", "fasciculation"),
        ("Fasciolisia", "Fasciculation"),
        ("fasciillis", "fasciculation"),
    ]
    lines = source.splitlines()
    for f in findings:
        if f.code == "TK101":
            assert lines[f.line - 1][f.column - 1:f.end_column - 1] == f.text


def test_no_misspelling_on_ordinary_words(shipped_checker):
    source = SAMPLE.read_text(encoding="utf-8")
    flagged = {f.text.lower() for f in shipped_checker.check_text(source, kind="text") if f.code == "TK101"}
    assert flagged == {"fascillis", "fascillia", "fasciolisia", "fasciillis"}
