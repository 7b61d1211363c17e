"""Bilingual rules: a translated article against the source article it translates."""

from __future__ import annotations

from typing import Iterator

from ..components.terms import TERMS_KEY
from ..findings import Finding, Severity
from .base import CheckContext, Rule


class MissingTargetTerm(Rule):
    """What it does:
    For a translated article paired with its source (front matter `translation_of: ../en/a.md`,
    or the same path under the source-language folder), reports each concept the source names
    when the translation uses none of that concept's terms in its language (Xbench's "key term
    mismatch": any preferred or admitted term, or their forms, counts). Concepts without terms
    in the translation's language are skipped.

    Why:
    A dropped or paraphrased key term is how translations drift from the glossary.

    Example:
    Bad: (a French translation of an article about fasciculation that says only "tressautement")
    Good: (the same translation saying "fasciculation" or "contraction fasciculaire")

    Fix safety:
    No fix: the translator chooses where the term belongs.
    """

    code = "TK302"
    name = "missing-target-term"
    severity = Severity.WARNING
    summary = "A concept of the source article has none of its terms in the translation"
    family = "bilingual"

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        paired = ctx.extra.get("source_article")
        if not paired:
            return
        path, concepts = paired
        present = {span.id_ for span in doc.spans[TERMS_KEY] if span.label_ in ("preferred", "admitted")}
        anchor_end = len(ctx.source.index.line_text(1))
        for concept_id, (count, text) in sorted(concepts.items()):
            concept = ctx.glossary.get(concept_id)
            targets = [t for t in concept.terms_in(ctx.language) if t.status.value in ("preferred", "admitted")]
            if not targets or concept_id in present:
                continue
            names = ", ".join(f"'{t.text}'" for t in targets)
            message = (f"The source article ({path}) names '{text}' {count} time{'s' if count != 1 else ''} "
                       f"(concept {concept_id}); the translation uses none of {names}")
            yield ctx.finding(self, 0, anchor_end, message, suggestion=targets[0].text)
