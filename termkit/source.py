"""Source files: decoding with clear errors, and offset <-> (line, column) conversion.

Columns are 1-based Unicode code points (what Python ``str`` indices count); UTF-16 columns, which
the Language Server Protocol wants, are derived at that edge.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Errors, TermkitError

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
TEXT_SUFFIXES = (".txt", ".text")
BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".po")  # translation files: bilingual/
ARTICLE_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES + BILINGUAL_SUFFIXES
LINE_BREAK = re.compile(r"\r\n?|\n")


class LineIndex:
    """Maps string offsets to 1-based (line, column) and back.

    Lines end at ``\n``, ``\r\n`` or a bare ``\r``, as in CommonMark and the Language Server
    Protocol, so line numbers agree with the Markdown parser's and the editor's.
    """

    def __init__(self, text: str):
        starts = [0]
        if "\r" in text:
            starts += [m.end() for m in LINE_BREAK.finditer(text)]
        else:
            find = text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
        self.starts = starts
        self.text = text
        self._lines: dict[int, str] = {}  # one copy per line, however many findings it holds

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        cached = self._lines.get(line)
        if cached is None:
            start = self.starts[line - 1]
            end = self.starts[line] if line < len(self.starts) else len(self.text)
            cached = self._lines[line] = self.text[start:end].rstrip("\r\n")
        return cached

    def utf16_column(self, line: int, column: int) -> int:
        """0-based UTF-16 code unit column, as LSP counts."""
        prefix = self.text[self.starts[line - 1]: self.starts[line - 1] + column - 1]
        return len(prefix.encode("utf-16-le")) // 2


@dataclass
class SourceFile:
    path: str
    text: str
    kind: str  # "markdown" | "text" | "xliff" | "po"
    bom: bool = False
    _index: LineIndex | None = field(default=None, repr=False)

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index


def kind_for(path: str) -> str:
    lower = path.lower()
    if lower.endswith((".xlf", ".xliff")):
        return "xliff"
    if lower.endswith(".po"):
        return "po"
    return "markdown" if lower.endswith(MARKDOWN_SUFFIXES) else "text"


def decode_source(data: bytes, path: str) -> SourceFile:
    """Decode an article; binary and non-UTF-8 files raise one coded error naming the line."""
    if b"\x00" in data[:8192]:
        raise TermkitError(Errors.E003, path)
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = len(data[data.rfind(b"\n", 0, exc.start) + 1: exc.start].decode("utf-8", "replace")) + 1
        raise TermkitError(Errors.E004.format(byte=data[exc.start]), path, line, col) from None
    return SourceFile(path=path, text=text, kind=kind_for(path), bom=bom)


def read_source(path: Path, shown: str | None = None) -> SourceFile:
    shown = shown or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TermkitError(Errors.E001, shown) from None
    except OSError as exc:
        raise TermkitError(Errors.E005.format(reason=exc.strerror or exc), shown) from None
    return decode_source(data, shown)
