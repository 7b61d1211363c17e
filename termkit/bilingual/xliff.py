"""XLIFF 1.2 and 2.0/2.1 -> segments, with the file offsets of each source and target text.

Parsed by lxml with entities left unresolved, no network and no huge trees (a billion-laughs or
external-entity file is refused or read as text, never expanded). lxml gives each element's line;
the column is found by scanning the file's text from that line for the element's start tag.
"""

from __future__ import annotations

import re

from ..errors import Errors, TermkitError
from ..source import LineIndex
from .model import Segment

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS2 = "urn:oasis:names:tc:xliff:document:2."
# inline elements whose content is native code, not text (1.2: ph, bpt, ept, it, sub's host;
# 2.0: ph, sc, ec, cp are empty): blanked whole, counted as codes
CODE_TAGS = {"ph", "bpt", "ept", "it", "x", "bx", "ex", "sc", "ec", "cp"}
WRAP_TAGS = {"g", "pc"}  # text inside, counted as codes
_START_REST = re.compile(r"""(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>""")
_MARKUP = re.compile(
    r"(?P<comment><!--.*?-->)|(?P<pi><\?.*?\?>)|(?P<cdata_open><!\[CDATA\[)|(?P<cdata_close>\]\]>)"
    r"|(?P<code><(?:[\w.-]+:)?(?P<tag>ph|bpt|ept|it|sub)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(?:/>|>.*?</(?:[\w.-]+:)?(?P=tag)\s*>))"
    r"|(?P<element></?[\w.:-]+(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)"
    r"|(?P<entity>&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);)", re.S)
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_NOT_NEWLINE = re.compile(r"[^\r\n]")


def _fail(problem: str, expected: str, line: int | None = None, column: int | None = None) -> TermkitError:
    return TermkitError(Errors.E320.format(kind="XLIFF", problem=problem, expected=expected), None, line, column)


def read_xliff(text: str) -> tuple[list[Segment], dict]:
    from lxml import etree

    data = re.sub(r"\A(\ufeff?<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2", r"\1\2UTF-8\2", text).encode("utf-8")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             remove_blank_text=False, dtd_validation=False)
    index = LineIndex(text)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 1, 0)
        line = max(1, min(line or 1, len(index.starts)))
        raw = index.line_text(line).encode("utf-8")
        column = len(raw[:max(0, (column or 1) - 1)].decode("utf-8", "replace")) + 1
        problem = str(exc.msg).split(", line ")[0].strip() or "syntax error"
        raise _fail(problem, "well-formed XML", line, column) from None
    except ValueError as exc:  # lxml refuses some inputs before parsing
        raise _fail(str(exc), "well-formed XML", 1, 1) from None
    if root is None or not isinstance(root.tag, str):
        raise _fail("no root element", "an <xliff> root element", 1, 1)
    qname = etree.QName(root)
    if qname.localname != "xliff":
        raise _fail(f"root element is <{qname.localname}>", "an <xliff> root element", root.sourceline or 1, 1)
    ns = qname.namespace or ""
    version = root.get("version") or ""
    finder = _Finder(text, index)
    if ns.startswith(NS2) or version.startswith("2"):
        segments = _read2(root, ns, finder)
        header = {"source_language": root.get("srcLang"), "target_language": root.get("trgLang"), "version": "2"}
    else:
        segments = _read12(root, ns, finder)
        first = root.find(_q(ns, "file"))
        header = {"source_language": first.get("source-language") if first is not None else None,
                  "target_language": first.get("target-language") if first is not None else None, "version": "1.2"}
    return segments, header


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}" if ns else name


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _translate(el) -> bool:
    node = el
    while node is not None:
        value = node.get("translate")
        if value is not None:
            return value.strip().lower() != "no"
        node = node.getparent()
    return True


def _read12(root, ns: str, finder: "_Finder") -> list[Segment]:
    segments = []
    for file_el in root.iter(_q(ns, "file")):
        src_lang, trg_lang = file_el.get("source-language"), file_el.get("target-language")
        for unit in file_el.iter(_q(ns, "trans-unit")):
            source = unit.find(_q(ns, "source"))
            if source is None:
                continue
            target = unit.find(_q(ns, "target"))
            segments.append(_segment(unit.get("id") or f"line {unit.sourceline}", source, target, src_lang,
                                     target.get("xml:lang") if target is not None and target.get("xml:lang") else trg_lang,
                                     target.get("state") if target is not None else None, _translate(unit), finder))
    return segments


def _read2(root, ns: str, finder: "_Finder") -> list[Segment]:
    segments = []
    src_lang, trg_lang = root.get("srcLang"), root.get("trgLang")
    for unit in root.iter(_q(ns, "unit")):
        parts = unit.findall(_q(ns, "segment"))
        for i, seg in enumerate(parts):
            source = seg.find(_q(ns, "source"))
            if source is None:
                continue
            target = seg.find(_q(ns, "target"))
            uid = unit.get("id") or f"line {unit.sourceline}"
            if len(parts) > 1:
                uid += "/" + (seg.get("id") or str(i + 1))
            segments.append(_segment(uid, source, target, src_lang, trg_lang, seg.get("state"),
                                     _translate(seg), finder))
    return segments


def _segment(uid, source, target, src_lang, trg_lang, state, translate, finder) -> Segment:
    s_span, s_view = finder.locate(source)
    s_text, s_codes = _flatten(source)
    t_span = t_view = None
    t_text, t_codes = None, []
    if target is not None:
        t_span, t_view = finder.locate(target)
        t_text, t_codes = _flatten(target)
    return Segment(id=str(uid), source=s_text, target=t_text, source_language=src_lang, target_language=trg_lang,
                   source_span=s_span, target_span=t_span, source_view=s_view, target_view=t_view or "",
                   state=state, translate=translate, source_codes=tuple(s_codes), target_codes=tuple(t_codes or ()))


def _flatten(el) -> tuple[str, list[str]]:
    """The element's text, inline codes as U+FFFC, and the codes (name:id) in order."""
    codes: list[str] = []
    parts: list[str] = []

    def walk(node):
        parts.append(node.text or "")
        for child in node:
            name = _local(child)
            if name in CODE_TAGS:
                codes.append(f"{name}:{child.get('id') or ''}")
                parts.append("\ufffc")  # U+FFFC OBJECT REPLACEMENT CHARACTER: an inline code
            elif name:
                if name in WRAP_TAGS:
                    codes.append(f"{name}:{child.get('id') or ''}")
                walk(child)
            elif child.text and not callable(getattr(child, "target", None)) and type(child).__name__ == "_Entity":
                parts.append(child.text)
            parts.append(child.tail or "")

    walk(el)
    return "".join(parts), codes


class _Finder:
    """Finds elements' inner text in the file, in document order."""

    def __init__(self, text: str, index: LineIndex):
        self.text, self.index, self.cursor = text, index, 0
        self._patterns: dict[str, re.Pattern] = {}

    def locate(self, el) -> tuple[tuple[int, int], str]:
        name = _local(el)
        start_re = self._pattern(name)
        line = el.sourceline or 1
        start = self.index.starts[min(line, len(self.index.starts)) - 1] if line else 0
        m = start_re.search(self.text, max(start, self.cursor) if self.cursor <= start else self.cursor)
        if m is None:
            m = start_re.search(self.text, start)
        if m is None:
            return (start, start), ""
        rest = _START_REST.match(self.text, m.end())
        if rest is None:
            return (m.end(), m.end()), ""
        if rest.group(1):
            self.cursor = rest.end()
            return (rest.end(), rest.end()), ""
        inner = rest.end()
        end_m = re.compile(rf"</(?:[\w.-]+:)?{re.escape(name)}\s*>").search(self.text, inner)
        end = end_m.start() if end_m else inner
        self.cursor = end_m.end() if end_m else inner
        return (inner, end), _view(self.text[inner:end])

    def _pattern(self, name: str) -> re.Pattern:
        if name not in self._patterns:
            self._patterns[name] = re.compile(rf"<(?:[\w.-]+:)?{re.escape(name)}(?=[\s/>])")
        return self._patterns[name]


def _view(raw: str) -> str:
    """The raw XML between a source's or target's tags, as the text it shows, same length:
    markup blanked, an entity shown as its character then spaces."""
    def sub(m: re.Match) -> str:
        if m.lastgroup == "entity":
            body = m.group(0)[1:-1]
            if body.startswith("#x"):
                char = _char(int(body[2:], 16))
            elif body.startswith("#"):
                char = _char(int(body[1:]))
            else:
                char = _NAMED.get(body, " ")
            return char + " " * (len(m.group(0)) - len(char))
        return _NOT_NEWLINE.sub(" ", m.group(0))
    return _MARKUP.sub(sub, raw)


def _char(code: int) -> str:
    try:
        char = chr(code)
    except (ValueError, OverflowError):
        return " "
    return char if char.isprintable() or char in "\n\t" else " "
