"""Fuzzy lookup of unknown words against the glossary's words.

A word reaches this index only when it is not a real word of the document's language (the
lexicon and the glossary decide that), so the index can afford to be generous: edit distance with
transpositions (OSA), phonetic confusions (ph/f, c/k, y/i, silent initial p...) and garbled
endings behind a long intact prefix. Candidates come from two buckets (phonetic first two
letters, last three letters), so a lookup scores tens of words, not the whole glossary.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import OSA

# Ordered: longer clusters first. Applied to a lower-case, accent-stripped word.
_PHONETIC = (
    ("sch", "s"), ("ph", "f"), ("th", "t"), ("rh", "r"), ("gh", "g"), ("ck", "k"), ("qu", "k"),
    ("ce", "se"), ("ci", "si"), ("cy", "si"), ("c", "k"), ("q", "k"), ("x", "ks"), ("z", "s"),
    ("y", "i"), ("w", "v"),
)
_SILENT_START = (("pn", "n"), ("ps", "s"), ("pt", "t"), ("kn", "n"), ("wr", "r"), ("gn", "n"), ("h", ""))


def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def phonetic(word: str) -> str:
    """A coarse sound-alike key: 'pneumonia' and 'neumonia', 'physio' and 'fysio' share it."""
    w = strip_accents(word.lower())
    for old, new in _SILENT_START:
        if w.startswith(old) and len(w) > len(old) + 2:
            w = new + w[len(old):]
            break
    for old, new in _PHONETIC:
        w = w.replace(old, new)
    out = []
    for ch in w:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def stems(word: str, suffixes: tuple[str, ...], min_stem: int = 5) -> set[str]:
    """The word itself plus every stem left by removing one known inflection/derivation suffix."""
    found = {word}
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            found.add(word[: len(word) - len(suffix)])
    return found


def max_distance(length: int) -> int:
    if length <= 5:
        return 1
    if length <= 9:
        return 2
    return 3


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@dataclass(frozen=True)
class FuzzyMatch:
    word: str  # the glossary word it was matched to
    distance: int
    reason: str  # "edit" | "phonetic" | "ending"


class FuzzyIndex:
    """Index of glossary words (lower case) for misspelling lookups."""

    def __init__(self, words: set[str] | list[str], suffixes: tuple[str, ...] = (),
                 misspelt: set[str] | frozenset[str] = frozenset()):
        """words: glossary words to match against; misspelt: those of them that are themselves
        listed misspellings (an inflection of a misspelling is still a misspelling)."""
        self.suffixes = tuple(sorted(suffixes, key=len, reverse=True))
        self.words = sorted(set(words))
        self.phonetics = {w: phonetic(w) for w in self.words}
        self.by_start: dict[str, list[str]] = {}
        self.by_end: dict[str, list[str]] = {}
        self.stems = {w: (set() if w in misspelt else stems(w, self.suffixes)) for w in self.words}
        for w in self.words:
            self.by_start.setdefault(self.phonetics[w][:2], []).append(w)
            self.by_end.setdefault(strip_accents(w)[-3:], []).append(w)

    def __len__(self) -> int:
        return len(self.words)

    def is_inflection(self, word: str) -> bool:
        """True when ``word`` shares a stem with a glossary word: an unlisted inflection or derivation
        ('myopathies', 'fasciculating'), which is a real word, not a misspelling."""
        mine = stems(word, self.suffixes)
        for candidate in self._candidates(word, slack=4):
            if mine & self.stems[candidate]:
                return True
        return False

    def _candidates(self, word: str, slack: int | None = None) -> list[str]:
        key_start = phonetic(word)[:2]
        key_end = strip_accents(word)[-3:]
        seen = dict.fromkeys(self.by_start.get(key_start, ()))
        seen.update(dict.fromkeys(self.by_end.get(key_end, ())))
        n = len(word)
        return [c for c in seen if abs(len(c) - n) <= (slack if slack is not None else max(2, n // 3))]

    def lookup(self, word: str) -> FuzzyMatch | None:
        """The closest glossary word that ``word`` is a plausible misspelling of, or None."""
        word = word.lower()
        best: FuzzyMatch | None = None
        best_key: tuple = ()
        sound = phonetic(word)
        for cand in self._candidates(word):
            length = len(cand)
            cutoff = max(max_distance(length), length // 2)
            d = OSA.distance(word, cand, score_cutoff=cutoff)
            if d > cutoff:
                continue
            if d <= max_distance(length) and (length > 4 or word[0] == cand[0]):
                reason = "edit"
            elif sound == self.phonetics[cand] and length >= 5:
                reason = "phonetic"
            elif (prefix := _common_prefix(word, cand)) >= max(5, -(-3 * length // 5)) and abs(len(word) - length) <= 3:
                reason = "ending"
            else:
                continue
            if self.stems[cand] & stems(word, self.suffixes):
                return None  # an inflection of a glossary word, not a misspelling
            key = (d, -_common_prefix(word, cand), cand)
            if best is None or key < best_key:
                best, best_key = FuzzyMatch(cand, d, reason), key
        return best
