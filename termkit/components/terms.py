"""The ``termkit_terms`` component: glossary terms and their misspellings in a Doc.

Exact variants (terms, forms, listed misspellings) are matched on token hashes, longest first,
into ``doc.spans["termkit_terms"]``. Tokens that are not real words are then looked up in the
fuzzy index; a hit whose neighbours complete a glossary term goes into
``doc.spans["termkit_fuzzy"]``. Each span carries the concept id as ``span.id_`` and the index of
its TermRef as ``span.kb_id_``.
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..languages import RealWords
from ..term_tables import END, CompiledTerms
from .keys import FUZZY_KEY, TERMS_KEY

_UNSEEN = object()
LOOKUPS_KEPT = 50_000  # fuzzy lookups remembered across documents, by word


@Language.factory(
    "termkit_terms",
    default_config={"fuzzy": True},
    assigns=["doc.spans"],
)
def make_term_matcher(nlp: Language, name: str, fuzzy: bool) -> "TermMatcher":
    return TermMatcher(nlp, name, fuzzy=fuzzy)


class TermMatcher:
    """Finds glossary terms and misspellings of them.

    fuzzy (bool): also look for unlisted misspellings. Defaults to True.
    """

    def __init__(self, nlp: Language, name: str = "termkit_terms", fuzzy: bool = True):
        self.name = name
        self.fuzzy = fuzzy
        self.compiled: CompiledTerms | None = None
        self.real_words: RealWords | None = None
        self._lookups: dict[int, object] = {}

    def set_terms(self, compiled: CompiledTerms) -> None:
        self.compiled = compiled
        known, untranslated = compiled.known, compiled.untranslated
        self.real_words = RealWords(compiled.language, lambda word: get_string_id(word) in known,
                                    lambda word: get_string_id(word) in untranslated)
        self._lookups = {}

    def __call__(self, doc: Doc) -> Doc:
        compiled = self.compiled
        if compiled is None or not len(doc):
            doc.spans[TERMS_KEY] = []
            doc.spans[FUZZY_KEY] = []
            return doc
        lowers = doc.to_array(LOWER).tolist()
        matches = self._exact(lowers, compiled.patterns)
        if compiled.patterns_orth:
            matches += self._exact(doc.to_array(ORTH).tolist(), compiled.patterns_orth)
        kept = _without_overlaps(matches)
        doc.spans[TERMS_KEY] = [self._span(doc, s, e, r) for s, e, r in kept]
        fuzzy: list[tuple[int, int, int]] = []
        if self.fuzzy and compiled.fuzzy is not None and len(compiled.fuzzy):
            if len(self._lookups) > LOOKUPS_KEPT:  # a long run (an archive, the language server) starts afresh
                self._lookups.clear()
            taken = set()
            for s, e, _ in kept:
                taken.update(range(s, e))
            fuzzy = self._fuzzy(doc, lowers, taken)
        doc.spans[FUZZY_KEY] = [Span(doc, s, e, label="fuzzy", span_id=self.compiled.refs[r].concept_id,
                                     kb_id=str(r)) for s, e, r in fuzzy]
        return doc

    def _span(self, doc: Doc, start: int, end: int, ref_index: int) -> Span:
        ref = self.compiled.refs[ref_index]
        return Span(doc, start, end, label=ref.kind, span_id=ref.concept_id, kb_id=str(ref_index))

    @staticmethod
    def _exact(keys: list[int], trie: dict) -> list[tuple[int, int, int]]:
        """Longest variant starting at each token, by walking the trie of token hashes."""
        found = []
        get = trie.get
        n = len(keys)
        for i, key in enumerate(keys):
            node = get(key)
            if node is None:
                continue
            longest = None
            j = i + 1
            while True:
                if END in node:
                    longest = (i, j, node[END])
                if j == n or keys[j] not in node:
                    break
                node = node[keys[j]]
                j += 1
            if longest:
                found.append(longest)
        return found

    def _fuzzy(self, doc: Doc, lowers: list[int], taken: set[int]) -> list[tuple[int, int, int]]:
        compiled = self.compiled
        known = compiled.known
        lookups = self._lookups
        found: list[tuple[int, int, int]] = []
        for i, key in enumerate(lowers):
            if key in known or i in taken:
                continue
            hits = lookups.get(key, _UNSEEN)
            if hits is _UNSEEN:
                hits = lookups[key] = self._lookup(doc[i])
            placed = None
            for hit in hits:  # best first; keep the first whose term fits the neighbouring tokens
                placed = self._place(hit.word, i, lowers)
                if placed:
                    break
            if placed and not any(j in taken for j in range(placed[0], placed[1])):
                found.append(placed)
                taken.update(range(placed[0], placed[1]))
        return found

    def _lookup(self, token):
        text = token.text
        if not token.is_alpha or len(text) < self.compiled.min_word_length:
            return ()
        if text.isupper() and len(text) <= 5:  # an acronym, not a garbled word
            return ()
        hits = self.compiled.fuzzy.lookup_all(text.lower())
        # asked only now, for the few words close to a glossary term: the slower tests of a real
        # word (lookup tables, inflections, compounds) never run on the rest of the text
        if hits and self.real_words(text):
            return ()
        return hits

    def _place(self, word: str, i: int, lowers: list[int]) -> tuple[int, int, int] | None:
        """Fit the misspelt token into a glossary variant whose other tokens stand around it."""
        best = None
        for ref_index, position, tokens in self.compiled.fuzzy_refs.get(word, ()):
            start = i - position
            end = start + len(tokens)
            if start < 0 or end > len(lowers):
                continue
            if all(lowers[start + j] == tokens[j] for j in range(len(tokens)) if j != position):
                if best is None or end - start > best[1] - best[0]:
                    best = (start, end, ref_index)
        return best


def _without_overlaps(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Longest match wins; ties go to the earlier one."""
    if len(matches) < 2:
        return matches
    kept = []
    taken: set[int] = set()
    for s, e, r in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if not any(i in taken for i in range(s, e)):
            kept.append((s, e, r))
            taken.update(range(s, e))
    kept.sort()
    return kept
