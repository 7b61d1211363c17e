"""SARIF 2.1.0 for code-scanning tools: each rule listed once with its help text; columns in code points."""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..findings import CheckResult, Finding
from ..i18n import _, active
from .base import JsonList, Reporter, Spool, dumps, render_with, split_at_list

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def _result(f: Finding, index: dict[str, int]) -> dict:
    item = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVELS[f.severity.value],
        "message": {"text": f.message + (" " + _("Suggestion: {suggestion}").format(suggestion=f.suggestion)
                                          if f.suggestion else "")},
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
    return item


def _descriptions(rule) -> dict:
    """The rule's docs (written in English) in an English report; in another language, its translated
    summary and where to read the docs, so that the report stays in one language."""
    if active() == "en":
        return {"fullDescription": {"text": rule.docs().split("\n\n")[0].replace("What it does:\n", "")},
                "help": {"text": rule.docs()}}
    return {"fullDescription": {"text": _(rule.summary)},
            "help": {"text": _("Documentation: termkit rules {code}").format(code=rule.code)}}


def _log(rules: list, errors: list) -> dict:
    return {
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
                    "shortDescription": {"text": _(rule.summary)},
                    **_descriptions(rule),
                    "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
                } for rule in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [],
            "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": [
                {"level": "error", "message": {"text": str(e)}} for e in errors]}],
        }],
    }


class SarifReporter(Reporter):
    """The rules used come before the results, so the findings wait in a temporary file."""

    def start(self) -> None:
        self.spool = Spool()

    def write(self, finding: Finding) -> None:
        self.spool.add(finding)

    def finish(self, files_checked: int, errors: list) -> None:
        from ..rules.registry import RULES  # the rules' docs: loaded only when SARIF is asked for

        rules = [rule for rule in RULES if rule.code in self.codes]
        index = {rule.code: i for i, rule in enumerate(rules)}
        log = _log(rules, errors)
        if self.articles:  # plain-language figures: properties of each article (SARIF artifact)
            log["runs"][0]["artifacts"] = [
                {"location": {"uri": _uri(a["path"])}, "properties": {k: v for k, v in a.items() if k != "path"}}
                for a in self.articles]
        head, indent, tail = split_at_list(dumps(log), "results")
        self.out.write(head)
        results = JsonList(self.out, indent)
        for finding in self.spool:
            results.add(_result(finding, index))
        results.close()
        self.out.write(tail + "\n")
        self.spool.close()


def render(result: CheckResult) -> str:
    return render_with(SarifReporter, result)
