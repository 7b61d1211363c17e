"""Import a translator's file: a three-way comparison per concept, then a round-trip rewrite.

base   = the value at export time (its hash travels in the file)
ours   = the value in the locale file now
theirs = the value in the imported file

theirs == ours: unchanged. ours == base: a clean update, applied. Both changed, differently: a
CONFLICT, listed and applied only with ``--strategy theirs`` (``ours`` keeps the file's value).
Unknown ids, forbidden terms (deprecated, superseded, misspellings) used as preferred, terms with
line breaks and malformed hashes are errors: then nothing at all is written, as with a malformed
file.

A translator's work never vanishes: when the preferred term changes, the old one stays in the
entry, with its forms and misspellings, as a superseded term (or the status given with
``replaced_status``); so does an admitted term that the import no longer lists. Each such change
is reported. A superseded term of the same concept may be made preferred (or admitted) again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..confine import WriteScope
from ..errors import Errors, TermkitError, TermkitErrors
from ..glossary.model import Glossary
from . import rtyaml
from .exchange import REGISTER_VALUES, Imported
from .hashing import source_hash, value_hash
from .model import LocaleTable

STRATEGIES = ("report", "ours", "theirs")
REPLACED_STATUSES = ("superseded", "deprecated", "admitted")
HASH = re.compile(r"v1:[0-9a-f]{12}")
NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass
class ImportReport:
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # applied, but made against an older source
    replaced: list[str] = field(default_factory=list)  # terms the import replaced, kept under another status
    written: list[Path] = field(default_factory=list)


def _forbidden(table: LocaleTable) -> dict[str, tuple[str, str]]:
    """Lower-cased text -> (status, concept id), for every deprecated/superseded term and
    misspelling of the locale."""
    out = {}
    for entry in table.entries.values():
        for term in entry.terms:
            if term.status.value in ("deprecated", "superseded"):
                out[term.text.casefold()] = (term.status.value, entry.concept_id)
            for wrong in term.misspellings:
                out[wrong.casefold()] = ("misspelling", entry.concept_id)
    return out


def _check_unit(u: Imported, forbidden: dict[str, tuple[str, str]], locale: str, shown: str) -> list[TermkitError]:
    """What makes one imported unit unusable: a term that is not one line, a hash cut short, a
    forbidden term (a superseded term of the same concept may come back)."""
    errors = []
    line = u.line or None
    for text in (u.target, *(u.alternatives or ())):
        if text and NOT_ONE_LINE.search(text):
            errors.append(TermkitError(Errors.E308.format(text=text, id=u.concept_id), shown, line))
        elif text and text.casefold() in forbidden:
            status, owner = forbidden[text.casefold()]
            if not (status == "superseded" and owner == u.concept_id):
                errors.append(TermkitError(Errors.E306.format(text=text, id=u.concept_id, locale=locale, status=status,
                                                              role="the preferred" if text == u.target else "an admitted"),
                                           shown, line))
    for text, register in u.registers or ():
        if register not in ("", *REGISTER_VALUES):
            errors.append(TermkitError(Errors.E311.format(value=register, id=u.concept_id, text=text), shown, line))
        if u.explanation and NOT_ONE_LINE.search(u.explanation):
            errors.append(TermkitError(Errors.E308.format(text=u.explanation, id=u.concept_id), shown, line))
    for name, value in (("termkit:source-hash", u.source_hash), ("termkit:base", u.base)):
        if value is not None and not HASH.fullmatch(value):
            errors.append(TermkitError(Errors.E310.format(field=name, value=value, id=u.concept_id), shown, line))
    return errors


def import_units(glossary: Glossary, table: LocaleTable, source_language: str, units: list[Imported],
                 carries_alternatives: bool, shown: str, strategy: str = "report", dry_run: bool = False,
                 scope: WriteScope | None = None, replaced_status: str = "superseded") -> ImportReport:
    """Compare and apply ``units``; nothing is written when any unit is in error (TermkitErrors).

    replaced_status (str): the status a replaced preferred term, or a dropped admitted one, keeps.
    scope (WriteScope | None): where writing is allowed; a file outside it refuses the whole write.
    """
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
        else:
            errors += _check_unit(u, forbidden, table.locale, shown)
    if errors:
        raise TermkitErrors(errors)

    documents: dict[Path, CommentedMap] = {}

    def document(concept_id: str) -> CommentedMap:
        located = table.file_of(concept_id)
        path = located.path if located else table.folder / f"{Path(glossary.concepts[concept_id].path).stem}.yaml"
        if path not in documents:
            documents[path] = rtyaml.load(path) if path.exists() else rtyaml.new_locale_file(table.locale, path.stem)
        return documents[path]

    for u in units:
        entry = entries.get(u.concept_id)
        described = entry is not None and _described_differently(entry, u)
        ours_alts = entry.alternatives if entry else ()
        ours_pref = entry.preferred.text if entry and entry.preferred else None
        alts = u.alternatives if carries_alternatives else None
        ours = value_hash(ours_pref, ours_alts if carries_alternatives else None)
        theirs = value_hash(u.target, alts)
        if theirs == ours or (u.target is None and not alts):
            if described:  # the same terms, another register or explanation
                report.updated.append(u.concept_id)
                if not dry_run:
                    _apply_description(document(u.concept_id)["entries"][u.concept_id], u)
            else:
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
        report.replaced += _replacements(u.concept_id, ours_pref, ours_alts, u.target, alts, replaced_status)
        if dry_run:
            continue
        data = document(u.concept_id)
        _apply(data, u, alts, concept.preferred(source_language).text, current if confirmed else None,
               replaced_status)
        _apply_description(data["entries"][u.concept_id], u)
    if not dry_run:
        if scope is not None:
            scope.check(documents)
        report.written = [p for p, data in documents.items() if rtyaml.save_if_changed(p, data)]
    return report


def _described_differently(entry, u: Imported) -> bool:
    """Whether the file gives a term of the entry another register, or the entry another explanation."""
    if u.explanation is not None and (u.explanation or None) != entry.explanation:
        return True
    registers = {t.text: t.register or "" for t in entry.terms if t.status.value != "deprecated"}
    return any(text in registers and registers[text] != register for text, register in u.registers or ())


def _apply_description(entry: CommentedMap, u: Imported) -> None:
    """Registers and explanation as the file gives them ("" removes them); only what differs is written."""
    for text, register in u.registers or ():
        term = next((t for t in entry.get("terms") or () if t.get("text") == text and t.get("status") != "deprecated"), None)
        if term is None or (term.get("register") or "") == register:
            continue
        if register:
            term["register"] = register
        else:
            del term["register"]
    if u.explanation is None or (entry.get("explanation") or None) == (u.explanation or None):
        return
    if not u.explanation:
        del entry["explanation"]
    elif "explanation" in entry:
        entry["explanation"] = u.explanation
    else:
        keys = list(entry.keys())
        entry.insert(keys.index("terms") if "terms" in keys else len(keys), "explanation", u.explanation)


def _dropped_status(status: str) -> str:
    """An admitted term the import no longer lists cannot stay admitted."""
    return "superseded" if status == "admitted" else status


def _replacements(concept_id: str, ours_pref: str | None, ours_alts: tuple[str, ...], target: str | None,
                  alternatives: tuple[str, ...] | None, status: str) -> list[str]:
    """One line per term the import replaces or drops (each is kept, under ``status``)."""
    lines = []
    if target and ours_pref and ours_pref != target:
        kept = "admitted" if alternatives and ours_pref in alternatives else status
        lines.append(f"{concept_id}: preferred '{ours_pref}' -> '{target}'; '{ours_pref}' kept as {kept}, "
                     "with its forms and misspellings")
    if alternatives is not None:
        for text in ours_alts:
            if text not in alternatives and text != target:
                lines.append(f"{concept_id}: admitted '{text}' is no longer listed; kept as {_dropped_status(status)}")
    return lines


def _apply(data: CommentedMap, u: Imported, alternatives: tuple[str, ...] | None, source_term: str,
           confirmed_hash: str | None, replaced_status: str = "superseded") -> None:
    entries = data.setdefault("entries", CommentedMap())
    entry = entries.get(u.concept_id)
    if entry is None:
        entry = CommentedMap()
        entry["source_term"] = source_term
        entry["state"] = "draft"
        entry["terms"] = CommentedSeq()
        entries[u.concept_id] = entry
    terms = entry.setdefault("terms", CommentedSeq())

    def listed(text: str, exclude=None):  # a term of this entry with that text (never a deprecated one)
        return next((t for t in terms if t is not exclude and t.get("text") == text
                     and t.get("status") != "deprecated"), None)

    preferred = next((t for t in terms if t.get("status") == "preferred"), None)
    replaced = None
    if u.target and (preferred is None or preferred["text"] != u.target):
        # the old preferred term stays, with its forms and misspellings: translators' work never vanishes
        promoted = listed(u.target, exclude=preferred)
        if promoted is not None:
            terms.remove(promoted)
            promoted["status"] = "preferred"
        else:
            promoted = rtyaml.term_map(u.target, "preferred",
                                       {"pos": preferred["pos"]} if preferred is not None and "pos" in preferred else None)
        at = terms.index(preferred) if preferred is not None else 0
        terms.insert(at, promoted)
        if preferred is not None:
            preferred["status"] = replaced_status
            replaced = preferred
    if alternatives is not None:
        for text in alternatives:
            term = listed(text)
            if term is None:
                terms.append(rtyaml.term_map(text, "admitted"))
            elif term.get("status") != "preferred":
                term["status"] = "admitted"
        for term in terms:
            if term.get("status") == "admitted" and term.get("text") not in alternatives and term is not replaced:
                term["status"] = _dropped_status(replaced_status)
    entry["state"] = "draft" if u.needs_review else "translated"  # a changed value needs a new review
    if confirmed_hash:
        entry["source_hash"] = confirmed_hash
        entry["source_term"] = source_term
        if list(entry.keys())[0] != "source_hash":
            entry.insert(0, "source_hash", entry.pop("source_hash"))
