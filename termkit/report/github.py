"""GitHub Actions workflow commands: one annotation per finding on the pull request.

Columns are given only when the finding starts and ends on one line (GitHub's rule). Every value
is escaped, so a file name or a term holding a line break cannot start a command of its own."""

from __future__ import annotations

from ..findings import CheckResult, Finding
from ..invisible import printable
from ..i18n import _
from .base import Reporter, render_with

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    props = [f"file={_property(f.path)}", f"line={f.line}"]
    if f.end_line == f.line:
        props += [f"col={f.column}", f"endColumn={f.end_column}"]
    else:
        props += [f"endLine={f.end_line}"]
    props.append(f"title={_property(f'termkit ({f.code} {f.rule})')}")
    message = f.message + (" " + _("Suggestion: {suggestion}").format(suggestion=f.suggestion) if f.suggestion else "")
    return f"::{COMMANDS[f.severity.value]} {','.join(props)}::{_data(message)}"


class GithubReporter(Reporter):
    def write(self, finding: Finding) -> None:
        self.out.write(annotation(finding) + "\n")


def render(result: CheckResult) -> str:
    return render_with(GithubReporter, result)
