"""PO files through Babel: msgctxt = concept id, msgid = source term, msgstr = target term.

Stale and draft entries are fuzzy; a changed source term is the previous msgid (``#|``). Babel
cannot read ``#|`` back (python-babel#206), so the source hash and the export-time value hash
travel in ``#.`` comments, which it does read.

Babel forgives what must be refused here: a file cut off inside a string (``msgstr "fasc``) and
an entry given twice (the second silently wins). So the text is first checked line by line, and
the header comment ``# termkit:units=N`` (the number of entries exported) tells a file cut off
between two entries from a whole one.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, unescape, write_po

from ...errors import Errors, TermkitError
from . import Imported, Unit, expect_units, one_line

CARRIES_ALTERNATIVES = False
SUFFIX = ".po"
UNITS = re.compile(r"^#[ \t]*termkit:units=(\d+)[ \t]*$", re.MULTILINE)
KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=[ \t\"])[ \t]*(.*)")
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def render(units: list[Unit], source_language: str, locale: str) -> str:
    catalog = Catalog(locale=Locale.parse(locale), project="termkit glossary", fuzzy=False,
                      header_comment=f"# termkit glossary terms: {source_language} -> {locale}\n"
                                     f"# termkit:units={len(units)}")
    for u in units:
        comments = [c for c in (u.definition, f"pos: {u.pos}" if u.pos else "") if c]
        if u.alternatives:
            comments.append("admitted: " + "; ".join(u.alternatives))
        if u.source_register:
            comments.append(f"register: {u.source_register}")
        if u.source_explanation:
            comments.append(f"explanation: {u.source_explanation}")
        comments += [f"termkit:source-hash={u.source_hash}", f"termkit:base={u.base_pref}"]
        # the translation's register and explanation: translator comments, to be edited with msgstr
        mine = [f"termkit:register={u.target_register}" if u.target and u.target_register else "",
                f"termkit:explanation={u.target_explanation}" if u.target_explanation else ""]
        catalog.add(u.source_term, string=u.target or "", context=u.concept_id, auto_comments=comments,
                    user_comments=[c for c in mine if c],
                    flags=["fuzzy"] if u.needs_review else [], previous_id=u.previous_source)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True)
    return buffer.getvalue().decode("utf-8")


def _translator_markers(comments: list[str]) -> dict[str, str]:
    """``termkit:key=value`` translator comments; a long one is wrapped by Babel over several lines,
    which are joined back with one space."""
    found: dict[str, str] = {}
    key = None
    for comment in comments:
        if comment.startswith("termkit:") and "=" in comment:
            key, _, value = comment[len("termkit:"):].partition("=")
            found[key] = value.strip()
        elif key is not None:
            found[key] = f"{found[key]} {comment.strip()}".strip()
    return found


def _marker(comments: list[str], key: str) -> str | None:
    for comment in comments:
        if comment.startswith(f"termkit:{key}="):
            return comment.split("=", 1)[1].strip()
    return None


@dataclass
class _Entry:
    line: int
    context: str | None = None
    msgid: str | None = None
    complete: bool = False  # a msgstr was read


def _fail(problem: str, shown: str, line: int, column: int | None = None) -> TermkitError:
    return TermkitError(Errors.E304.format(kind="PO", problem=problem), shown, line, column)


def check_text(text: str, shown: str) -> list[_Entry]:
    """Every entry of a PO file, read strictly: each line a comment, a keyword with one whole
    string, or a continuation string; each entry with its msgstr; no entry twice. Raises
    TermkitError (E304, E010) at the first problem, with its line."""
    entries: list[_Entry] = []
    entry: _Entry | None = None
    last = None  # keyword the current strings belong to
    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue  # comments (obsolete '#~' entries too) carry no data termkit imports
        indent = len(line) - len(line.lstrip())
        m = KEYWORD.match(stripped)
        literal, literal_at = (m.group(2), indent + m.start(2)) if m else (stripped, indent)
        if not m and not stripped.startswith('"'):
            raise _fail(f"expected msgctxt, msgid, msgstr, a string or a comment, got {stripped[:20]!r}",
                        shown, lineno, indent + 1)
        if not STRING.fullmatch(literal.rstrip()):
            if literal.startswith('"') and not STRING.match(literal):
                problem = "end of line within a string (no closing '\"'; was the file cut off?)"
            else:
                problem = "expected one string in double quotes"
            raise _fail(problem, shown, lineno, literal_at + 1)
        value = unescape(literal.rstrip())
        if m is None:  # a continuation line
            if entry is None or last is None:
                raise _fail("a string outside an entry", shown, lineno, indent + 1)
            if last == "msgctxt":
                entry.context = (entry.context or "") + value
            elif last == "msgid":
                entry.msgid = (entry.msgid or "") + value
            continue
        keyword = m.group(1)
        if keyword == "msgctxt" or (keyword == "msgid" and (entry is None or entry.complete or entry.msgid is not None)):
            if entry is not None and not entry.complete:
                raise _fail(f"the entry at line {entry.line} has no msgstr", shown, lineno, indent + 1)
            entry = _Entry(lineno)
            entries.append(entry)
        if keyword == "msgctxt":
            entry.context = value
        elif keyword == "msgid":
            entry.msgid = value
        elif keyword.startswith("msgstr"):
            if entry is None or entry.msgid is None:
                raise _fail("msgstr without a msgid", shown, lineno, indent + 1)
            entry.complete = True
        elif entry is None or entry.msgid is None:  # msgid_plural
            raise _fail("msgid_plural without a msgid", shown, lineno, indent + 1)
        last = keyword
    if entry is not None and not entry.complete:
        raise _fail(f"the file ends inside the entry at line {entry.line}, before its msgstr (was it cut off?)",
                    shown, entry.line)
    first: dict[tuple[str | None, str | None], int] = {}
    for e in entries:
        key = (e.context, e.msgid)
        if key in first and e.msgid:
            raise TermkitError(Errors.E010.format(id=e.context or e.msgid, first=first[key]), shown, e.line)
        first.setdefault(key, e.line)
    return entries


def parse(text: str, shown: str) -> list[Imported]:
    entries = check_text(text, shown)
    try:
        catalog = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        line = getattr(exc, "lineno", None)
        raise TermkitError(Errors.E304.format(kind="PO", problem=str(exc).splitlines()[0]), shown, line) from None
    units = []
    for message in catalog:
        if not message.id or not message.context:
            continue
        mine = _translator_markers(message.user_comments)
        target = message.string or None
        units.append(Imported(
            concept_id=message.context, target=target, alternatives=None,
            needs_review=message.fuzzy, source_hash=_marker(message.auto_comments, "source-hash"),
            base=_marker(message.auto_comments, "base"), line=message.lineno,
            registers=((target, mine.get("register", "")),) if target else None,
            explanation=one_line(mine.get("explanation", "")) or "",
        ))
    declared = UNITS.search(text)
    expect_units(len(units), int(declared.group(1)) if declared else None, "PO", shown,
                 max((e.line for e in entries), default=1))
    return units
