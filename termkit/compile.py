"""Glossary -> compiled matching tables for one language, cached on disk by content hash.

Building the tables means tokenising every term variant with spaCy, which costs seconds for a
10,000-concept glossary; the tables are plain dicts and sets of spaCy string hashes, so a pickle
keyed by the glossary files' hashes makes every later run start in milliseconds.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from spacy.language import Language
from spacy.strings import get_string_id

from .fuzzy import FuzzyIndex, strip_accents
from .glossary.model import Concept, ConceptStatus, Glossary, Term, TermStatus
from .languages import language_data, lexicon

CACHE_FORMAT = 3


@dataclass(frozen=True)
class TermRef:
    """What a matched variant stands for."""

    concept_id: str
    term_text: str  # the glossary term the variant belongs to
    variant: str  # the text that matched: the term, one of its forms, or a listed misspelling
    kind: str  # preferred | admitted | deprecated | superseded | misspelling
    is_form: bool = False


@dataclass
class CompiledTerms:
    """Matching tables of one language.

    patterns (dict): a trie of case-insensitive variants: LOWER hash -> child node; a node's
        END key holds the ref index of the variant that ends there.
    patterns_orth (dict): the same trie keyed on ORTH, for case-sensitive variants (acronyms).
    known (set): hashes of lower-case words that are real (lexicon, glossary words, allow lists).
    fuzzy_refs (dict): glossary word -> [(ref index, token position, token LOWER hashes)].
    """

    language: str
    refs: list[TermRef] = field(default_factory=list)
    patterns: dict = field(default_factory=dict)
    patterns_orth: dict = field(default_factory=dict)
    known: set[int] = field(default_factory=set)
    fuzzy: FuzzyIndex | None = None
    fuzzy_refs: dict[str, list[tuple[int, int, tuple[int, ...]]]] = field(default_factory=dict)
    min_word_length: int = 4


END = -1  # trie key for "a variant ends here" (token hashes are never negative)


def _insert(trie: dict, keys: tuple[int, ...], ref_index: int) -> None:
    node = trie
    for key in keys:
        node = node.setdefault(key, {})
    node.setdefault(END, ref_index)  # the first variant registered for a token sequence wins


def _variants(term: Term) -> list[tuple[str, str, bool]]:
    kind = term.status.value
    out = [(term.text, kind, False)]
    out += [(form, kind, True) for form in term.forms]
    if term.accents == "insensitive":  # opt-in only: folding is lossy (es año -> ano)
        out += [(strip_accents(text), kind, is_form) for text, _, is_form in list(out) if strip_accents(text) != text]
    out += [(wrong, "misspelling", False) for wrong in term.misspellings]
    return out


def compile_terms(glossary: Glossary, language: str, nlp: Language, allow: tuple[str, ...] = ()) -> CompiledTerms:
    """Build the matching tables for ``language`` from the approved concepts of ``glossary``."""
    data = language_data(language)
    compiled = CompiledTerms(language=language, min_word_length=data.min_word_length)
    words = lexicon(language)
    known_words: set[str] = set(words) | {w.lower() for w in allow}
    concepts: list[Concept] = list(glossary.concepts.values())
    for concept in concepts:
        known_words.update(w.lower() for w in concept.allow)
        for term in concept.terms_in(language):
            for text in (term.text, *term.forms):
                known_words.update(t.lower() for t in text.split())
    for concept in concepts:
        if concept.status is not ConceptStatus.APPROVED:
            continue
        for term in concept.terms_in(language):
            for variant, kind, is_form in _variants(term):
                doc = nlp.make_doc(variant)
                if not len(doc):
                    continue
                ref_index = len(compiled.refs)
                compiled.refs.append(TermRef(concept.id, term.text, variant, kind, is_form))
                lowers = tuple(t.lower for t in doc)
                if term.case_sensitive:
                    _insert(compiled.patterns_orth, tuple(t.orth for t in doc), ref_index)
                else:
                    _insert(compiled.patterns, lowers, ref_index)
                if term.case_sensitive:
                    continue  # acronyms are too short to guess at
                for position, token in enumerate(doc):
                    word = token.lower_
                    if token.is_alpha and len(word) >= data.min_word_length:
                        compiled.fuzzy_refs.setdefault(word, []).append((ref_index, position, lowers))
    compiled.known = {get_string_id(w) for w in known_words}
    # Every word of every variant is indexed, real words included: 'twitchng' is a misspelling of
    # 'muscle twitching' only when 'muscle' stands before it, which fuzzy_refs lets the matcher check.
    misspelt = {word for word, refs in compiled.fuzzy_refs.items()
                if all(compiled.refs[r].kind == "misspelling" for r, _, _ in refs)}
    compiled.fuzzy = FuzzyIndex(set(compiled.fuzzy_refs), data.suffixes, misspelt)
    return compiled


def _versions() -> str:
    """Everything the compiled form depends on besides the glossary: library versions and the
    code that builds it (so a development checkout never reads a stale cache)."""
    here = Path(__file__).resolve().parent
    code = hashlib.sha256()
    for name in ("compile.py", "fuzzy.py", "languages.py", "glossary/model.py", "glossary/load.py"):
        code.update((here / name).read_bytes())
    for data_file in sorted((here / "data" / "languages").glob("*.yaml")):
        code.update(data_file.read_bytes())
    parts = [f"cache{CACHE_FORMAT}", code.hexdigest()[:16]]
    for dist in ("termkit", "spacy", "pyspellchecker", "rapidfuzz"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=?")
    return ";".join(parts)


def cache_dir() -> Path | None:
    if os.environ.get("TERMKIT_NO_CACHE"):
        return None
    root = os.environ.get("TERMKIT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "termkit")
    return Path(root)


def glossary_key(files: list[Path], language: str, source_language: str, allow: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    digest.update(_versions().encode())
    digest.update(f"\0{language}\0{source_language}\0{','.join(sorted(allow))}".encode())
    for path in files:
        digest.update(b"\0" + str(path.resolve()).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def load_cached(key: str):
    directory = cache_dir()
    if directory is None:
        return None
    path = directory / f"{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def store_cached(key: str, value) -> None:
    """Write atomically; a cache that cannot be written is silently skipped."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, directory / f"{key}.pickle")
    except OSError:
        pass


__all__ = ["CompiledTerms", "TermRef", "compile_terms", "glossary_key", "load_cached", "store_cached",
           "TermStatus"]
