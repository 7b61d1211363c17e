"""PO files through Babel: msgctxt = concept id, msgid = source term, msgstr = target term.

Stale and draft entries are fuzzy; a changed source term is the previous msgid (``#|``). Babel
cannot read ``#|`` back (python-babel#206), so the source hash and the export-time value hash
travel in ``#.`` comments, which it does read.
"""

from __future__ import annotations

import io

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from ...errors import Errors, TermkitError
from . import Imported, Unit

CARRIES_ALTERNATIVES = False
SUFFIX = ".po"


def render(units: list[Unit], source_language: str, locale: str) -> str:
    catalog = Catalog(locale=Locale.parse(locale), project="termkit glossary", fuzzy=False,
                      header_comment=f"# termkit glossary terms: {source_language} -> {locale}")
    for u in units:
        comments = [c for c in (u.definition, f"pos: {u.pos}" if u.pos else "") if c]
        if u.alternatives:
            comments.append("admitted: " + "; ".join(u.alternatives))
        comments += [f"termkit:source-hash={u.source_hash}", f"termkit:base={u.base_pref}"]
        catalog.add(u.source_term, string=u.target or "", context=u.concept_id, auto_comments=comments,
                    flags=["fuzzy"] if u.needs_review else [], previous_id=u.previous_source)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True)
    return buffer.getvalue().decode("utf-8")


def _marker(comments: list[str], key: str) -> str | None:
    for comment in comments:
        if comment.startswith(f"termkit:{key}="):
            return comment.split("=", 1)[1].strip()
    return None


def parse(text: str, shown: str) -> list[Imported]:
    try:
        catalog = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        line = getattr(exc, "lineno", None)
        raise TermkitError(Errors.E304.format(kind="PO", problem=str(exc).splitlines()[0]), shown, line) from None
    units = []
    for message in catalog:
        if not message.id or not message.context:
            continue
        units.append(Imported(
            concept_id=message.context, target=message.string or None, alternatives=None,
            needs_review=message.fuzzy, source_hash=_marker(message.auto_comments, "source-hash"),
            base=_marker(message.auto_comments, "base"), line=message.lineno,
        ))
    return units
