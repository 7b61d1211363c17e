"""Load ``glossary/*.yaml`` into a Glossary, checking the schema and the cross-concept rules.

Every problem is collected with its ``file:line:column`` before anything is raised, so
``termkit glossary validate`` reports a broken glossary in one pass.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

from ..errors import Errors, TermkitError, TermkitErrors
from ..yamlio import (ErrorCollector, MarkedDict, check_fields, display_path, enum_field, load_yaml_file,
                      string_field, string_list_field)
from .model import CASE_MODES, PARTS_OF_SPEECH, REGISTERS, Concept, ConceptStatus, Glossary, Term, TermStatus

SCHEMA = "termkit.glossary/1"
FILE_FIELDS = ("schema", "language", "domain", "description", "concepts")
CONCEPT_FIELDS = ("id", "status", "definition", "explanation", "allow", "terms", "note")
TERM_FIELDS = ("text", "status", "pos", "forms", "misspellings", "case", "accents", "register", "note")
ID_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")


def shipped_glossary_dir() -> Path:
    """The starter glossary: packaged inside the wheel, or the repository's ``glossary/`` in a checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data" / "glossary"
    if packaged.is_dir():
        return packaged
    return package.parent / "glossary"


def glossary_paths(configured: Iterable[Path] = ()) -> list[Path]:
    """The glossary folders or files to read: those given (command line, then config), else the
    starter glossary shipped with termkit."""
    return list(configured) or [shipped_glossary_dir()]


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


def parse_term(raw: Any, lang: str, where: str, out: ErrorCollector, path: str) -> Term | None:
    if not isinstance(raw, MarkedDict):
        out.add(Errors.E102.format(field=where.rstrip("."), expected="a mapping with 'text' and 'status'", got=raw),
                path, getattr(raw, "mark", lambda: None)())
        return None
    check_fields(raw, TERM_FIELDS, where, out, path)
    text = string_field(raw, "text", where, out, path, required=True)
    if text == "":
        out.add(Errors.E102.format(field=f"{where}text", expected="a non-empty term", got=raw.get("text")), path,
                raw.value_mark("text"))
    status = enum_field(raw, "status", tuple(s.value for s in TermStatus), None, where, out, path)
    pos = enum_field(raw, "pos", PARTS_OF_SPEECH, "", where, out, path) or None
    case = enum_field(raw, "case", CASE_MODES, "auto", where, out, path) or "auto"
    accents = enum_field(raw, "accents", ("sensitive", "insensitive"), "sensitive", where, out, path) or "sensitive"
    register = enum_field(raw, "register", REGISTERS, "", where, out, path) or None
    if not text or not status:
        return None
    return Term(
        text=text,
        status=TermStatus(status),
        language=lang,
        pos=pos,
        column=raw.column,
        forms=string_list_field(raw, "forms", where, out, path),
        misspellings=string_list_field(raw, "misspellings", where, out, path),
        case=case,
        accents=accents,
        note=string_field(raw, "note", where, out, path),
        path=path,
        line=raw.line,
        register=register,
    )


def explanation_field(obj: MarkedDict, where: str, out: ErrorCollector, path: str) -> str | None:
    """A short plain-language explanation: one line of text (runs of white space count as one space)."""
    value = string_field(obj, "explanation", where, out, path)
    if value is None:
        return None
    value = " ".join(value.split())
    if not value:
        out.add(Errors.E102.format(field=f"{where}explanation", expected="a non-empty explanation", got=obj.get("explanation")),
                path, obj.value_mark("explanation"))
        return None
    return value


def _parse_file(path: Path, shown: str, default_language: str, out: ErrorCollector) -> tuple[str, list[Concept]]:
    data = load_yaml_file(path, shown)
    if not isinstance(data, MarkedDict):
        out.add(Errors.E102.format(field="file", expected="a mapping with 'schema' and 'concepts'", got=data), shown, (1, 1))
        return default_language, []
    check_fields(data, FILE_FIELDS, "", out, shown)
    schema = data.get("schema")
    if schema != SCHEMA:
        out.add(Errors.E110.format(got=schema, expected=SCHEMA), shown, data.mark("schema"))
    lang = string_field(data, "language", "", out, shown) or default_language
    domain = string_field(data, "domain", "", out, shown) or path.stem
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
        check_fields(raw, CONCEPT_FIELDS, where, out, shown)
        cid = string_field(raw, "id", where, out, shown, required=True)
        if cid is not None and not ID_PATTERN.match(cid):
            out.add(Errors.E109.format(id=cid), shown, raw.value_mark("id"))
            cid = None
        status = enum_field(raw, "status", tuple(s.value for s in ConceptStatus), "approved", where, out, shown)
        raw_terms = raw.get("terms")
        terms: list[Term] = []
        if not isinstance(raw_terms, list) or not raw_terms:
            out.add(Errors.E102.format(field=f"{where}terms", expected="a non-empty list of terms", got=raw_terms),
                    shown, raw.value_mark("terms") if "terms" in raw else raw.mark())
        else:
            for j, raw_term in enumerate(raw_terms):
                term = parse_term(raw_term, lang, f"{where}terms[{j}].", out, shown)
                if term:
                    terms.append(term)
        if cid is None:
            continue
        preferred = sum(1 for t in terms if t.status is TermStatus.PREFERRED)
        if terms and preferred != 1:
            out.add(Errors.E106.format(id=cid, count=preferred, lang=lang), shown, raw.mark("terms"))
        explanation = explanation_field(raw, where, out, shown)
        concepts.append(Concept(
            id=cid,
            status=ConceptStatus(status or "approved"),
            definition=string_field(raw, "definition", where, out, shown),
            domain=domain,
            terms=tuple(terms),
            allow=string_list_field(raw, "allow", where, out, shown),
            path=shown,
            line=raw.line,
            column=raw.column,
            explanations=((lang, explanation),) if explanation else (),
        ))
    return lang, concepts


def _check_collisions(concepts: list[Concept], out: ErrorCollector) -> None:
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
    out = ErrorCollector()
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
                    explanations=previous.explanations + concept.explanations,
                )
    _check_collisions(all_concepts, out)
    if out.errors:
        raise TermkitErrors(out.errors)
    return Glossary(concepts=merged, files=tuple(shown_files), source_language=source_language)
