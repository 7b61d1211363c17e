"""``termkit lsp``: diagnostics on open/change/save, quick fixes, hover with the concept's definition.

The project (config and glossary) is found from the workspace root; without one, the shipped
glossary is used. Editing a glossary file reloads it; a broken glossary is reported as
diagnostics on that file and the last good glossary stays in use.
"""

from __future__ import annotations

import asyncio
import re
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.io_ import StdinAsyncReader, StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..engine import Checker, Project, load_project
from ..errors import Errors, TermkitError, TermkitErrors
from ..source import SourceFile, kind_for
from ..yamlio import load_yaml_text
from .convert import code_action, error_diagnostic, to_diagnostic
from .framing import FramingLost, logger, read_messages

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def document_text(document) -> str:
    """The document's text, each lone surrogate (JSON can carry ``"\\ud800"``, UTF-8 cannot)
    replaced by U+FFFD: one code point and one UTF-16 unit either way, so positions still agree."""
    return LONE_SURROGATE.sub("\ufffd", document.source)


def uri_to_path(uri: str) -> Path:
    """file:// URI -> path, Windows drive letters included (pygls knows the rules)."""
    return Path(to_fs_path(uri) or unquote(urlparse(uri).path))


class TermkitServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("termkit", __version__)
        self.root: Path | None = None
        self.project: Project | None = None
        self.checker: Checker | None = None

    def start_io(self, stdin=None, stdout=None) -> None:
        """pygls' asynchronous stdio server, reading with ``framing.read_messages`` so that a
        stream out of step recovers (or the server exits with a log line)."""
        self._stop_event = threading.Event()
        reader = StdinAsyncReader(stdin or sys.stdin.buffer, self.thread_pool)
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        try:
            asyncio.run(read_messages(self._stop_event, reader, self.protocol,
                                      error_handler=self.report_server_error))
        except FramingLost as exc:
            logger.error("termkit lsp: cannot read the client's messages any more (%s); exiting", exc)
            raise SystemExit(1) from None
        except BrokenPipeError:
            logger.error("termkit lsp: the connection to the client is lost; exiting")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    def load(self) -> None:
        """(Re)load config and glossary; on error keep the previous checker and report the error."""
        try:
            project = load_project(start=self.root)
        except TermkitErrors as exc:
            self.report_data_errors(exc.errors)
            return
        except TermkitError as exc:
            self.report_data_errors([exc])
            return
        # Incremental: unchanged sentences are not matched again at each edit. The source
        # language's pipeline is built now, before the first document opens.
        self.project, self.checker = project, Checker(project, incremental=True)
        try:
            self.checker.setup(project.settings.language)
        except (TermkitError, TermkitErrors):
            pass  # reported on the first document that needs it
        for path in project.glossary_files:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=path.resolve().as_uri(),
                                                                                  diagnostics=[]))

    def report_data_errors(self, errors: list[TermkitError]) -> None:
        by_file: dict[str, list[types.Diagnostic]] = {}
        for error in errors:
            path = Path(error.path) if error.path else None
            if path is not None and not path.is_absolute() and self.root is not None:
                path = self.root / path
            uri = path.resolve().as_uri() if path else (self.root.as_uri() if self.root else "file:///")
            by_file.setdefault(uri, []).append(error_diagnostic(error, None))
        for uri, diagnostics in by_file.items():
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))

    def is_glossary(self, path: Path) -> bool:
        if path.suffix not in (".yaml", ".yml") or self.project is None:
            return path.name in ("termkit.yaml", ".termkit.yaml")
        resolved = path.resolve()
        return resolved in {p.resolve() for p in self.project.glossary_files} or path.name in ("termkit.yaml",
                                                                                              ".termkit.yaml")

    def check_document(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        path = uri_to_path(uri)
        if path.suffix in (".yaml", ".yml"):
            self.check_yaml(uri, document_text(document))
            return
        if self.checker is None:
            self.load()
        if self.checker is None:
            return
        source = SourceFile(path=str(path), text=document_text(document), kind=kind_for(str(path)))
        try:
            self.checker.refuse_size(len(source.text.encode("utf-8")), str(path))
            findings = self.checker.check_source(source)
        except TermkitError as exc:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, diagnostics=[error_diagnostic(exc, source.index)]))
            return
        except Exception as exc:  # noqa: BLE001  (one document's failure must not silence the server)
            error = TermkitError(Errors.E000.format(problem=f"{type(exc).__name__}: {exc}"), str(path))
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, diagnostics=[error_diagnostic(error, source.index)]))
            return
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=[to_diagnostic(f, source.index) for f in findings]))

    def check_yaml(self, uri: str, text: str) -> None:
        """A glossary being edited: report its errors from the unsaved text."""
        path = uri_to_path(uri)
        if not self.is_glossary(path):
            return
        index = SourceFile(str(path), text, "text").index
        errors: list[TermkitError] = []
        try:
            load_yaml_text(text, str(path))
        except TermkitError as exc:
            errors.append(exc)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=[error_diagnostic(e, index) for e in errors]))

    def refresh_open_documents(self) -> None:
        for uri in list(self.workspace.text_documents):
            if uri_to_path(uri).suffix not in (".yaml", ".yml"):
                self.check_document(uri)


server = TermkitServer()


@server.feature(types.INITIALIZE)
def initialize(ls: TermkitServer, params: types.InitializeParams) -> None:
    if params.workspace_folders:
        ls.root = uri_to_path(params.workspace_folders[0].uri)
    elif params.root_uri:
        ls.root = uri_to_path(params.root_uri)
    ls.load()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: TermkitServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.check_document(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: TermkitServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.check_document(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: TermkitServer, params: types.DidSaveTextDocumentParams) -> None:
    if ls.is_glossary(uri_to_path(params.text_document.uri)):
        ls.load()
        ls.refresh_open_documents()
    ls.check_document(params.text_document.uri)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: TermkitServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(ls.is_glossary(uri_to_path(change.uri)) for change in params.changes):
        ls.load()
        ls.refresh_open_documents()


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION)
def code_actions(ls: TermkitServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    document = ls.workspace.get_text_document(params.text_document.uri)
    index = SourceFile(document.path, document_text(document), "text").index
    actions = [code_action(params.text_document.uri, d, index) for d in params.context.diagnostics]
    return [a for a in actions if a is not None]


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: TermkitServer, params: types.HoverParams) -> types.Hover | None:
    if ls.checker is None:
        return None
    document = ls.workspace.get_text_document(params.text_document.uri)
    offset = document.offset_at_position(params.position)  # code points, from the UTF-16 position
    path = uri_to_path(params.text_document.uri)
    found = ls.checker.term_at(SourceFile(str(path), document_text(document), kind_for(str(path))), offset)
    if found is None:
        return None
    concept, language = found
    preferred = concept.preferred(language)
    lines = [f"**{preferred.text if preferred else concept.id}** ({concept.id})"]
    if concept.definition:
        lines.append(concept.definition)
    others = [t.text + (f" ({t.status.value})" if t.status.value != "admitted" else "")
              for t in concept.terms_in(language) if t is not preferred]
    if others:
        lines.append("Also: " + ", ".join(others))
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n".join(lines)))


def run() -> None:
    server.start_io()


__all__ = ["TermkitServer", "run", "server"]
