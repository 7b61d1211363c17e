"""Locale data model: one entry per concept, with the source it was confirmed against."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..glossary.model import Term, TermStatus

STATES = ("draft", "translated", "reviewed")


@dataclass(frozen=True)
class LocaleEntry:
    concept_id: str
    source_hash: str | None
    source_term: str | None
    state: str
    terms: tuple[Term, ...]
    path: str = ""
    line: int = 0
    explanation: str | None = None  # a short plain-language explanation in this locale

    @property
    def preferred(self) -> Term | None:
        return next((t for t in self.terms if t.status is TermStatus.PREFERRED), None)

    @property
    def alternatives(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.terms if t.status is TermStatus.ADMITTED)


@dataclass
class LocaleFile:
    path: Path
    shown: str
    locale: str
    glossary: str  # stem of the glossary file it mirrors
    entries: dict[str, LocaleEntry] = field(default_factory=dict)
    obsolete: tuple[str, ...] = ()


@dataclass
class LocaleTable:
    """Every file of one locale folder."""

    locale: str
    folder: Path
    files: list[LocaleFile] = field(default_factory=list)

    @property
    def entries(self) -> dict[str, LocaleEntry]:
        merged: dict[str, LocaleEntry] = {}
        for f in self.files:
            merged.update(f.entries)
        return merged

    def file_of(self, concept_id: str) -> LocaleFile | None:
        return next((f for f in self.files if concept_id in f.entries), None)
