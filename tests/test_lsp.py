"""End-to-end: drive `termkit lsp` as an editor would (pytest-lsp starts it as a subprocess)."""

from __future__ import annotations

import shutil
import sys

import pytest

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from conftest import TEST_GLOSSARY  # noqa: E402

ARTICLE = "---\ntype: news\n---\nÇa 🙂 éé: some call it fascillis.\n"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    shutil.copytree(TEST_GLOSSARY, root / "glossary")
    (root / "termkit.yaml").write_text("language: en\nglossary: [glossary]\n", encoding="utf-8")
    (root / "a.md").write_text(ARTICLE, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "termkit", "lsp"]))
async def client(lsp_client: LanguageClient, workspace):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="ws")]))
    yield
    await lsp_client.shutdown_session()


def open_doc(client, uri, text, language="markdown"):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))


@pytest.mark.asyncio
async def test_diagnostics_code_action_hover_and_glossary_reload(client: LanguageClient, workspace):
    uri = (workspace / "a.md").as_uri()
    open_doc(client, uri, ARTICLE)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    (diagnostic,) = [d for d in client.diagnostics[uri] if d.code == "TK101"]
    # 'Ça 🙂 éé: some call it ' is 22 code points but 23 UTF-16 units (the emoji is a surrogate pair)
    assert diagnostic.range == types.Range(start=types.Position(line=3, character=23),
                                           end=types.Position(line=3, character=32))
    assert diagnostic.source == "termkit" and diagnostic.severity == types.DiagnosticSeverity.Error

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    (action,) = actions
    (edit,) = action.edit.changes[uri]
    assert (edit.range, edit.new_text) == (diagnostic.range, "fasciculation")
    assert action.is_preferred  # a listed misspelling: a safe fix

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=3, character=26)))
    assert hover.contents.value.startswith("**fasciculation** (fasciculation)")
    assert "Brief spontaneous contraction" in hover.contents.value

    # apply the edit as the editor would: the diagnostic goes away
    fixed = ARTICLE.replace("fascillis", "fasciculation")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[uri] if d.code == "TK101"] == []

    # a broken glossary edit: reported on the glossary file, and the server keeps working
    glossary_file = workspace / "glossary" / "neuro.yaml"
    good = glossary_file.read_text(encoding="utf-8")
    glossary_file.write_text(good + "  - id: [broken\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=glossary_file.as_uri(), type=types.FileChangeType.Changed)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    errors = client.diagnostics.get(glossary_file.as_uri())
    assert errors and "[E101] YAML syntax error" in errors[0].message

    # a good edit that lists a new misspelling: the open article is checked again and flags it
    glossary_file.write_text(good.replace("misspellings: [fascillis, fasciolisia]",
                                          "misspellings: [fascillis, fasciolisia, calftwitch]"), encoding="utf-8")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed + "A calftwitch.\n")]))
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=glossary_file.as_uri(), type=types.FileChangeType.Changed)]))
    for _ in range(4):
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if any(d.code == "TK101" for d in client.diagnostics.get(uri, [])):
            break
    assert [(d.code, d.range.start.line) for d in client.diagnostics[uri] if d.code == "TK101"] == [("TK101", 4)]
    assert not client.diagnostics.get(glossary_file.as_uri())  # the glossary error is cleared
