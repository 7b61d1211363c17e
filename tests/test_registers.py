"""Registers (lay | technical) and plain-language explanations: schema, staleness, exchange round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termkit.errors import TermkitErrors
from termkit.glossary import load_glossary
from termkit.glossary.load import glossary_files

FORMATS = {"po": "fr.po", "xliff": "fr.xlf", "tbx": "fr.tbx", "tbx2": "fr-v2.tbx", "csv": "fr.csv"}
CARRIES_ALTERNATIVES = {"tbx", "tbx2", "csv"}


def test_glossary_reads_register_and_explanation(tmp_path):
    (tmp_path / "g.yaml").write_text(
        "schema: termkit.glossary/1\nlanguage: en\nconcepts:\n"
        "  - id: fasciculation\n"
        "    explanation: A small   twitch of a muscle under the skin.\n"
        "    terms:\n"
        "      - {text: fasciculation, status: preferred, register: technical}\n"
        "      - {text: muscle twitching, status: admitted, register: lay}\n"
        "      - {text: fascicular twitch, status: admitted}\n", encoding="utf-8")
    concept = load_glossary(glossary_files([tmp_path]), root=tmp_path).get("fasciculation")
    assert [t.register for t in concept.terms] == ["technical", "lay", None]
    assert concept.explanation("en") == "A small twitch of a muscle under the skin."
    assert [t.text for t in concept.lay_terms("en")] == ["muscle twitching"]


def test_unknown_register_names_file_line_column_and_the_allowed_values(tmp_path):
    (tmp_path / "g.yaml").write_text(
        "schema: termkit.glossary/1\nlanguage: en\nconcepts:\n"
        "  - id: fasciculation\n"
        "    terms:\n"
        "      - text: fasciculation\n"
        "        status: preferred\n"
        "        register: medical\n", encoding="utf-8")
    with pytest.raises(TermkitErrors) as info:
        load_glossary(glossary_files([tmp_path]), root=tmp_path)
    assert [str(e) for e in info.value.errors] == [
        "g.yaml:8:19: error: [E102] concepts[0].terms[0].register: expected lay | technical, got 'medical'"]


def test_empty_explanation_is_an_error(tmp_path):
    (tmp_path / "g.yaml").write_text(
        "schema: termkit.glossary/1\nlanguage: en\nconcepts:\n"
        "  - id: cramp\n    explanation: '  '\n    terms:\n      - {text: cramp, status: preferred}\n", encoding="utf-8")
    with pytest.raises(TermkitErrors) as info:
        load_glossary(glossary_files([tmp_path]), root=tmp_path)
    assert [str(e) for e in info.value.errors] == [
        "g.yaml:5:18: error: [E102] concepts[0].explanation: expected a non-empty explanation, got '  '"]


def test_locale_register_is_checked_with_its_position(workspace, cli):
    path = workspace / "locales" / "fr" / "neuro.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      - text: trisomie 21\n        status: preferred\n",
        "      - text: trisomie 21\n        status: preferred\n        register: familier\n"), encoding="utf-8")
    code, _, err = cli("locales", "status")
    assert code == 2
    assert err.strip() == ("locales/fr/neuro.yaml:23:19: error: [E102] entries.down_syndrome.terms[0].register: "
                           "expected lay | technical, got 'familier'")


def status(cli) -> dict[str, str]:
    _, out, _ = cli("locales", "status", "--format", "json")
    (locale,) = json.loads(out)["locales"]
    return {c["id"]: c["status"] for c in locale["concepts"]}


def describe(workspace: Path) -> None:
    """Registers and explanations in the test glossary and the French locale."""
    glossary = workspace / "glossary" / "neuro.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "      - text: fasciculation\n        status: preferred\n",
        "      - text: fasciculation\n        status: preferred\n        register: technical\n").replace(
        "      - text: muscle twitching\n        status: admitted\n",
        "      - text: muscle twitching\n        status: admitted\n        register: lay\n").replace(
        "    definition: Brief spontaneous contraction",
        "    explanation: A small twitch of a muscle that you can see under the skin.\n"
        "    definition: Brief spontaneous contraction"), encoding="utf-8")
    locale = workspace / "locales" / "fr" / "neuro.yaml"
    locale.write_text(locale.read_text(encoding="utf-8").replace(
        "    state: translated\n    terms:\n      - text: trisomie 21\n        status: preferred\n",
        "    state: translated\n    explanation: Maladie génétique due à un chromosome 21 en trop.\n"
        "    terms:\n      - text: trisomie 21\n        status: preferred\n        register: lay\n").replace(
        "      - text: contraction fasciculaire\n        status: admitted\n",
        "      - text: contraction fasciculaire\n        status: admitted\n        register: technical\n"),
        encoding="utf-8")


def test_registers_and_explanations_do_not_make_translations_stale(workspace, cli):
    cli("locales", "confirm", "fr", "fasciculation", "down_syndrome")
    before = status(cli)
    assert before["fasciculation"] == before["down_syndrome"] == "OK"
    describe(workspace)
    assert status(cli) == before


def strip_descriptions(text: str) -> str:
    lines = [line for line in text.splitlines(keepends=True)
             if not line.strip().startswith(("register:", "explanation:"))]
    return "".join(lines)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_register_and_explanation_survive_export_then_import(workspace, cli, fmt):
    describe(workspace)
    locale = workspace / "locales" / "fr" / "neuro.yaml"
    described = locale.read_text(encoding="utf-8")
    out = workspace / FORMATS[fmt]
    assert cli("locales", "export", "fr", "--format", fmt, "-o", out)[0] == 0
    exported = out.read_text(encoding="utf-8")
    assert "Maladie génétique due à un chromosome 21 en trop." in exported
    assert "A small twitch of a muscle that you can see under the skin." in exported  # the source's, for reading

    code, text, _ = cli("locales", "import", "fr", out, "--format", fmt)  # unchanged: nothing to do
    assert code == 0 and "updated 0" in text and locale.read_text(encoding="utf-8") == described

    locale.write_text(strip_descriptions(described), encoding="utf-8")  # lost on our side: the file brings them back
    code, text, _ = cli("locales", "import", "fr", out, "--format", fmt)
    assert code == 0
    after = locale.read_text(encoding="utf-8")
    if fmt in CARRIES_ALTERNATIVES:
        assert after == described  # byte for byte
    else:  # PO and XLIFF carry the preferred term only, so its register only
        assert after == described.replace(
            "      - text: contraction fasciculaire\n        status: admitted\n        register: technical\n",
            "      - text: contraction fasciculaire\n        status: admitted\n")


EDITS = {
    "po": ("# termkit:register=lay", "# termkit:register=technical"),
    "xliff": ('<note category="termkit-register" appliesTo="target">lay</note>',
              '<note category="termkit-register" appliesTo="target">technical</note>'),
    "tbx": ("<note>termkit:register=lay</note>", "<note>termkit:register=technical</note>"),
    "tbx2": ("<note>termkit:register=lay</note>", "<note>termkit:register=technical</note>"),
    "csv": ("Maladie génétique due à un chromosome 21 en trop.", "Maladie génétique."),
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_translator_changes_a_register_or_an_explanation(workspace, cli, fmt):
    describe(workspace)
    out = workspace / FORMATS[fmt]
    cli("locales", "export", "fr", "--format", fmt, "-o", out)
    old, new = EDITS[fmt]
    text = out.read_text(encoding="utf-8")
    assert text.count(old) == 1
    out.write_text(text.replace(old, new), encoding="utf-8")
    code, report, _ = cli("locales", "import", "fr", out, "--format", fmt)
    assert code == 0 and "updated 1," in report
    block = (workspace / "locales" / "fr" / "neuro.yaml").read_text(encoding="utf-8").split("  down_syndrome:")[1]
    block = block.split("  myopathy:")[0]
    if fmt == "csv":
        assert "    explanation: Maladie génétique.\n" in block
    else:
        assert "      - text: trisomie 21\n        status: preferred\n        register: technical\n" in block


def test_an_unknown_register_in_an_exchange_file_is_refused(workspace, cli):
    describe(workspace)
    out = workspace / "fr.po"
    cli("locales", "export", "fr", "--format", "po", "-o", out)
    out.write_text(out.read_text(encoding="utf-8").replace("# termkit:register=lay", "# termkit:register=plain"),
                   encoding="utf-8")
    before = (workspace / "locales" / "fr" / "neuro.yaml").read_bytes()
    code, _, err = cli("locales", "import", "fr", out)
    assert code == 2 and (workspace / "locales" / "fr" / "neuro.yaml").read_bytes() == before
    assert "[E311] register 'plain' of 'down_syndrome' term 'trisomie 21': expected lay | technical, or nothing" in err


def test_tbx_register_term_note_of_other_dialects_is_read(workspace):
    from termkit.locales.exchange.tbx import parse_tbx

    text = """<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Core" style="dca" xml:lang="en"><tbxHeader><fileDesc><sourceDesc><p>x</p>
</sourceDesc></fileDesc></tbxHeader><text><body><conceptEntry id="fasciculation">
<langSec xml:lang="fr"><termSec><term>fasciculation</term><termNote type="register">technicalRegister</termNote>
<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
<termSec><term>secousse musculaire</term><termNote type="register">neutralRegister</termNote>
<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
<termSec><term>fascicule</term><termNote type="register">slangRegister</termNote>
<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>"""
    (unit,) = parse_tbx(text, "x.tbx", "fr")
    # other registers (slang, in-house...) say nothing of lay or technical: read as none, not refused
    assert unit.registers == (("fasciculation", "technical"), ("secousse musculaire", "lay"), ("fascicule", ""))
    assert unit.explanation is None  # a file termkit did not write says nothing of explanations




@pytest.mark.parametrize(("fmt", "schema_path", "kind"), [
    ("xliff", "xliff/xliff_core_2.0.xsd", "XMLSchema"), ("tbx", "tbx/TBXcoreStructV03.rng", "RelaxNG")])
def test_described_export_still_validates_against_the_official_schema(workspace, cli, fmt, schema_path, kind):
    from conftest import SHARED

    if not (SHARED / "schemas" / schema_path).is_file():
        pytest.skip(f"shared/schemas/{schema_path} absent")
    etree = pytest.importorskip("lxml.etree")
    describe(workspace)
    out = workspace / FORMATS[fmt]
    cli("locales", "export", "fr", "--format", fmt, "-o", out)
    schema = getattr(etree, kind)(etree.parse(str(SHARED / "schemas" / schema_path)))
    assert schema.validate(etree.parse(str(out))), schema.error_log
    # TBX-Basic allows no 'register' termNote: registers travel in notes, which every TBX dialect allows
    assert 'type="register"' not in out.read_text(encoding="utf-8")
