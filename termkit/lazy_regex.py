"""Huge alternations compiled piece by piece, when a string could match them.

spaCy's French tokenizer keeps hyphenated and elided words whole with one ``token_match`` regex:
266 anchored alternatives and 1.45 MB of Unicode letter classes. ``re.compile`` spends 3-5 s on
it at every start (``import spacy.lang.fr`` compiles it), and a compiled regex cannot be stored.

``LazyAlternation`` gives the same answers without that cost. Each alternative is first tried as
a *widened* copy, with its large character classes (``[a-zà-ö…]``, thousands of characters)
replaced by "any character": that copy matches every string the alternative matches, and more,
and compiles in milliseconds. Only a string that a widened copy accepts is tried against the real
alternative, compiled on first use. ``match(s)`` is therefore truthy exactly when the original
pattern's is (an alternation matches when one of its alternatives does); any other use of the
pattern compiles it whole, so nothing else differs either.

``large_patterns_lazily()`` applies this to patterns compiled while spaCy's language data is
imported or a tokenizer is read from bytes.
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from typing import Iterator

LARGE = 100_000  # characters: only patterns this long are made lazy (French's is 1.45 MB)
WIDE_CLASS = 64  # a character class longer than this is widened to "any character"

# escapes, character classes, group openings (lookarounds and conditionals apart), ")", "|", the rest
_TOKENS = re.compile(r"\\.|\[\^?\]?[^\]\\]*(?:\\.[^\]\\]*)*\]|\(\?[=!]|\(\?<[=!]|\(\?\(|\(|\)|\||[^\\\[()|]+", re.S)
_UNSAFE = ("(?=", "(?!", "(?<=", "(?<!", "(?(")  # lookarounds and conditionals: not widened
_compile = re.compile  # the real one, also while large_patterns_lazily() is in force
_lock = threading.RLock()


class LazyAlternation:
    """A stand-in for ``re.compile(pattern)`` of a pattern ``(?flags)A|B|…``."""

    def __init__(self, pattern: str, flags: str, alternatives: list[str], widened: list[str | None]):
        self.pattern = pattern
        self._flags = flags
        self._alternatives = alternatives
        self._widened = widened
        self._any = _compile(flags + "|".join(w if w is not None else "" for w in widened))
        self._wide: list[re.Pattern | None] = [None] * len(alternatives)
        self._full: list[re.Pattern | None] = [None] * len(alternatives)
        self._whole: re.Pattern | None = None

    @classmethod
    def parse(cls, pattern: str) -> "LazyAlternation | None":
        """None when the pattern is not a plain top-level alternation this class can split safely."""
        if "(?P=" in pattern:
            return None  # a named back-reference
        flags = re.match(r"\(\?[aiLmsux]+\)", pattern)
        head = flags.group(0) if flags else ""
        alternatives, widened, depth, parts, wide, unsafe = [], [], 0, [], [], False
        for token in _TOKENS.findall(pattern, len(head)):
            if token == "|" and depth == 0:
                alternatives.append("".join(parts))
                widened.append(None if unsafe else "".join(wide))
                parts, wide, unsafe = [], [], False
                continue
            if token.startswith("("):
                depth += 1
                unsafe = unsafe or token in _UNSAFE
            elif token == ")":
                depth -= 1
            elif token.startswith("\\") and token[1:2].isdigit():
                return None  # a back-reference: the alternatives are not independent
            parts.append(token)
            wide.append(r"[\s\S]" if token.startswith("[") and len(token) > WIDE_CLASS else token)
        alternatives.append("".join(parts))
        widened.append(None if unsafe else "".join(wide))
        if depth != 0 or len(alternatives) < 2 or head + "|".join(alternatives) != pattern:
            return None
        return cls(pattern, head, alternatives, widened)

    def match(self, string: str, *args):
        if args:
            return self.whole.match(string, *args)
        if self._any.match(string) is None:
            return None  # no widened alternative matches, so no real one does
        for i, widened in enumerate(self._widened):
            if widened is not None:
                wide = self._wide[i]
                if wide is None:
                    wide = self._wide[i] = _compile(self._flags + widened)
                if wide.match(string) is None:
                    continue
            full = self._full[i]
            if full is None:
                full = self._full[i] = _compile(self._flags + self._alternatives[i])
            found = full.match(string)
            if found is not None:
                return found
        return None

    @property
    def whole(self) -> re.Pattern:
        if self._whole is None:
            self._whole = _compile(self.pattern)
        return self._whole

    def __getattr__(self, name: str):  # search, fullmatch, flags, groups, ...: the real pattern's
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.whole, name)

    def __reduce__(self):
        return (_lazy_or_compiled, (self.pattern,))

    def __repr__(self) -> str:
        return f"LazyAlternation({len(self._alternatives)} alternatives, {len(self.pattern):,} characters)"


def _lazy_or_compiled(pattern: str):
    return LazyAlternation.parse(pattern) or _compile(pattern)


def _lazy_compile(pattern, flags=0):
    if isinstance(pattern, str) and len(pattern) >= LARGE and not flags:
        lazy = LazyAlternation.parse(pattern)
        if lazy is not None:
            return lazy
    return _compile(pattern, flags)


@contextmanager
def large_patterns_lazily() -> Iterator[None]:
    """While in force, ``re.compile`` of a pattern of at least LARGE characters that is a plain
    alternation returns a LazyAlternation; every other pattern compiles as usual."""
    with _lock:
        re.compile = _lazy_compile
        try:
            yield
        finally:
            re.compile = _compile


__all__ = ["LazyAlternation", "large_patterns_lazily"]
