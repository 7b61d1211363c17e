"""Import a translator's file: a three-way comparison per concept, then a round-trip rewrite.

base   = the value at export time (its hash travels in the file)
ours   = the value in the locale file now
theirs = the value in the imported file

theirs == ours: unchanged. ours == base: a clean update, applied. Both changed, differently: a
CONFLICT, listed and applied only with ``--strategy theirs`` (``ours`` keeps the file's value).
Unknown ids, and forbidden terms (deprecated, superseded, misspellings) used as preferred, are
errors: then nothing at all is written, as with a malformed file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..confine import WriteScope
from ..errors import Errors, TermkitError, TermkitErrors
from ..glossary.model import Glossary
from . import rtyaml
from .exchange import Imported
from .hashing import source_hash, value_hash
from .model import LocaleTable

STRATEGIES = ("report", "ours", "theirs")


@dataclass
class ImportReport:
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # applied, but made against an older source
    written: list[Path] = field(default_factory=list)


def _forbidden(table: LocaleTable) -> dict[str, str]:
    """Lower-cased text -> status, for every deprecated/superseded term and misspelling of the locale."""
    out = {}
    for entry in table.entries.values():
        for term in entry.terms:
            if term.status.value in ("deprecated", "superseded"):
                out[term.text.casefold()] = term.status.value
            for wrong in term.misspellings:
                out[wrong.casefold()] = "misspelling"
    return out


def import_units(glossary: Glossary, table: LocaleTable, source_language: str, units: list[Imported],
                 carries_alternatives: bool, shown: str, strategy: str = "report", dry_run: bool = False,
                 scope: WriteScope | None = None) -> ImportReport:
    report = ImportReport()
    entries = table.entries
    forbidden = _forbidden(table)
    errors = []
    first_line: dict[str, int] = {}
    for u in units:
        if u.concept_id in first_line:
            errors.append(TermkitError(Errors.E010.format(id=u.concept_id, first=first_line[u.concept_id] or "?"),
                                       shown, u.line or None))
            continue
        first_line[u.concept_id] = u.line
        if u.concept_id not in glossary.concepts:
            errors.append(TermkitError(Errors.E305.format(id=u.concept_id), shown, u.line or None))
        elif u.target and u.target.casefold() in forbidden:
            errors.append(TermkitError(Errors.E306.format(text=u.target, id=u.concept_id, locale=table.locale,
                                                          status=forbidden[u.target.casefold()]), shown, u.line or None))
    if errors:
        raise TermkitErrors(errors)

    documents: dict[Path, CommentedMap] = {}
    for u in units:
        entry = entries.get(u.concept_id)
        ours_alts = entry.alternatives if entry else ()
        ours_pref = entry.preferred.text if entry and entry.preferred else None
        alts = u.alternatives if carries_alternatives else None
        ours = value_hash(ours_pref, ours_alts if carries_alternatives else None)
        theirs = value_hash(u.target, alts)
        if theirs == ours or (u.target is None and not alts):
            report.unchanged.append(u.concept_id)
            continue
        if u.base is not None and ours != u.base and theirs != u.base:
            report.conflicts.append(f"{u.concept_id}: file has '{ours_pref}', import has '{u.target}'")
            if strategy != "theirs":
                continue
        elif u.base is not None and theirs == u.base:
            report.unchanged.append(u.concept_id)  # the translator left it; ours changed since export
            continue
        concept = glossary.concepts[u.concept_id]
        current = source_hash(concept, source_language)
        confirmed = u.source_hash == current and not u.needs_review
        if u.source_hash and u.source_hash != current:
            report.stale.append(u.concept_id)
        report.updated.append(u.concept_id)
        if dry_run:
            continue
        located = table.file_of(u.concept_id)
        path = located.path if located else table.folder / f"{Path(concept.path).stem}.yaml"
        if path not in documents:
            documents[path] = rtyaml.load(path) if path.exists() else rtyaml.new_locale_file(table.locale, path.stem)
        _apply(documents[path], u, alts, concept.preferred(source_language).text, current if confirmed else None)
    if not dry_run:
        if scope is not None:
            scope.check(documents)
        report.written = [p for p, data in documents.items() if rtyaml.save_if_changed(p, data)]
    return report


def _apply(data: CommentedMap, u: Imported, alternatives: tuple[str, ...] | None, source_term: str,
           confirmed_hash: str | None) -> None:
    entries = data.setdefault("entries", CommentedMap())
    entry = entries.get(u.concept_id)
    if entry is None:
        entry = CommentedMap()
        entry["source_term"] = source_term
        entry["state"] = "draft"
        entry["terms"] = CommentedSeq()
        entries[u.concept_id] = entry
    terms = entry.setdefault("terms", CommentedSeq())
    preferred = next((t for t in terms if t.get("status") == "preferred"), None)
    if u.target:
        if preferred is None:
            terms.insert(0, rtyaml.term_map(u.target, "preferred"))
        elif preferred["text"] != u.target:
            preferred["text"] = u.target
            for key in ("forms", "misspellings"):  # they belonged to the old term
                preferred.pop(key, None)
    if alternatives is not None:
        keep = [t for t in terms if t.get("status") != "admitted" or t.get("text") in alternatives]
        present = {t.get("text") for t in keep}
        terms.clear()
        terms.extend(keep + [rtyaml.term_map(a, "admitted") for a in alternatives if a not in present])
    entry["state"] = "draft" if u.needs_review else "translated"  # a changed value needs a new review
    if confirmed_hash:
        entry["source_hash"] = confirmed_hash
        entry["source_term"] = source_term
        if list(entry.keys())[0] != "source_hash":
            entry.insert(0, "source_hash", entry.pop("source_hash"))
