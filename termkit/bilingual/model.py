"""The segment: one translation unit of a bilingual file, with where its texts are in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NOT_NEWLINE = re.compile(r"[^\r\n]")


@dataclass(frozen=True)
class Segment:
    """One unit. Offsets are code-point offsets in the decoded file: ``source_span`` and
    ``target_span`` cover the text between the element's tags (PO: from the first string's
    content to the last one's). ``source_view`` / ``target_view`` are the file's text over those
    spans with markup blanked (same length, so an offset in them + span start is a file offset);
    ``source`` / ``target`` are the decoded texts (an inline code as U+FFFC)."""

    id: str
    source: str
    target: str | None  # None: no target element / no msgstr
    source_language: str | None
    target_language: str | None
    source_span: tuple[int, int]
    target_span: tuple[int, int] | None
    source_view: str = ""
    target_view: str = ""
    state: str | None = None  # XLIFF state / PO "fuzzy"
    translate: bool = True  # XLIFF translate="no" -> False
    fuzzy: bool = False
    source_codes: tuple[str, ...] = field(default=())  # inline codes / placeholders, in order
    target_codes: tuple[str, ...] = field(default=())
    entry: str | None = None  # PO plural forms: the id of the entry they share (one msgid, its forms)

    @property
    def anchor(self) -> tuple[int, int]:
        """Where a finding about the whole segment goes: its target, else its source."""
        if self.target_span is not None:
            return self.target_span
        return self.source_span


def blank_outside(text: str, keep: list[tuple[int, int, str]]) -> str:
    """``text`` with only the kept views shown (each (start, end, view), view of length end -
    start): everything else is spaces, line breaks kept."""
    out = []
    pos = 0
    for start, end, view in sorted(keep):
        if start < pos:
            continue
        out.append(_NOT_NEWLINE.sub(" ", text[pos:start]))
        out.append(view)
        pos = end
    out.append(_NOT_NEWLINE.sub(" ", text[pos:]))
    return "".join(out)
