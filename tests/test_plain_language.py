"""Plain language: unexplained jargon (TK601), readability (TK611), long sentences (TK612), the
passive (TK613); readability formulas against textstat; prose only."""

from __future__ import annotations

import itertools
import math

import pytest
from conftest import HERE

from termkit.components.readability import joined, kandel_moles, prose_blocks, score

CODES = ["TK601", "TK301", "TK611", "TK612", "TK613"]


@pytest.fixture(scope="module")
def check():
    from termkit import Checker, load_project

    checker = Checker(load_project(start=HERE), select=CODES)

    def run(text: str, codes=CODES):
        return [(f.line, f.column, f.code, f.message, f.suggestion) for f in checker.check_text(text) if f.code in codes]

    return run


def test_first_unexplained_use_is_reported_once_with_the_lay_term(check):
    text = ("# Fasciculation\n\nMuscle cramps are common. Fasciculation can follow exercise.\n\n"
            "Fasciculation is harmless, and fasciculations stop.\n")
    assert check(text, ["TK601"]) == [
        (3, 27, "TK601", ("'Fasciculation' is a technical term: explain it at its first use, e.g. "
                          "'Fasciculation (muscle twitching)'"), "muscle twitching")]


@pytest.mark.parametrize("text", [
    "Fasciculation (muscle twitching) can follow exercise. Fasciculation is harmless.",
    "Muscle twitching, which doctors call fasciculation, can follow exercise.",
    "Muscle twitching, also called fasciculation, can follow exercise.",
    "Fasciculation is a small twitch of a muscle under the skin.",
    "Fasciculation means that a muscle twitches under the skin.",
    "Fasciculation (a small twitch of a muscle) can follow exercise.",
    "A muscle can twitch under the skin, called fasciculation.",
    "Small twitches of muscles known as the fasciculations can follow exercise.",  # an article after the cue
    "Fasciculation (twitching) can follow exercise.",  # one lower-case word in brackets
    "Fasciculation often occurs when a nerve that ends in a muscle is irritated.",
    "Muscle twitching is common. The medical term is fasciculation.",
    "Fasciculation is twitching of muscle fibres under the skin.",  # a definition sentence: the term is its subject
    "Sudden fasciculation is twitching of muscle fibres under the skin.",
    "---\ntype: abstract\n---\nFasciculation can follow exercise.",
    "---\ntype: regulatory\n---\nYour website says: \"Fasciculation can follow exercise.\"",
    "---\ntype: professional\n---\nFasciculation can follow exercise.",
])
def test_explained_or_exempt(check, text):
    assert check(text, ["TK601", "TK301"]) == []


def test_a_subject_far_from_its_verb_is_no_definition(check):
    text = "After a long run in the cold, fasciculation is twitching of muscle fibres."
    assert [c for _, _, c, _, _ in check(text, ["TK601"])] == ["TK601"]


def test_tk301_stays_silent_on_an_explained_pair_the_jargon_rule_accepts(check):
    text = ("Fasciculation (muscle twitching) is common. Fasciculation can follow exercise; muscle twitching "
            "can follow caffeine. Fasciculation and muscle twitching are harmless.")
    assert check(text, ["TK601", "TK301"]) == []


def test_only_an_explanation_known_suggests_nothing_but_says_it(check):
    text = "---\nlang: es\n---\nLa fasciculación aparece tras el ejercicio."
    ((line, column, code, message, suggestion),) = check(text, ["TK601"])
    assert (line, column, code, suggestion) == (4, 4, "TK601", None)
    assert message.endswith("a short explanation: Un pequeño temblor de un músculo que se ve o se siente bajo la piel.")


@pytest.mark.parametrize(("text", "expected"), [
    ("---\nlang: fr\n---\nLa fasciculation suit l'effort.", (4, 4, "tressaillement musculaire")),
    ("---\nlang: de\n---\nFaszikulationen treten nach dem Sport auf.", (4, 1, "Muskelzucken")),
])
def test_other_languages(check, text, expected):
    ((line, column, _, _, suggestion),) = check(text, ["TK601"])
    assert (line, column, suggestion) == expected


def test_lay_and_explained_variants_in_other_languages(check):
    assert check("---\nlang: fr\n---\nLa fasciculation, c'est-à-dire une petite secousse, suit l'effort.", ["TK601"]) == []
    assert check("---\nlang: de\n---\nMuskelzucken, Fachbegriff Faszikulationen, tritt nach dem Sport auf.", ["TK601"]) == []


@pytest.mark.parametrize("text", [
    # an apposition after a comma, in each language
    "Dystonia, a movement disorder in which muscles tighten on their own, can follow a stroke.",
    "---\nlang: fr\n---\nLa dystonie, un trouble du mouvement qui fait contracter les muscles, suit parfois un AVC.",
    "---\nlang: es\n---\nLa distonía, un trastorno del movimiento que contrae los músculos, puede seguir a un ictus.",
    "---\nlang: de\n---\nDie Dystonie, eine Bewegungsstörung, bei der sich Muskeln verkrampfen, folgt oft einem Schlaganfall.",
    # a naming phrase with a qualifier between it and the term
    "Muscle diseases known as the inflammatory myopathies cause weak muscles.",
])
def test_an_apposition_or_a_qualified_naming_phrase_explains_the_term(check, text):
    assert check(text, ["TK601"]) == []


@pytest.mark.parametrize("text", [
    "Children with Friedreich's ataxia tire easily.",
    "Children with Friedreichs ataxia tire easily.",  # the possessive as NIH pages often print it
    "Children with ataxia telangiectasia tire easily.",  # a rare word after the term: a longer name
    "Children with ataxia-telangiectasia tire easily.",
    "Adults with hereditary motor and sensory neuropathy (HMSN) tire easily.",
    "Adults with postural orthostatic tachycardia syndrome (POTS) feel faint.",
    "---\nlang: de\n---\nKinder mit Friedreich-Ataxie ermüden schnell.",
])
def test_a_term_inside_a_longer_name_is_not_its_first_use(check, text):
    assert check(text, ["TK601"]) == []


def test_the_term_alone_after_a_longer_name_is_still_reported(check):
    text = "Children with Friedreich's ataxia tire easily. Ataxia can also follow a stroke."
    assert [(line, column, code) for line, column, code, _, _ in check(text, ["TK601"])] == [(1, 48, "TK601")]


@pytest.mark.parametrize("text", [
    "Many people develop hypothyroidism, which occurs when the thyroid does not make enough hormone.",
    "Legs may swell with edema, or swelling from fluid, after a long flight.",
    "Thyroiditis can lead to hypothyroidism. Hypothyroidism, a condition in which the thyroid makes too little hormone, is treated with pills.",
    "Some have a disorder that damages the nerves of the arms (motor and sensory neuropathy).",
    "It is insulin resistance, a condition linked to excess weight in which cells do not use insulin well.",
    "Most people then develop hypothyroidism—when thyroid hormone levels are too low—before it heals.",
    "Most people then develop hypothyroidism - when thyroid hormone levels are too low - before it heals.",
    "---\nlang: fr\n---\nLa fasciculation — une petite secousse d'un muscle — suit parfois l'effort.",
    "# Tests\n\nComputed Tomography Angiography\n\nA CT scan with dye shows the blood vessels of the heart.",
])
def test_explained_by_a_clause_or_dashes_or_not_in_prose(check, text):
    assert check(text, ["TK601"]) == []


def test_each_item_of_a_list_is_its_own_first_use(check):
    text = "---\nlang: fr\n---\nL'infection provoque de la fièvre, des céphalées, une asthénie et des nausées."
    assert [(line, column) for line, column, _, _, _ in check(text, ["TK601"])] == [(4, 40), (4, 55)]


def test_a_short_line_that_ends_a_sentence_is_prose_not_a_heading(check):
    text = "# Tests\n\nYou may need a computed tomography.\n\nIt takes a few minutes."
    assert [code for _, _, code, _, _ in check(text, ["TK601"])] == ["TK601"]


@pytest.mark.parametrize("text", [
    "Graves disease is a common cause of hyperthyroidism. Hyperthyroidism is a disorder in which the thyroid makes too much hormone.",
    "Some people have an overactive thyroid. Doctors treat hyperthyroidism with pills.",
    "Doctors treat hyperthyroidism with pills. It means an overactive thyroid for many years.",
])
def test_explained_in_the_sentence_before_or_after(check, text):
    assert check(text, ["TK601"]) == []


def test_an_explanation_two_sentences_away_is_not_near(check):
    text = ("Some people have an overactive thyroid. They lose weight. Doctors treat hyperthyroidism with pills.")
    assert [(line, column, code) for line, column, code, _, _ in check(text, ["TK601"])] == [(1, 73, "TK601")]


@pytest.mark.parametrize("text", [
    "Ataxia, a rash and fever followed.",  # a list, not an apposition
    "Fever, ataxia, a rash of the skin and vomiting followed.",  # a list item before "a ... of"
    "Signs are psychosis, optic neuropathy, or sudden hearing loss.",  # a list's last "or" is no gloss
    "Some people have progressive ataxia.",  # a common qualifier does not make a name
    "Sudden ataxia can follow a stroke.",  # a capital at the start of a sentence is no name
    "Adults with peripheral neuropathy (PN) tire easily.",  # the abbreviation is the term's own
    "---\nlang: fr\n---\nUne ataxie cérébelleuse peut suivre un AVC.",  # French adjectives follow the noun
])
def test_no_excuse_where_the_term_is_used_on_its_own(check, text):
    assert [code for _, _, code, _, _ in check(text, ["TK601"])] == ["TK601"]


# textstat's README example (textstat 0.7.x, "Usage")
TEXTSTAT_README = (
    "Playing games has always been thought to be important to the development of well-balanced and creative "
    "children; however, what part, if any, they should play in the lives of adults has never been researched "
    "that deeply. I believe that playing games is every bit as important for adults as for children. Not only "
    "is taking time out to play games with our children and other adults valuable to building interpersonal "
    "relationships but is also a wonderful way to release built up tension.")


def _stats(lang: str):
    from textstat.textstat import textstatistics

    stats = textstatistics()
    stats.set_lang(lang)
    return stats


@pytest.mark.parametrize(("formula", "lang", "call"), [
    ("flesch-kincaid-grade", "en", lambda s, t: s.flesch_kincaid_grade(t)),
    ("szigriszt-pazos", "es", lambda s, t: s.szigriszt_pazos(t)),
    ("fernandez-huerta", "es", lambda s, t: s.fernandez_huerta(t)),
    ("wiener-sachtextformel", "de", lambda s, t: s.wiener_sachtextformel(t, 1)),
])
def test_formulas_agree_with_textstat_on_its_documented_example(formula, lang, call):
    tag = {"en": "en_US", "es": "es_ES", "de": "de_DE"}[lang]
    assert score(formula, TEXTSTAT_README, lang) == pytest.approx(call(_stats(tag), TEXTSTAT_README))


def test_kandel_moles_from_textstat_counts():
    stats = _stats("fr_FR")
    text = "Le chat dort sur le tapis. Il fait beau aujourd'hui dans la ville."
    words, sents, syllables = stats.lexicon_count(text), stats.sentence_count(text), stats.syllable_count(text)
    assert (words, sents) == (13, 2)
    assert score("kandel-moles", text, "fr") == pytest.approx(207 - 1.015 * words / sents - 73.6 * syllables / words)
    assert kandel_moles(stats, "") == 0.0


MARKDOWN = """---
title: Twitching
lang: en
---
# Muscle twitching

Muscle twitching is common. It is rarely serious.

| Cause | How often |
|-------|-----------|
| Caffeine | Often |

- Stress can cause it
- [NHS page](https://www.nhs.uk/conditions/twitching/)

```
code block with words
```

## References

1. Smith J. Muscle twitching. J Neurol. 2020.
"""


def test_prose_only_on_markdown_with_front_matter_tables_lists_code_and_references():
    from termkit.markdown import extract_prose

    prose = extract_prose(MARKDOWN, "markdown")
    blocks = prose_blocks(prose.text, MARKDOWN, prose.sections, {"references"})
    kept = [MARKDOWN[a:b].strip() for a, b in blocks]
    assert kept == ["Muscle twitching is common. It is rarely serious.", "- Stress can cause it"]
    assert joined(prose.text, blocks) == "Muscle twitching is common. It is rarely serious.\n- Stress can cause it."
    # offsets are the file's
    assert MARKDOWN.index("Muscle twitching is common") == blocks[0][0]


def test_hard_article_is_reported_on_its_first_prose_line(check):
    text = ("---\nlang: en\n---\n# Heart care\n\nPharmacological intervention necessitates comprehensive evaluation of "
            "cardiovascular comorbidities, particularly hypertension and hyperlipidemia.\n")
    ((line, column, code, message, _),) = check(text, ["TK611"])
    assert (line, column, code) == (6, 1, "TK611")
    assert message.startswith("article reads at Flesch-Kincaid grade ")
    assert message.endswith("over 12 words of prose; the target for consumer-article is at most 8")


def test_long_sentence_and_passive(check):
    long = ("If you notice that the twitching in your arm or leg muscles does not go away after a few weeks, or if "
            "it comes with weakness, cramps or trouble swallowing, you should make an appointment.")
    assert check(long, ["TK612"]) == [(1, 1, "TK612", "sentence of 35 words (at most 25 for en); split it", None)]
    assert check("Walk daily.\n\nYour blood was taken by the nurse.", ["TK613"]) == [
        (3, 12, "TK613", "passive voice 'was taken': say who does it", None)]
    assert check("---\nlang: de\n---\nDer Blutdruck wird jeden Tag gemessen.", ["TK613"]) == [
        (4, 15, "TK613", "passive voice 'wird jeden Tag gemessen': say who does it", None)]
    assert check("She was tired. The results are interested parties.", ["TK613"]) == []


def test_prose_blocks_of_any_markdown_are_ordered_ranges_of_the_file():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from termkit.markdown import extract_prose

    pieces = st.sampled_from(["# Title\n", "Some words here.\n", "| a | b |\n", "|---|---|\n", "- item\n",
                              "- [link](http://x.org)\n", "```\ncode\n```\n", "\n", "## References\n",
                              "1. Ref.\n", "---\nlang: en\n---\n", "Mot écrit.\n", "  \t\n", "> quote\n"])

    @settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(pieces, max_size=25).map("".join))
    def run(text):
        prose = extract_prose(text, "markdown")
        blocks = prose_blocks(prose.text, text, prose.sections, {"references"})
        assert all(0 <= a < b <= len(text) for a, b in blocks)
        assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(blocks))
        for a, b in blocks:  # no heading, table row or code is prose
            assert "#" not in text[a:b] and "|" not in text[a:b] and "code" not in text[a:b]
        assert math.isfinite(score("flesch-kincaid-grade", joined(prose.text, blocks), "en"))  # even for no prose

    run()
