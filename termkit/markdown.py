"""Markdown -> prose: the checked text, with everything that is not prose blanked out.

The result has exactly the length of the input: code blocks, inline code, HTML comments and
tags, link and image destinations, URLs and front matter are replaced by spaces (line breaks are
kept), so every offset found in the prose is an offset in the original file. No position map
needs to be kept, and spaCy tokenises one string per file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it import MarkdownIt

from .errors import TermkitError
from .source import LineIndex
from .yamlio import check_shape

_md = MarkdownIt("commonmark")
_md.disable(["inline"], ignoreInvalid=True)  # block structure is all we need; inline is masked by regex

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)  # never across a blank line
LINK_DEST = re.compile(r"(?<=\])\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
REF_DEFINITION = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*$", re.M)
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
BARE_URL = re.compile(r"(?:\b[A-Za-z][A-Za-z0-9+.-]{1,31}://|\bwww\.)[^\s<>()\[\]\"']*[^\s<>()\[\]\"'.,;:!?]")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$", re.M)
_NOT_NEWLINE = re.compile(r"[^\r\n]")


@dataclass
class Prose:
    """The prose of one file.

    text (str): same length as the source, non-prose blanked with spaces.
    front_matter (dict): parsed YAML front matter, {} when there is none or it is not a mapping.
    sections (list): (start, end, level, title) of each heading's section, in source offsets.
    """

    text: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_error: tuple[int, str] | None = None  # (line, problem)
    sections: list[tuple[int, int, int, str]] = field(default_factory=list)
    code: list[tuple[int, int]] = field(default_factory=list)  # code blocks and spans, front matter
    segments: list[Any] | None = None  # a bilingual file's checked segments (bilingual/), else None
    bilingual: dict[str, Any] | None = None  # its header: kind, source_language, target_language

    def in_code(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.code)


def _blank(text: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return text
    ranges.sort()
    out, pos = [], 0
    for start, end in ranges:
        if end <= pos:
            continue
        start = max(start, pos)
        out.append(text[pos:start])
        out.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)




def _maybe_bilingual(text: str) -> bool:
    """A cheap first look: could this text be XLIFF or PO (``bilingual.kind_of`` decides)?"""
    head = text[:4096]
    return "<xliff" in head or ("msgid " in head and "msgstr" in head)


def extract_prose(text: str, kind: str = "markdown", options: dict | None = None) -> Prose:
    """Blank out what must never be checked.

    text (str): the decoded file.
    kind (str): "markdown" or "text"; plain text only loses its URLs and e-mail addresses.
    options (dict): for bilingual files (XLIFF, PO: by kind or content), config ``translation:``.
    RETURNS (Prose): the checkable text, same length as ``text``.
    """
    if kind in ("xliff", "po") or _maybe_bilingual(text):
        from .bilingual import bilingual_prose, kind_of

        bilingual = kind if kind in ("xliff", "po") else kind_of("", text)
        if bilingual is not None:
            return bilingual_prose(text, bilingual, options)
    if kind != "markdown":
        ranges = [m.span() for m in BARE_URL.finditer(text)] + [m.span() for m in EMAIL.finditer(text)]
        return Prose(_blank(text, ranges))

    front: dict[str, Any] = {}
    front_error = None
    ranges: list[tuple[int, int]] = []
    m = FRONT_MATTER.match(text)
    if m:
        ranges.append(m.span())
        try:
            check_shape(m.group(1), "front matter", line_offset=1)
            loaded = yaml.safe_load(m.group(1))
            front = loaded if isinstance(loaded, dict) else {}
        except TermkitError as exc:  # nested too deep, or an alias bomb
            front_error = (exc.line or 1, exc.message.split("] ", 1)[-1])
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            front_error = ((mark.line + 2) if mark else 1, str(getattr(exc, "problem", None) or exc).splitlines()[0])
        text_for_blocks = _blank(text, [m.span()])
    else:
        text_for_blocks = text

    starts = LineIndex(text).starts + [len(text)]
    code = list(ranges)
    for token in _md.parse(text_for_blocks):
        if token.type in ("fence", "code_block", "html_block") and token.map:
            first, last = token.map
            ranges.append((starts[first], starts[min(last, len(starts) - 1)]))
            if token.type != "html_block":
                code.append(ranges[-1])
    masked = _blank(text, ranges)

    inline: list[tuple[int, int]] = []
    for pattern in (HTML_COMMENT, CODE_SPAN):
        spans = [m.span() for m in pattern.finditer(masked)]
        inline += spans
        if pattern is CODE_SPAN:
            code += spans
    masked = _blank(masked, inline)
    inline = []
    for pattern in (REF_DEFINITION, LINK_DEST, AUTOLINK, BARE_URL, EMAIL, HTML_TAG):
        inline += [m.span() for m in pattern.finditer(masked)]
    masked = _blank(masked, inline)

    return Prose(masked, front, front_error, _sections(masked), code)


def _sections(masked: str) -> list[tuple[int, int, int, str]]:
    heads = [(m.start(), len(m.group(1)), m.group(2).strip()) for m in HEADING.finditer(masked)]
    sections = []
    for i, (start, level, title) in enumerate(heads):
        end = len(masked)
        for later_start, later_level, _ in heads[i + 1:]:
            if later_level <= level:
                end = later_start
                break
        sections.append((start, end, level, title))
    return sections
