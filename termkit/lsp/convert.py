"""Findings -> LSP: UTF-16 ranges, severities, code descriptions, fixes as code-action data."""

from __future__ import annotations

from lsprotocol import types

from ..errors import TermkitError
from ..findings import Finding
from ..source import LineIndex

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}


def position(index: LineIndex, line: int, column: int) -> types.Position:
    """1-based code-point (line, column) -> 0-based UTF-16 LSP position."""
    return types.Position(line=line - 1, character=index.utf16_column(line, column))


def offset_position(index: LineIndex, offset: int) -> types.Position:
    return position(index, *index.position(offset))


def to_diagnostic(finding: Finding, index: LineIndex) -> types.Diagnostic:
    data = None
    if finding.fix and finding.fix.edits:
        data = {"title": finding.fix.title, "applicability": finding.fix.applicability.value,
                "edits": [[e.start, e.end, e.replacement] for e in finding.fix.edits]}
    message = finding.message + (f"\nSuggestion: {finding.suggestion}" if finding.suggestion else "")
    return types.Diagnostic(
        range=types.Range(start=position(index, finding.line, finding.column),
                          end=position(index, finding.end_line, finding.end_column)),
        message=message,
        severity=SEVERITY[finding.severity.value],
        code=finding.code,
        source="termkit",
        data=data,
    )


def error_diagnostic(error: TermkitError, index: LineIndex | None) -> types.Diagnostic:
    line = (error.line or 1) - 1
    character = 0
    if index is not None and error.line and error.column and error.line <= len(index.starts):
        character = index.utf16_column(error.line, error.column)
    start = types.Position(line=line, character=character)
    return types.Diagnostic(range=types.Range(start=start, end=types.Position(line=line, character=character + 1)),
                            message=error.message, severity=types.DiagnosticSeverity.Error, source="termkit")


def code_action(uri: str, diagnostic: types.Diagnostic, index: LineIndex) -> types.CodeAction | None:
    data = diagnostic.data
    if not isinstance(data, dict) or not data.get("edits"):
        return None
    edits = [types.TextEdit(range=types.Range(start=offset_position(index, start), end=offset_position(index, end)),
                            new_text=text) for start, end, text in data["edits"]]
    return types.CodeAction(
        title=f"{data['title']} ({data['applicability']} fix)",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: edits}),
        is_preferred=data["applicability"] == "safe",
    )
