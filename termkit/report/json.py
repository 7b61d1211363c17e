"""Stable JSON: ``{"version": 1, "findings": [...], "summary": {...}, "errors": [...]}``."""

from __future__ import annotations

import json
from collections import Counter

from ..findings import CheckResult
from ..findings import Finding

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


def render(result: CheckResult) -> str:
    severities = Counter(f.severity.value for f in result.findings)
    payload = {
        "version": VERSION,
        "findings": [finding_dict(f) for f in result.findings],
        "summary": {
            "files": result.files_checked,
            "findings": len(result.findings),
            "by_severity": {s: severities.get(s, 0) for s in ("error", "warning", "info")},
            "by_code": dict(sorted(Counter(f.code for f in result.findings).items())),
        },
        "errors": [{"path": e.path, "line": e.line, "column": e.column, "message": e.message} for e in result.errors],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
