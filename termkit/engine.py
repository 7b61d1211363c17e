"""Orchestration: paths -> SourceFile -> prose -> spaCy Doc -> rules -> sorted findings.

A ``Checker`` runs the selected rules; what one language needs (its locale folder, the glossary
with the locale's terms, the pipeline with the components those rules read, the compiled term
tables) is resolved once per language, in ``LanguageSetup``.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import unicodedata
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from . import i18n
from .cache import glossary_key, load_cached, store_cached
from .errors import Errors, TermkitError, TermkitErrors
from .findings import ArticleFindings, CheckResult, Edit, Finding, Fix
from .invisible import SeenThrough, see_through
from .fixes import apply_fixes
from .glossary.model import Glossary
from .languages import base_language
from .locales.load import load_locale, resolve_locale_folder
from .locales.merge import with_locale_terms
from .markdown import extract_prose
from .nlp import build_pipeline, remember_matches
from .project import Project, load_project
from .rules.base import CheckContext
from .rules.registry import RULES, resolve_selection
from .settings import format_size
from .suppress import apply_suppressions
from .source import ARTICLE_SUFFIXES, SourceFile, decode_source, read_source
from .term_tables import CompiledTerms, compile_terms

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


ZONE_ARTICLES = 200
# rules about a whole article (its disclaimer, its metadata, how plainly it is written), not run
# on bilingual files' segments: a segment's wording follows its source, which is checked as an article
ARTICLE_ONLY_FAMILIES = ("disclaimers", "article_metadata", "plain_language")


@dataclass
class LanguageSetup:
    """What checking articles of one language needs, built once per language and run."""

    language: str
    locale_folder: str | None  # the locales/ folder giving this language's terms (Babel-style fallback)
    glossary: Glossary  # the project's glossary plus that folder's terms
    nlp: Language
    compiled: CompiledTerms
    # spaCy's memory zone (3.8+) the articles are checked in: the words they add to the vocabulary
    # are freed when it closes, every ZONE_ARTICLES articles, so a long run (an archive, the
    # language server) does not grow with every new word, while the words of one stretch of
    # articles are looked up once (a zone per article would rebuild every lexeme: 25% slower)
    zone: ExitStack | None = field(default=None, repr=False)
    zone_articles: int = 0

    def renew_zone(self) -> None:
        """Count one more article in the zone; close it and open a new one when it is full."""
        if self.zone is not None and self.zone_articles < ZONE_ARTICLES:
            self.zone_articles += 1
            return
        if self.zone is not None:
            self.zone.close()
        self.zone, self.zone_articles = ExitStack(), 1
        if hasattr(self.nlp, "memory_zone"):
            self.zone.enter_context(self.nlp.memory_zone())

    def parse(self, source_text: str, prose) -> Doc:
        """The article's prose through the pipeline, in the current memory zone (the Doc lives
        only while its caller uses it; findings are plain data)."""
        self.renew_zone()
        doc = self.nlp.make_doc(prose.text)
        doc._.termkit_source = source_text
        doc._.termkit_text = prose.text
        doc._.termkit_sections = prose.sections
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        return doc


class Checker:
    """Checks documents of a project; builds one LanguageSetup per language on first use."""

    def __init__(self, project: Project, select: Iterable[str] = (), ignore: Iterable[str] = (),
                 codes: set[str] | None = None, incremental: bool = False):
        """select / ignore: rule codes, prefixes or names (config's when empty); codes: the exact
        rule codes to run, bypassing select/ignore (how worker processes get the parent's rules);
        incremental: for re-checking the same articles as they are edited (the language server):
        the pipelines' Matchers remember their matches per sentence."""
        self.project = project
        self.incremental = incremental
        settings = project.settings
        if codes is None:
            codes = resolve_selection(tuple(select) or settings.select, tuple(ignore) + settings.ignore,
                                      where=str(settings.config_path) if settings.config_path and not select else None)
        self.rules = [rule for rule in RULES if rule.code in codes]
        self._components = sorted({name for rule in self.rules for name in rule.needs})
        self._setups: dict[str, LanguageSetup] = {}
        self._glossaries: dict[str, Glossary] = {}
        self._folders: dict[str, str | None] = {}
        # languages with terms of their own; computed once (it walks every concept)
        self._languages = set(project.glossary.languages) | {settings.language}
        self._source_concepts: dict[str, dict[str, tuple[int, str]]] = {}

    def locale_folder(self, language: str) -> str | None:
        if language not in self._folders:
            self._folders[language] = resolve_locale_folder(self.project.locales_dir, language)
        return self._folders[language]

    def glossary_for(self, language: str) -> Glossary:
        """The glossary with the terms of ``language``: its own, plus the locale folder's entries."""
        if language not in self._glossaries:
            glossary = self.project.glossary
            folder = self.locale_folder(language)
            if folder is not None and folder != self.project.settings.language:
                table = load_locale(self.project.locales_dir, folder, root=self.project.settings.root)
                glossary = with_locale_terms(glossary, table)
            self._glossaries[language] = glossary
        return self._glossaries[language]

    def setup(self, language: str) -> LanguageSetup:
        if language not in self._setups:
            settings = self.project.settings
            nlp = build_pipeline(language, self._components,
                                 rulebook_dir=str(settings.rulebooks) if settings.rulebooks else None)
            if self.incremental:
                remember_matches(nlp)
            folder = self.locale_folder(language)
            locale_files = sorted((self.project.locales_dir / folder).glob("*.yaml")) if folder else []
            key = "terms-" + glossary_key(self.project.glossary_files + locale_files, language, settings.language,
                                          settings.allow)
            compiled = load_cached(key)
            if not isinstance(compiled, CompiledTerms):
                compiled = compile_terms(self.glossary_for(language), language, nlp, settings.allow)
                store_cached(key, compiled)
            nlp.get_pipe("termkit_terms").set_terms(compiled)
            self._setups[language] = LanguageSetup(language, folder, self.glossary_for(language), nlp, compiled)
        return self._setups[language]

    def known_language(self, code: str) -> str:
        """A declared language as the project knows it: 'en-US' -> 'en' unless en_US has its own
        terms (a glossary language or a locale folder), 'FR' -> 'fr'."""
        code = code.strip()
        for candidate in (code, code.replace("-", "_")):
            if candidate in self._languages:
                return candidate
        return self.locale_folder(code) or base_language(code)

    def language_of(self, source: SourceFile, front_matter: dict) -> str:
        declared = front_matter.get("lang") or front_matter.get("language")
        if isinstance(declared, str) and declared.strip():
            return self.known_language(declared)
        for part in reversed(Path(source.path).parts[:-1]):
            if len(part) <= 10 and (part in self._languages or self.locale_folder(part) == part):
                return part
        return self.project.settings.language

    def check_source(self, source: SourceFile) -> list[Finding]:
        # Matching sees through zero-width characters and bidi controls ('fasci\u200bculation'),
        # and terms are stored in NFC, so an NFD file ('e' + U+0301) is checked in NFC; the
        # findings are mapped back to the file's own offsets.
        seen = see_through(source.text)
        text = seen.text if seen else source.text
        if seen is None and unicodedata.is_normalized("NFC", text):
            return self._check(source)
        offsets = None
        if not unicodedata.is_normalized("NFC", text):
            text, offsets = nfc_with_offsets(text)
        return self._check(SourceFile(source.path, text, source.kind, source.bom), original=source,
                           mapping=OffsetMap(seen, offsets))

    def _check(self, source: SourceFile, original: SourceFile | None = None,
               mapping: OffsetMap | None = None) -> list[Finding]:
        """Check ``source``; when it is a normalised copy of ``original``, findings come back in
        the original's offsets, and the rules about the file as written (invisible characters,
        suppression comments) read the original."""
        try:
            prose = extract_prose(source.text, source.kind, self.project.settings.extra.get("translation"))
        except TermkitError as exc:  # a malformed bilingual file: its own line and column
            raise TermkitError(exc.message, exc.path or source.path, exc.line, exc.column) from None
        language = self.language_of(source, prose.front_matter)
        try:
            setup = self.setup(language)
        except TermkitError as exc:
            if exc.path is None:  # e.g. an unknown `lang:`: say which article asked for it
                raise TermkitError(exc.message, source.path, 1 if prose.front_matter else None) from None
            raise
        doc = setup.parse(source.text, prose)
        ctx = CheckContext(source=source, prose=prose, language=language, glossary=setup.glossary,
                           compiled=setup.compiled, settings=self.project.settings,
                           paired_source=lambda: self._paired_source(source, prose.front_matter, language),
                           terms_in=self.terms_in)
        rules = self.rules
        if prose.segments is not None:  # a bilingual file: segments, not an article with metadata
            rules = [rule for rule in rules if rule.family not in ARTICLE_ONLY_FAMILIES and not rule.paired]
        main = [rule for rule in rules if not rule.after_suppressions and not rule.reads_original]
        as_written = [rule for rule in rules if not rule.after_suppressions and rule.reads_original]
        findings = [f for rule in main for f in rule.check(doc, ctx)]
        if original is not None and mapping is not None:
            findings = [remap(f, mapping, original) for f in findings]
            ctx = CheckContext(source=original, prose=extract_prose(original.text, original.kind,
                                                                    self.project.settings.extra.get("translation")),
                               language=language, glossary=ctx.glossary, compiled=ctx.compiled,
                               settings=self.project.settings, extra=ctx.extra, paired_source=ctx.paired_source,
                               terms_in=ctx.terms_in)
        findings += [f for rule in as_written for f in rule.check(doc, ctx)]
        findings, ctx.extra["directives"] = apply_suppressions(ctx.source.text, findings, ctx.prose.in_code)
        findings += [f for rule in rules if rule.after_suppressions for f in rule.check(doc, ctx)]
        findings.sort(key=Finding.sort_key)
        return ArticleFindings(findings, article_figures(ctx.source.path, doc, ctx.extra, findings))

    def check_text(self, text: str, path: str = "<text>", kind: str = "markdown") -> list[Finding]:
        return self.check_source(SourceFile(path=path, text=text, kind=kind))

    def check_file(self, path: Path, shown: str) -> list[Finding]:
        return self.check_source(self.read_article(path, shown))

    def read_article(self, path: Path, shown: str) -> SourceFile:
        """Read an article, unless it is over the size limit (then E011, before reading it)."""
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # read_source says why it cannot be read
        self.refuse_size(size, shown)
        return read_source(path, shown)

    def refuse_size(self, size: int, shown: str) -> None:
        """Raise E011 when ``size`` (bytes) is over the project's max_file_size (0: no limit)."""
        limit = self.project.settings.max_file_size
        if limit and size > limit:
            raise TermkitError(Errors.E011.format(size=format_size(size), limit=format_size(limit)), shown)

    def _paired_source(self, source: SourceFile, front_matter: dict, language: str):
        paired = self.source_of(source, front_matter, language)
        return (paired, self.concepts_in(paired)) if paired is not None else None

    def source_of(self, source: SourceFile, front_matter: dict, language: str) -> Path | None:
        """The source-language article a translation pairs with: front matter ``translation_of``
        (relative to the article), else the same path with the language folder swapped."""
        source_language = self.project.settings.language
        if language == source_language:
            return None
        declared = front_matter.get("translation_of")
        here = Path(source.path)
        if isinstance(declared, str):
            candidate = (here.parent / declared)
            return candidate if candidate.is_file() else None
        parts = list(here.parts)
        for i in range(len(parts) - 2, -1, -1):
            if parts[i] == language:
                candidate = Path(*parts[:i], source_language, *parts[i + 1:])
                return candidate if candidate.is_file() else None
        return None

    def concepts_in(self, path: Path) -> dict[str, tuple[int, str]]:
        """Concept id -> (occurrences, first term used) in a source-language article."""
        key = str(path.resolve())
        if key not in self._source_concepts:
            source = self.read_article(path, str(path))
            prose = extract_prose(source.text, source.kind)
            nlp = self.setup(self.project.settings.language).nlp
            doc = nlp.get_pipe("termkit_terms")(nlp.make_doc(prose.text))
            found: dict[str, tuple[int, str]] = {}
            for span in doc.spans["termkit_terms"]:
                if span.label_ in ("preferred", "admitted"):
                    count, text = found.get(span.id_, (0, span.text))
                    found[span.id_] = (count + 1, text)
            self._source_concepts[key] = found
        return self._source_concepts[key]

    def terms_in(self, text: str, language: str) -> list[tuple[int, int, str, str, str]]:
        """The glossary terms in ``text`` (of ``language``, as the project knows it): (start, end,
        concept id, status label, term text as written); for bilingual files' source texts."""
        setup = self.setup(self.known_language(language))
        doc = setup.nlp.get_pipe("termkit_terms")(setup.nlp.make_doc(text))
        refs = setup.compiled.refs
        return [(span.start_char, span.end_char, span.id_, span.label_, refs[int(span.kb_id_)].term_text)
                for span in doc.spans["termkit_terms"]]

    def term_at(self, source: SourceFile, offset: int):
        """The glossary concept whose term (or misspelling) covers ``offset``, with the language."""
        prose = extract_prose(source.text, source.kind)
        language = self.language_of(source, prose.front_matter)
        nlp = self.setup(language).nlp
        text, seen = prose.text, see_through(prose.text)
        if seen is not None:  # a term written with zero-width characters in it is still that term
            text, offset = seen.text, seen.to_checked(offset)
        doc = nlp.get_pipe("termkit_terms")(nlp.make_doc(text))
        for key in ("termkit_terms", "termkit_fuzzy"):
            for span in doc.spans[key]:
                if span.start_char <= offset < span.end_char:
                    return self.glossary_for(language).get(span.id_), language
        return None

    def fix_source(self, source: SourceFile, unsafe: bool = False, rounds: int = 3) -> tuple[str, list[Finding], list[Finding]]:
        """Apply fixes until nothing more applies (a fix can make another possible).

        RETURNS (tuple): the new text, the findings fixed, and the findings that remain.
        """
        text, applied = source.text, []
        findings = self.check_source(source)
        seen: set[tuple] = set()
        for _ in range(rounds):
            # a fix is applied once: if its finding comes back, re-applying would only repeat it
            fresh = [f for f in findings if f.fix is None or (f.code, f.fix.title) not in seen]
            result = apply_fixes(text, fresh, unsafe)
            if not result.applied:
                break
            # an insertion (a disclaimer appended) is made once, even if its finding comes back
            seen.update((f.code, f.fix.title) for f in result.applied if all(e.start == e.end for e in f.fix.edits))
            text = result.text
            applied += result.applied
            findings = self.check_source(SourceFile(source.path, text, source.kind, source.bom))
        return text, applied, findings


def iter_articles(paths: Iterable[Path]) -> Iterator[tuple[Path, str] | TermkitError]:
    """Expand the command-line paths: files as given, folders to their articles (sorted).

    Errors in the paths themselves (missing, or a folder without articles) come first, then the
    articles, found as they are needed: a folder of 100,000 articles is never listed whole."""
    paths = list(paths)
    for path in paths:
        if path.is_dir():
            if next(_articles_under(path), None) is None:
                yield TermkitError(Errors.E002, str(path))
        elif not path.is_file():
            yield TermkitError(Errors.E001, str(path))
    for path in paths:
        if path.is_dir():
            for p in _articles_under(path):
                yield p, str(p)
        elif path.is_file():
            yield path, str(path)


def _articles_under(folder: Path) -> Iterator[Path]:
    """The articles under ``folder`` in ``sorted(folder.rglob("*"))`` order, one at a time: depth
    first, each folder's entries by name. Like ``rglob``, it does not follow links to folders and
    skips folders it may not read; hidden files and folders are left out."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: os.path.normcase(e.name))
    except PermissionError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir() and not entry.is_symlink()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _articles_under(path)
        elif path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            yield path


_worker: Checker | None = None
BATCH = 32  # files per task sent to a worker: small, so results stream back and the cores end together


def _init_worker(project: Project, codes: set[str], language: str | None = None) -> None:
    global _worker
    i18n.activate(language)  # a spawned worker starts in English: messages in the report's language
    _worker = Checker(project, codes=codes)


def _check_one(checker: Checker, path: str, shown: str) -> tuple[list[Finding], TermkitError | None]:
    """One file; any failure becomes that file's error line, and the run goes on."""
    try:
        return checker.check_file(Path(path), shown), None
    except TermkitError as exc:
        return [], exc
    except (TermkitErrors, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must not hide the others' findings
        return [], TermkitError(Errors.E000.format(problem=f"{type(exc).__name__}: {exc}"), shown)


def _check_batch(batch: list[tuple[str, str]]) -> list[tuple[list[Finding], TermkitError | None]]:
    return [_check_one(_worker, path, shown) for path, shown in batch]


def iter_checks(paths: Iterable[Path], checker: Checker, jobs: int = 1) -> Iterator[tuple[list[Finding], TermkitError | None]]:
    """Each article's findings, or its error, in order, as soon as it is checked: nothing is kept,
    so an archive of any size runs in the same memory. Errors in the paths themselves (a missing
    file, a folder without articles) come first, as ``([], error)``."""
    articles = iter_articles(paths)
    head: list[tuple[str, str]] = []  # enough articles to know whether more than one process helps
    for item in articles:
        if isinstance(item, TermkitError):
            yield [], item
            continue
        head.append((str(item[0]), item[1]))
        if len(head) >= jobs * BATCH * 4:
            break
    work = itertools.chain(head, ((str(p), shown) for p, shown in articles))  # type: ignore[misc]
    jobs = max(1, min(jobs, len(head), os.cpu_count() or 1))
    if jobs == 1:
        for path, shown in work:
            yield _check_one(checker, path, shown)
        return
    size = max(1, min(BATCH, len(head) // (jobs * 4)))
    global _worker
    if multiprocessing.get_start_method() == "fork":
        # The workers inherit this checker with the source language's pipeline built, instead of
        # each building its own (and share its memory until they write to it).
        try:
            checker.setup(checker.project.settings.language)
        except TermkitError:
            pass  # the articles that need it report it, one by one
        _worker, initializer, initargs = checker, None, ()
    else:
        initializer, initargs = _init_worker, (checker.project, {r.code for r in checker.rules}, i18n.active())
    with ProcessPoolExecutor(jobs, initializer=initializer, initargs=initargs) as pool:
        pending: deque = deque()  # batches in flight, in order; a few per worker keeps them all busy
        while True:
            batch = list(itertools.islice(work, size))
            if batch:
                pending.append(pool.submit(_check_batch, batch))
            if pending and (not batch or len(pending) >= jobs * 4):
                yield from pending.popleft().result()
            elif not batch:
                return


def check_paths(paths: Iterable[Path], checker: Checker, jobs: int = 1) -> CheckResult:
    """Check every article under ``paths``, collecting the findings (``iter_checks`` streams
    them). File errors are collected, and the rest is checked."""
    result = CheckResult()
    for findings, error in iter_checks(paths, checker, jobs):
        if error is not None:
            result.errors.append(error)
        else:
            result.files_checked += 1
            result.findings.extend(findings)
            if getattr(findings, "article", None):
                result.articles.append(findings.article)
    return result


__all__ = ["CheckResult", "Checker", "LanguageSetup", "Project", "check_paths", "decode_source", "iter_articles",
           "iter_checks", "load_project"]


def article_figures(path: str, doc, extra: dict, findings: list[Finding]) -> dict | None:
    """The article's plain-language figures for the reports: its readability when the readability
    component ran, its unexplained and explained technical terms when TK601 ran and met one."""
    figures: dict = {}
    readability = doc._.termkit_readability
    if readability is not None and readability.score is not None:
        figures.update(formula=readability.formula, readability=readability.score, prose_words=readability.words)
    jargon = extra.get("plain_language")
    if jargon is not None and (jargon["technical"] or figures):
        figures.update(unexplained_terms=sum(1 for f in findings if f.code == "TK601"),
                       concepts_explained=sorted(jargon["explained"]))
    return {"path": path, **figures} if figures else None


def nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC text, and for each of its offsets (and its end) the offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", text[i:j])
        out.append(chunk)
        offsets += [i] * len(chunk)
        i = j
    offsets.append(len(text))
    return "".join(out), offsets


@dataclass(frozen=True)
class OffsetMap:
    """From offsets in the checked text back to the file: through the NFC offsets (checked ->
    text without invisible characters), then through ``seen`` (-> the file as written)."""

    seen: SeenThrough | None = None
    nfc: list[int] | None = None

    def start(self, offset: int) -> int:
        if self.nfc is not None:
            offset = self.nfc[offset]
        return self.seen.start(offset) if self.seen is not None else offset

    def end(self, offset: int) -> int:
        if self.nfc is not None:
            offset = self.nfc[offset]
        return self.seen.end(offset) if self.seen is not None else offset

    def span(self, start: int, end: int) -> tuple[int, int]:
        """An empty span (an insertion point) stays empty."""
        first = self.start(start)
        return (first, first) if end <= start else (first, max(first, self.end(end)))


def remap(finding: Finding, offsets: OffsetMap | list[int], original: SourceFile) -> Finding:
    if not isinstance(offsets, OffsetMap):
        offsets = OffsetMap(nfc=offsets)
    start, end = offsets.span(finding.start, finding.end)
    line, column = original.index.position(start)
    end_line, end_column = original.index.position(end)
    fix = finding.fix
    if fix is not None:
        fix = Fix(fix.title, tuple(Edit(*offsets.span(e.start, e.end), e.replacement) for e in fix.edits),
                  fix.applicability)
    return replace(finding, path=original.path, line=line, column=column, end_line=end_line, end_column=end_column,
                   text=original.text[start:end], start=start, end=end, fix=fix,
                   context=original.index.line_text(line))
