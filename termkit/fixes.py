"""Apply fixes: non-overlapping edits, safe ones by default, unsafe ones on request.

A fix never touches code, front matter or comments, because findings only come from the prose.
Encoding (UTF-8, with or without BOM), line endings and the trailing newline are kept, since
edits replace only the characters of a finding; ``atomic.py`` writes the result.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .findings import Applicability, Edit, Finding


@dataclass
class FixResult:
    text: str
    applied: list[Finding]


def fixable(finding: Finding, unsafe: bool) -> bool:
    if finding.fix is None or not finding.fix.edits:
        return False
    if finding.fix.applicability is Applicability.SAFE:
        return True
    return unsafe and finding.fix.applicability is Applicability.UNSAFE


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> FixResult:
    """Apply every applicable fix whose edits do not overlap an earlier one (in text order)."""
    chosen: list[tuple[Edit, ...]] = []
    applied: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for finding in sorted((f for f in findings if fixable(f, unsafe)), key=lambda f: (f.start, f.end)):
        edits = finding.fix.edits
        if any(e.start < b and a < e.end or (e.start == e.end and a <= e.start < b) for e in edits for a, b in taken):
            continue
        chosen.append(edits)
        applied.append(finding)
        taken += [(e.start, max(e.end, e.start + 1) if e.start == e.end else e.end) for e in edits]
    out = text
    for edit in sorted((e for edits in chosen for e in edits), key=lambda e: (e.start, e.end), reverse=True):
        out = out[:edit.start] + edit.replacement + out[edit.end:]
    return FixResult(out, applied)


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
