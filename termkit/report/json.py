"""Stable JSON: ``{"version": 1, "findings": [...], "summary": {...}, "errors": [...]}``."""

from __future__ import annotations

from collections import Counter

from ..findings import CheckResult
from ..findings import Finding
from .base import JsonList, Reporter, dumps, render_with, split_at_list

VERSION = 1


def finding_dict(f: Finding) -> dict:
    out = {
        "path": f.path, "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
        "code": f.code, "rule": f.rule, "severity": f.severity.value, "message": f.message, "text": f.text,
        "suggestion": f.suggestion,
    }
    if f.subtype:
        out["subtype"] = f.subtype
    if f.fix:
        out["fix"] = {"title": f.fix.title, "applicability": f.fix.applicability.value,
                      "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.fix.edits]}
    return out


def document(findings: list, files: int, count: int, severities: Counter, codes: Counter, errors: list,
             articles: list | None = None) -> dict:
    out = {
        "version": VERSION,
        "findings": findings,
        "summary": {
            "files": files,
            "findings": count,
            "by_severity": {s: severities.get(s, 0) for s in ("error", "warning", "info")},
            "by_code": dict(sorted(codes.items())),
        },
        "errors": [{"path": e.path, "line": e.line, "column": e.column, "message": e.message} for e in errors],
    }
    if articles:  # plain-language figures per article, when those rules ran
        out["articles"] = articles
    return out


class JsonReporter(Reporter):
    """The document's head, then each finding as it comes, then the summary and the errors."""

    def start(self) -> None:
        head, indent, _ = split_at_list(dumps(document([], 0, 0, Counter(), Counter(), [])), "findings")
        self.out.write(head)
        self.list = JsonList(self.out, indent)

    def write(self, finding: Finding) -> None:
        self.list.add(finding_dict(finding))

    def finish(self, files_checked: int, errors: list) -> None:
        self.list.close()
        full = dumps(document([], files_checked, self.findings, self.severities, self.codes, errors, self.articles))
        self.out.write(split_at_list(full, "findings")[2] + "\n")


def render(result: CheckResult) -> str:
    return render_with(JsonReporter, result)
