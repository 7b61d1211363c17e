"""Bilingual files (XLIFF 1.2, XLIFF 2.0, PO): read with positions, checked by the translation
rules (TK501-TK507) and the term rules, reported in every format, refused whole when malformed."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, HERE, SHARED

BILINGUAL = FIXTURES / "bilingual"
GOLDEN = HERE / "golden"
REPO = HERE.parent
FILES = ["tests/fixtures/bilingual/advice.de.po", "tests/fixtures/bilingual/dose.fr.xlf",
         "tests/fixtures/bilingual/vaccine.es.xlf"]
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def _read(name):
    from termkit.bilingual import kind_of, read_segments

    text = (BILINGUAL / name).read_text(encoding="utf-8")
    return text, *read_segments(text, kind_of(name, text))


def _at(text, offset):
    from termkit.source import LineIndex

    return LineIndex(text).position(offset)


def test_xliff12_segments_carry_languages_state_translate_and_target_positions():
    text, segments, header = _read("dose.fr.xlf")
    assert header["source_language"] == "en" and header["target_language"] == "fr"
    assert [s.id for s in segments] == ["1", "2", "3", "4"]
    first = segments[0]
    assert first.source == "Take 1.5 mg of the drug twice a day."
    assert first.target == "Prenez 1,5 µg du médicament deux fois par jour."
    assert first.state == "translated" and _at(text, first.target_span[0]) == (7, 36)
    assert _at(text, first.source_span[0]) == (6, 17)
    assert segments[3].translate is False


def test_xliff20_segments_and_inline_codes():
    text, segments, header = _read("vaccine.es.xlf")
    assert (header["source_language"], header["target_language"]) == ("en", "es")
    assert [s.id for s in segments] == ["u1", "u2", "u3"]
    assert segments[0].source == "Give 0.5 ml of the vaccine; wash your hands first."
    assert segments[0].source_codes == segments[0].target_codes == ("pc:1",)
    assert segments[2].source == "See \ufffc for details." and segments[2].state == "initial"
    assert _at(text, segments[1].target_span[0]) == (13, 17)


def test_po_entries_positions_fuzzy_and_multiline_strings():
    text, segments, header = _read("advice.de.po")
    assert header["target_language"] == "de"
    assert [s.source for s in segments] == ["Take 250 mg every 8 hours.", "Call %s now.",
                                            "Muscle twitching is usually harmless.", "Rest."]
    assert [s.fuzzy for s in segments] == [False, True, False, False]
    assert segments[2].target == "Muskelzucken ist meist harmlos."
    assert _at(text, segments[0].target_span[0]) == (9, 9)
    assert _at(text, segments[2].target_span[0]) == (21, 2)
    assert segments[3].target == "" and _at(text, segments[3].target_span[0]) == (25, 9)


def test_entities_keep_offsets_in_the_checked_text():
    from termkit.bilingual import bilingual_prose

    text = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
            'target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>A &amp; B'
            '</source><target>A &amp; la <g id="1">fasciculation</g></target></trans-unit></body></file></xliff>')
    prose = bilingual_prose(text, "xliff")
    assert len(prose.text) == len(text)
    at = prose.text.index("fasciculation")
    assert text[at:at + 13] == "fasciculation"
    assert "A &     la" in prose.text and "<source>" not in prose.text


@pytest.mark.parametrize(("name", "kind"), [("a.xlf", "xliff"), ("a.XLIFF", "xliff"), ("a.po", "po"),
                                            ("a.txt", None), ("a.md", None)])
def test_kind_by_extension(name, kind):
    from termkit.bilingual import kind_of

    assert kind_of(name) == kind


def test_kind_by_content():
    from termkit.bilingual import kind_of

    assert kind_of("x.txt", '<?xml version="1.0"?>\n<xliff version="2.0">') == "xliff"
    assert kind_of("x.txt", 'msgid "a"\nmsgstr "b"\n') == "po"
    assert kind_of("x.md", "# Title\n\nmsgid and msgstr are PO words.\n") is None


def test_check_reports_on_the_target_text(cli, monkeypatch):
    monkeypatch.chdir(REPO)
    code, out, err = cli("check", *FILES, "--format", "json")
    assert code == 1 and err == ""
    found = {(f["path"].rsplit("/", 1)[-1], f["line"], f["column"], f["code"]) for f in json.loads(out)["findings"]}
    assert ("dose.fr.xlf", 7, 43, "TK503") in found  # '1,5 µg' for '1.5 mg'
    assert ("dose.fr.xlf", 11, 17, "TK501") in found  # no term of 'fasciculation' in the target
    assert ("dose.fr.xlf", 15, 17, "TK502") in found  # target == source
    assert ("vaccine.es.xlf", 7, 28, "TK503") in found  # 0,5 l for 0.5 ml
    assert ("vaccine.es.xlf", 19, 17, "TK507") in found  # <ph/> dropped
    assert ("advice.de.po", 9, 9, "TK503") in found  # 25 mg for 250 mg
    assert ("advice.de.po", 25, 9, "TK502") in found  # empty msgstr
    assert not any(f[0] == "advice.de.po" and f[1] == 14 for f in found)  # fuzzy: not checked
    assert not any(f[0] == "dose.fr.xlf" and f[1] == 19 for f in found)  # translate="no"
    assert not any(f[3] in ("TK402", "TK411", "TK412", "TK413") for f in found)  # article rules


def test_fuzzy_entries_are_checked_when_the_config_says_so(tmp_path, monkeypatch, cli):
    config = (f"language: en\nglossary: [{REPO / 'glossary'}]\nlocales: {REPO / 'locales'}\n"
              "translation: {include_fuzzy: true}\n")
    (tmp_path / "termkit.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "advice.de.po").write_bytes((BILINGUAL / "advice.de.po").read_bytes())
    monkeypatch.chdir(tmp_path)
    _, out, _ = cli("check", "advice.de.po", "--select", "TK507", "--format", "json")
    findings = json.loads(out)["findings"]
    assert [(f["line"], f["code"]) for f in findings] == [(14, "TK507")]
    assert "'%s'" in findings[0]["message"]


PLURAL_PO = """msgid ""
msgstr ""
"Language: fr\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgid "removed"
msgid_plural "removed"
msgstr[0] "supprimé"
msgstr[1] "supprimés"

msgid "Please correct the error below"
msgid_plural "Please correct the errors below"
msgstr[0] "Corrigez les erreurs."
msgstr[1] "Corrigez les erreurs."

#, python-format
msgid "1 comment was %(action)s."
msgid_plural "%(count)s comments were %(action)s."
msgstr[0] "1 commentaire a été %(action)s."
msgstr[1] "%(count)s commentaires ont été %(action)ss."

msgid "removed"
msgstr "retiré"

#, python-format
msgid "Hello %(name)s."
msgstr "Bonjour %(nom)ss."
"""


def test_plural_forms_of_one_po_entry_are_not_inconsistent_and_named_placeholders_end_at_one_letter(
        tmp_path, cli, monkeypatch):
    """Real files (django-contrib-comments): 'supprimé'/'supprimés' are the forms of one entry, not
    two translations of 'removed'; '%(action)ss' is %(action)s then an 's'."""
    from termkit.bilingual import read_segments

    segments, _ = read_segments(PLURAL_PO, "po")
    assert [s.entry for s in segments][:2] == ["removed", "removed"] and segments[-1].entry is None
    path = tmp_path / "plural.fr.po"
    path.write_text(PLURAL_PO, encoding="utf-8")
    monkeypatch.chdir(REPO)
    _, out, _ = cli("check", path, "--select", "TK505,TK507", "--format", "json")
    findings = json.loads(out)["findings"]
    # another entry with the same source is still compared; a changed named placeholder still found
    assert [(f["line"], f["code"]) for f in findings] == [(23, "TK505"), (27, "TK507")]
    assert "%(name)s" in findings[1]["message"]


def test_a_malformed_file_is_one_error_line_and_the_others_are_still_checked(cli, monkeypatch):
    monkeypatch.chdir(REPO)
    code, out, err = cli("check", "tests/fixtures/bilingual/broken.fr.xlf", FILES[1])
    assert code == 2
    assert err.splitlines() == ["tests/fixtures/bilingual/broken.fr.xlf:7:38: error: [E320] malformed XLIFF file: "
                                "Opening and ending tag mismatch: target line 7 and targt; expected well-formed XML"]
    assert "dose.fr.xlf:7:43: TK503" in out


@pytest.mark.parametrize(("text", "where"), [
    ('msgid "a"\nmsgstr "b\n', (2, 8)),
    ('msgid "a"\nmsgstr "b" x\n', (2, 12)),
    ('msgid "a"\nbogus "b"\n', (2, 1)),
    ('msgstr "b"\n', (1, 1)),
    ('msgid "a\\q"\nmsgstr "b"\n', (1, 9)),
])
def test_malformed_po_names_line_and_column(text, where):
    from termkit.bilingual import read_segments
    from termkit.errors import TermkitError

    with pytest.raises(TermkitError) as caught:
        read_segments(text, "po")
    assert (caught.value.line, caught.value.column) == where
    assert "expected" in caught.value.message


def test_external_entities_are_not_read(tmp_path):
    from termkit.bilingual import read_segments

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    text = (f'<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY e SYSTEM "file://{secret}">]>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
            'target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>a</source>'
            '<target>&e;</target></trans-unit></body></file></xliff>')
    segments, _ = read_segments(text, "xliff")
    assert "TOP SECRET" not in (segments[0].target or "")


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_golden_bilingual(fmt, cli, monkeypatch, update_golden):
    monkeypatch.chdir(REPO)
    code, out, err = cli("check", *FILES, "--format", fmt)
    assert code == 1 and err == ""
    golden = GOLDEN / f"bilingual.{fmt}"
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason=f"SARIF schema not found at {SARIF_SCHEMA} (shared/ absent)")
def test_bilingual_sarif_validates(cli, monkeypatch):
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(REPO)
    code, out, _ = cli("check", *FILES, "--format", "sarif")
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(json.loads(out))
    results = json.loads(out)["runs"][0]["results"]
    assert code == 1 and {"TK503", "TK507"} <= {r["ruleId"] for r in results}


@pytest.mark.parametrize("fmt", ["github", "junit"])
def test_other_formats_carry_the_target_position(fmt, cli, monkeypatch):
    monkeypatch.chdir(REPO)
    code, out, _ = cli("check", FILES[1], "--format", fmt)
    assert code == 1 and "TK503" in out
    assert ("line=7,col=43" in out) if fmt == "github" else ("dose.fr.xlf:7:43" in out or 'line="7"' in out)


@pytest.mark.parametrize(("source", "target", "fires"), [
    ("Take 1.5 mg.", "Prenez 1,5 mg.", False),
    ("Take 1.5 mg.", "Prenez 1,5 µg.", True),
    ("Give 1,000 IU daily.", "Donnez 1 000 UI par jour.", False),
    ("Give 1,000 IU daily.", "Donnez 100 UI par jour.", True),
    ("In 2020, 15% were ill.", "En 2020, 15 % étaient malades.", False),
    ("In 2020, 15% were ill.", "En 2020, 15 étaient malades.", True),
    ("Drink 2 l of water.", "Buvez 2 litres d'eau.", False),
])
def test_numbers_in_the_target_locale_format(source, target, fires):
    from termkit import Checker, load_project

    checker = Checker(load_project(start=REPO), select=["TK503"])
    text = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
            f'target-language="fr" datatype="plaintext" original="a"><body><trans-unit id="1"><source>{source}'
            f'</source><target>{target}</target></trans-unit></body></file></xliff>')
    assert bool(checker.check_text(text, "a.xlf", "xliff")) is fires


_XLIFF_PIECES = st.sampled_from(['<?xml version="1.0"?>', '<xliff version="1.2">', "</xliff>", "<file>", "</file>",
                                 '<trans-unit id="1">', "</trans-unit>", "<source>", "</source>", "<target>",
                                 "</target>", "&amp;", "&e;", "<!--", "-->", "<![CDATA[", "]]>", "1.5 mg", "é", "\n",
                                 ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
                                  'trgLang="fr">'), "<unit id='u'>", "<segment>", "</segment>", "</unit>", '"', "<"])
_PO_PIECES = st.sampled_from(['msgid "', 'msgstr "', 'msgstr[0] "', 'msgid_plural "', 'msgctxt "', '"', "\\", "\\n",
                              "#, fuzzy", "#~ ", "# c", "\n", " ", "a", "1,5", "é"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(_XLIFF_PIECES, max_size=30).map("".join), st.lists(_PO_PIECES, max_size=30).map("".join),
                 st.text(max_size=200)), st.sampled_from(["xliff", "po"]))
def test_any_text_is_read_whole_or_refused_with_a_position(text, kind):
    from termkit.bilingual import bilingual_prose
    from termkit.errors import TermkitError

    try:
        prose = bilingual_prose(text, kind)
    except TermkitError as exc:
        assert exc.line is not None and exc.line >= 1 and "expected" in exc.message
        return
    assert len(prose.text) == len(text)
    for segment in prose.segments:
        assert 0 <= segment.source_span[0] <= segment.source_span[1] <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_any_bytes_as_a_translation_file_exit_0_1_or_2_and_nothing_written(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("any")
    path = folder / "a.xlf"
    path.write_bytes(data)
    from termkit.cli import main

    code = main(["check", str(path), "--select", "TK5", "--format", "json"])
    assert code in (0, 1, 2)
    assert sorted(p.name for p in folder.iterdir()) == ["a.xlf"] and path.read_bytes() == data
