"""Compare the glossary with a locale: MISSING, STALE, DRAFT, ORPHANED, OK; then sync and confirm.

Like Babel's ``Catalog.update``, nothing is ever deleted: entries whose concept left the glossary
move to ``obsolete:``; STALE is cleared only by ``confirm`` (a translator's decision), never by sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel.numbers import format_percent
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..confine import WriteScope
from ..errors import Errors, TermkitError, TermkitErrors
from ..glossary.model import ConceptStatus, Glossary
from . import rtyaml
from .hashing import source_hash
from .load import display_name
from .model import LocaleTable

ORDER = ("MISSING", "STALE", "DRAFT", "ORPHANED", "PENDING", "RETIRED", "OK")


@dataclass(frozen=True)
class EntryStatus:
    concept_id: str
    status: str
    detail: str = ""


@dataclass
class LocaleReport:
    locale: str
    name: str
    rows: list[EntryStatus] = field(default_factory=list)
    approved: int = 0

    @property
    def ok(self) -> int:
        return sum(1 for r in self.rows if r.status == "OK")

    @property
    def coverage(self) -> float:
        return self.ok / self.approved if self.approved else 1.0

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for r in self.rows if r.status == s) for s in ORDER}

    def coverage_text(self, ui: str = "en") -> str:
        return format_percent(self.coverage, "#,##0.0%", locale=ui)


def _source_concepts(glossary: Glossary, source_language: str):
    return [c for c in glossary.concepts.values() if c.preferred(source_language) is not None]


def locale_status(glossary: Glossary, table: LocaleTable, source_language: str) -> LocaleReport:
    report = LocaleReport(locale=table.locale, name=display_name(table.locale))
    entries = table.entries
    for concept in _source_concepts(glossary, source_language):
        entry = entries.get(concept.id)
        if concept.status is ConceptStatus.PROPOSED:
            if entry is not None:
                report.rows.append(EntryStatus(concept.id, "PENDING", "concept is only proposed"))
            continue
        if concept.status is ConceptStatus.DEPRECATED:
            if entry is not None:
                report.rows.append(EntryStatus(concept.id, "RETIRED", "concept is deprecated"))
            continue
        report.approved += 1
        current = concept.preferred(source_language).text
        if entry is None or not entry.terms:
            report.rows.append(EntryStatus(concept.id, "MISSING", f"source term '{current}'"))
        elif entry.source_hash != source_hash(concept, source_language):
            if entry.source_hash is None:
                detail = "never confirmed against the source"
            elif entry.source_term and entry.source_term != current:
                detail = f"source term changed: '{entry.source_term}' -> '{current}'"
            else:
                detail = "definition changed"
            report.rows.append(EntryStatus(concept.id, "STALE", detail))
        elif entry.state == "draft":
            report.rows.append(EntryStatus(concept.id, "DRAFT", "marked draft"))
        else:
            report.rows.append(EntryStatus(concept.id, "OK"))
    for concept_id in entries:
        if concept_id not in glossary.concepts:
            report.rows.append(EntryStatus(concept_id, "ORPHANED", "concept left the glossary"))
    report.rows.sort(key=lambda r: (ORDER.index(r.status), r.concept_id))
    return report


def _load_or_new(path: Path, locale: str, glossary_stem: str) -> CommentedMap:
    if path.exists():
        data = rtyaml.load(path)
        if data is not None:
            if data.get("entries") is None:
                data["entries"] = CommentedMap()
            if data.get("obsolete") is None:
                data["obsolete"] = CommentedMap()
            return data
    return rtyaml.new_locale_file(locale, glossary_stem)


def sync_locale(glossary: Glossary, table: LocaleTable, source_language: str, write: bool,
                scope: WriteScope | None = None) -> tuple[list[str], list[Path]]:
    """Add stubs for missing concepts, move orphaned entries to ``obsolete:``.

    scope (WriteScope | None): where writing is allowed; a file outside it refuses the whole write.
    RETURNS (tuple): the actions (one line each) and the files written (none unless ``write``).
    """
    actions: list[str] = []
    documents: dict[Path, CommentedMap] = {}
    entries = table.entries

    def document(path: Path, stem: str) -> CommentedMap:
        if path not in documents:
            documents[path] = _load_or_new(path, table.locale, stem)
        return documents[path]

    for concept in _source_concepts(glossary, source_language):
        if concept.status is not ConceptStatus.APPROVED or concept.id in entries:
            continue
        stem = Path(concept.path).stem
        path = table.folder / f"{stem}.yaml"
        stub = CommentedMap()
        stub["source_term"] = concept.preferred(source_language).text
        stub["state"] = "draft"
        stub["terms"] = CommentedSeq()
        document(path, stem)["entries"][concept.id] = stub
        actions.append(f"add stub    {table.locale}/{path.name}: {concept.id}")
    for concept_id in entries:
        if concept_id in glossary.concepts:
            continue
        located = table.file_of(concept_id)
        data = document(located.path, located.glossary)
        key, n = concept_id, 2
        while key in data["obsolete"]:  # already obsoleted once: keep both, never overwrite
            key, n = f"{concept_id}~{n}", n + 1
        data["obsolete"][key] = data["entries"].pop(concept_id)
        actions.append(f"obsolete    {table.locale}/{located.path.name}: {concept_id} (concept left the glossary)")
    if write and scope is not None:
        scope.check(documents)
    written = [path for path, data in documents.items() if write and rtyaml.save_if_changed(path, data)]
    return actions, written


def confirm_entries(glossary: Glossary, table: LocaleTable, source_language: str, ids: list[str],
                    everything: bool = False, scope: WriteScope | None = None) -> list[Path]:
    """Mark translations as matching the current source: set ``source_hash`` and ``source_term``."""
    entries = table.entries
    targets = [i for i in entries if i in glossary.concepts and entries[i].terms] if everything else ids
    errors = [TermkitError(Errors.E305.format(id=i), str(table.folder)) for i in targets
              if i not in glossary.concepts or i not in entries]
    if errors:
        raise TermkitErrors(errors)
    documents: dict[Path, CommentedMap] = {}
    for concept_id in targets:
        located = table.file_of(concept_id)
        data = documents.setdefault(located.path, rtyaml.load(located.path))
        entry = data["entries"][concept_id]
        concept = glossary.concepts[concept_id]
        entry["source_hash"] = source_hash(concept, source_language)
        entry["source_term"] = concept.preferred(source_language).text
        if "source_hash" in entry and list(entry.keys())[0] != "source_hash":
            # keep the documented key order: source_hash, source_term, state, terms
            value = entry.pop("source_hash")
            entry.insert(0, "source_hash", value)
    if scope is not None:
        scope.check(documents)
    return [path for path, data in documents.items() if rtyaml.save_if_changed(path, data)]
