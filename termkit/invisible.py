"""Characters a reader cannot see: zero-width characters, bidirectional controls and line breaks.

Two uses, one table. Matching *sees through* zero-width characters and bidi controls
(``fasci\u200bculation`` is still *fasciculation*), with every position mapped back to the file
as written. Output *shows* them: a file name or message printed on one line escapes them, so a
name holding a line break cannot forge a second line (a GitHub workflow command, say).

>>> seen = see_through("fasci\u200bculation")
>>> seen.text, seen.start(5), seen.end(13)
('fasciculation', 6, 14)
>>> printable("x\\n::error file=evil.md::boo")
'x\\\\n::error file=evil.md::boo'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Invisible inside a word: zero-width space, non-joiner and joiner, word joiner, zero-width
# no-break space (a BOM in mid-text), soft hyphen, Mongolian vowel separator, invisible operators.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061\u2062\u2063\u2064"
# Direction marks: harmless, often needed in right-to-left text; seen through, never reported.
BIDI_MARKS = "\u200e\u200f\u061c"
# Embeddings, overrides and isolates: they reorder what a reader sees ("Trojan Source",
# CVE-2021-42574). Seen through for matching, and reported in prose (TK903).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI_NAMES = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING", "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE", "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE", "\u2068": "FIRST STRONG ISOLATE", "\u2069": "POP DIRECTIONAL ISOLATE",
}

INVISIBLE = re.compile(f"[{ZERO_WIDTH}{BIDI_MARKS}{BIDI_CONTROLS}]")
BIDI_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")
# What must not reach a one-line output raw: C0 and C1 controls (tab aside), line and paragraph
# separators, and the invisible characters above.
UNPRINTABLE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029{ZERO_WIDTH}{BIDI_MARKS}{BIDI_CONTROLS}]")
_ESCAPES = {"\n": "\\n", "\r": "\\r"}


@dataclass(frozen=True)
class SeenThrough:
    """Text without its invisible characters, and the way back to the original offsets.

    text (str): the text to match on.
    removed (list[int]): for each removed character, in order, its offset in ``text`` (the
        character it stood before).
    """

    text: str
    removed: list[int]

    def start(self, offset: int) -> int:
        """Original offset of the character at ``offset`` (or of the end, for ``len(text)``)."""
        return offset + bisect.bisect_right(self.removed, offset)

    def end(self, offset: int) -> int:
        """Original end of a span ending at ``offset``: just after its last character, so an
        invisible character after a match is not part of it."""
        return self.start(offset - 1) + 1 if offset > 0 else self.start(0)

    def to_checked(self, original: int) -> int:
        """Offset in ``text`` of the original offset ``original`` (an invisible character maps to
        the character after it)."""
        lo, hi = 0, len(self.removed)
        while lo < hi:  # how many removed characters stand before ``original``
            mid = (lo + hi) // 2
            if self.removed[mid] + mid < original:
                lo = mid + 1
            else:
                hi = mid
        return original - lo


def see_through(text: str) -> SeenThrough | None:
    """``text`` without zero-width characters and bidi controls; None when it has none."""
    if INVISIBLE.search(text) is None:
        return None
    parts: list[str] = []
    removed: list[int] = []
    pos = 0
    kept = 0
    for m in INVISIBLE.finditer(text):
        parts.append(text[pos:m.start()])
        kept += m.start() - pos
        removed.append(kept)
        pos = m.end()
    parts.append(text[pos:])
    return SeenThrough("".join(parts), removed)


def printable(text: str) -> str:
    """``text`` safe to print on one line: line breaks, controls and invisible characters escaped."""
    if UNPRINTABLE.search(text) is None:
        return text
    return UNPRINTABLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}" if ord(m.group()) > 0xff
                                                   else f"\\x{ord(m.group()):02x}"), text)


def visible(line: str) -> str:
    """One source line for display, each unprintable character shown as U+FFFD, so that columns
    (and the carets under a finding) still line up."""
    if UNPRINTABLE.search(line) is None:
        return line
    return UNPRINTABLE.sub("\ufffd", line)
