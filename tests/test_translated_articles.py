"""Articles in other languages are checked against that language's terms (locales/ entries)."""

from __future__ import annotations

import shutil
import unicodedata

import pytest

from conftest import FIXTURES, TEST_GLOSSARY


@pytest.fixture
def fr_checker(tmp_path):
    from termkit import Checker, load_project

    shutil.copytree(FIXTURES / "locales", tmp_path / "locales")
    shutil.copytree(TEST_GLOSSARY, tmp_path / "glossary")
    (tmp_path / "termkit.yaml").write_text("language: en\nglossary: [glossary]\nlocales: locales\n", encoding="utf-8")
    return Checker(load_project(start=tmp_path), select=["TK1", "TK3"])


def codes(findings):
    return [(f.code, f.text, f.suggestion) for f in findings]


def test_front_matter_language_selects_the_locale_terms(fr_checker):
    text = "---\nlang: fr\n---\nLa fasciculassion ; le mongolisme ; une myopathie.\n"
    assert codes(fr_checker.check_text(text)) == [
        ("TK101", "fasciculassion", "fasciculation"),
        ("TK102", "mongolisme", "trisomie 21"),
    ]


def test_path_gives_the_language(fr_checker):
    text = "Le mongolisme.\n"
    assert codes(fr_checker.check_text(text, path="site/fr/article.md")) == [("TK102", "mongolisme", "trisomie 21")]
    assert codes(fr_checker.check_text(text, path="site/en/article.md")) == []


def test_decomposed_accents_are_matched_and_positions_stay_in_the_file(fr_checker):
    text = unicodedata.normalize("NFD", "---\nlang: fr\n---\nÉtude : le mongolisme, dit-on.\n")
    (finding,) = fr_checker.check_text(text)
    assert finding.text == "mongolisme"
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1:finding.end_column - 1] == "mongolisme"
    assert finding.column == 13  # 'É' is two code points in NFD (12 before the term, not 11)


def test_french_terms_of_one_root_are_not_inconsistent(fr_checker):
    # 'contraction fasciculaire' names the same thing through the same root: a narrower wording,
    # not a second name (TK301 in French: tests/test_terms.py and the rule's examples)
    text = ("---\nlang: fr\n---\nLa fasciculation est bénigne. Une contraction fasciculaire aussi.\n\n"
            "La fasciculation passe. La contraction fasciculaire aussi.\n")
    assert codes(fr_checker.check_text(text)) == []


def test_bilingual_pair_reports_source_concepts_missing_in_the_translation(tmp_path):
    from termkit import Checker, load_project

    shutil.copytree(FIXTURES / "locales", tmp_path / "locales")
    shutil.copytree(TEST_GLOSSARY, tmp_path / "glossary")
    (tmp_path / "termkit.yaml").write_text("language: en\nglossary: [glossary]\nlocales: locales\n", encoding="utf-8")
    (tmp_path / "site" / "en").mkdir(parents=True)
    (tmp_path / "site" / "fr").mkdir(parents=True)
    (tmp_path / "site" / "en" / "twitch.md").write_text(
        "Fasciculation is common. Fasciculation is harmless. Down syndrome is unrelated. EMG records muscles.\n",
        encoding="utf-8")
    translation = tmp_path / "site" / "fr" / "twitch.md"
    translation.write_text("Les tressautements sont fréquents. La trisomie 21 n'a rien à voir.\n", encoding="utf-8")
    checker = Checker(load_project(start=tmp_path), select=["TK302"])
    (finding,) = checker.check_file(translation, str(translation))
    assert finding.code == "TK302" and (finding.line, finding.column) == (1, 1)
    assert finding.message == (f"The source article ({tmp_path / 'site' / 'en' / 'twitch.md'}) names 'Fasciculation' "
                               "2 times (concept fasciculation); the translation uses none of 'fasciculation', "
                               "'contraction fasciculaire'")
    translation.write_text("La fasciculation est fréquente. La trisomie 21 n'a rien à voir.\n", encoding="utf-8")
    assert Checker(load_project(start=tmp_path), select=["TK302"]).check_file(translation, str(translation)) == []


def test_accent_insensitive_matching_only_where_a_term_opts_in(tmp_path):
    from termkit import Checker, load_project

    shutil.copytree(TEST_GLOSSARY, tmp_path / "glossary")
    (tmp_path / "locales" / "fr").mkdir(parents=True)
    (tmp_path / "locales" / "fr" / "neuro.yaml").write_text(
        "schema: termkit.locale/1\nlocale: fr\nentries:\n"
        "  electromyography:\n    state: translated\n    terms:\n"
        "      - {text: électromyographie, status: preferred, accents: insensitive}\n"
        "      - {text: ÉMG, status: deprecated}\n", encoding="utf-8")
    (tmp_path / "termkit.yaml").write_text("glossary: [glossary]\nlocales: locales\n", encoding="utf-8")
    checker = Checker(load_project(start=tmp_path), select=["TK1", "TK3"])
    text = "---\nlang: fr\n---\nUne electromyographie, une électromyographie ; EMG ; ÉMG.\n"
    # the unaccented spelling counts as the term; the accent-sensitive deprecated term does not fold
    assert [(f.code, f.text) for f in checker.check_text(text)] == [("TK102", "ÉMG")]
