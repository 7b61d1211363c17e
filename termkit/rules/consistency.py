"""Consistency rules: one concept, one term: within an article (TK301) and between a translation and
its source article (TK302)."""

from __future__ import annotations

from typing import Iterator

from ..components.keys import TERMS_KEY
from ..findings import Finding, Severity
from .base import CheckContext, Rule


class InconsistentTerm(Rule):
    """What it does:
    Reports a document that names one concept with two or more different glossary terms. The
    document's term is the preferred one when it is used, else the first one used; each other
    term is reported once, at its first use. Abbreviations ("ALS" after "amyotrophic lateral
    sclerosis") and shortenings ("cramp" for "muscle cramp") are not inconsistencies.

    Why:
    Readers take two names for two things. One article, one term per concept.

    Example:
    Bad: Fasciculation is common. Muscle twitching is rarely serious.
    Good: Fasciculation is common. Fasciculation is rarely serious.
    Good: A muscle cramp is painful. The cramp passes.

    Fix safety:
    No automatic fix: which term to keep is an editorial choice.
    """

    code = "TK301"
    name = "inconsistent-term"
    severity = Severity.INFO
    summary = "One concept named with different terms in one document"
    needs = ("termkit_terms",)
    data = ("glossary/*.yaml", "locales/<lang>/*.yaml")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        refs = ctx.compiled.refs
        uses: dict[str, list[tuple[str, object]]] = {}
        for span in doc.spans[TERMS_KEY]:
            if span.label_ not in ("preferred", "admitted"):
                continue
            ref = refs[int(span.kb_id_)]
            concept = ctx.glossary.get(ref.concept_id)
            term = next((t for t in concept.terms_in(ctx.language) if t.text == ref.term_text), None)
            if term is not None and not term.is_abbreviation:
                uses.setdefault(ref.concept_id, []).append((ref.term_text, span))
        for concept_id, spans in uses.items():
            used = list(dict.fromkeys(text for text, _ in spans))
            if len(used) < 2:
                continue
            preferred = ctx.glossary.get(concept_id).preferred(ctx.language)
            main = preferred.text if preferred and preferred.text in used else used[0]
            main_span = next(span for text, span in spans if text == main)
            line, _ = ctx.source.index.position(main_span.start_char)
            for other in used:
                if other == main or _is_shortening(other, main):
                    continue
                span = next(span for text, span in spans if text == other)
                message = (f"'{span.text}' and '{main_span.text}' (line {line}) both name concept {concept_id}; "
                           f"use one term throughout")
                yield ctx.finding(self, span.start_char, span.end_char, message, suggestion=main)


def _is_shortening(a: str, b: str) -> bool:
    """'cramp' and 'muscle cramp': one term's words are all in the other's."""
    wa, wb = a.lower().split(), b.lower().split()
    return set(wa) <= set(wb) or set(wb) <= set(wa)


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
    paired = True
    needs = ("termkit_terms",)
    data = ("glossary/*.yaml", "locales/<lang>/*.yaml")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        paired = ctx.paired_source()
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
