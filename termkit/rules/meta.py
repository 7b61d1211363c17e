"""Meta rules: about termkit's own markup in the article."""

from __future__ import annotations

from typing import Iterator

from ..findings import Applicability, Edit, Finding, Fix, Severity
from .base import CheckContext, Rule


class UnusedSuppression(Rule):
    """What it does:
    Reports a `<!-- termkit-disable... -->` comment that suppresses nothing (the finding it was
    written for is gone, or it names a rule that does not exist).

    Why:
    Stale suppressions hide future problems on the same lines and clutter the article.

    Example:
    Bad: <!-- termkit-disable-next-line misspelling -->\\nFasciculation is common.
    Good: <!-- termkit-disable-next-line misspelling -->\\nSome forums write fascillis.

    Fix safety:
    Safe: removing a comment that suppresses nothing changes no finding.
    """

    code = "TK901"
    name = "unused-suppression"
    severity = Severity.INFO
    summary = "A suppression comment that suppresses nothing"
    family = "meta"

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        for directive in ctx.extra.get("directives", ()):
            if directive.used and not directive.unknown:
                continue
            names = ", ".join(directive.selectors) or "any rule"
            if directive.unknown:
                message = f"Suppression names unknown rule(s): {', '.join(directive.unknown)}"
            elif directive.kind == "disable-next-line":
                message = f"Unused suppression: no finding of {names} on line {directive.first_line}"
            else:
                message = f"Unused suppression: no finding of {names} in lines {directive.first_line}-{directive.last_line}"
            text = ctx.source.text
            end = directive.end + (1 if text[directive.end:directive.end + 1] == "\n" else 0)
            fix = Fix("Remove the suppression comment", (Edit(directive.start, end, ""),), Applicability.SAFE)
            yield ctx.finding(self, directive.start, directive.end, message, fix=fix)
