"""Human output: ``path:line:col: CODE [severity] message``, the source line with carets, the suggestion."""

from __future__ import annotations

from collections import Counter

from ..findings import CheckResult, Finding
from ..invisible import printable, visible
from ..i18n import _, format_number, ngettext
from .base import Reporter, render_with

WINDOW = 100  # longest excerpt shown; longer lines are cut around the finding


def _excerpt(finding: Finding) -> list[str]:
    line = visible(finding.context.expandtabs(1) if "\t" in finding.context else finding.context)
    if not line:
        return []
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    end = max(end, start + 1)
    offset, prefix, suffix = 0, "", ""
    if len(line) > WINDOW:
        offset = max(0, min(start - WINDOW // 3, len(line) - WINDOW))
        prefix = "…" if offset > 0 else ""
        suffix = "…" if offset + WINDOW < len(line) else ""
        line = line[offset:offset + WINDOW]
    gutter = f"{finding.line:>5} | "
    marker = " " * (len(gutter) - 2) + "| " + " " * (len(prefix) + start - offset) + "^" * max(1, min(end, offset + WINDOW) - start)
    return [gutter + prefix + line + suffix, marker]


# ANSI SGR codes: bold path, severity in its colour, code in cyan, carets and suggestion coloured.
STYLES = {"path": "1", "error": "1;31", "warning": "1;33", "info": "1;34", "code": "36", "marker": "1;31",
          "suggestion": "32", "gutter": "2"}


def _paint(text: str, style: str, colour: bool) -> str:
    return f"\033[{STYLES[style]}m{text}\033[0m" if colour and text else text


def format_finding(finding: Finding, colour: bool = False) -> str:
    sev = finding.severity.value
    head = (f"{_paint(printable(finding.path), 'path', colour)}:{finding.line}:{finding.column}: "
            f"{_paint(finding.code, 'code', colour)} {_paint(f'[{sev}]', sev, colour)} "
            f"{printable(finding.message)}")
    excerpt = _excerpt(finding)
    if colour and excerpt:
        code_gutter, _sep, code = excerpt[0].partition(" | ")
        gutter, _sep, marker = excerpt[1].partition("| ")
        pad = len(marker) - len(marker.lstrip(" "))
        excerpt = [_paint(code_gutter + " |", "gutter", True) + " " + code,
                   _paint(gutter + "|", "gutter", True) + " " + " " * pad + _paint(marker[pad:], "marker", True)]
    lines = [head, *excerpt]
    if finding.suggestion:
        lines.append("      = " + _paint(_("suggestion: {suggestion}").format(suggestion=printable(finding.suggestion)),
                                         "suggestion", colour))
    return "\n".join(lines)


def summary_line(result: CheckResult) -> str:
    return _summary(Counter(f.severity.value for f in result.findings), result.files_checked)


def _summary(counts: Counter, files_checked: int) -> str:
    n = sum(counts.values())
    words = {"error": lambda k: ngettext("{count} error", "{count} errors", k),
             "warning": lambda k: ngettext("{count} warning", "{count} warnings", k),
             "info": lambda k: ngettext("{count} info", "{count} info", k)}
    parts = [words[s](counts[s]).format(count=format_number(counts[s]))
             for s in ("error", "warning", "info") if counts[s]]
    files = ngettext("{count} file", "{count} files", files_checked).format(count=format_number(files_checked))
    if not n:
        return _("No findings in {files}.").format(files=files)
    return ngettext("Found {count} finding ({details}) in {files}.", "Found {count} findings ({details}) in {files}.",
                    n).format(count=format_number(n), details=", ".join(parts), files=files)


class TextReporter(Reporter):
    """Each finding as a block followed by a blank line, then the summary line (unless ``summary``
    is false: ``--quiet``). ``colour``: ANSI colours, for a terminal."""

    def __init__(self, out, colour: bool = False, summary: bool = True):
        super().__init__(out)
        self.colour = colour
        self.summary = summary

    def write(self, finding: Finding) -> None:
        self.out.write(format_finding(finding, self.colour) + "\n\n")

    def finish(self, files_checked: int, errors: list) -> None:
        from .base import plain_language_summary

        if self.summary:
            self.out.write(_summary(self.severities, files_checked) + plain_language_summary(self.articles) + "\n")


def render(result: CheckResult) -> str:
    return render_with(TextReporter, result)
