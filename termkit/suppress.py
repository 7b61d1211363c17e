"""Inline suppressions in Markdown comments, and the report of those that suppress nothing.

    <!-- termkit-disable-next-line misspelling -->     the next line only
    <!-- termkit-disable TK401, deprecated-term -->   from here ...
    <!-- termkit-enable TK401, deprecated-term -->    ... to here (or to the end of the file)

Rules are named by code, code prefix (``TK4``) or name; no rule means every rule. A suppression
that hides nothing is itself reported (TK901, like ruff's RUF100), so stale ones do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .findings import Finding
from .errors import TermkitError
from .rules.registry import matching_codes
from .source import LineIndex

DIRECTIVE = re.compile(r"<!--\s*termkit-(disable-next-line|disable|enable)\b(.*?)-->", re.S)


@dataclass
class Directive:
    kind: str  # disable-next-line | disable | enable
    selectors: tuple[str, ...]  # empty: every rule
    start: int
    end: int
    line: int  # line where the comment ends
    first_line: int = 0
    last_line: int = 0  # lines covered (inclusive)
    used: bool = False
    unknown: tuple[str, ...] = field(default=())

    @property
    def codes(self) -> set[str] | None:
        """The rule codes named (None: every rule); names, codes and prefixes all resolve to codes."""
        if not self.selectors:
            return None
        codes: set[str] = set()
        for selector in self.selectors:
            if selector not in self.unknown:
                codes |= matching_codes(selector)
        return codes

    def matches(self, finding: Finding) -> bool:
        codes = self.codes
        return codes is None or finding.code in codes


def _known(selector: str) -> bool:
    """A rule name, a code, or a code prefix that names at least one rule ("TK4", not "TK999")."""
    try:
        return bool(matching_codes(selector))
    except TermkitError:
        return False


def parse_directives(text: str, in_code=lambda offset: False) -> list[Directive]:
    """The suppression comments of ``text``; ``in_code(offset)`` tells comments shown in code apart."""
    index = LineIndex(text)
    directives: list[Directive] = []
    for m in DIRECTIVE.finditer(text):
        if in_code(m.start()):
            continue
        selectors = tuple(s for s in re.split(r"[\s,]+", m.group(2).strip()) if s)
        unknown = tuple(s for s in selectors if not _known(s))
        line = index.position(m.end())[0]
        directives.append(Directive(m.group(1), selectors, m.start(), m.end(), line, unknown=unknown))
    last = len(index.starts)
    open_ranges: list[Directive] = []
    for d in directives:
        if d.kind == "disable-next-line":
            d.first_line = d.last_line = d.line + 1
        elif d.kind == "disable":
            d.first_line, d.last_line = d.line, last
            open_ranges.append(d)
        else:  # enable closes the matching (or every, when it names no rule) open range
            for opened in open_ranges:
                if opened.last_line == last and (d.codes is None or opened.codes is None or d.codes & opened.codes):
                    opened.last_line = d.line
            d.used = True  # an enable is bookkeeping, never "unused"
    return directives


def apply_suppressions(text: str, findings: list[Finding], in_code=lambda offset: False) -> tuple[list[Finding], list[Directive]]:
    """Drop suppressed findings; return the rest and every directive (``used`` set on each)."""
    directives = parse_directives(text, in_code)
    if not directives:
        return findings, []
    kept = []
    for finding in findings:
        hidden = False
        for d in directives:
            if d.kind != "enable" and d.first_line <= finding.line <= d.last_line and d.matches(finding):
                d.used = True
                hidden = True
        if not hidden:
            kept.append(finding)
    return kept, directives
