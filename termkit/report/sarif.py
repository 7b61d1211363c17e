"""SARIF 2.1.0 for code-scanning tools: each rule listed once with its help text; columns in code points."""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..findings import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def render(result: CheckResult) -> str:
    from ..rules.registry import RULES  # the rules' docs: loaded only when SARIF is asked for

    used = sorted({f.code for f in result.findings})
    rules = [rule for rule in RULES if rule.code in used]
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for f in result.findings:
        item = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVELS[f.severity.value],
            "message": {"text": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                           "endColumn": f.end_column, "snippet": {"text": f.text}},
            }}],
        }
        if f.subtype:
            item["properties"] = {"subtype": f.subtype}
        if f.fix and f.fix.edits:
            item["fixes"] = [{"description": {"text": f"{f.fix.title} ({f.fix.applicability.value})"},
                              "artifactChanges": [{"artifactLocation": {"uri": _uri(f.path)}, "replacements": [
                                  {"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                   "insertedContent": {"text": e.replacement}} for e in f.fix.edits]}]}]
        results.append(item)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "termkit",
                "version": __version__,
                "informationUri": "https://pypi.org/project/termkit/",
                "rules": [{
                    "id": rule.code,
                    "name": rule.name,
                    "shortDescription": {"text": rule.summary},
                    "fullDescription": {"text": rule.docs().split("\n\n")[0].replace("What it does:\n", "")},
                    "help": {"text": rule.docs()},
                    "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
                } for rule in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": not result.errors, "toolExecutionNotifications": [
                {"level": "error", "message": {"text": str(e)}} for e in result.errors]}],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
