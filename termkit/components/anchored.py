"""A spaCy Matcher split by anchor word, so that a sentence meets only the patterns that can match it.

Every phrase of a rulebook needs at least one literal token (its anchor: the rarest required one,
``rulebooks.phrase_anchor``). The phrases are grouped by anchor, one Matcher per group, and a
sentence is matched only by the groups whose anchor it holds: a sentence with "in" meets the few
patterns anchored on "in", not the hundreds anchored elsewhere, and only on the few tokens around
each "in" that a phrase of that group can span. The matches are exactly those of
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
        self.reach: dict[Key, int] = {}  # the longest phrase of each group, in tokens ("..." counts 4)

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
            length = sum(4 if raw == "..." else 1 for raw in phrase.split())
            for key in {_key(a) for a in anchor}:
                self.reach[key] = max(self.reach.get(key, 0), length)
                kind, text = key
                (self.words if kind == "w" else self.prefixes if kind == "p" else self.infixes).add(text)
                self.groups.setdefault(key, Matcher(self.vocab)).add(label, [pattern])
        self._memo.clear()

    def remember_matches(self, wrapper) -> int:
        """Wrap each group's Matcher in ``wrapper`` (nlp.RememberingMatcher, for the language
        server) where ``wrapper.suitable`` allows; returns how many were wrapped."""
        wrapped = 0
        for key, matcher in list(self.groups.items()):
            if isinstance(matcher, Matcher) and wrapper.suitable(matcher):
                self.groups[key] = wrapper(matcher)
                wrapped += 1
        if isinstance(self.always, Matcher) and wrapper.suitable(self.always):
            self.always = wrapper(self.always)
            wrapped += 1
        return wrapped

    def _keys(self, lower: int) -> tuple[Key, ...]:
        keys = self._memo.get(lower)
        if keys is None:
            word = self.vocab.strings[lower]
            found = [("w", word)] if word in self.words else []
            found += [("p", p) for p in self.prefixes if word.startswith(p)]
            found += [("i", x) for x in self.infixes if x in word]
            keys = self._memo[lower] = tuple(found)
        return keys

    def _run(self, doc: Doc, lo: int, hi: int, positions: dict[Key, list[int]]) -> list[tuple[int, int, int]]:
        """Matches in doc[lo:hi] (doc offsets). Each group runs only on windows around its anchor's
        positions, as wide as its longest phrase: a match holds its anchor, so it lies inside one."""
        found: set[tuple[int, int, int]] = set()
        for key, where in positions.items():
            reach = self.reach[key]
            windows: list[list[int]] = []
            for p in sorted(where):
                a, b = max(lo, p - reach + 1), min(hi, p + reach)
                if windows and a <= windows[-1][1]:
                    windows[-1][1] = max(windows[-1][1], b)
                else:
                    windows.append([a, b])
            matcher = self.groups[key]
            for a, b in windows:
                found.update((m, a + s, a + e) for m, s, e in matcher(doc[a:b]))
        if self.always is not None:
            found.update((m, lo + s, lo + e) for m, s, e in self.always(doc[lo:hi]))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def _positions(self, lowers: list[int], offset: int) -> dict[Key, list[int]]:
        positions: dict[Key, list[int]] = {}
        for i, h in enumerate(lowers):
            for key in self._keys(h):
                positions.setdefault(key, []).append(offset + i)
        return positions

    def match(self, span: Span | Doc, lowers: numpy.ndarray | None = None) -> list[tuple[int, int, int]]:
        """(match_id, start, end) relative to ``span``, as ``Matcher(span)`` gives them.
        ``lowers``: the LOWER array of the whole Doc, when the caller has it."""
        doc, lo = (span.doc, span.start) if isinstance(span, Span) else (span, 0)
        hi = lo + len(span)
        hashes = [token.lower for token in span] if lowers is None else lowers[lo:hi].tolist()
        positions = self._positions(hashes, lo)
        if not positions and self.always is None:
            return []
        return [(m, s - lo, e - lo) for m, s, e in self._run(doc, lo, hi, positions)]

    def match_sentences(self, doc: Doc, sents: list[Span], lowers: numpy.ndarray | None = None) -> list[tuple[int, int, int]]:
        """(match_id, start, end) in doc offsets, over every sentence of ``sents``."""
        if self.always is not None:
            return [m for sent in sents for m in self.match(sent, lowers)]
        lowers = doc.to_array(LOWER) if lowers is None else lowers
        if not len(lowers):
            return []
        unique = numpy.unique(lowers)
        hit = [int(h) for h in unique.tolist() if self._keys(int(h))]
        if not hit:
            return []
        starts = [sent.start for sent in sents]
        wanted: dict[int, dict[Key, list[int]]] = {}
        for i in numpy.isin(lowers, numpy.array(hit, dtype=lowers.dtype)).nonzero()[0].tolist():
            k = bisect.bisect_right(starts, i) - 1
            if k >= 0 and i < sents[k].end:
                positions = wanted.setdefault(k, {})
                for key in self._keys(int(lowers[i])):
                    positions.setdefault(key, []).append(i)
        out = []
        for k in sorted(wanted):
            out += self._run(doc, sents[k].start, sents[k].end, wanted[k])
        return out
