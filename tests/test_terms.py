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
    text = "Fasciculation is common.\nMuscle twitching is rarely serious. Muscle twitching again.\n\nFasciculation too."
    found = checker.check_text(text)
    assert [(f.code, f.line, f.column, f.end_column, f.suggestion) for f in found] == [
        ("TK301", 2, 1, 17, "fasciculation")]
    assert found[0].message == ("'Muscle twitching' and 'Fasciculation' (line 1) both name concept fasciculation; "
                                "use one term throughout")


@pytest.mark.parametrize(
    "text",
    [
        # each name used once: a passing mention, not two names in use
        "Fasciculation is common. Muscle twitching is rarely serious.",
        # a lay term beside the technical one, once anywhere in the article
        "Muscle twitching (fasciculation) is common.\n\nFasciculation passes. Muscle twitching passes.",
        "Fasciculation (muscle twitching) is common.\n\nFasciculation passes. Muscle twitching passes.",
        "Fasciculation, or muscle twitching, is common.\n\nFasciculation passes. Muscle twitching passes.",
        "Fasciculation, also known as muscle twitching, is common.\n\nFasciculation passes. Muscle twitching passes.",
        "Fasciculation, the medical term for muscle twitching, is common.\n\nFasciculation passes. Muscle twitching passes.",
        "Muscle twitching, which doctors call fasciculation, is common.\n\nFasciculation passes. Muscle twitching passes.",
        "Fasciculation, i.e. muscle twitching, is common.\n\nFasciculation passes. Muscle twitching passes.",
        "Muscle twitching is common. The medical term is fasciculation.\n\nFasciculation passes. Muscle twitching passes.",
        # one term's words inside the other's
        "A muscle twitch is common. Muscle twitching passes. A muscle twitch again. Muscle twitching again.",
    ],
)
def test_explained_or_passing_names_are_not_inconsistent(checker, text):
    assert [f.code for f in checker.check_text(text)] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Heart attacks are common. Myocardial infarction kills.\n\nA heart attack hurts. Myocardial infarction "
         "needs care.", "heart attacks"),
        ("---\nlang: fr\n---\nLa crise cardiaque est fréquente. L'infarctus du myocarde tue.\n\nLa crise "
         "cardiaque fait mal. L'infarctus du myocarde se soigne.", "crise cardiaque"),
        ("---\nlang: es\n---\nLa hipertensión es frecuente. La presión arterial alta no duele.\n\nLa "
         "hipertensión se trata. La presión arterial alta se controla.", "presión arterial alta"),
        ("---\nlang: de\n---\nBluthochdruck ist häufig. Die Hypertonie schmerzt nicht.\n\nBluthochdruck wird "
         "behandelt. Die Hypertonie wird kontrolliert.", "hypertonie"),
    ],
)
def test_two_names_in_use_without_a_link_are_reported_in_every_language(shipped_checker, text, found):
    findings = [f for f in shipped_checker.check_text(text) if f.code == "TK301"]
    assert [f.text.lower() for f in findings] == [found]


@pytest.mark.parametrize(
    "text",
    [
        "Heart attack (myocardial infarction) is common.\n\nA heart attack hurts. Myocardial infarction needs care.",
        "---\nlang: fr\n---\nL'infarctus du myocarde, appelé aussi crise cardiaque, est fréquent.\n\nLa crise "
        "cardiaque fait mal. L'infarctus du myocarde se soigne.",
        "---\nlang: fr\n---\nL'infarctus du myocarde, c'est-à-dire la crise cardiaque, est fréquent.\n\nLa crise "
        "cardiaque fait mal. L'infarctus du myocarde se soigne.",
        "---\nlang: es\n---\nLa hipertensión, es decir, la presión arterial alta, es frecuente.\n\nLa "
        "hipertensión se trata. La presión arterial alta se controla.",
        "---\nlang: es\n---\nLa presión arterial alta (hipertensión) es frecuente.\n\nLa hipertensión se trata. "
        "La presión arterial alta se controla.",
        "---\nlang: de\n---\nBluthochdruck, d. h. Hypertonie, ist häufig.\n\nBluthochdruck wird behandelt. Die "
        "Hypertonie wird kontrolliert.",
        "---\nlang: de\n---\nBluthochdruck ist häufig; der Fachbegriff lautet Hypertonie.\n\nBluthochdruck wird "
        "behandelt. Die Hypertonie wird kontrolliert.",
        "---\nlang: es\n---\nLa diabetes es frecuente. Los diabéticos comen bien. La diabetes se trata. "
        "Los diabéticos caminan.",
    ],
)
def test_explained_names_are_not_inconsistent_in_every_language(shipped_checker, text):
    assert [f for f in shipped_checker.check_text(text) if f.code == "TK301"] == []


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


@pytest.mark.parametrize(
    "text",
    [
        "Type 1 diabetes was formerly called juvenile diabetes.",
        "Type 1 diabetes, previously known as juvenile diabetes, starts early.",
        "Type 1 diabetes (formerly juvenile diabetes) starts early.",
        "Type 1 diabetes, also known as juvenile diabetes, starts early.",
        "Type 1 diabetes was once called juvenile diabetes or insulin-dependent diabetes.",
        "Synonyms: juvenile diabetes, insulin-dependent diabetes.",
        'Some still say "juvenile diabetes".',
        "She had juvenile diabetes (now called type 1 diabetes).",
        "Down syndrome was formerly called mongolism.",
        "The old name mongolism is offensive.",
    ],
)
def test_an_old_name_mentioned_is_not_a_use(shipped_checker, text):
    assert [f.code for f in shipped_checker.check_text(text) if f.code in ("TK102", "TK103")] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("---\nlang: fr\n---\nLe diabète de type 1, anciennement appelé diabète juvénile, commence tôt.", []),
        ("---\nlang: fr\n---\nLe diabète de type 1 (autrefois « diabète juvénile ») commence tôt.", []),
        ("---\nlang: fr\n---\nIl a un diabète juvénile.", ["diabète juvénile"]),
        ("---\nlang: fr\n---\nUn diabète juvénile ancien abîme les nerfs.", ["diabète juvénile"]),  # long-standing
        ("---\nlang: fr\n---\nLe diabète juvénile (ancien nom) commence tôt.", []),
        ("---\nlang: es\n---\nLa diabetes tipo 1, antes llamada diabetes juvenil, empieza pronto.", []),
        ("---\nlang: es\n---\nLa diabetes tipo 1, conocida antiguamente como diabetes juvenil, empieza pronto.", []),
        ("---\nlang: es\n---\nTiene diabetes juvenil.", ["diabetes juvenil"]),
        ("---\nlang: de\n---\nTyp-1-Diabetes, früher juveniler Diabetes genannt, beginnt früh.", []),
        ("---\nlang: de\n---\nTyp-1-Diabetes (veraltet: juveniler Diabetes) beginnt früh.", []),
        ("---\nlang: de\n---\nTyp-1-Diabetes (ehemals „juveniler Diabetes“) beginnt früh.", []),
        ("---\nlang: de\n---\nEr hat juvenilen Diabetes.", ["juvenilen Diabetes"]),
    ],
)
def test_old_names_mentioned_in_every_language(shipped_checker, text, found):
    assert [f.text for f in shipped_checker.check_text(text) if f.code in ("TK102", "TK103")] == found


def test_a_mention_elsewhere_does_not_excuse_a_use(shipped_checker):
    text = "Type 1 diabetes was formerly called juvenile diabetes.\n\nHe has juvenile diabetes."
    found = [f for f in shipped_checker.check_text(text) if f.code == "TK103"]
    assert [(f.line, f.column, f.end_column, f.suggestion) for f in found] == [(3, 8, 25, "type 1 diabetes")]
    assert found[0].message == ("Use 'type 1 diabetes' instead of 'juvenile diabetes' (superseded term, "
                                "concept type_1_diabetes)")


@pytest.mark.parametrize(
    ("text", "code", "found"),
    [
        # hyphen, space and apostrophe variants are the term itself, never fuzzy misspellings
        ("He has non-insulin dependent diabetes.", "TK103", "non-insulin dependent diabetes"),
        ("He has non insulin-dependent diabetes.", "TK103", "non insulin-dependent diabetes"),
        ("He has non insulin dependent diabetes.", "TK103", "non insulin dependent diabetes"),
    ],
)
def test_hyphen_and_space_variants_match_the_listed_term(shipped_checker, text, code, found):
    findings = [f for f in shipped_checker.check_text(text) if f.code.startswith("TK1")]
    assert [(f.code, f.text, f.suggestion) for f in findings] == [(code, found, "type 2 diabetes")]


@pytest.mark.parametrize("text", ["Lou Gehrigs disease is rare.", "Lou Gehrig’s disease is rare.",
                                  "Lou Gehrig's disease is rare."])
def test_apostrophe_variants_are_the_term_not_misspellings(shipped_checker, text):
    from termkit.components.terms import TERMS_KEY

    assert [f.code for f in shipped_checker.check_text(text) if f.code[:3] in ("TK1", "TK3")] == []
    nlp = shipped_checker.setup("en").nlp
    spans = nlp(text).spans[TERMS_KEY]
    assert [(s.text, s.label_, s.id_) for s in spans] == [(text[:-9], "admitted", "amyotrophic_lateral_sclerosis")]


@pytest.mark.parametrize(
    "text",
    [
        "---\nlang: de\n---\nDie Magnesiummenge im Blut sinkt.",  # compound of real words
        "---\nlang: de\n---\nDer Blutzuckerspiegel steigt.",
        "---\nlang: es\n---\nLa naturopatía no cura la diabetes.",  # another combining form, not a typo
        "---\nlang: es\n---\nLa fitoterapia usa plantas.",
        "---\nlang: es\n---\nLas madres y los diabéticos.",  # inflected forms the word list lacks
        "---\nlang: fr\n---\nL'hyperthyroïdie accélère le cœur.",
        "Naturopathy is not physiotherapy.",
    ],
)
def test_real_words_of_the_language_are_never_misspellings(shipped_checker, text):
    assert [f.text for f in shipped_checker.check_text(text) if f.code == "TK101"] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("---\nlang: de\n---\nDie Fasikulationen sind harmlos.", "Fasikulationen"),
        ("---\nlang: es\n---\nLa fasciculasion es benigna.", "fasciculasion"),
        ("---\nlang: fr\n---\nLa fassiculationn est bénigne.", "fassiculationn"),
    ],
)
def test_real_misspellings_are_still_found(shipped_checker, text, found):
    assert [f.text for f in shipped_checker.check_text(text) if f.code == "TK101"] == [found]
