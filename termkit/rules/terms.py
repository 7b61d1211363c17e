"""Terminology rules: misspelled, deprecated and superseded variants of glossary terms."""

from __future__ import annotations

import unicodedata
from typing import Iterator

from ..components.keys import FUZZY_KEY, TERMS_KEY
from ..findings import Applicability, Edit, Finding, Fix, Severity
from .base import CheckContext, Rule
from ..casing import at_sentence_start, match_case
from ..i18n import N_, _


def _preferred_for(ctx: CheckContext, ref) -> str | None:
    """The suggestion for a matched variant: the preferred term (its matching form when the
    variant was a form of the preferred term itself)."""
    concept = ctx.glossary.get(ref.concept_id)
    preferred = concept.preferred(ctx.language) if concept else None
    if preferred is None:
        return None
    if ref.is_form and ref.term_text == preferred.text:
        return ref.variant
    return preferred.text


def _inflected_like(ctx: CheckContext, ref) -> str | None:
    """When the misspelt word is an inflected form of another term of the concept ('asthmatikes'
    for fr 'asthmatiques'), the preferred term's form whose ending is closest to that form's
    ('asthmes', not 'asthme'): a plural stays plural, from the glossary's ``forms:``."""
    concept = ctx.glossary.get(ref.concept_id)
    preferred = concept.preferred(ctx.language) if concept else None
    if not ref.is_form or preferred is None or ref.term_text == preferred.text or not preferred.forms:
        return None
    words = len(preferred.text.split())
    forms = [f for f in preferred.forms if len(f.split()) == words]
    return max(forms, key=lambda f: _common_ending(ref.variant, f)) if forms else None


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def _common_ending(a: str, b: str) -> int:
    a, b = _bare(a), _bare(b)
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _replacement_fix(ctx: CheckContext, span_text: str, start: int, end: int, suggestion: str,
                     applicability: Applicability) -> tuple[str, Fix]:
    replacement = match_case(span_text, suggestion, at_sentence_start(ctx.prose.text, start))
    title = _("Replace with '{replacement}'").format(replacement=replacement)
    return replacement, Fix(title, (Edit(start, end, replacement),), applicability)


GLOSSARY_DATA = ("glossary/*.yaml", "locales/<lang>/*.yaml", "languages/<lang>.yaml")


class Misspelling(Rule):
    """What it does:
    Flags misspellings of glossary terms: those listed under a term's `misspellings:`, and
    unlisted ones that are not real words of the document's language but are close to a glossary
    term (edit distance with transpositions, sound-alike spellings, garbled endings), also inside
    multi-word terms and plurals.

    Why:
    A garbled medical term reads as carelessness at best and names the wrong thing at worst;
    readers search for the correct term.

    Example:
    Bad: Calf fasciculations are common. Some sites call them fascillis.
    Bad: Muscle fascilation is usually harmless.
    Bad: Amyotrophic lateral sclerossis is rare.
    Good: Fasciculation is usually harmless, and fascicles are bundles of muscle fibres.
    Good: Myopathies and fasciculating muscles are discussed below.

    Fix safety:
    Replacing a listed misspelling is safe. Replacing an unlisted one is unsafe: the detector
    guesses, so the fix needs `--unsafe-fixes`.
    """

    code = "TK101"
    name = "misspelling"
    severity = Severity.ERROR
    summary = N_("A misspelling of a glossary term")
    needs = ("termkit_terms",)
    data = GLOSSARY_DATA

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        refs = ctx.compiled.refs
        for span in doc.spans[TERMS_KEY]:
            if span.label_ != "misspelling":
                continue
            ref = refs[int(span.kb_id_)]
            yield self._finding(ctx, span, ref, listed=True)
        for span in doc.spans.get(FUZZY_KEY, ()):
            yield self._finding(ctx, span, refs[int(span.kb_id_)], listed=False)

    def _finding(self, ctx, span, ref, listed: bool) -> Finding:
        suggestion = _preferred_for(ctx, ref) or ref.term_text
        if not listed:
            suggestion = _inflected_like(ctx, ref) or suggestion
        start, end = span.start_char, span.end_char
        applicability = Applicability.SAFE if listed else Applicability.UNSAFE
        replacement, fix = _replacement_fix(ctx, span.text, start, end, suggestion, applicability)
        if listed:
            message = _("'{text}' is a misspelling of '{suggestion}' (concept {concept})")
        else:
            message = _("'{text}' looks like a misspelling of '{suggestion}' (concept {concept})")
        message = message.format(text=span.text, suggestion=replacement, concept=ref.concept_id)
        return ctx.finding(self, start, end, message, suggestion=replacement, fix=fix)


TERMS_RULEBOOK = ("rulebooks/<lang>/terms.yaml",)


class _StatusRule(Rule):
    status = ""
    message = ""

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        refs = ctx.compiled.refs
        mentions = doc._.termkit_mentions or set()
        for span in doc.spans[TERMS_KEY]:
            if span.label_ != self.status or (span.start, span.end) in mentions:
                continue
            ref = refs[int(span.kb_id_)]
            suggestion = _preferred_for(ctx, ref)
            if suggestion is None:
                continue
            # One token for one token keeps the grammar; longer swaps may need an article changed.
            one_for_one = len(span) == 1 and " " not in suggestion
            applicability = Applicability.SAFE if one_for_one else Applicability.UNSAFE
            replacement, fix = _replacement_fix(ctx, span.text, span.start_char, span.end_char, suggestion,
                                                applicability)
            message = _(self.message).format(suggestion=replacement, text=span.text,
                                             concept=ref.concept_id)
            yield ctx.finding(self, span.start_char, span.end_char, message, suggestion=replacement, fix=fix)


class DeprecatedTerm(_StatusRule):
    """What it does:
    Flags a term whose status in the glossary is `deprecated`, and suggests the concept's
    preferred term. A name that is mentioned rather than used is not flagged: after "formerly
    called", "previously known as", "also known as", "Synonyms:", before "(now called ...)", or
    in quotation marks. The cue phrases are data, per language, in the terms rulebook.

    Why:
    Deprecated terms are outdated, stigmatising or wrong ("mongolism"); an editor decided
    readers should not meet them. Saying what a condition used to be called is history, not use.

    Example:
    Bad: The clinic studies mongolism in adults.
    Bad: ---\\nlang: fr\\n---\\nLa clinique étudie le mongolisme chez l'adulte.
    Bad: ---\\nlang: es\\n---\\nLa clínica estudia el mongolismo en adultos.
    Bad: ---\\nlang: de\\n---\\nDie Klinik erforscht den Mongolismus bei Erwachsenen.
    Good: The clinic studies Down syndrome in adults.
    Good: Down syndrome was formerly called mongolism, a term now considered offensive.
    Good: Synonyms: trisomy 21; "mongolism" (outdated).
    Good: ---\\nlang: fr\\n---\\nLa trisomie 21, autrefois appelée mongolisme, touche un enfant sur 700.
    Good: ---\\nlang: es\\n---\\nEl síndrome de Down, antes llamado mongolismo, afecta a uno de cada 700 niños.
    Good: ---\\nlang: de\\n---\\nDas Down-Syndrom, früher Mongolismus genannt, betrifft eines von 700 Kindern.

    Fix safety:
    Safe when one word replaces one word; unsafe otherwise, because articles and agreement
    around a longer term may need to change.
    """

    code = "TK102"
    name = "deprecated-term"
    severity = Severity.ERROR
    summary = N_("A deprecated term; use the preferred one")
    needs = ("termkit_terms", "termkit_term_cues")
    data = GLOSSARY_DATA + TERMS_RULEBOOK
    status = "deprecated"
    message = N_("Use '{suggestion}' instead of '{text}' (deprecated term, concept {concept})")


class SupersededTerm(_StatusRule):
    """What it does:
    Flags a term whose status in the glossary is `superseded` (replaced by a newer name), and
    suggests the preferred term. A name that is mentioned rather than used is not flagged:
    "formerly called", "previously known as", "also known as", "Synonyms:", "(formerly X)", a
    quoted name (cue phrases per language in the terms rulebook).

    Why:
    Superseded names still circulate but no longer match what clinicians and guidelines say,
    so readers cannot follow them up. Giving the old name so that readers recognise it is good
    practice.

    Example:
    Bad: She was diagnosed with juvenile diabetes at nine.
    Bad: ---\\nlang: fr\\n---\\nElle a un diabète juvénile depuis l'âge de neuf ans.
    Bad: ---\\nlang: es\\n---\\nTiene diabetes juvenil desde los nueve años.
    Bad: ---\\nlang: de\\n---\\nSie hat seit dem neunten Lebensjahr juvenilen Diabetes.
    Good: She was diagnosed with type 1 diabetes at nine.
    Good: Type 1 diabetes, previously known as juvenile diabetes, can start at any age.
    Good: Type 1 diabetes (formerly juvenile diabetes) can start at any age.
    Good: Some people still say "juvenile diabetes".
    Good: ---\\nlang: fr\\n---\\nLe diabète de type 1, anciennement appelé diabète juvénile, peut survenir à tout âge.
    Good: ---\\nlang: es\\n---\\nLa diabetes tipo 1, conocida antiguamente como diabetes juvenil, puede aparecer a cualquier edad.
    Good: ---\\nlang: de\\n---\\nTyp-1-Diabetes (veraltet: juveniler Diabetes) kann in jedem Alter beginnen.

    Fix safety:
    Safe when one word replaces one word; unsafe otherwise.
    """

    code = "TK103"
    name = "superseded-term"
    severity = Severity.WARNING
    summary = N_("A superseded term; use the current one")
    needs = ("termkit_terms", "termkit_term_cues")
    data = GLOSSARY_DATA + TERMS_RULEBOOK
    status = "superseded"
    message = N_("Use '{suggestion}' instead of '{text}' (superseded term, concept {concept})")
