"""Consistency rules: one concept, one term: within an article (TK301) and between a translation and
its source article (TK302)."""

from __future__ import annotations

from typing import Iterator

from ..components.keys import TERMS_KEY
from ..findings import Finding, Severity
from ..i18n import N_, _, format_number, ngettext
from .base import CheckContext, Rule


MIN_USES = 2  # a name used once is a passing mention, not one of two names in use


class InconsistentTerm(Rule):
    """What it does:
    Reports a document that uses two different glossary terms of one concept as alternatives:
    each at least twice, with no explaining link between them anywhere in the document. The
    document's term is the preferred one when it is used, else the first one used; each other
    term is reported once, at its first use.

    These are not inconsistencies: a lay term next to the technical one ("muscle twitching
    (fasciculation)", "fasciculation, or muscle twitching", "X, the medical term for Y",
    "Y, which doctors call X", "also called", "i.e.", a definition sentence; the link phrases are
    data, per language, in the terms rulebook), once anywhere in the document; abbreviations
    ("ALS" after "amyotrophic lateral sclerosis"); terms that share a word or a compound part
    ("cramp" for "muscle cramp", "Wadenkrampf" and "Muskelkrampf"); terms of different word
    classes that the glossary files under one concept ("diabetic" and "diabetes").

    Why:
    Readers take two names for two things. One article, one term per concept, unless the
    article says that the two names mean the same thing.

    Example:
    Bad: Fasciculation is common. Muscle twitching is rarely serious.\\n\\nFasciculation can follow exercise. Muscle twitching can follow caffeine.
    Bad: ---\\nlang: fr\\n---\\nLa fasciculation est fréquente. Le tressaillement musculaire est bénin.\\n\\nLa fasciculation suit l'effort. Le tressaillement musculaire suit le café.
    Bad: ---\\nlang: es\\n---\\nLa hipertensión es frecuente. La presión arterial alta no duele.\\n\\nLa hipertensión se trata. La presión arterial alta se controla.
    Bad: ---\\nlang: de\\n---\\nFaszikulationen sind häufig. Muskelzucken ist harmlos.\\n\\nFaszikulationen folgen auf Sport. Muskelzucken folgt auf Kaffee.
    Good: Fasciculation is common. Fasciculation is rarely serious.
    Good: A muscle cramp is painful. The cramp passes.
    Good: Muscle twitching (fasciculation) is common. Fasciculation can follow exercise; muscle twitching can follow caffeine. Fasciculation and muscle twitching are harmless.
    Good: Fasciculation, the medical term for muscle twitching, is common. Muscle twitching can follow caffeine. Fasciculation can follow exercise.
    Good: Muscle twitching is common. The medical term is fasciculation. Fasciculation can follow exercise; muscle twitching can follow caffeine.
    Good: Diabetes is common. A diabetic diet helps. Diabetes needs care, and diabetic feet need checks.
    Good: ---\\nlang: fr\\n---\\nLa fasciculation, ou tressaillement musculaire, est fréquente. Le tressaillement musculaire suit le café ; la fasciculation suit l'effort.
    Good: ---\\nlang: es\\n---\\nLa hipertensión, también llamada presión arterial alta, es frecuente. La presión arterial alta no duele; la hipertensión se trata.
    Good: ---\\nlang: de\\n---\\nMuskelzucken (Faszikulationen) ist häufig. Muskelzucken folgt auf Kaffee, Faszikulationen folgen auf Sport.

    Fix safety:
    No automatic fix: which term to keep is an editorial choice.
    """

    code = "TK301"
    name = "inconsistent-term"
    severity = Severity.INFO
    summary = N_("One concept named with different terms in one document")
    needs = ("termkit_terms", "termkit_term_cues")
    data = ("glossary/*.yaml", "locales/<lang>/*.yaml", "rulebooks/<lang>/terms.yaml")

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
        links = doc._.termkit_term_links or {}
        for concept_id, spans in uses.items():
            counts: dict[str, int] = {}
            for text, _span in spans:
                counts[text] = counts.get(text, 0) + 1
            used = list(counts)
            if len(used) < 2:
                continue
            concept = ctx.glossary.get(concept_id)
            preferred = concept.preferred(ctx.language)
            main = preferred.text if preferred and preferred.text in used else used[0]
            explained = _explained(main, links.get(concept_id, ()))
            pos = {t.text: t.pos for t in concept.terms_in(ctx.language)}
            main_span = next(span for text, span in spans if text == main)
            line, _column = ctx.source.index.position(main_span.start_char)
            for other in used:
                if (other == main or other in explained or counts[other] < MIN_USES or counts[main] < MIN_USES
                        or any(_share_a_word(other, term) for term in explained)
                        or (pos.get(other) and pos.get(main) and pos[other] != pos[main])):
                    continue
                span = next(span for text, span in spans if text == other)
                message = _("'{text}' and '{other}' (line {line}) both name concept {concept}; "
                            "use one term throughout").format(text=span.text, other=main_span.text,
                                                              line=format_number(line), concept=concept_id)
                yield ctx.finding(self, span.start_char, span.end_char, message, suggestion=main)


def _explained(main: str, pairs) -> set[str]:
    """The terms that the document links to ``main``, directly or through one another."""
    group = {main}
    grew = True
    while grew:
        grew = False
        for pair in pairs:
            if pair & group and not pair <= group:
                group |= pair
                grew = True
    return group


def _share_a_word(a: str, b: str) -> bool:
    """'cramp' and 'muscle cramp', 'muscle twitch' and 'muscle twitching', 'Wadenkrampf' and
    'Muskelkrampf' (one compound part), 'Polyneuropathie' and 'periphere Neuropathien': one
    term names the other's head or modifier, so it is a shortening or a narrower name.

    >>> _share_a_word("Wadenkrampf", "Muskelkrampf"), _share_a_word("fasciculation", "muscle twitching")
    (True, False)
    >>> _share_a_word("fasciculation", "contraction fasciculaire")
    True
    """
    for x in a.lower().split():
        for y in b.lower().split():
            short, long_ = sorted((x, y), key=len)
            stem = short[:-2] if len(short) > 6 else short
            if len(stem) >= 4 and (stem in long_ or _common_end(x, y) >= 5
                                   or _common_start(x, y) >= max(6, 3 * len(short) // 4)):
                return True
    return False


def _common_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _common_end(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


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
    summary = N_("A concept of the source article has none of its terms in the translation")
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
            names = ", ".join(_("'{term}'").format(term=t.text) for t in targets)
            message = ngettext("The source article ({path}) names '{text}' {count} time (concept {concept}); "
                               "the translation uses none of {names}",
                               "The source article ({path}) names '{text}' {count} times (concept {concept}); "
                               "the translation uses none of {names}", count).format(
                path=path, text=text, count=format_number(count), concept=concept_id, names=names)
            yield ctx.finding(self, 0, anchor_end, message, suggestion=targets[0].text)
