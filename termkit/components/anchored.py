"""A spaCy Matcher split by anchor word, so that a sentence meets only the patterns that can match it.

Every phrase of a rulebook needs at least one literal token (its anchor: the rarest required one,
``rulebooks.phrase_anchor``). The phrases are grouped by anchor, one Matcher per group, and a
sentence is matched only by the groups whose anchor it holds: a sentence with "in" meets the few
patterns anchored on "in", not the hundreds anchored elsewhere. The matches are exactly those of
one Matcher with every pattern (a phrase cannot match where its anchor is absent). Phrases with no
literal token run on every sentence. Each word's anchors are computed once and remembered.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy
from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..rulebooks import compile_phrase, phrase_anchor

Key = tuple[str, str]  # ("w", word) | ("p", prefix) | ("i", infix)


def _key(alternative: str) -> Key:
    if alternative.startswith("*"):
        return ("i", alternative.strip("*"))
    if alternative.endswith("*"):
        return ("p", alternative[:-1])
    return ("w", alternative)


class AnchoredMatcher:
    """``add(label, phrases)`` like ``Matcher.add``; ``match(span)`` like ``Matcher(span)``; and
    ``match_sentences(doc, sents)`` matches every sentence that holds an anchor at once."""

    def __init__(self, vocab: Vocab, frequency: dict[str, int] | None = None):
        self.vocab = vocab
        self.frequency = frequency or {}
        self.groups: dict[Key, Matcher] = {}
        self.always: Matcher | None = None  # phrases with no literal token
        self.words: set[str] = set()
        self.prefixes: set[str] = set()
        self.infixes: set[str] = set()
        self._memo: dict[int, tuple[Key, ...]] = {}

    def __len__(self) -> int:
        return sum(len(m) for m in self.groups.values()) + (len(self.always) if self.always else 0)

    def add(self, label: str, phrases: Iterable[str], where: str = "rulebook") -> None:
        for phrase in phrases:
            pattern = compile_phrase(phrase, where)
            anchor = phrase_anchor(phrase, self.frequency)
            if anchor is None:
                self.always = self.always or Matcher(self.vocab)
                self.always.add(label, [pattern])
                continue
            for key in {_key(a) for a in anchor}:
                kind, text = key
                (self.words if kind == "w" else self.prefixes if kind == "p" else self.infixes).add(text)
                self.groups.setdefault(key, Matcher(self.vocab)).add(label, [pattern])
        self._memo.clear()

    def _keys(self, lower: int) -> tuple[Key, ...]:
        keys = self._memo.get(lower)
        if keys is None:
            word = self.vocab.strings[lower]
            found = [("w", word)] if word in self.words else []
            found += [("p", p) for p in self.prefixes if word.startswith(p)]
            found += [("i", x) for x in self.infixes if x in word]
            keys = self._memo[lower] = tuple(found)
        return keys

    def _run(self, span: Span, keys: Iterable[Key]) -> list[tuple[int, int, int]]:
        found: set[tuple[int, int, int]] = set()
        for key in keys:
            found.update(self.groups[key](span))
        if self.always is not None:
            found.update(self.always(span))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def match(self, span: Span | Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) relative to ``span``, as ``Matcher(span)`` gives them."""
        keys: set[Key] = set()
        for token in span:
            keys.update(self._keys(token.lower))
        return self._run(span, keys) if keys or self.always is not None else []

    def match_sentences(self, doc: Doc, sents: list[Span]) -> list[tuple[int, int, int]]:
        """(match_id, start, end) in doc offsets, over every sentence of ``sents``."""
        if self.always is not None:
            return [(m, sent.start + s, sent.start + e) for sent in sents for m, s, e in self._run(sent, ())]
        lowers = doc.to_array(LOWER)
        if not len(lowers):
            return []
        unique = numpy.unique(lowers)
        hit = [int(h) for h in unique.tolist() if self._keys(int(h))]
        if not hit:
            return []
        starts = [sent.start for sent in sents]
        wanted: dict[int, set[Key]] = {}
        for i in numpy.isin(lowers, numpy.array(hit, dtype=lowers.dtype)).nonzero()[0].tolist():
            k = bisect.bisect_right(starts, i) - 1
            if k >= 0 and i < sents[k].end:
                wanted.setdefault(k, set()).update(self._keys(int(lowers[i])))
        out = []
        for k in sorted(wanted):
            sent = sents[k]
            out += [(m, sent.start + s, sent.start + e) for m, s, e in self._run(sent, wanted[k])]
        return out
