"""Exchange formats for translators' tools. Every format module has ``CARRIES_ALTERNATIVES``,
``render(units, source_language, locale) -> str`` and ``parse(text, shown) -> list[Imported]``."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import Errors, TermkitError
from ...glossary.model import Glossary
from ..hashing import source_hash, value_hash
from ..model import LocaleTable
from ..sync import locale_status


@dataclass(frozen=True)
class Unit:
    """One concept as exported."""

    concept_id: str
    source_term: str
    definition: str
    pos: str
    domain: str
    source_hash: str  # of the current source
    target: str | None
    alternatives: tuple[str, ...]
    forbidden: tuple[tuple[str, str], ...]  # (text, status) of deprecated/superseded target terms
    state: str  # draft | translated | reviewed
    needs_review: bool  # STALE or DRAFT: exported as fuzzy / initial
    previous_source: str | None  # the source term the translation was made for, when it changed
    base_pref: str  # value hash (preferred only) at export time
    base_full: str  # value hash (preferred + alternatives) at export time
    source_register: str = ""  # register of the source preferred term ("" when not said)
    source_explanation: str = ""  # the source concept's plain-language explanation
    target_registers: tuple[str, ...] = ()  # register of the target preferred term, then of each alternative
    target_explanation: str = ""  # the locale entry's explanation

    @property
    def target_register(self) -> str:
        return self.target_registers[0] if self.target_registers else ""


@dataclass(frozen=True)
class Imported:
    """One unit read back from an exchange file."""

    concept_id: str
    target: str | None
    alternatives: tuple[str, ...] | None  # None: the format does not carry them
    needs_review: bool
    source_hash: str | None
    base: str | None
    line: int = 0
    # (term text, register or "" for none) of the terms the file carries registers for; None: not carried
    registers: tuple[tuple[str, str], ...] | None = None
    explanation: str | None = None  # None: not in the file


REGISTER_VALUES = ("lay", "technical")


def one_line(text: str | None) -> str | None:
    """An explanation as read back from a file: white space runs are one space; empty is None."""
    if text is None:
        return None
    return " ".join(text.split()) or None


def expect_units(found: int, declared: int | None, kind: str, shown: str, line: int) -> None:
    """A file with fewer entries than it was exported with, or with none, was cut off (or
    emptied): refuse it rather than import part of it. ``declared`` is None for files exported
    before termkit recorded the count."""
    if declared is not None and found < declared:
        raise TermkitError(Errors.E309.format(kind=kind, expected=declared, found=found), shown, line)
    if declared is None and found == 0:
        raise TermkitError(Errors.E309.format(kind=kind, expected="at least one", found=0), shown, line)


def id_lines(text: str, elements: tuple[str, ...]) -> dict[str, int]:
    """Line of each ``id`` attribute on the named elements (ElementTree keeps no line numbers)."""
    import xml.parsers.expat

    lines: dict[str, int] = {}
    parser = xml.parsers.expat.ParserCreate()

    def start(name, attrs):
        if name.rsplit(":", 1)[-1] in elements and "id" in attrs:
            lines.setdefault(attrs["id"], parser.CurrentLineNumber)

    parser.StartElementHandler = start
    try:
        parser.Parse(text.encode("utf-8"), True)
    except xml.parsers.expat.ExpatError:
        pass  # the ElementTree parse reports the syntax error with its position
    return lines


def build_units(glossary: Glossary, table: LocaleTable, source_language: str) -> list[Unit]:
    report = {row.concept_id: row for row in locale_status(glossary, table, source_language).rows}
    entries = table.entries
    units = []
    for concept in glossary.concepts.values():
        row = report.get(concept.id)
        if row is None or row.status in ("ORPHANED", "PENDING", "RETIRED"):
            continue
        preferred = concept.preferred(source_language)
        entry = entries.get(concept.id)
        target = entry.preferred.text if entry and entry.preferred else None
        alternatives = entry.alternatives if entry else ()
        forbidden = tuple((t.text, t.status.value) for t in (entry.terms if entry else ())
                          if t.status.value in ("deprecated", "superseded"))
        by_text = {t.text: t for t in (entry.terms if entry else ())}
        registers = tuple((by_text[t].register or "") if t in by_text else "" for t in ((target, *alternatives) if target else ()))
        previous = entry.source_term if entry and entry.source_term and entry.source_term != preferred.text else None
        units.append(Unit(
            concept_id=concept.id, source_term=preferred.text, definition=concept.definition or "",
            pos=preferred.pos or "", domain=concept.domain or "", source_hash=source_hash(concept, source_language),
            target=target, alternatives=alternatives, forbidden=forbidden,
            state=entry.state if entry else "draft", needs_review=row.status in ("STALE", "DRAFT", "MISSING"),
            previous_source=previous, base_pref=value_hash(target), base_full=value_hash(target, alternatives),
            source_register=preferred.register or "", source_explanation=concept.explanation(source_language) or "",
            target_registers=registers, target_explanation=(entry.explanation or "") if entry else "",
        ))
    return units


def formats():
    from . import csvfile, po, tbx, xliff

    return {"po": po, "xliff": xliff, "tbx": tbx.V3, "tbx2": tbx.V2, "csv": csvfile}
