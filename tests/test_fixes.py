"""`check --fix`: expected output for every fixable rule, idempotence, encodings, line ends, safety."""

from __future__ import annotations

import os

import pytest

from conftest import FIXTURES, SHARED, TEST_GLOSSARY

CASE = FIXTURES / "fixes" / "every-fixable-rule.md"


def split_case():
    before, after = CASE.read_text(encoding="utf-8").split("<!-- output -->\n")
    return before, after


def test_unsafe_fixes_give_the_expected_output_and_are_idempotent(tmp_path, cli):
    before, after = split_case()
    article = tmp_path / "a.md"
    article.write_text(before, encoding="utf-8")
    code, out, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--fix", "--unsafe-fixes")
    assert article.read_text(encoding="utf-8") == after
    assert code == 0 and err == "Fixed 8 findings in 1 file.\n" and out == "No findings in 1 file.\n"
    code, out, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--fix", "--unsafe-fixes")
    assert article.read_text(encoding="utf-8") == after and err == "Fixed 0 findings in 0 files.\n"


def test_safe_fixes_leave_unsafe_ones_reported(tmp_path, cli):
    before, _ = split_case()
    article = tmp_path / "a.md"
    article.write_text(before, encoding="utf-8")
    code, out, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--fix", "--format", "json")
    text = article.read_text(encoding="utf-8")
    assert "Some call it fasciculation; FASCICULATION" in text and "A fasciillis is" in text
    assert "Mongolism is a deprecated word" in text  # two words for one: an unsafe fix
    assert err == "Fixed 4 findings in 1 file.\n" and code == 1


def test_diff_changes_no_file(tmp_path, cli):
    before, _ = split_case()
    article = tmp_path / "a.md"
    article.write_text(before, encoding="utf-8")
    code, out, _ = cli("check", article, "--glossary", TEST_GLOSSARY, "--diff")
    assert article.read_text(encoding="utf-8") == before
    assert f"--- a/{article}" in out and "-Some call it fascillis; FASCILLIS" in out
    assert "+Some call it fasciculation; FASCICULATION" in out


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
@pytest.mark.parametrize("bom", [True, False])
def test_line_endings_bom_and_trailing_newline_are_kept(tmp_path, cli, newline, bom):
    text = newline.join(["---", "type: news", "---", "Some call it fascillis.", "No newline at the end"])
    article = tmp_path / "a.md"
    article.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    cli("check", article, "--glossary", TEST_GLOSSARY, "--fix")
    data = article.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == bom
    expected = text.replace("fascillis", "fasciculation").encode("utf-8")
    assert data.removeprefix(b"\xef\xbb\xbf") == expected


def test_read_only_file_is_left_intact(tmp_path, cli):
    if os.geteuid() == 0:
        pytest.skip("root can write read-only files; termkit checks os.access, which root passes")
    article = tmp_path / "a.md"
    article.write_text("---\ntype: news\n---\nfascillis\n", encoding="utf-8")
    article.chmod(0o444)
    code, _, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--fix")
    assert code == 2 and "[E006] file is read-only; not fixed" in err
    assert article.read_text(encoding="utf-8").endswith("fascillis\n")


def test_refuses_read_only_file_even_as_root(tmp_path, monkeypatch, cli):
    article = tmp_path / "a.md"
    article.write_text("---\ntype: news\n---\nfascillis\n", encoding="utf-8")
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    code, _, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--fix")
    assert code == 2 and err.splitlines()[-1] == f"{article}: error: [E006] file is read-only; not fixed"
    assert article.read_text(encoding="utf-8").endswith("fascillis\n")


def test_interrupted_write_leaves_the_original(tmp_path, monkeypatch, cli):
    article = tmp_path / "a.md"
    original = "---\ntype: news\n---\nfascillis\n"
    article.write_text(original, encoding="utf-8")

    def crash(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    code, _, _ = cli("check", article, "--glossary", TEST_GLOSSARY, "--fix")
    assert code == 130
    assert article.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left behind


SAMPLE = SHARED / "samples" / "fasciculation-article.txt"


@pytest.mark.skipif(not SAMPLE.is_file(), reason=f"sample draft not found at {SAMPLE}")
@pytest.mark.parametrize("crlf", [False, True])
def test_sample_draft_garbled_variants_are_replaced(tmp_path, cli, crlf):
    text = SAMPLE.read_text(encoding="utf-8")
    if crlf:
        text = text.replace("\n", "\r\n")
    copy = tmp_path / "draft.txt"
    copy.write_bytes(text.encode("utf-8"))
    cli("check", copy, "--fix", "--unsafe-fixes", "--select", "TK101")
    fixed = copy.read_bytes().decode("utf-8")
    for garbled in ("fascillis", "fascillia", "Fasciolisia", "fasciillis"):
        assert garbled not in fixed
    assert fixed.count("\r\n") == (text.count("\r\n") if crlf else 0)
    assert fixed.count("\n") == text.count("\n")
    again = copy.read_bytes()
    cli("check", copy, "--fix", "--unsafe-fixes", "--select", "TK101")
    assert copy.read_bytes() == again
