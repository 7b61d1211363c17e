"""Bilingual files (XLIFF 1.2, XLIFF 2.0/2.1, PO) -> segments and the target text as prose.

A bilingual file is checked like an article in its target language: ``prose()`` keeps the
target text of every checked segment at its own offsets and blanks the rest (markup, source
text, skipped segments), so the term rules run on the translation and their findings land on
the target text. The segments (source, target, languages, state, positions) go with the prose
for the translation rules (``rules/translation.py``).

Detection: by extension (.xlf, .xliff, .po, .pot) and by content (an ``<xliff`` root, PO
``msgid``/``msgstr`` lines), so a bilingual text passed by another name is read as one.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from .model import Segment, blank_outside

BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".po", ".pot")
_XLIFF_START = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:[\w.-]+:)?xliff\b", re.S)
_PO_LINES = re.compile(r'^msgid\s+"', re.M)
_PO_STR = re.compile(r'^msgstr(?:\[\d+\])?\s+"', re.M)


def kind_of(path: str, text: str | None = None) -> str | None:
    """'xliff', 'po' or None, by the file name and, when given, the text."""
    suffix = PurePath(path).suffix.lower()
    if suffix in (".xlf", ".xliff"):
        return "xliff"
    if suffix in (".po", ".pot"):
        return "po"
    if text is not None:
        head = text[:4096]
        if _XLIFF_START.match(head):
            return "xliff"
        if _PO_LINES.search(head) and _PO_STR.search(head) and not head.lstrip().startswith("---"):
            return "po"
    return None


def read_segments(text: str, kind: str) -> tuple[list[Segment], dict]:
    """The segments of a bilingual file and its header facts (``source_language``,
    ``target_language``); a malformed file raises TermkitError with its line and column."""
    if kind == "xliff":
        from .xliff import read_xliff

        return read_xliff(text)
    from .po import read_po_text

    return read_po_text(text)


__all__ = ["BILINGUAL_SUFFIXES", "Segment", "blank_outside", "kind_of", "read_segments"]


def checked_segments(segments: list[Segment], options: dict | None = None) -> list[Segment]:
    """The segments to check: not ``translate="no"``, not fuzzy (unless ``include_fuzzy``), not
    in a state listed in ``skip_states`` (config ``translation:``)."""
    options = options if isinstance(options, dict) else {}
    include_fuzzy = bool(options.get("include_fuzzy", False))
    skip_states = {str(s) for s in options.get("skip_states", ()) or ()}
    return [s for s in segments
            if s.translate and (include_fuzzy or not s.fuzzy) and (s.state is None or s.state not in skip_states)]


def bilingual_prose(text: str, kind: str, options: dict | None = None):
    """The Prose of a bilingual file: the checked segments' target texts at their offsets, the
    target language as the document's ``lang``, and the segments (``Prose.segments``)."""
    from ..markdown import Prose

    segments, header = read_segments(text, kind)
    checked = checked_segments(segments, options)
    keep = [(s.target_span[0], s.target_span[1], s.target_view) for s in checked
            if s.target_span is not None and len(s.target_view) == s.target_span[1] - s.target_span[0]]
    language = header.get("target_language") or next((s.target_language for s in checked if s.target_language), None)
    front = {"lang": language} if language else {}
    return Prose(blank_outside(text, keep), front_matter=front, segments=checked, bilingual=dict(header, kind=kind))
