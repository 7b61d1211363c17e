"""Glossary patches: what ``termkit glossary suggest`` proposes, as a YAML file the owner reviews.

    schema: termkit.glossary-patch/1
    misspellings:            # unlisted variants: added to the term's `misspellings:`
      - concept: influenza
        term: influenza
        language: en
        add: [influensza]
        seen: ["news/flu.md:4"]      # informational: count and example lines
    concepts:                # candidate terms: new concepts, `status: proposed` (not enforced)
      - id: blood_pressure_cuff
        language: en
        status: proposed
        terms:
          - text: blood pressure cuff
            status: preferred
            forms: [blood pressure cuffs]
        seen: ["news/bp.md:12"]

The owner deletes what they reject (or edits ids, texts, statuses) and applies the rest with
``termkit glossary suggest --write patch.yaml``. Applying is all or nothing: every entry must still
apply (the concept and term exist, the new id is free, the result validates), or the patch is
refused with its file:line and no file is written. Glossary files are rewritten round-trip
(comments and order kept); new concepts go to ``proposed.yaml`` in the first glossary folder
unless an entry names a ``file`` (a .yaml file in a glossary folder).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, TermkitError, TermkitErrors
from ..yamlio import (
    ErrorCollector,
    MarkedDict,
    check_fields,
    enum_field,
    load_yaml_text,
    read_utf8,
    string_field,
    string_list_field,
)
from .model import ConceptStatus, TermStatus

SCHEMA = "termkit.glossary-patch/1"
PATCH_FIELDS = ("schema", "misspellings", "concepts")
MISSPELLING_FIELDS = ("concept", "term", "language", "add", "count", "seen")
CONCEPT_FIELDS = ("id", "language", "status", "definition", "terms", "file", "count", "score", "seen", "note")
TERM_FIELDS = ("text", "status", "forms", "pos", "note")
PROPOSED_FILE = "proposed.yaml"


@dataclass(frozen=True)
class AddMisspellings:
    concept: str
    term: str
    language: str
    add: tuple[str, ...]
    line: int
    column: int


@dataclass(frozen=True)
class NewTerm:
    text: str
    status: str
    forms: tuple[str, ...] = ()
    pos: str | None = None


@dataclass(frozen=True)
class NewConcept:
    id: str
    language: str
    status: str
    terms: tuple[NewTerm, ...]
    definition: str | None
    file: str | None
    line: int
    column: int


@dataclass
class Patch:
    misspellings: list[AddMisspellings] = field(default_factory=list)
    concepts: list[NewConcept] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.misspellings) + len(self.concepts)


def _entries(data: MarkedDict, key: str, out: ErrorCollector, shown: str) -> list[tuple[int, MarkedDict]]:
    raw = data.get(key)
    if raw is None:
        return []
    if not isinstance(raw, list):
        out.add(Errors.E102.format(field=key, expected="a list", got=raw), shown, data.value_mark(key))
        return []
    found = []
    for i, item in enumerate(raw):
        if isinstance(item, MarkedDict):
            found.append((i, item))
        else:
            out.add(Errors.E102.format(field=f"{key}[{i}]", expected="a mapping", got=item), shown, raw.item_marks[i])
    return found


def parse_patch(text: str, shown: str) -> Patch:
    """Read a patch whole, or raise TermkitError/TermkitErrors naming every problem's file:line:col."""
    from .load import ID_PATTERN

    data = load_yaml_text(text, shown)
    out = ErrorCollector()
    if not isinstance(data, MarkedDict):
        raise TermkitError(Errors.E102.format(field="file", expected=f"a mapping with 'schema: {SCHEMA}'", got=data),
                           shown, 1, 1)
    check_fields(data, PATCH_FIELDS, "", out, shown)
    if data.get("schema") != SCHEMA:
        out.add(Errors.E110.format(got=data.get("schema"), expected=SCHEMA), shown, data.mark("schema"))
    patch = Patch()
    for i, raw in _entries(data, "misspellings", out, shown):
        where = f"misspellings[{i}]."
        check_fields(raw, MISSPELLING_FIELDS, where, out, shown)
        concept = string_field(raw, "concept", where, out, shown, required=True)
        term = string_field(raw, "term", where, out, shown, required=True)
        language = string_field(raw, "language", where, out, shown, required=True)
        add = string_list_field(raw, "add", where, out, shown)
        string_list_field(raw, "seen", where, out, shown)
        if "add" not in raw:
            out.add(Errors.E104.format(field=f"{where}add"), shown, raw.mark())
        if concept and term and language and add:
            patch.misspellings.append(AddMisspellings(concept, term, language, add, raw.line, raw.column))
    for i, raw in _entries(data, "concepts", out, shown):
        where = f"concepts[{i}]."
        check_fields(raw, CONCEPT_FIELDS, where, out, shown)
        cid = string_field(raw, "id", where, out, shown, required=True)
        if cid is not None and not ID_PATTERN.match(cid):
            out.add(Errors.E109.format(id=cid), shown, raw.value_mark("id"))
            cid = None
        language = string_field(raw, "language", where, out, shown, required=True)
        status = enum_field(raw, "status", tuple(s.value for s in ConceptStatus), "proposed", where, out, shown)
        definition = string_field(raw, "definition", where, out, shown)
        file = string_field(raw, "file", where, out, shown)
        string_list_field(raw, "seen", where, out, shown)
        terms = []
        raw_terms = raw.get("terms")
        if not isinstance(raw_terms, list) or not raw_terms:
            out.add(Errors.E102.format(field=f"{where}terms", expected="a non-empty list of terms", got=raw_terms),
                    shown, raw.value_mark("terms") if "terms" in raw else raw.mark())
            raw_terms = []
        for j, raw_term in enumerate(raw_terms):
            twhere = f"{where}terms[{j}]."
            if not isinstance(raw_term, MarkedDict):
                out.add(Errors.E102.format(field=twhere.rstrip("."), expected="a mapping", got=raw_term), shown,
                        raw_terms.item_marks[j])
                continue
            check_fields(raw_term, TERM_FIELDS, twhere, out, shown)
            text_ = string_field(raw_term, "text", twhere, out, shown, required=True)
            tstatus = enum_field(raw_term, "status", tuple(s.value for s in TermStatus), "preferred", twhere, out, shown)
            forms = string_list_field(raw_term, "forms", twhere, out, shown)
            pos = string_field(raw_term, "pos", twhere, out, shown)
            if text_:
                terms.append(NewTerm(text_, tstatus or "preferred", forms, pos))
        if cid and language and terms:
            patch.concepts.append(NewConcept(cid, language, status or "proposed", tuple(terms), definition, file,
                                             raw.line, raw.column))
    if out.errors:
        raise TermkitErrors(out.errors) if len(out.errors) > 1 else out.errors[0]
    return patch


def read_patch(path: Path, shown: str | None = None) -> Patch:
    shown = shown or str(path)
    return parse_patch(read_utf8(path, shown), shown)


def _refuse(problem: str, shown: str, line: int | None, column: int | None = None) -> TermkitError:
    return TermkitError(Errors.E114.format(problem=problem), shown, line, column)


def build_patch(found) -> dict[str, Any]:
    """The patch (plain data) for a ``mining.Suggestions``."""
    from .mining import concept_id_for

    grouped: dict[tuple[str, str, str], list] = {}
    for v in found.variants:
        grouped.setdefault((v.concept_id, v.term, v.language), []).append(v)
    misspellings = []
    for (concept, term, language), variants in grouped.items():
        misspellings.append({
            "concept": concept, "term": term, "language": language,
            "add": [v.text for v in variants],
            "count": sum(v.count for v in variants),
            "seen": list(dict.fromkeys(f"{e.path}:{e.line}" for v in variants for e in v.examples)),
        })
    concepts = []
    taken: set[str] = set()
    for c in found.candidates:
        cid = concept_id_for(c.text) if c.language == "en" else f"{concept_id_for(c.text)}_{c.language}"
        while cid in taken:
            cid += "_"
        taken.add(cid)
        term: dict[str, Any] = {"text": c.text, "status": "preferred"}
        if c.forms:
            term["forms"] = list(c.forms)
        concepts.append({"id": cid, "language": c.language, "status": "proposed", "terms": [term],
                         "count": c.count, "score": round(c.score, 2),
                         "seen": list(dict.fromkeys(f"{e.path}:{e.line}" for e in c.examples))})
    return {"schema": SCHEMA, "misspellings": misspellings, "concepts": concepts}


def dump_patch(data: dict[str, Any]) -> str:
    import yaml

    head = ("# Glossary patch from `termkit glossary suggest`. Review it: delete what you reject, edit ids\n"
            "# and texts as needed, then apply with `termkit glossary suggest --write THIS_FILE`.\n")
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)


def apply_patch(patch: Patch, shown: str, project, root: Path | None = None) -> list[Path]:
    """Apply ``patch`` to the project's glossary files; returns the files written.
    All or nothing: raises TermkitError (E114 at the entry's line) before writing anything."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from ..atomic import write_atomically
    from ..locales import rtyaml
    from ..yamlio import display_path
    from .load import glossary_paths, load_glossary

    root = root or project.settings.root
    files = {display_path(f, root): f for f in project.glossary_files}
    by_real = {f.resolve(): f for f in project.glossary_files}
    loaded: dict[Path, Any] = {}

    def document(path: Path):
        if path not in loaded:
            loaded[path] = rtyaml.load(path)
        return loaded[path]

    glossary = project.glossary
    for entry in patch.misspellings:
        concept = glossary.get(entry.concept)
        if concept is None:
            raise _refuse(f"no concept {entry.concept!r} in the glossary", shown, entry.line, entry.column)
        term = next((t for t in concept.terms if t.text == entry.term and t.language == entry.language), None)
        if term is None and entry.language not in concept.languages:
            raise _refuse(f"{entry.language} terms of {entry.concept!r} are kept in the locale files, which --write "
                          f"does not edit; add {', '.join(entry.add)} there by hand and drop this entry", shown,
                          entry.line, entry.column)
        if term is None:
            raise _refuse(f"concept {entry.concept!r} has no {entry.language} term {entry.term!r}", shown,
                          entry.line, entry.column)
        path = files.get(term.path) or files.get(concept.path)
        if path is None:
            raise _refuse(f"term {entry.term!r} is not in a glossary file ({term.path or concept.path})", shown,
                          entry.line, entry.column)
        data = document(path)
        raw_concept = next((c for c in data.get("concepts", ()) if c.get("id") == entry.concept), None)
        raw_term = next((t for t in (raw_concept or {}).get("terms", ()) if t.get("text") == entry.term), None)
        if raw_term is None:
            raise _refuse(f"term {entry.term!r} of {entry.concept!r} not found in {term.path}", shown,
                          entry.line, entry.column)
        listed = raw_term.get("misspellings")
        if listed is None:
            listed = CommentedSeq()
            listed.fa.set_flow_style()
            raw_term["misspellings"] = listed
        for text in entry.add:
            if text in listed or text == entry.term or text in term.forms:
                raise _refuse(f"{text!r} is already listed for {entry.term!r} ({term.path}:{term.line})", shown,
                              entry.line, entry.column)
            listed.append(text)
    folders = glossary_paths(project.settings.glossary)
    default_folder = next((p for p in folders if p.is_dir()), folders[0].parent if folders else Path.cwd())
    new_files: set[Path] = set()
    for entry in patch.concepts:
        if glossary.get(entry.id) is not None:
            other = glossary.get(entry.id)
            raise _refuse(f"concept id {entry.id!r} is already taken ({other.path}:{other.line})", shown,
                          entry.line, entry.column)
        if entry.file:
            target = files.get(entry.file) or Path(entry.file)
        else:
            target = default_folder / PROPOSED_FILE
        target = by_real.get(target.resolve(), target)
        folders_real = {(p if p.is_dir() else p.parent).resolve() for p in folders}
        if target.suffix != ".yaml" or target.resolve().parent not in folders_real:
            raise _refuse(f"file {entry.file!r} is not a .yaml file in a glossary folder", shown, entry.line,
                          entry.column)
        if target not in loaded:
            if target.exists():
                document(target)
            else:
                fresh = CommentedMap()
                fresh["schema"] = "termkit.glossary/1"
                fresh["language"] = entry.language
                fresh["domain"] = "proposed"
                fresh["concepts"] = CommentedSeq()
                loaded[target] = fresh
                new_files.add(target)
        concept_map = CommentedMap()
        concept_map["id"] = entry.id
        concept_map["status"] = entry.status
        if entry.definition:
            concept_map["definition"] = entry.definition
        terms = CommentedSeq()
        for t in entry.terms:
            tm = CommentedMap()
            tm["text"] = t.text
            tm["status"] = t.status
            if t.pos:
                tm["pos"] = t.pos
            if t.forms:
                forms = CommentedSeq(t.forms)
                forms.fa.set_flow_style()
                tm["forms"] = forms
            terms.append(tm)
        concept_map["terms"] = terms
        concepts = loaded[target].get("concepts")
        if not isinstance(concepts, list):
            raise _refuse(f"{target} has no list of concepts to add {entry.id!r} to", shown, entry.line, entry.column)
        concepts.append(concept_map)
    texts = {path: rtyaml.dump(data) for path, data in loaded.items()}
    # Validate the glossary as it would be, from a scratch copy, before touching a file.
    with tempfile.TemporaryDirectory(prefix="termkit-patch-") as scratch:
        copies = []
        for i, f in enumerate(list(project.glossary_files) + sorted(new_files - set(project.glossary_files))):
            copy = Path(scratch) / f"{i:04d}-{f.name}"
            if f in texts:
                copy.write_text(texts[f], encoding="utf-8")
            else:
                shutil.copyfile(f, copy)
            copies.append(copy)
        try:
            load_glossary(copies, project.settings.language, root=Path(scratch))
        except TermkitError as exc:
            raise _refuse(f"the glossary would not validate: {exc.message}", shown, None) from None
        except TermkitErrors as exc:
            raise _refuse(f"the glossary would not validate: {exc.errors[0].message}", shown, None) from None
    written = []
    for path, text in texts.items():
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("", encoding="utf-8")
        write_atomically(path, text)
        written.append(path)
    return written


__all__ = ["SCHEMA", "AddMisspellings", "NewConcept", "Patch", "apply_patch", "build_patch", "dump_patch",
           "parse_patch", "read_patch"]
