"""Glossary -> the matching tables of one language: a trie of token hashes and the fuzzy index.

The tables are plain dicts and sets of spaCy string hashes, so ``cache.py`` can keep them on disk.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.strings import get_string_id

from .fuzzy import FuzzyIndex, strip_accents
from .glossary.model import Concept, ConceptStatus, Glossary, Term
from .languages import language_data, lexicon

@dataclass(frozen=True)
class TermRef:
    """What a matched variant stands for."""

    concept_id: str
    term_text: str  # the glossary term the variant belongs to
    variant: str  # the text that matched: the term, one of its forms, or a listed misspelling
    kind: str  # preferred | admitted | deprecated | superseded | misspelling
    is_form: bool = False


@dataclass
class CompiledTerms:
    """Matching tables of one language.

    patterns (dict): a trie of case-insensitive variants: LOWER hash -> child node; a node's
        END key holds the ref index of the variant that ends there.
    patterns_orth (dict): the same trie keyed on ORTH, for case-sensitive variants (acronyms).
    known (set): hashes of lower-case words that are real (lexicon, glossary words, allow lists).
    fuzzy_refs (dict): glossary word -> [(ref index, token position, token LOWER hashes)].
    untranslated (set): hashes of the words of the glossary's terms in the languages whose words
        count as loanwords here: 'myalgia' in a Spanish article is an untranslated term, not a loanword.
    """

    language: str
    refs: list[TermRef] = field(default_factory=list)
    patterns: dict = field(default_factory=dict)
    patterns_orth: dict = field(default_factory=dict)
    known: set[int] = field(default_factory=set)
    fuzzy: FuzzyIndex | None = None
    fuzzy_refs: dict[str, list[tuple[int, int, tuple[int, ...]]]] = field(default_factory=dict)
    min_word_length: int = 4
    untranslated: set[int] = field(default_factory=set)


END = -1  # trie key for "a variant ends here" (token hashes are never negative)


def _insert(trie: dict, keys: tuple[int, ...], ref_index: int) -> None:
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    node.setdefault(END, ref_index)  # the first variant registered for a token sequence wins


def _variants(term: Term) -> list[tuple[str, str, bool]]:
    kind = term.status.value
    out = [(term.text, kind, False)]
    out += [(form, kind, True) for form in term.forms]
    if term.accents == "insensitive":  # opt-in only: folding is lossy (es año -> ano)
        out += [(strip_accents(text), kind, is_form) for text, _, is_form in list(out) if strip_accents(text) != text]
    out += [(wrong, "misspelling", False) for wrong in term.misspellings]
    return out


_SEPARATORS = re.compile(r"(-|[ \t]+|['’ʼ])")
_CHOICES = {"-": ("-", " ", ""), " ": (" ", "-"), "'": ("'", "’", ""), "’": ("’", "'", ""), "ʼ": ("ʼ", "'", "")}
MAX_SPELLINGS = 32


def spellings(text: str) -> list[str]:
    """Other ways of writing ``text`` that are the same term, not misspellings: a hyphen written as
    a space or left out, a space as a hyphen, an apostrophe curly, straight or left out.

    >>> spellings("non-insulin dependent")[:4]
    ['non-insulin-dependent', 'non insulin dependent', 'non insulin-dependent', 'noninsulin dependent']
    >>> spellings("Lou Gehrig's")[:2]
    ['Lou Gehrig’s', 'Lou Gehrigs']
    """
    parts = _SEPARATORS.split(text)
    options = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            options.append((part,))
            continue
        key = " " if part.strip() == "" else part
        choices = _CHOICES.get(key, (part,))
        if "" in choices and not (parts[i - 1][-1:].isalnum() and parts[i + 1][:1].isalnum()):
            choices = tuple(c for c in choices if c)
        options.append((part,) + tuple(c for c in choices if c != key))
    count = 1
    for choice in options:
        count *= len(choice)
    if count > MAX_SPELLINGS:
        return []
    found = dict.fromkeys("".join(combo) for combo in itertools.product(*options))
    found.pop(text, None)
    return list(found)


def compile_terms(glossary: Glossary, language: str, nlp: Language, allow: tuple[str, ...] = ()) -> CompiledTerms:
    """Build the matching tables for ``language`` from the approved concepts of ``glossary``."""
    data = language_data(language)
    compiled = CompiledTerms(language=language, min_word_length=data.min_word_length)
    words = lexicon(language)
    known_words: set[str] = set(words) | {w.lower() for w in allow}
    concepts: list[Concept] = list(glossary.concepts.values())
    for concept in concepts:
        known_words.update(w.lower() for w in concept.allow)
        for term in concept.terms_in(language):
            for text in (term.text, *term.forms):
                known_words.update(t.lower() for t in text.split())
        for other in data.loanwords_from:
            for term in concept.terms_in(other):
                for text in (term.text, *term.forms):
                    compiled.untranslated.update(get_string_id(t.lower()) for t in text.split())
    respelt: list[TermRef] = []
    for concept in concepts:
        if concept.status is not ConceptStatus.APPROVED:
            continue
        for term in concept.terms_in(language):
            for variant, kind, is_form in _variants(term):
                doc = nlp.make_doc(variant)
                if not len(doc):
                    continue
                ref_index = len(compiled.refs)
                compiled.refs.append(TermRef(concept.id, term.text, variant, kind, is_form))
                lowers = tuple(t.lower for t in doc)
                if term.case_sensitive:
                    _insert(compiled.patterns_orth, tuple(t.orth for t in doc), ref_index)
                else:
                    _insert(compiled.patterns, lowers, ref_index)
                if term.case_sensitive:
                    continue  # acronyms are too short to guess at
                respelt += [TermRef(concept.id, term.text, other, kind, is_form) for other in spellings(variant)]
                for position, token in enumerate(doc):
                    word = token.lower_
                    if token.is_alpha and len(word) >= data.min_word_length:
                        compiled.fuzzy_refs.setdefault(word, []).append((ref_index, position, lowers))
    # Hyphen, space and apostrophe variants go in last, so a variant written in the glossary always
    # wins over another term's respelling ('non insulin-dependent diabetes' is type 2, whose
    # 'non-insulin-dependent' it respells, and not 'insulin-dependent diabetes' after 'non').
    for ref, doc in zip(respelt, nlp.tokenizer.pipe(ref.variant for ref in respelt)):
        if len(doc):
            compiled.refs.append(ref)
            _insert(compiled.patterns, tuple(t.lower for t in doc), len(compiled.refs) - 1)
    compiled.known = {get_string_id(w) for w in known_words}
    # Every word of every variant is indexed, real words included: 'twitchng' is a misspelling of
    # 'muscle twitching' only when 'muscle' stands before it, which fuzzy_refs lets the matcher check.
    # A listed misspelling is indexed too ('fasciillis' is near 'fascillis'), with the words of the
    # term it misspells, which the index also compares the unknown word with.
    misspelt = {word: tuple({w.lower() for r, _, _ in refs for w in compiled.refs[r].term_text.split()})
                for word, refs in compiled.fuzzy_refs.items()
                if all(compiled.refs[r].kind == "misspelling" for r, _, _ in refs)}
    compiled.fuzzy = FuzzyIndex(set(compiled.fuzzy_refs), data.suffixes, misspelt, data.combining_forms,
                                 data.sound_key())
    return compiled


__all__ = ["END", "CompiledTerms", "TermRef", "compile_terms"]
