"""Human output: ``path:line:col: CODE [severity] message``, the source line with carets, the suggestion."""

from __future__ import annotations

from collections import Counter

from ..findings import CheckResult
from ..findings import Finding
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


def format_finding(finding: Finding) -> str:
    head = (f"{printable(finding.path)}:{finding.line}:{finding.column}: {finding.code} [{finding.severity.value}] "
            f"{printable(finding.message)}")
    lines = [head, *_excerpt(finding)]
    if finding.suggestion:
        lines.append("      = " + _("suggestion: {suggestion}").format(suggestion=printable(finding.suggestion)))
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
    """Each finding as a block followed by a blank line, then the summary line."""

    def write(self, finding: Finding) -> None:
        self.out.write(format_finding(finding) + "\n\n")

    def finish(self, files_checked: int, errors: list) -> None:
        from .base import plain_language_summary

        self.out.write(_summary(self.severities, files_checked) + plain_language_summary(self.articles) + "\n")


def render(result: CheckResult) -> str:
    return render_with(TextReporter, result)
