"""Misspellings spelled by ear: the sound-alike key of each language, its data, and suggestions
that keep the inflection of the misspelt word."""

from __future__ import annotations

import pickle

import pytest

from termkit import languages
from termkit.errors import TermkitError
from termkit.languages import language_data
from termkit.phonetic import SoundKey


def found(checker, text):
    return [(f.code, f.line, f.column, f.text, f.suggestion) for f in checker.check_text(text) if f.code == "TK101"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patients with assma need care.", [("TK101", 1, 15, "assma", "asthma")]),
        ("Patients with nawshea need care.", [("TK101", 1, 15, "nawshea", "nausea")]),
        ("Patients with numonia need care.", [("TK101", 1, 15, "numonia", "pneumonia")]),
        ("Signs of inflammashun.", [("TK101", 1, 10, "inflammashun", "inflammation")]),
        ("---\nlang: de\n---\nEin Hertsinfarckt ist ein Notfall.\n", [("TK101", 4, 5, "Hertsinfarckt", "Herzinfarkt")]),
        ("---\nlang: es\n---\nTiene kalambres por la noche.\n", [("TK101", 4, 7, "kalambres", "calambres musculares")]),
        ("---\nlang: fr\n---\nLes mautoneurones sont atteints.\n", [("TK101", 4, 5, "mautoneurones", "motoneurones")]),
    ],
)
def test_misspellings_spelled_by_ear_are_found(shipped_checker, text, expected):
    assert found(shipped_checker, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We assume nothing about the nausea.",  # 'assume' sounds like 'asthma' to Metaphone: a real word
        "Newman wrote about pneumonia.",
        "---\nlang: es\n---\nLa vacuna y la bacteria.\n",
        "---\nlang: de\n---\nDie Herzen und die Hertz-Frequenz.\n",
    ],
)
def test_real_words_that_sound_like_terms_are_silent(shipped_checker, text):
    assert found(shipped_checker, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Calf fasciculasions are common.", [("TK101", 1, 6, "fasciculasions", "fasciculations")]),
        ("Calf fasciculashuns are common.", [("TK101", 1, 6, "fasciculashuns", "fasciculations")]),
        ("A fasciculasion is common.", [("TK101", 1, 3, "fasciculasion", "fasciculation")]),
        # an admitted term's plural, misspelt: the preferred term in the plural
        ("---\nlang: fr\n---\nLes asthmatikes et un astmatike.\n",
         [("TK101", 4, 5, "asthmatikes", "asthmes"), ("TK101", 4, 23, "astmatike", "asthme")]),
    ],
)
def test_suggestions_keep_the_inflection_of_the_misspelt_word(shipped_checker, text, expected):
    assert found(shipped_checker, text) == expected


@pytest.mark.parametrize(
    ("language", "written", "meant"),
    [
        ("en", "newmonia", "pneumonia"),
        ("en", "assma", "asthma"),
        ("en", "nawshea", "nausea"),
        ("fr", "fasciculassion", "fasciculation"),
        ("fr", "mautoneurone", "motoneurone"),
        ("es", "bacuna", "vacuna"),
        ("es", "ipertensión", "hipertensión"),
        ("de", "Lungenentsündung", "Lungenentzündung"),
        ("de", "Ckopvschmerz", "Kopfschmerz"),
    ],
)
def test_each_language_key_gives_one_key_to_one_sound(language, written, meant):
    key = language_data(language).sound_key()
    assert key(written) == key(meant)


def test_a_key_survives_the_compiled_glossary_cache():
    key = language_data("de").sound_key()
    again = pickle.loads(pickle.dumps(key))
    assert again("Hertsinfarckt") == key("Herzinfarkt") and again.rules == key.rules


def test_a_key_is_data_a_user_can_read():
    key = SoundKey((("^ps", "s"), ("ph", "f")))
    assert (key("psoriasis"), key("phobia")) == ("soriasis", "fobia")


@pytest.mark.parametrize(
    ("phonetic", "problem"),
    [
        ("phonetic:\n  rules:\n    - ['(unclosed', 'x']\n", "phonetic.rules: '(unclosed'"),
        ("phonetic:\n  rules:\n    - just-a-string\n", "expected [pattern, replacement] pairs"),
        ("phonetic:\n  library: soundex-of-my-own\n", "phonetic.library: expected one of metaphone, nysiis"),
        ("phonetic: [a, b]\n", "phonetic: expected mappings"),
    ],
)
def test_bad_phonetic_data_names_the_file_and_the_problem(tmp_path, monkeypatch, phonetic, problem):
    (tmp_path / "xx.yaml").write_text("language: xx\n" + phonetic, encoding="utf-8")
    monkeypatch.setattr(languages, "DATA_DIR", tmp_path)
    language_data.cache_clear()
    try:
        with pytest.raises(TermkitError) as error:
            language_data("xx")
    finally:
        language_data.cache_clear()
    assert problem in str(error.value)
    assert str(tmp_path / "xx.yaml") in str(error.value) or error.value.path == str(tmp_path / "xx.yaml")
