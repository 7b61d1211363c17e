"""Meta rules: about termkit's own markup in the article."""

from __future__ import annotations

from typing import Iterator

from ..findings import Applicability, Edit, Finding, Fix, Severity
from ..invisible import BIDI_CONTROL, BIDI_NAMES
from ..i18n import N_, _, format_number
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
    summary = N_("A suppression comment that suppresses nothing")
    after_suppressions = True  # it reports the suppressions that the other rules' findings did not use

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        for directive in ctx.extra.get("directives", ()):
            if directive.used and not directive.unknown:
                continue
            names = ", ".join(directive.selectors) or _("any rule")
            if directive.unknown:
                message = _("Suppression names unknown rule(s): {rules}").format(rules=", ".join(directive.unknown))
            elif directive.kind == "disable-next-line":
                message = _("Unused suppression: no finding of {rules} on line {line}").format(
                    rules=names, line=format_number(directive.first_line))
            else:
                message = _("Unused suppression: no finding of {rules} in lines {first}-{last}").format(
                    rules=names, first=format_number(directive.first_line), last=format_number(directive.last_line))
            text = ctx.source.text
            line_start = text.rfind("\n", 0, directive.start) + 1
            line_end = text.find("\n", directive.end)
            line_end = len(text) if line_end == -1 else line_end
            alone = not text[line_start:directive.start].strip() and not text[directive.end:line_end].strip()
            if alone:  # the comment is the whole line: remove the line, its \r\n or \n included
                edit = Edit(line_start, min(len(text), line_end + 1), "")
            else:
                edit = Edit(directive.start, directive.end, "")
            fix = Fix(_("Remove the suppression comment"), (edit,), Applicability.SAFE)
            yield ctx.finding(self, directive.start, directive.end, message, fix=fix)


class InvalidFrontMatter(Rule):
    """What it does:
    Reports front matter that is not valid YAML. Its `lang:` and `type:` are then unknown, so the
    article is checked with the project's defaults.

    Why:
    A broken front matter silently changes how the article is checked (and how the site
    builds it).

    Example:
    Bad: ---\\nlang: fr\\ntitle: [unclosed\\n---\\nText.
    Good: ---\\nlang: fr\\ntitle: Crampes\\n---\\nText.

    Fix safety:
    No fix.
    """

    code = "TK902"
    name = "invalid-front-matter"
    severity = Severity.ERROR
    summary = N_("Front matter that is not valid YAML")
    reads_original = True

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.prose.front_matter_error:
            line, problem = ctx.prose.front_matter_error
            line = min(line, len(ctx.source.index.starts))
            start = ctx.source.index.offset(line, 1)
            end = start + len(ctx.source.index.line_text(line))
            message = _("Front matter is not valid YAML: {problem}; lang: and type: are ignored")
            yield ctx.finding(self, start, end, message.format(problem=problem))


class BidiControl(Rule):
    """What it does:
    Reports an invisible bidirectional control character in the prose: an embedding, override
    or isolate (U+202A to U+202E, U+2066 to U+2069). Direction marks (U+200E, U+200F) are not
    reported. Terms are still found through these characters and through zero-width ones.

    Why:
    These characters change the order in which a reader sees the text, so what is displayed is
    not what is written, and a term or a claim can hide behind them ("Trojan Source",
    CVE-2021-42574). A health article has no use for them outside right-to-left quotations.

    Example:
    Bad: Fasci\\u202eculation is common.
    Good: Fasciculation is common.

    Fix safety:
    Unsafe: removing the character is right unless the text really mixes writing directions.
    """

    code = "TK903"
    name = "bidi-control"
    severity = Severity.ERROR
    summary = N_("An invisible bidirectional control character (Trojan Source)")
    family = "meta-input"
    reads_original = True

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        for m in BIDI_CONTROL.finditer(ctx.prose.text):
            char = m.group()
            message = _("Invisible bidirectional control {code} ({name}): the text may display in a different "
                        "order than it is written").format(code=f"U+{ord(char):04X}", name=BIDI_NAMES[char])
            fix = Fix(_("Remove the control character"), (Edit(m.start(), m.end(), ""),), Applicability.UNSAFE)
            yield ctx.finding(self, m.start(), m.end(), message, fix=fix)
