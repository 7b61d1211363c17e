"""PO (gettext) -> segments, with the file offsets of each msgid and msgstr string.

A small reader rather than Babel's ``read_po``: Babel keeps the line of an entry, not of its
msgstr, and a finding must land on the translation's own line and column. It reads what GNU
gettext writes: comments (``#,`` flags give ``fuzzy``), ``msgctxt``, ``msgid``,
``msgid_plural``, ``msgstr`` and ``msgstr[n]``, strings continued on following lines; obsolete
entries (``#~``) are left out. Anything else is refused with its line and column.
"""

from __future__ import annotations

import re

from ..errors import Errors, TermkitError
from ..source import LineIndex
from .model import Segment, blank_outside

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+(?=\")")
_ESCAPES = {"n": "\n", "t": "\t", "r": " ", '"': '"', "\\": "\\", "a": " ", "b": " ", "f": " ", "v": " "}


def _fail(problem: str, expected: str, line: int, column: int) -> TermkitError:
    return TermkitError(Errors.E320.format(kind="PO", problem=problem, expected=expected), None, line, column)


class _String:
    __slots__ = ("start", "end", "text", "view")

    def __init__(self, start: int, end: int, text: str, view: str):
        self.start, self.end, self.text, self.view = start, end, text, view


def _read_string(text: str, pos: int, line: int, line_start: int, line_end: int) -> tuple[_String, int]:
    """The quoted string at ``pos`` (its opening quote); returns it and the offset after it."""
    i = pos + 1
    decoded: list[str] = []
    view: list[str] = []
    while i < line_end:
        ch = text[i]
        if ch == '"':
            rest = text[i + 1:line_end]
            if rest.strip():
                col = i + 1 - line_start + len(rest) - len(rest.lstrip()) + 1
                raise _fail(f"unexpected {rest.strip()[:20]!r} after a string", "the end of the line", line, col)
            return _String(pos + 1, i, "".join(decoded), "".join(view)), i + 1
        if ch == "\\":
            if i + 1 >= line_end:
                break
            nxt = text[i + 1]
            if nxt in _ESCAPES:
                decoded.append(_ESCAPES[nxt])
                view.append(_ESCAPES[nxt] if nxt not in "nt" else " ")
                view.append(" ")
                i += 2
                continue
            m = re.match(r"[0-7]{1,3}|x[0-9a-fA-F]{1,2}", text[i + 1:line_end])
            if m:
                decoded.append(" ")
                view.append(" " * (len(m.group(0)) + 1))
                i += 1 + len(m.group(0))
                continue
            raise _fail(f"unknown escape \\{nxt}", 'an escape such as \\n, \\t, \\" or \\\\', line, i - line_start + 1)
        decoded.append(ch)
        view.append(ch)
        i += 1
    raise _fail("unterminated string", 'a closing "', line, pos - line_start + 1)


def read_po_text(text: str) -> tuple[list[Segment], dict]:
    index = LineIndex(text)
    entries: list[dict] = []
    entry: dict = {}
    last_key: str | None = None

    def finish():
        nonlocal entry, last_key
        if entry.get("msgid") is not None or entry.get("msgstr"):
            if entry.get("msgid") is None:
                raise _fail("msgstr without msgid", "msgid before msgstr", entry["line"], 1)
            entries.append(entry)
        entry, last_key = {}, None

    starts = index.starts + [len(text)]
    for n in range(len(index.starts)):
        line_no = n + 1
        line_start, line_end = starts[n], starts[n + 1]
        raw = text[line_start:line_end].rstrip("\r\n")
        line_end = line_start + len(raw)
        stripped = raw.lstrip()
        lead = len(raw) - len(stripped)
        if not stripped:
            finish()
            continue
        if stripped.startswith("#"):
            if last_key is not None and last_key != "comment" and ("msgstr" in entry and entry["msgstr"]):
                finish()
            if stripped.startswith("#~"):
                continue
            if stripped.startswith("#,"):
                entry.setdefault("flags", set()).update(f.strip() for f in stripped[2:].split(","))
            entry.setdefault("line", line_no)
            last_key = "comment"
            continue
        m = _KEYWORD.match(stripped)
        if m:
            key = m.group(1)
            if key in ("msgctxt", "msgid") and entry.get("msgstr"):
                finish()
            if key.startswith("msgstr") and entry.get("msgid") is None:
                raise _fail(f"{key} without msgid", "msgid before msgstr", line_no, lead + 1)
            if key in ("msgctxt", "msgid", "msgid_plural") and key in entry:
                raise _fail(f"second {key} in one entry", "a blank line between entries", line_no, lead + 1)
            entry.setdefault("line", line_no)
            string, _ = _read_string(text, line_start + lead + m.end(), line_no, line_start, line_end)
            if key.startswith("msgstr"):
                number = int(m.group(2)) if m.group(2) is not None else 0
                entry.setdefault("msgstr", {})[number] = [string]
                last_key = ("msgstr", number)
            else:
                entry[key] = [string]
                last_key = key
            continue
        if stripped.startswith('"'):
            if last_key is None or last_key == "comment":
                raise _fail("a string with no keyword before it", "msgid, msgstr or msgctxt", line_no, lead + 1)
            string, _ = _read_string(text, line_start + lead, line_no, line_start, line_end)
            if isinstance(last_key, tuple):
                entry["msgstr"][last_key[1]].append(string)
            else:
                entry[last_key].append(string)
            continue
        word = stripped.split()[0][:20]
        raise _fail(f"unexpected {word!r}", "msgid, msgstr, msgctxt, a quoted string or a # comment", line_no, lead + 1)
    finish()

    header: dict = {"source_language": None, "target_language": None}
    segments: list[Segment] = []
    for e in entries:
        msgid = e["msgid"]
        source_text = "".join(s.text for s in msgid)
        if source_text == "" and "msgctxt" not in e:
            body = "".join(s.text for s in e.get("msgstr", {}).get(0, []))
            m = re.search(r"^Language:[ \t]*([\w@-]+)", body, re.M)
            if m:
                header["target_language"] = m.group(1)
            m = re.search(r"^X-Source-Language:[ \t]*([\w@-]+)", body, re.M)
            if m:
                header["source_language"] = m.group(1)
            continue
        flags = e.get("flags", set())
        fuzzy = "fuzzy" in flags
        ctxt = "".join(s.text for s in e.get("msgctxt", []))
        base_id = (ctxt + "\u0004" if ctxt else "") + source_text
        base_id = base_id if len(base_id) <= 60 else base_id[:59] + "…"
        plural = e.get("msgid_plural")
        for number, strings in sorted(e.get("msgstr", {}).items()):
            src = _trim(msgid if number == 0 or not plural else plural)
            strings = _trim(strings)
            segments.append(Segment(
                id=f"{base_id}[{number}]" if plural else base_id,
                source="".join(s.text for s in src),
                target="".join(s.text for s in strings), source_language=None, target_language=None,
                source_span=(src[0].start, src[-1].end), target_span=(strings[0].start, strings[-1].end),
                source_view=_view(text, src), target_view=_view(text, strings),
                state="fuzzy" if fuzzy else None, fuzzy=fuzzy, entry=base_id if plural else None))
    return [_with_languages(s, header) for s in segments], header


def _trim(strings: list[_String]) -> list[_String]:
    """Without the empty strings that open a multi-line string (``msgstr ""``): a finding lands
    on the text."""
    i = 0
    while i < len(strings) - 1 and not strings[i].text:
        i += 1
    return strings[i:]


def _view(text: str, strings: list[_String]) -> str:
    start, end = strings[0].start, strings[-1].end
    return blank_outside(text[start:end], [(s.start - start, s.end - start, s.view) for s in strings])


def _with_languages(segment: Segment, header: dict) -> Segment:
    from dataclasses import replace

    return replace(segment, source_language=header["source_language"], target_language=header["target_language"])
