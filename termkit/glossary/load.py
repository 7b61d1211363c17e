"""Load ``glossary/*.yaml`` into a Glossary, checking the schema and the cross-concept rules.

Every problem is collected with its ``file:line:column`` before anything is raised, so
``termkit glossary validate`` reports a broken glossary in one pass.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable

from ..errors import Errors, TermkitError, TermkitErrors
from ..yamlio import MarkedDict, MarkedList, load_yaml_file
from .model import CASE_MODES, PARTS_OF_SPEECH, Concept, ConceptStatus, Glossary, Term, TermStatus

SCHEMA = "termkit.glossary/1"
FILE_FIELDS = ("schema", "language", "domain", "description", "concepts")
CONCEPT_FIELDS = ("id", "status", "definition", "allow", "terms", "note")
TERM_FIELDS = ("text", "status", "pos", "forms", "misspellings", "case", "accents", "note")
ID_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")


def shipped_glossary_dir() -> Path:
    """The starter glossary: packaged inside the wheel, or the repository's ``glossary/`` in a checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data" / "glossary"
    if packaged.is_dir():
        return packaged
    return package.parent / "glossary"


def glossary_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                raise TermkitError(Errors.E111.format(path=path), str(path))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise TermkitError(Errors.E001, str(path))
    return files


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class _Collector:
    """Gathers errors for one glossary load."""

    def __init__(self) -> None:
        self.errors: list[TermkitError] = []

    def add(self, message: str, path: str, mark: tuple[int, int] | None) -> None:
        line, col = mark if mark else (None, None)
        self.errors.append(TermkitError(message, path, line, col))


def _check_fields(obj: MarkedDict, allowed: tuple[str, ...], where: str, out: _Collector, path: str) -> None:
    for key in obj:
        if key not in allowed:
            out.add(Errors.E103.format(field=f"{where}{key}", expected=", ".join(allowed)), path, obj.mark(key))


def _string(obj: MarkedDict, key: str, where: str, out: _Collector, path: str, required: bool = False) -> str | None:
    if key not in obj or obj[key] is None:
        if required:
            out.add(Errors.E104.format(field=f"{where}{key}"), path, obj.mark())
        return None
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        out.add(Errors.E102.format(field=f"{where}{key}", expected="a string", got=value), path, obj.value_mark(key))
        return None
    return nfc(str(value)).strip()


def _enum(obj: MarkedDict, key: str, choices: tuple[str, ...], default: str | None, where: str,
          out: _Collector, path: str) -> str | None:
    value = _string(obj, key, where, out, path, required=default is None)
    if value is None:
        return default
    if value not in choices:
        out.add(Errors.E102.format(field=f"{where}{key}", expected=" | ".join(choices), got=value), path,
                obj.value_mark(key))
        return default
    return value


def _string_list(obj: MarkedDict, key: str, where: str, out: _Collector, path: str) -> tuple[str, ...]:
    value = obj.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        out.add(Errors.E102.format(field=f"{where}{key}", expected="a list of strings", got=value), path,
                obj.value_mark(key))
        return ()
    items = []
    for i, item in enumerate(value):
        if not isinstance(item, (str, int, float)) or isinstance(item, bool) or not str(item).strip():
            mark = value.item_marks[i] if isinstance(value, MarkedList) else obj.mark(key)
            out.add(Errors.E102.format(field=f"{where}{key}[{i}]", expected="a non-empty string", got=item), path, mark)
            continue
        items.append(nfc(str(item)).strip())
    return tuple(items)


def _parse_term(raw: Any, lang: str, where: str, out: _Collector, path: str) -> Term | None:
    if not isinstance(raw, MarkedDict):
        out.add(Errors.E102.format(field=where.rstrip("."), expected="a mapping with 'text' and 'status'", got=raw),
                path, getattr(raw, "mark", lambda: None)())
        return None
    _check_fields(raw, TERM_FIELDS, where, out, path)
    text = _string(raw, "text", where, out, path, required=True)
    if text == "":
        out.add(Errors.E102.format(field=f"{where}text", expected="a non-empty term", got=raw.get("text")), path,
                raw.value_mark("text"))
    status = _enum(raw, "status", tuple(s.value for s in TermStatus), None, where, out, path)
    pos = _enum(raw, "pos", PARTS_OF_SPEECH, "", where, out, path) or None
    case = _enum(raw, "case", CASE_MODES, "auto", where, out, path) or "auto"
    accents = _enum(raw, "accents", ("sensitive", "insensitive"), "sensitive", where, out, path) or "sensitive"
    if not text or not status:
        return None
    return Term(
        text=text,
        status=TermStatus(status),
        language=lang,
        pos=pos,
        column=raw.column,
        forms=_string_list(raw, "forms", where, out, path),
        misspellings=_string_list(raw, "misspellings", where, out, path),
        case=case,
        accents=accents,
        note=_string(raw, "note", where, out, path),
        path=path,
        line=raw.line,
    )


def _parse_file(path: Path, shown: str, default_language: str, out: _Collector) -> tuple[str, list[Concept]]:
    data = load_yaml_file(path, shown)
    if not isinstance(data, MarkedDict):
        out.add(Errors.E102.format(field="file", expected="a mapping with 'schema' and 'concepts'", got=data), shown, (1, 1))
        return default_language, []
    _check_fields(data, FILE_FIELDS, "", out, shown)
    schema = data.get("schema")
    if schema != SCHEMA:
        out.add(Errors.E110.format(got=schema, expected=SCHEMA), shown, data.mark("schema"))
    lang = _string(data, "language", "", out, shown) or default_language
    domain = _string(data, "domain", "", out, shown) or path.stem
    raw_concepts = data.get("concepts")
    if not isinstance(raw_concepts, list):
        out.add(Errors.E102.format(field="concepts", expected="a list of concepts", got=raw_concepts), shown, data.mark("concepts"))
        return lang, []
    concepts = []
    for i, raw in enumerate(raw_concepts):
        where = f"concepts[{i}]."
        if not isinstance(raw, MarkedDict):
            out.add(Errors.E102.format(field=where.rstrip("."), expected="a mapping", got=raw), shown, raw_concepts.item_marks[i])
            continue
        _check_fields(raw, CONCEPT_FIELDS, where, out, shown)
        cid = _string(raw, "id", where, out, shown, required=True)
        if cid is not None and not ID_PATTERN.match(cid):
            out.add(Errors.E109.format(id=cid), shown, raw.value_mark("id"))
            cid = None
        status = _enum(raw, "status", tuple(s.value for s in ConceptStatus), "approved", where, out, shown)
        raw_terms = raw.get("terms")
        terms: list[Term] = []
        if not isinstance(raw_terms, list) or not raw_terms:
            out.add(Errors.E102.format(field=f"{where}terms", expected="a non-empty list of terms", got=raw_terms),
                    shown, raw.value_mark("terms") if "terms" in raw else raw.mark())
        else:
            for j, raw_term in enumerate(raw_terms):
                term = _parse_term(raw_term, lang, f"{where}terms[{j}].", out, shown)
                if term:
                    terms.append(term)
        if cid is None:
            continue
        preferred = sum(1 for t in terms if t.status is TermStatus.PREFERRED)
        if terms and preferred != 1:
            out.add(Errors.E106.format(id=cid, count=preferred, lang=lang), shown, raw.mark("terms"))
        concepts.append(Concept(
            id=cid,
            status=ConceptStatus(status or "approved"),
            definition=_string(raw, "definition", where, out, shown),
            domain=domain,
            terms=tuple(terms),
            allow=_string_list(raw, "allow", where, out, shown),
            path=shown,
            line=raw.line,
            column=raw.column,
        ))
    return lang, concepts


def _check_collisions(concepts: list[Concept], out: _Collector) -> None:
    """No term text owned by two concepts; no misspelling that is someone's valid term."""
    owners: dict[tuple[str, str], tuple[str, Term]] = {}
    for concept in concepts:
        for term in concept.terms:
            for text in (term.text, *term.forms):
                key = (term.language, text.casefold())
                first = owners.setdefault(key, (concept.id, term))
                if first[0] != concept.id:
                    out.add(Errors.E107.format(text=text, first=first[0], second=concept.id), term.path, (term.line, term.column))
    for concept in concepts:
        for term in concept.terms:
            for wrong in term.misspellings:
                owner = owners.get((term.language, wrong.casefold()))
                if owner:
                    out.add(Errors.E108.format(text=wrong, id=concept.id, other=owner[0]), term.path, (term.line, term.column))


def load_glossary(paths: Iterable[Path], source_language: str = "en", root: Path | None = None) -> Glossary:
    """Load every YAML file under ``paths`` into one Glossary.

    paths (Iterable[Path]): glossary folders or files.
    source_language (str): language of files that do not declare one.
    root (Path | None): paths in messages are shown relative to it when possible.
    RETURNS (Glossary): the merged glossary. Raises TermkitErrors listing every problem found.
    """
    out = _Collector()
    files = glossary_files(paths)
    merged: dict[str, Concept] = {}
    first_seen: dict[tuple[str, str], str] = {}
    all_concepts: list[Concept] = []
    shown_files = []
    for path in files:
        shown = display_path(path, root)
        shown_files.append(shown)
        try:
            lang, concepts = _parse_file(path, shown, source_language, out)
        except TermkitError as exc:
            out.errors.append(exc)
            continue
        for concept in concepts:
            key = (concept.id, lang)
            if key in first_seen:
                out.add(Errors.E105.format(id=concept.id, first=first_seen[key]), concept.path,
                        (concept.line, concept.column))
                continue
            first_seen[key] = f"{concept.path}:{concept.line}"
            all_concepts.append(concept)
            previous = merged.get(concept.id)
            if previous is None:
                merged[concept.id] = concept
            else:  # the same concept in another language: one entry, terms of both
                merged[concept.id] = Concept(
                    id=previous.id, status=previous.status,
                    definition=previous.definition or concept.definition, domain=previous.domain,
                    terms=previous.terms + concept.terms, allow=previous.allow + concept.allow,
                    path=previous.path, line=previous.line,
                )
    _check_collisions(all_concepts, out)
    if out.errors:
        raise TermkitErrors(out.errors)
    return Glossary(concepts=merged, files=tuple(shown_files), source_language=source_language)


def display_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` when it is inside it (for messages)."""
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
