"""Term rules on small texts: positions, suggestions, fixes, and silence on real words."""

from __future__ import annotations

import pytest

from termkit.findings import Applicability


def hits(checker, text, kind="markdown"):
    return [(f.code, f.line, f.column, f.end_column, f.text, f.suggestion) for f in checker.check_text(text, kind=kind)]


def test_listed_misspelling_exact_position_and_case_kept(checker):
    assert hits(checker, "Some call it fascillis.\nFasciolisia is rarer.") == [
        ("TK101", 1, 14, 23, "fascillis", "fasciculation"),
        ("TK101", 2, 1, 12, "Fasciolisia", "Fasciculation"),
    ]


def test_listed_misspelling_fix_is_safe_and_unlisted_is_unsafe(checker):
    listed, unlisted = checker.check_text("fascillis and fasciillis")
    assert listed.fix.applicability is Applicability.SAFE
    assert unlisted.fix.applicability is Applicability.UNSAFE
    assert unlisted.message == "'fasciillis' looks like a misspelling of 'fasciculation' (concept fasciculation)"
    assert listed.fix.edits[0].start == 0 and listed.fix.edits[0].end == 9
    assert listed.fix.edits[0].replacement == "fasciculation"


@pytest.mark.parametrize(
    ("text", "found", "suggestion"),
    [
        ("Muscle fasciculatoin", "fasciculatoin", "fasciculation"),  # transposition
        ("it was fasciculaton", "fasciculaton", "fasciculation"),  # dropped letter
        ("many fasciculatoins here", "fasciculatoins", "fasciculations"),  # plural keeps the form
        ("had neumonia twice", "neumonia", "pneumonia"),  # silent initial letter
        ("an electromyografy test", "electromyografy", "electromyography"),  # ph -> f
        ("Amyotrophic lateral sclerossis", "Amyotrophic lateral sclerossis", "Amyotrophic lateral sclerosis"),
        ("a myopaty", "myopaty", "myopathy"),
    ],
)
def test_unlisted_misspellings_are_found(checker, text, found, suggestion):
    findings = checker.check_text(text)
    assert [(f.code, f.text, f.suggestion) for f in findings] == [("TK101", found, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "Fascicles are bundles of fibres; the fascia wraps them.",  # allow list and lexicon
        "Myopathies differ; fasciculating muscles twitch.",  # inflection and derivation of terms
        "The fasces were a Roman symbol.",
        "Lateral muscles and sclerosis of the arteries.",  # real words of a multi-word term, alone
        "O. Vegard wrote about Gehrig and others.",  # unknown names far from any term
        "twichology",  # a misspelling of a concept that is only proposed
        "als lowercase is not the acronym",
    ],
)
def test_real_words_and_unenforced_concepts_are_silent(checker, text):
    assert hits(checker, text) == []


def test_deprecated_and_superseded_terms(checker):
    found = checker.check_text("Mongolism was the old word. She had juvenile diabetes.")
    assert [(f.code, f.rule, f.severity.value, f.text, f.suggestion) for f in found] == [
        ("TK102", "deprecated-term", "error", "Mongolism", "Down syndrome"),
        ("TK103", "superseded-term", "warning", "juvenile diabetes", "type 1 diabetes"),
    ]
    assert found[0].message == "Use 'Down syndrome' instead of 'Mongolism' (deprecated term, concept down_syndrome)"
    assert found[1].fix.applicability is Applicability.UNSAFE  # two words for three


def test_inconsistent_term_reported_once_with_first_use(checker):
    text = "Fasciculation is common.\nMuscle twitching is rarely serious. Muscle twitching again."
    found = checker.check_text(text)
    assert [(f.code, f.line, f.column, f.suggestion) for f in found] == [("TK301", 2, 1, "fasciculation")]
    assert "(line 1)" in found[0].message


def test_abbreviation_after_full_term_is_consistent(checker):
    assert hits(checker, "Amyotrophic lateral sclerosis (ALS) is rare. ALS is progressive.") == []


def test_markdown_code_links_comments_and_front_matter_are_never_checked(checker):
    text = (
        "---\ntitle: fascillis\nlang: en\n---\n"
        "Inline `fascillis` code, a [link](https://example.org/fascillis) and <!-- fascillis -->.\n"
        "\n```\nfascillis in a fence\n```\n\n"
        "See https://fascillis.example.org/x and <span title=\"fascillis\">text</span>.\n"
        "Only this fascillis counts.\n"
    )
    assert hits(checker, text) == [("TK101", 12, 11, 20, "fascillis", "fasciculation")]


def test_plain_text_keeps_backticks_but_skips_urls(checker):
    text = "Visit https://x.org/fascillis or read `fascillis`."
    assert [f.column for f in checker.check_text(text, kind="text")] == [40]


def test_columns_count_code_points(checker):
    # an emoji and accented letters before the term: columns are code points, not bytes
    found = checker.check_text("Ça va 🙂 éé fascillis")
    assert (found[0].column, found[0].end_column) == (12, 21)


def test_select_and_ignore(project):
    from termkit import Checker

    text = "fascillis and mongolism"
    assert [f.code for f in Checker(project, select=["TK102"]).check_text(text)] == ["TK102"]
    assert [f.code for f in Checker(project, ignore=["misspelling", "TK4"]).check_text(text)] == ["TK102"]
    assert [f.code for f in Checker(project, select=["TK1"]).check_text(text)] == ["TK101", "TK102"]
