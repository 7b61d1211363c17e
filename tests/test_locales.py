"""Translated term lists: status, sync, confirm; export/import in every format; nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED

FORMATS = {"po": "fr.po", "xliff": "fr.xlf", "tbx": "fr.tbx", "tbx2": "fr-v2.tbx", "csv": "fr.csv"}


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "locales").rglob("*.yaml"))}


def status(cli) -> dict[str, tuple[str, str]]:
    code, out, _ = cli("locales", "status", "--format", "json")
    (locale,) = json.loads(out)["locales"]
    return {c["id"]: (c["status"], c["detail"]) for c in locale["concepts"]}


def test_status_reports_each_state_with_babel_names(workspace, cli):
    code, out, _ = cli("locales", "status")
    assert code == 0
    assert out.splitlines()[0] == ("French (fr): 0.0% of 7 approved concepts OK "
                                   "(4 MISSING, 3 STALE, 1 ORPHANED)")
    assert "  ORPHANED  retired_concept: concept left the glossary" in out


def test_confirm_then_stale_when_the_source_term_changes(workspace, cli):
    cli("locales", "confirm", "fr", "fasciculation", "myopathy")
    states = status(cli)
    assert states["fasciculation"] == ("OK", "") and states["myopathy"] == ("DRAFT", "marked draft")
    glossary = workspace / "glossary" / "neuro.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "      - text: fasciculation\n        status: preferred",
        "      - text: muscle fasciculation\n        status: preferred").replace(
        "forms: [fasciculations]", "forms: [muscle fasciculations]"), encoding="utf-8")
    assert status(cli)["fasciculation"] == ("STALE", "source term changed: 'fasciculation' -> 'muscle fasciculation'")
    cli("locales", "sync", "--write")  # sync never clears STALE by itself
    assert status(cli)["fasciculation"][0] == "STALE"
    cli("locales", "confirm", "fr", "fasciculation")
    assert status(cli)["fasciculation"] == ("OK", "")


def test_definition_change_is_stale_too(workspace, cli):
    cli("locales", "confirm", "fr", "down_syndrome")
    glossary = workspace / "glossary" / "neuro.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "an extra copy of chromosome 21.", "an extra (third) copy of chromosome 21."), encoding="utf-8")
    assert status(cli)["down_syndrome"] == ("STALE", "definition changed")


def test_sync_adds_stubs_moves_orphans_and_keeps_comments(workspace, cli):
    before = (workspace / "locales" / "fr" / "neuro.yaml").read_text(encoding="utf-8")
    code, out, _ = cli("locales", "sync")  # dry run
    assert "obsolete    fr/neuro.yaml: retired_concept" in out and snapshot(workspace)
    assert (workspace / "locales" / "fr" / "neuro.yaml").read_text(encoding="utf-8") == before
    cli("locales", "sync", "--write")
    after = (workspace / "locales" / "fr" / "neuro.yaml").read_text(encoding="utf-8")
    assert "# Termes français du glossaire de test." in after and "# vue dans un forum" in after
    assert "obsolete:\n  retired_concept:\n    source_term: old thing" in after  # kept, never deleted
    assert "  pneumonia:\n    source_term: pneumonia\n    state: draft\n    terms: []" in after
    assert after.index("  fasciculation:") < after.index("  down_syndrome:")  # order kept
    again = snapshot(workspace)
    cli("locales", "sync", "--write")
    assert snapshot(workspace) == again  # idempotent


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_then_unchanged_import_changes_nothing(workspace, cli, fmt):
    out = workspace / FORMATS[fmt]
    assert cli("locales", "export", "fr", "--format", fmt, "-o", out)[0] == 0
    before = snapshot(workspace)
    code, text, _ = cli("locales", "import", "fr", out, "--format", fmt)
    assert code == 0 and "updated 0" in text
    assert snapshot(workspace) == before  # byte for byte


EDITS = {
    "po": ('msgstr "trisomie 21"', 'msgstr "syndrome de Down"'),
    "xliff": ("<target>trisomie 21</target>", "<target>syndrome de Down</target>"),
    "tbx": ("<term>trisomie 21</term>", "<term>syndrome de Down</term>"),
    "tbx2": ("<term>trisomie 21</term>", "<term>syndrome de Down</term>"),
    "csv": (",trisomie 21,", ",syndrome de Down,"),
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_edit_in_the_exchange_file_changes_only_that_entry(workspace, cli, fmt):
    out = workspace / FORMATS[fmt]
    cli("locales", "export", "fr", "--format", fmt, "-o", out)
    old, new = EDITS[fmt]
    text = out.read_text(encoding="utf-8")
    assert old in text
    out.write_text(text.replace(old, new), encoding="utf-8")
    before = (workspace / "locales" / "fr" / "neuro.yaml").read_text(encoding="utf-8")
    code, report, _ = cli("locales", "import", "fr", out, "--format", fmt)
    assert code == 0 and "updated 1," in report
    after = (workspace / "locales" / "fr" / "neuro.yaml").read_text(encoding="utf-8")

    def outside(text):  # everything but the down_syndrome entry
        start = text.index("  down_syndrome:")
        return text[:start] + text[text.index("  myopathy:"):]

    assert outside(after) == outside(before)
    block = after[after.index("  down_syndrome:"):after.index("  myopathy:")]
    assert "      - text: syndrome de Down\n        status: preferred" in block
    assert "      - text: mongolisme\n        status: deprecated" in block  # the rest of the entry is kept


def test_conflict_is_reported_not_applied_unless_a_strategy_says_so(workspace, cli):
    out = workspace / "fr.po"
    cli("locales", "export", "fr", "--format", "po", "-o", out)
    out.write_text(out.read_text(encoding="utf-8").replace('msgstr "trisomie 21"', 'msgstr "syndrome de Down"'),
                   encoding="utf-8")
    locale_file = workspace / "locales" / "fr" / "neuro.yaml"
    locale_file.write_text(locale_file.read_text(encoding="utf-8").replace("text: trisomie 21", "text: trisomie 21 libre"),
                           encoding="utf-8")
    before = snapshot(workspace)
    code, text, _ = cli("locales", "import", "fr", out)
    assert code == 1 and "CONFLICT down_syndrome: file has 'trisomie 21 libre', import has 'syndrome de Down'" in text
    assert snapshot(workspace) == before
    cli("locales", "import", "fr", out, "--strategy", "ours")
    assert snapshot(workspace) == before
    cli("locales", "import", "fr", out, "--strategy", "theirs")
    assert "text: syndrome de Down" in locale_file.read_text(encoding="utf-8")


def test_unknown_ids_and_forbidden_terms_are_errors_and_nothing_is_written(workspace, cli):
    out = workspace / "fr.csv"
    cli("locales", "export", "fr", "--format", "csv", "-o", out)
    text = out.read_text(encoding="utf-8")
    before = snapshot(workspace)
    out.write_text(text.replace(",trisomie 21,", ",mongolisme,") + "no_such_concept,x,,,y,,no,,,,,,\n", encoding="utf-8")
    code, _, err = cli("locales", "import", "fr", out)
    assert code == 2 and snapshot(workspace) == before
    assert "[E306] 'mongolisme' cannot be the preferred term of 'down_syndrome': it is a deprecated term" in err
    assert "[E305] unknown concept id 'no_such_concept'" in err


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_truncated_file_changes_nothing_and_says_where(workspace, cli, fmt):
    out = workspace / FORMATS[fmt]
    cli("locales", "export", "fr", "--format", fmt, "-o", out)
    text = out.read_text(encoding="utf-8")
    out.write_text(text.replace("trisomie 21", "syndrome de Down")[: len(text) // 2 - 3], encoding="utf-8")
    before = snapshot(workspace)
    code, _, err = cli("locales", "import", "fr", out, "--format", fmt)
    assert snapshot(workspace) == before
    # line-based formats may end cleanly mid-file: their entry count (E309) tells
    assert code == 2 and err.startswith(f"{out}:") and len(err.splitlines()) == 1
    assert "[E304]" in err or (fmt in ("po", "csv") and "[E309]" in err)


def test_bad_locale_folder_name(workspace, cli):
    (workspace / "locales" / "xx_Nowhere").mkdir()
    code, _, err = cli("locales", "status")
    assert code == 2 and "[E301] invalid locale 'xx_Nowhere'" in err


def test_min_coverage_threshold(workspace, cli):
    assert cli("locales", "status", "--min-coverage", "0.5")[0] == 1
    assert cli("locales", "status", "--min-coverage", "0")[0] == 0


SCHEMAS = SHARED / "schemas"


@pytest.mark.parametrize(("fmt", "suffix", "schema_path", "kind"), [
    ("xliff", "xlf", "xliff/xliff_core_2.0.xsd", "XMLSchema"),
    ("tbx", "tbx", "tbx/TBXcoreStructV03.rng", "RelaxNG"),
], ids=["xliff-oasis-xsd", "tbx-v3-core-relaxng"])
def test_export_validates_against_the_official_schema(workspace, cli, fmt, suffix, schema_path, kind):
    if not (SCHEMAS / schema_path).is_file():
        pytest.skip(f"shared/schemas/{schema_path} absent")
    etree = pytest.importorskip("lxml.etree")
    out = workspace / f"fr.{suffix}"
    cli("locales", "export", "fr", "--format", fmt, "-o", out)
    schema = getattr(etree, kind)(etree.parse(str(SCHEMAS / schema_path)))
    document = etree.parse(str(out))
    assert schema.validate(document), schema.error_log


@pytest.mark.skipif(not (SCHEMAS / "tbx" / "Example_Astronomy_DCA_VALID.tbx").is_file(), reason="shared/schemas absent")
def test_reads_a_third_party_tbx_file(workspace, cli):
    from termkit.locales.exchange.tbx import parse_tbx

    text = (SCHEMAS / "tbx" / "Example_Astronomy_DCA_VALID.tbx").read_text(encoding="utf-8")
    units = parse_tbx(text, "astronomy.tbx", "es")
    assert units and all(u.concept_id for u in units)
    assert any(u.target for u in units)


@pytest.mark.parametrize("fmt", ["xliff", "tbx"])
def test_unknown_id_in_xml_files_names_the_line(workspace, cli, fmt):
    out = workspace / FORMATS[fmt]
    cli("locales", "export", "fr", "--format", fmt, "-o", out)
    text = out.read_text(encoding="utf-8").replace('id="pneumonia"', 'id="no_such_concept"')
    out.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if 'id="no_such_concept"' in row)
    code, _, err = cli("locales", "import", "fr", out, "--format", fmt)
    assert code == 2 and err == f"{out}:{line}: error: [E305] unknown concept id 'no_such_concept' (not in the glossary)\n"


def test_missing_locales_folder_is_one_line(workspace, cli):
    code, out, err = cli("locales", "status", "--locales", workspace / "nowhere")
    assert (code, out, err) == (2, "", f"{workspace / 'nowhere'}: error: [E001] path not found\n")
