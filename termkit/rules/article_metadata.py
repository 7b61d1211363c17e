"""Article metadata rules (opt-in): authorship, review date, references (JAMA benchmarks, PIF TICK)."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..findings import Finding, Severity
from ..rulebooks import load_rulebook
from .base import CheckContext, Rule



def _front_matter_anchor(ctx: CheckContext) -> tuple[int, int]:
    return 0, len(ctx.source.index.line_text(1))


class MissingAuthor(Rule):
    """What it does:
    Opt-in. Reports an article whose front matter names no `author` or no `reviewed_by`.

    Why:
    Readers and auditors (JAMA benchmarks, HONcode principle 1) need to know who wrote and who
    checked health content.

    Example:
    Bad: ---\\ntitle: Cramps\\n---\\nCramps are common.
    Good: ---\\nauthor: A. Writer\\nreviewed_by: Dr B. Checker\\n---\\nCramps are common.

    Fix safety:
    No fix: only the editor knows the names.
    """

    code = "TK411"
    name = "missing-author"
    severity = Severity.WARNING
    summary = "Front matter names no author or reviewer (opt-in)"
    default_enabled = False

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        missing = [key for key in ("author", "reviewed_by") if not ctx.prose.front_matter.get(key)]
        if missing:
            start, end = _front_matter_anchor(ctx)
            yield ctx.finding(self, start, end, f"Front matter has no {' and no '.join(missing)}",
                              suggestion=f"add {', '.join(f'{k}: ...' for k in missing)} to the front matter")


class StaleReview(Rule):
    """What it does:
    Opt-in. Reports an article whose `last_reviewed` date is missing, unreadable or older than
    `metadata: {max_review_age_days: N}` in termkit.yaml (default 1095 days, PIF's three years).

    Why:
    Health content must show when it was last checked, and be checked again regularly.

    Example:
    Bad: ---\\nlast_reviewed: 2001-01-01\\n---\\nCramps are common.
    Good: ---\\nlast_reviewed: 2099-01-01\\n---\\nCramps are common.

    Fix safety:
    No fix: a review is a person's work.
    """

    code = "TK412"
    name = "stale-review"
    severity = Severity.WARNING
    summary = "last_reviewed is missing or older than the configured age (opt-in)"
    default_enabled = False

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        value = ctx.prose.front_matter.get("last_reviewed")
        max_age = int((ctx.settings.extra.get("metadata") or {}).get("max_review_age_days", 1095))
        start, end = _front_matter_anchor(ctx)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                yield ctx.finding(self, start, end, f"last_reviewed {value!r} is not a date (expected YYYY-MM-DD)")
                return
        if not isinstance(value, dt.date):
            yield ctx.finding(self, start, end, "Front matter has no last_reviewed date",
                              suggestion="add last_reviewed: YYYY-MM-DD")
            return
        age = (dt.date.today() - value).days
        if age > max_age:
            yield ctx.finding(self, start, end, f"Last reviewed {value.isoformat()}, {age} days ago "
                                                f"(more than {max_age}); review the article")


class MissingReferences(Rule):
    """What it does:
    Opt-in. Reports an article that cites sources in its text ([1], author-year...) but has no
    References (or Sources, Bibliography, Quellen, Références...) section to resolve them.

    Why:
    A citation marker without a reference list supports nothing (HONcode 4, DISCERN Q4).

    Example:
    Bad: Stretching helps some people [1].
    Good: Stretching helps some people [1].\\n\\n## References\\n\\n1. Smith J. Stretching. 2020.

    Fix safety:
    No fix.
    """

    code = "TK413"
    name = "missing-references"
    severity = Severity.WARNING
    summary = "Citations in the text but no References section (opt-in)"
    default_enabled = False

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        import re

        # the section titles are the claims rulebook's, per language (data, not code)
        titles = {t.lower() for t in load_rulebook("claims", ctx.language, ctx.settings.rulebooks)
                  .get("reference_sections") or ()}
        if any(title.lower().strip(" :#*") in titles for _, _, _, title in ctx.prose.sections):
            return
        marker = re.search(r"\[\d+(?:[,–-]\d+)*\]|\[\^[^\]]+\]", ctx.prose.text)
        if marker:
            yield ctx.finding(self, marker.start(), marker.end(),
                              f"Citation '{marker.group(0)}' but the article has no References section",
                              suggestion="add a '## References' section listing the sources")
