"""One language per report: the gettext catalogs (en, fr, es, de) are complete and current, keep
their placeholders, ship compiled; reports come in the chosen language only."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from termkit import i18n
from termkit.rules.registry import RULES

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "termkit" / "locale"
RULEBOOKS = ROOT / "termkit" / "data" / "rulebooks"
OTHER = ("fr", "es", "de")

# msgstrs that may equal their msgid in another language: nothing but placeholders, codes and names
SAME_ANYWHERE = {"Documentation: termkit rules {code}", "{title}: {items}"}
SAME_IN = {"es": {"{count} error"},  # Spanish writes "error" too
           "fr": {"Articles", "Concept"}}  # the HTML report's headings: French words too


def catalog(language: str):
    with (LOCALE / language / "LC_MESSAGES" / "termkit.po").open("rb") as f:
        return read_po(f)


def strings(message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)


def ids(message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (tuple, list)) else (message.id,)


def fields(text: str) -> list[str]:
    return sorted(f"{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}"
                  for _, name, spec, conv in string.Formatter().parse(text) if name is not None)


def source_messages() -> set:
    """Every message marked in termkit's code now (what `pybabel extract -F babel.cfg` finds)."""
    method_map = [("termkit/**.py", "python")]
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_message_is_translated(language):
    """Fails naming each msgid of the catalog without a (non-fuzzy, every plural form) translation."""
    untranslated = [m.id for m in catalog(language) if m.id and (m.fuzzy or not all(strings(m)))]
    assert not untranslated, (f"termkit/locale/{language}/LC_MESSAGES/termkit.po has untranslated messages "
                              f"(translate them, then `make catalogs`): {untranslated}")


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_catalogs_hold_every_message_of_the_code(language):
    """A message added to the code but not to the catalogs (forgot `make catalogs`) is named here."""
    in_catalog = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog(language) if m.id}
    missing = sorted(map(str, source_messages() - in_catalog))
    assert not missing, f"{language}: messages not in the catalog (run `make catalogs` and translate): {missing}"


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_placeholders_match(language):
    wrong = []
    for m in catalog(language):
        if not m.id:
            continue
        expected = fields(ids(m)[-1])
        wrong += [(m.id, s) for s in strings(m) if s and fields(s) != expected]
    assert not wrong, f"{language}: placeholders differ between msgid and msgstr: {wrong}"


@pytest.mark.parametrize("language", OTHER)
def test_no_message_left_in_english(language):
    allowed = SAME_ANYWHERE | SAME_IN.get(language, set())
    same = [m.id for m in catalog(language) if m.id and ids(m)[0] not in allowed and ids(m)[0] in strings(m)]
    assert not same, f"{language}: msgstr equals its English msgid: {same}"


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_compiled_catalogs_match_their_po(language):
    """The .mo files are committed (a fresh clone works without a compile step): they must say
    what the .po says."""
    with (LOCALE / language / "LC_MESSAGES" / "termkit.mo").open("rb") as f:
        compiled = {tuple(ids(m)): tuple(strings(m)) for m in read_mo(f) if m.id}
    po = {tuple(ids(m)): tuple(strings(m)) for m in catalog(language) if m.id}
    assert compiled == po, f"{language}: termkit.mo is stale; run `make catalogs`"


def test_every_rule_summary_is_in_the_catalogs():
    """A new rule's summary must be marked N_("...") so that reports can show it translated."""
    known = {m.id for m in catalog("fr")}
    assert [rule.code for rule in RULES if rule.summary not in known] == []


def test_every_claim_subtype_is_worded_in_every_report_language():
    """Claim messages and suggestions come from the report language's rulebook."""
    import yaml

    books = {lang: yaml.safe_load((RULEBOOKS / lang / "claims.yaml").read_text(encoding="utf-8"))["subtypes"]
             for lang in i18n.LANGUAGES}
    subtypes = {name for book in books.values() for name in book}
    missing = [(lang, name, key) for lang, book in books.items() for name in sorted(subtypes)
               for key in ("message", "suggestion") if not (book.get(name) or {}).get(key)]
    assert missing == []
    for lang, book in books.items():
        for name, spec in book.items():
            assert set(fields(spec["message"])) <= {"trigger", "sentence"}, (lang, name)


ARTICLE = """---
lang: en
---
# Cramps

Magnesium supplements cure fasciculation. Muscle fascilation is common.
The clinic studies mongolism in adults.
"""

FRENCH = {
    "TK101": "« fascilation » semble être une faute d'orthographe pour « fasciculation » (concept fasciculation)",
    "TK102": "Utilisez « Down syndrome » au lieu de « mongolism » (terme déconseillé, concept down_syndrome)",
    "TK401": "Allégation non étayée : « cure » promet un effet certain sur la santé",
    "TK601": ("« fasciculation » est un terme technique : expliquez-le à sa première occurrence, p. ex. "
              "« fasciculation (muscle twitching) »"),
    "TK402": ("Pas d'avertissement médical : l'article doit indiquer, en anglais, qu'il ne remplace pas l'avis "
              "d'un professionnel de santé (profil consumer-article)"),
}
ENGLISH_WORDS = ("misspelling", "instead of", "Unsupported", "disclaimer", "Found", "finding", "suggestion:",
                 "promises", "State what", "the article", "deprecated", "technical term", "explain it",
                 "Plain language", "unexplained", "explained")


@pytest.fixture
def english_article(tmp_path):
    path = tmp_path / "cramps.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_a_french_report_of_an_english_article_is_all_french(cli, english_article):
    code, out, err = cli("check", "--lang", "fr", english_article)
    assert code == 1 and err == ""
    for finding_code, message in FRENCH.items():
        assert f"{finding_code} [" in out and message in out, finding_code
    assert "      = suggestion : Dites ce que montrent les données" in out
    assert out.rstrip().endswith("5 problèmes trouvés (3 erreurs, 2 informations) dans 1 fichier. "
                                 "Langage clair : 1 terme technique non expliqué, 0 concept expliqué.")
    # the article's own words and the glossary's terms are quoted as written; no English message
    prose = "\n".join(line for line in out.splitlines() if " | " not in line and "suggestion : This article" not in line)
    prose = (prose.replace("fasciculation", "").replace("Down syndrome", "").replace("mongolism", "")
             .replace("muscle twitching", ""))
    assert [w for w in ENGLISH_WORDS if w in prose] == []


@pytest.mark.parametrize("language, summary", [
    ("es", "5 problemas encontrados (3 errores, 2 notas) en 1 archivo. Lenguaje claro: 1 término técnico sin "
           "explicar, 0 conceptos explicados."),
    ("de", "5 Befunde (3 Fehler, 2 Hinweise) in 1 Datei. Einfache Sprache: 1 unerklärter Fachbegriff, 0 Konzepte "
           "erklärt."),
    ("en", "Found 5 findings (3 errors, 2 info) in 1 file. Plain language: 1 unexplained technical term, 0 concepts "
           "explained."),
])
def test_summary_line_in_each_language(cli, english_article, language, summary):
    code, out, _ = cli("check", "--lang", language, english_article)
    assert out.rstrip().splitlines()[-1] == summary


def test_machine_formats_keep_codes_and_translate_messages(cli, english_article):
    _, out, _ = cli("check", "--lang", "de", "--format", "json", english_article)
    findings = {f["code"]: f for f in json.loads(out)["findings"]}
    assert findings["TK102"]["rule"] == "deprecated-term"
    assert findings["TK102"]["message"].startswith("Verwenden Sie „Down syndrome“ statt „mongolism“")
    assert findings["TK102"]["fix"]["title"] == "Durch „Down syndrome“ ersetzen"
    _, out, _ = cli("check", "--lang", "es", "--format", "sarif", english_article)
    run = json.loads(out)["runs"][0]
    result = next(r for r in run["results"] if r["ruleId"] == "TK101")
    assert result["message"]["text"] == ("«fascilation» parece una falta de ortografía de «fasciculation» "
                                         "(concepto fasciculation) Sugerencia: fasciculation")
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "TK101")
    assert rule["shortDescription"]["text"] == "Una falta de ortografía en un término del glosario"


def test_claim_wording_follows_the_report_not_the_article(cli, tmp_path):
    article = tmp_path / "fr.md"
    article.write_text("---\nlang: fr\n---\nCe remède naturel peut guérir votre migraine.\n", encoding="utf-8")
    _, out, _ = cli("check", "--select", "TK401", "--lang", "en", article)
    assert "TK401 [info] Unsupported claim: 'guérir' promises a certain effect on health" in out
    _, out, _ = cli("check", "--select", "TK401", "--lang", "de", article)
    assert "Unbelegte Behauptung: „guérir“ verspricht eine sichere Wirkung auf die Gesundheit" in out


def test_option_then_config_then_locale(cli, tmp_path, monkeypatch):
    (tmp_path / "termkit.yaml").write_text("report_language: es\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("---\ntype: news\n---\nThe clinic studies mongolism in adults.\n", encoding="utf-8")
    monkeypatch.setenv("LANGUAGE", "de")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert "Utilisez « Down syndrome »" in cli("check", "--lang", "fr", article)[1]
    assert "Usa «Down syndrome»" in cli("check", article)[1]  # config
    (tmp_path / "termkit.yaml").write_text("language: en\n", encoding="utf-8")
    assert "Verwenden Sie „Down syndrome“" in cli("check", article)[1]  # LANGUAGE
    monkeypatch.delenv("LANGUAGE")
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    assert "Utilisez « Down syndrome »" in cli("check", article)[1]  # LC_ALL before LANG
    monkeypatch.setenv("LC_ALL", "C")
    assert "Use 'Down syndrome' instead of 'mongolism'" in cli("check", article)[1]


def test_choose_language():
    assert i18n.choose_language(None, None, {}) == "en"
    assert i18n.choose_language(None, None, {"LANGUAGE": "ja:pt:de_AT", "LANG": "fr_FR.UTF-8"}) == "de"
    assert i18n.choose_language(None, None, {"LANG": "ja_JP.UTF-8"}) == "en"
    assert i18n.choose_language(None, None, {"LC_MESSAGES": "es_ES@euro", "LANG": "de_DE"}) == "es"
    assert i18n.choose_language("fr", "de", {"LANG": "es_ES"}) == "fr"
    assert i18n.choose_language(None, "de", {"LANG": "es_ES"}) == "de"


def test_unknown_lang_is_a_usage_error(cli, english_article):
    code, out, err = cli("check", "--lang", "xx", english_article)
    assert (code, out) == (2, "")
    assert err == "termkit: error: [E203] unknown language 'xx': reports are written in en, fr, es, de\n"


def test_bad_report_language_in_config_names_its_line(cli, tmp_path, english_article):
    config = tmp_path / "termkit.yaml"
    config.write_text("language: en\nreport_language: klingon\n", encoding="utf-8")
    code, out, err = cli("check", "--config", config, english_article)
    assert (code, out) == (2, "")
    assert err == (f"{config}:2:1: error: [E201] invalid configuration: report_language: expected one of "
                   "en, fr, es, de, got 'klingon'\n")


def test_errors_come_in_the_report_language(cli, tmp_path):
    code, out, err = cli("check", "--lang", "de", tmp_path / "missing.md")
    assert code == 2
    assert err == f"{tmp_path / 'missing.md'}: error: [E001] Pfad nicht gefunden\n"


def test_rules_list_in_the_report_language(cli):
    code, out, _ = cli("rules", "--lang", "fr")
    assert code == 0
    assert "TK101  misspelling            error    Une faute d'orthographe dans un terme du glossaire" in out


def test_numbers_and_dates_follow_the_report_language():
    import datetime as dt

    with i18n.using("de"):
        assert (i18n.format_number(1234), i18n.format_date(dt.date(2001, 1, 1))) == ("1.234", "01.01.2001")
    with i18n.using("fr"):
        assert i18n.format_number(1234) == "1\u202f234"
        assert i18n.language_name("de") == "allemand"
    assert (i18n.format_number(1234), i18n.language_name("fr")) == ("1,234", "French")


@pytest.mark.parametrize("language", OTHER)
def test_golden_text_report_per_language(language, cli, monkeypatch, update_golden):
    """tests/fixtures/articles reported in each language (``pytest --update-golden`` rewrites them)."""
    from conftest import FIXTURES, HERE

    monkeypatch.chdir(FIXTURES)
    code, out, err = cli("check", "articles", "--glossary", "glossary", "--lang", language)
    assert code == 1 and err == ""
    golden = HERE / "golden" / f"articles.{language}.text"
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


BILINGUAL = ["tests/fixtures/bilingual/advice.de.po", "tests/fixtures/bilingual/dose.fr.xlf",
             "tests/fixtures/bilingual/vaccine.es.xlf"]
# sentences of the translation rules (TK5xx), the plain-language line and the HTML page, in English
NEW_ENGLISH = ("the source says", "the target", "has no translation", "translates", "whose source",
               "lacks", "adds", "starts with", "ends with", "technical term", "Plain language", "explained",
               "termkit audit report", "Skip to the articles", "Summary", "Findings", "Words", "Files not checked",
               "Result against", "Pass", "Fail", "Charts", "Glossary coverage", "Approved concepts",
               "Concepts the archive", "No glossary concept", "No translated term", "Compared with", "Still there",
               "Filter findings", "Severity", "findings shown", "Suggestion:", "Language:", "could not be read",
               "German", "Spanish", "French")


def test_a_french_report_of_bilingual_files_has_no_english_sentence(cli, monkeypatch):
    """The translation rules' messages, the summary line and the HTML page of bilingual files (whose
    source texts are English) come in French; only the files' own text is quoted as written."""
    import re

    monkeypatch.chdir(ROOT)
    code, out, err = cli("check", *BILINGUAL, "--lang", "fr")
    assert code == 1 and err == ""
    assert "TK503 [error] Segment '1' : la source dit '1.5 mg' ; la cible change l'unité en µg" in out
    assert "TK502 [error] Le segment 'Rest.' n'a pas de traduction" in out
    assert "TK507 [error] Segment 'u3' : il manque <ph id='2'> dans la cible" in out
    # segment names quote the source text (PO) as written: leave them out
    prose = "\n".join(re.sub(r"(?i)segment '[^']*'", "", line) for line in out.splitlines() if " | " not in line)
    assert [w for w in NEW_ENGLISH if w in prose] == []

    code, page, err = cli("check", *BILINGUAL, "--lang", "fr", "--format", "html")
    assert code == 1 and err == ""
    page = page.replace("&#39;", "'")
    assert '<html lang="fr">' in page and "<title>Rapport d'audit termkit</title>" in page
    shown = re.sub(r"<(style|script)>.*?</\1>", "", page, flags=re.S)
    shown = re.sub(r"<pre class=\"text\".*?</pre>|<q>.*?</q>", "", shown, flags=re.S)  # the files' own text
    shown = re.sub(r"(?i)segment '[^']*'", "", shown)
    assert [w for w in NEW_ENGLISH if w in shown] == []
