"""Sound-alike keys per language: words spelled by ear ('newmonia', 'assma', 'neumonía') get the
key of the word they were meant to be ('pneumonia', 'asthma', 'neumonía').

A key is built from the language data (``phonetic:`` in ``data/languages/<lang>.yaml``): ordered
rewrite rules (regular expressions on the lower-case word: a spelling and the sound it stands
for), then, where a well-kept library implements a key made for the language, that key (English:
Metaphone from jellyfish), then doubled letters squeezed. Rules are data, so a user adds a
confusion by adding a line.

>>> key = SoundKey((("^ps", "s"), ("ph", "f")))
>>> key("psoriasis") == key("soriasis"), key("phobia") == key("fobia")
(True, True)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

LIBRARIES = ("metaphone", "nysiis")


def _library(name: str) -> Callable[[str], str]:
    import jellyfish  # imported only when a glossary is compiled with an English key

    return {"metaphone": jellyfish.metaphone, "nysiis": jellyfish.nysiis}[name]


def _ascii(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class SoundKey:
    """The sound-alike key of one language.

    rules (tuple[tuple[str, str], ...]): (regular expression, replacement), applied in order to
        the lower-case word (accents kept, so a rule may name 'é' or 'ä'); accents are removed after.
    library (str | None): a key from jellyfish applied after the rules ('metaphone', 'nysiis').
    """

    def __init__(self, rules: tuple[tuple[str, str], ...] = (), library: str | None = None):
        self.rules = tuple(rules)
        self.library = library
        self._compiled = tuple((re.compile(pattern), repl) for pattern, repl in self.rules)
        self._key = _library(library) if library else None

    def __call__(self, word: str) -> str:
        w = word.lower()
        for pattern, repl in self._compiled:
            w = pattern.sub(repl, w)
        w = _ascii(w)
        if self._key is not None:
            w = self._key(w).lower()
        out: list[str] = []
        for ch in w:
            if ch.isalpha() and (not out or out[-1] != ch):
                out.append(ch)
        return "".join(out)

    def __reduce__(self):  # pickled in the compiled glossary: rebuilt from its data
        return (SoundKey, (self.rules, self.library))

    def __bool__(self) -> bool:
        return bool(self.rules or self.library)


__all__ = ["LIBRARIES", "SoundKey"]
