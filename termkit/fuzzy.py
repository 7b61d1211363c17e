"""Fuzzy lookup of unknown words against the glossary's words.

A word reaches this index only when it is not a real word of the document's language (the
lexicon and the glossary decide that), so the index can afford to be generous: edit distance with
transpositions (OSA), phonetic confusions (ph/f, c/k, y/i, silent initial p...) and garbled
endings behind a long intact prefix. Candidates come from two buckets (phonetic first two
letters, last three letters), so a lookup scores tens of words, not the whole glossary. Words
spelled by ear ('newmonia', 'nawshea') are too far from the word meant for edit distance alone:
the language's sound-alike key (termkit.phonetic, data in data/languages/<lang>.yaml) brings the
words that sound the same, which edit distance then bounds.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Callable

from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler

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
    reason: str  # "edit" | "phonetic" | "ending" | "sound"


class FuzzyIndex:
    """Index of glossary words (lower case) for misspelling lookups."""

    def __init__(self, words: set[str] | list[str], suffixes: tuple[str, ...] = (),
                 misspelt: set[str] | frozenset[str] | dict[str, tuple[str, ...]] = frozenset(),
                 combining_forms: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
                 sound_key: Callable[[str], str] | None = None):
        """words: glossary words to match against; misspelt: those of them that are themselves
        listed misspellings (an inflection of a misspelling is still a misspelling), each with the
        correct words it stands for when known; combining_forms: (word starts, word ends) of
        compound medical words ('neuro', 'pathy'); sound_key: the language's sound-alike key."""
        self.misspelt = {w: () for w in misspelt} if not isinstance(misspelt, dict) else dict(misspelt)
        self.suffixes = tuple(sorted(suffixes, key=len, reverse=True))
        starts, ends = combining_forms
        self.starts = tuple(sorted({strip_accents(f.lower()) for f in starts}, key=len, reverse=True))
        self.ends = tuple(sorted({strip_accents(f.lower()) for f in ends}, key=len, reverse=True))
        self.words = sorted(set(words))
        self.phonetics = {w: phonetic(w) for w in self.words}
        self.stems = {w: (set() if w in self.misspelt else stems(w, self.suffixes)) for w in self.words}
        # Buckets are keyed with the word length too, so a lookup only scores words whose length
        # is within the largest edit distance allowed (3).
        self.by_start: dict[tuple[str, int], list[str]] = {}  # phonetic first two letters: late errors
        self.by_end: dict[tuple[str, int], list[str]] = {}  # last three letters: early errors
        self.by_sound: dict[str, list[str]] = {}  # whole phonetic key: sound-alike spellings
        self.by_prefix: dict[str, list[str]] = {}  # first five letters: garbled endings
        self.by_shape: dict[tuple[str, int], list[str]] = {}  # first letter and length: short words
        self.sound_key = sound_key
        self.by_key: dict[str, list[str]] = {}  # the language's sound-alike key: spelled by ear
        if sound_key is not None:
            for w in self.words:
                if len(w) >= 5 and w not in self.misspelt:
                    self.by_key.setdefault(sound_key(w), []).append(w)
        for w in self.words:
            self.by_start.setdefault((self.phonetics[w][:2], len(w)), []).append(w)
            self.by_end.setdefault((strip_accents(w)[-3:], len(w)), []).append(w)
            self.by_sound.setdefault(self.phonetics[w], []).append(w)
            self.by_prefix.setdefault(w[:5], []).append(w)
            self.by_shape.setdefault((w[0], len(w)), []).append(w)

    def __len__(self) -> int:
        return len(self.words)

    def _edit_candidates(self, word: str) -> dict[str, int]:
        """Words within the largest allowed edit distance, scored in C by rapidfuzz."""
        found: dict[str, int] = {}
        start, end, n = phonetic(word)[:2], strip_accents(word)[-3:], len(word)
        buckets = [self.by_shape.get((word[0], n))]
        for length in range(max(1, n - 3), n + 4):
            buckets.append(self.by_start.get((start, length)))
            buckets.append(self.by_end.get((end, length)))
        for bucket in buckets:
            if bucket:
                for cand, d, _ in process.extract(word, bucket, scorer=OSA.distance, score_cutoff=3, limit=None):
                    found[cand] = d
        return found

    def lookup(self, word: str) -> FuzzyMatch | None:
        """The closest glossary word that ``word`` is a plausible misspelling of, or None.

        Thresholds were set on real patient-forum misspellings against 98k correct medical words:
        one edit is enough evidence, two or three edits need the shapes to stay close (Jaro-Winkler,
        which rewards an intact start) unless the two words sound alike.
        """
        word = word.lower()
        sound = phonetic(word)
        candidates: list[FuzzyMatch] = []
        for cand, d in self._edit_candidates(word).items():
            length = len(cand)
            if d > max_distance(length):
                continue
            if sound == self.phonetics[cand]:
                candidates.append(FuzzyMatch(cand, d, "phonetic"))
            elif d == 1 and (length > 4 or word[0] == cand[0]):
                candidates.append(FuzzyMatch(cand, d, "edit"))
            elif word[0] == cand[0] and JaroWinkler.similarity(word, cand) >= (0.9 if d == 2 else 0.94):
                candidates.append(FuzzyMatch(cand, d, "edit"))
        if len(word) >= 5:
            for cand in self.by_sound.get(sound, ()):
                candidates.append(FuzzyMatch(cand, OSA.distance(word, cand), "phonetic"))
            for cand in self.by_prefix.get(word[:5], ()):
                length = len(cand)
                # a garbled ending behind a long intact start: 'fasciculashun'
                if (_common_prefix(word, cand) >= max(6, -(-3 * length // 4)) and abs(len(word) - length) <= 2
                        and JaroWinkler.similarity(word, cand) >= 0.93):
                    candidates.append(FuzzyMatch(cand, OSA.distance(word, cand), "ending"))
            if self.by_key:
                key = self.sound_key(word)
                # the same sound, and within the edits a typo may take; one more when the key is
                # long enough to be telling (six sounds: 'latairalle' for 'latérale')
                slack = 1 if len(key) >= 6 else 0
                for cand in self.by_key.get(key, ()):
                    d = OSA.distance(word, cand)
                    if d <= max_distance(len(cand)) + slack and abs(len(word) - len(cand)) <= 2:
                        candidates.append(FuzzyMatch(cand, d, "sound"))
        candidates = [c for c in candidates if self._plausible(word, c)]
        if not candidates:
            return None
        # Only a word that loses a suffix counts: 'myopathies' -> 'myopath' <- 'myopathy'. A word that
        # is a glossary word minus its ending ('nause' for 'nausea') is a truncation, a misspelling.
        mine = stems(word, self.suffixes) - {word}
        if any(self.stems[c.word] & mine for c in candidates):
            return None  # an inflection or derivation of a glossary word, not a misspelling
        return min(candidates, key=lambda c: (c.distance, -_common_prefix(word, c.word), c.word))

    def _plausible(self, word: str, match: FuzzyMatch) -> bool:
        """Not another word made of the same pieces; and a listed misspelling is a stepping stone
        only for long words one edit away ('fasciillis' ~ 'fascillis'), never for short ones
        ('apnée' is not 'acnée', a misspelling of 'acné')."""
        if match.word in self.misspelt:
            if match.distance > 1 or len(match.word) < 6:
                return False
            if any(self.swapped_form(word, right) for right in self.misspelt[match.word]):
                return False
        return not self.swapped_form(word, match.word)

    def swapped_form(self, word: str, cand: str) -> bool:
        """The glossary word with one combining form in place of another is another word, not a
        misspelling: 'naturopatía' / 'neuropatía', 'hyperthyroïdie' / 'hypothyroïdie',
        'phytotherapie' / 'physiotherapie'. Typing errors garble letters; they do not swap one
        meaningful piece for another.

        >>> FuzzyIndex(["neuropathy"], combining_forms=(("neuro", "naturo"), ())).swapped_form("naturopathy", "neuropathy")
        True
        """
        w, c = strip_accents(word), strip_accents(cand)
        for a in self.starts:
            if w.startswith(a) and len(w) - len(a) >= 3:
                rest = w[len(a):]
                if any(b != a and c.startswith(b) and c[len(b):] == rest for b in self.starts):
                    return True
        for a in self.ends:
            if w.endswith(a) and len(w) - len(a) >= 3:
                rest = w[: len(w) - len(a)]
                if any(b != a and c.endswith(b) and c[: len(c) - len(b)] == rest for b in self.ends):
                    return True
        return False

    def lookup_all(self, word: str) -> list[FuzzyMatch]:
        """Every acceptable match, best first (the caller keeps the first that fits its context)."""
        best = self.lookup(word)
        if best is None:
            return []
        word = word.lower()
        found = {best.word: best}
        for cand, d in self._edit_candidates(word).items():
            if cand not in found and d <= best.distance + 1 and d <= max_distance(len(cand)) and \
                    JaroWinkler.similarity(word, cand) >= 0.9:
                match = FuzzyMatch(cand, d, "edit")
                if self._plausible(word, match):
                    found[cand] = match
        return sorted(found.values(), key=lambda c: (c.distance, -_common_prefix(word, c.word), c.word))
