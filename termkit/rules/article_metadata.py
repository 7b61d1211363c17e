"""Article metadata rules (opt-in): authorship, review date, references (JAMA benchmarks, PIF TICK)."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..findings import Finding, Severity
from ..rulebooks import load_rulebook
from ..i18n import N_, _, format_date, format_number
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
    summary = N_("Front matter names no author or reviewer (opt-in)")
    default_enabled = False

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        missing = [key for key in ("author", "reviewed_by") if not ctx.prose.front_matter.get(key)]
        if missing:
            start, end = _front_matter_anchor(ctx)
            message = (_("Front matter has no {field}").format(field=missing[0]) if len(missing) == 1 else
                       _("Front matter has no {field} and no {other}").format(field=missing[0], other=missing[1]))
            yield ctx.finding(self, start, end, message, suggestion=_("add {fields} to the front matter").format(
                fields=", ".join(f"{k}: ..." for k in missing)))


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
    summary = N_("last_reviewed is missing or older than the configured age (opt-in)")
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
                yield ctx.finding(self, start, end, _("last_reviewed {value} is not a date (expected YYYY-MM-DD)")
                                  .format(value=repr(value)))
                return
        if not isinstance(value, dt.date):
            yield ctx.finding(self, start, end, _("Front matter has no last_reviewed date"),
                              suggestion=_("add last_reviewed: YYYY-MM-DD"))
            return
        age = (dt.date.today() - value).days
        if age > max_age:
            yield ctx.finding(self, start, end, _("Last reviewed {date}, {age} days ago (more than {max_age}); "
                                                  "review the article").format(
                date=format_date(value), age=format_number(age), max_age=format_number(max_age)))


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
    summary = N_("Citations in the text but no References section (opt-in)")
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
                              _("Citation '{marker}' but the article has no References section").format(
                                  marker=marker.group(0)),
                              suggestion=_("add a '## References' section listing the sources"))
