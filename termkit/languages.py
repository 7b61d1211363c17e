"""Per-language data: lexicon of real words, inflection suffixes, extra allowed words, and the
test that tells a real word from a misspelling.

The data lives in ``termkit/data/languages/<lang>.yaml``. The lexicon is pyspellchecker's word
frequency list, read directly (no spell-checker object is needed, only the word set). A word the
lexicon lacks is still real when spaCy's lookup tables (spacy-lookups-data) list it, when an
inflection rule turns it into a known word ('madres' -> 'madre'), when it is a prefix plus a known
word, or when it splits into known words (German compounds: 'Magnesiummenge').
"""

from __future__ import annotations

import gzip
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import yaml

from .cache import cached
from .errors import Errors, TermkitError

DATA_DIR = Path(__file__).resolve().parent / "data" / "languages"


@dataclass(frozen=True)
class LanguageData:
    code: str
    lexicon: str | None = "pyspellchecker"
    min_word_length: int = 4
    suffixes: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    lookup_tables: tuple[str, ...] = ()  # spacy-lookups-data tables whose words are real words too
    loanwords_from: tuple[str, ...] = ()  # languages whose lexicon words are real here too ('Physics')
    inflections: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ending -> replacements, longest first
    prefixes: tuple[str, ...] = ()
    compound_min_part: int = 0  # 0: words are not split into compounds
    compound_links: tuple[str, ...] = ()  # linking elements between the parts (de 'Fugen-s')
    compound_dropped: tuple[str, ...] = ()  # endings a first part drops ('Schul-buch' from 'Schule')
    combining_forms: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # starts, ends ('neuro', 'pathy')
    phonetic_rules: tuple[tuple[str, str], ...] = ()  # sound-alike key: (regex, replacement), in order
    phonetic_library: str | None = None  # a library key applied after the rules ('metaphone')

    def sound_key(self):
        """The language's sound-alike key (termkit.phonetic.SoundKey), or None when it has none."""
        from .phonetic import SoundKey

        key = SoundKey(self.phonetic_rules, self.phonetic_library)
        return key if key else None


def base_language(code: str) -> str:
    """The language part of a locale code: 'pt_BR' -> 'pt', 'de-CH' -> 'de'."""
    return code.replace("-", "_").split("_")[0].lower()


@lru_cache(maxsize=None)
def language_data(code: str) -> LanguageData:
    """Language data for ``code`` (its base language for regional codes such as ``pt_BR``)."""
    base = base_language(code)
    path = DATA_DIR / f"{base}.yaml"
    if not path.is_file():
        return LanguageData(code=base, lexicon=None)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise TermkitError(Errors.E101.format(problem=exc), str(path)) from None
    inflections = raw.get("inflections") or {}
    compounds = raw.get("compounds") or {}
    forms = raw.get("combining_forms") or {}
    phonetic = raw.get("phonetic") or {}
    if not all(isinstance(value, dict) for value in (inflections, compounds, forms, phonetic)):
        raise TermkitError(Errors.E101.format(
            problem="inflections, compounds, combining_forms and phonetic: expected mappings"), str(path))
    rules, library = _phonetic(phonetic, path)
    return LanguageData(
        code=base,
        lexicon=raw.get("lexicon"),
        min_word_length=int(raw.get("min_word_length", 4)),
        suffixes=tuple(str(s) for s in raw.get("suffixes") or ()),
        allow=tuple(str(s).lower() for s in raw.get("allow") or ()),
        lookup_tables=tuple(str(s) for s in raw.get("lookup_tables") or ()),
        loanwords_from=tuple(base_language(str(s)) for s in raw.get("loanwords_from") or () if base_language(str(s)) != base),
        inflections=tuple(sorted(((str(end), tuple("" if r is None else str(r) for r in _as_list(repl)))
                                  for end, repl in inflections.items()), key=lambda item: -len(item[0]))),
        prefixes=tuple(sorted((str(p).lower() for p in raw.get("prefixes") or ()), key=len, reverse=True)),
        compound_min_part=int(compounds.get("min_part", 0)),
        compound_links=tuple(str(s) for s in compounds.get("links") or ()),
        compound_dropped=tuple(str(s) for s in compounds.get("dropped") or ()),
        combining_forms=(tuple(str(s) for s in forms.get("start") or ()), tuple(str(s) for s in forms.get("end") or ())),
        phonetic_rules=rules,
        phonetic_library=library,
    )


def _phonetic(raw: dict, path: Path) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """The ``phonetic:`` mapping: ``rules`` (a list of [regex, replacement] pairs) and ``library``."""
    from .phonetic import LIBRARIES

    library = raw.get("library")
    if library is not None and library not in LIBRARIES:
        raise TermkitError(Errors.E101.format(
            problem=f"phonetic.library: expected one of {', '.join(LIBRARIES)}, got {library!r}"), str(path))
    rules = []
    for item in raw.get("rules") or ():
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
            raise TermkitError(Errors.E101.format(
                problem=f"phonetic.rules: expected [pattern, replacement] pairs, got {item!r}"), str(path))
        pattern, repl = item[0], "" if item[1] is None else str(item[1])
        try:
            re.compile(pattern)
        except re.error as exc:
            raise TermkitError(Errors.E101.format(problem=f"phonetic.rules: {pattern!r}: {exc}"), str(path)) from None
        rules.append((pattern, repl))
    return tuple(rules), library


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


@lru_cache(maxsize=None)
def word_frequencies(code: str) -> dict[str, int]:
    """Word counts of pyspellchecker's list for the language ({} when there is none)."""
    data = language_data(code)
    if data.lexicon != "pyspellchecker":
        return {}
    try:
        resource = resources.files("spellchecker") / "resources" / f"{data.code}.json.gz"
    except ModuleNotFoundError:
        return {}

    def read() -> dict[str, int]:
        with resource.open("rb") as raw, gzip.open(raw) as fh:
            return {w.lower(): n for w, n in json.load(fh).items()}

    try:
        try:
            stat = os.stat(str(resource))  # a file on disk: kept as a pickle, which loads 3x faster
        except OSError:
            return read()
        return cached(f"words-{data.code}", (str(resource), stat.st_size, stat.st_mtime_ns), read)
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return {}


@lru_cache(maxsize=None)
def lexicon(code: str) -> frozenset[str]:
    """Real words of a language, lower case; empty when no lexicon is available (then unlisted
    misspellings are not searched for in that language: without a lexicon every rare word
    would look like a typo)."""
    words = word_frequencies(code)
    if not words:
        return frozenset()
    return frozenset(words) | frozenset(language_data(code).allow)


def _strings(value: Any, out: set[str]) -> None:
    """Every word of a lookup table: keys, string values and list items, lower case."""
    if isinstance(value, dict):
        for key, item in value.items():
            out.add(str(key).lower())
            _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)
    elif isinstance(value, str):
        out.add(value.lower())


@lru_cache(maxsize=None)
def lookup_words(code: str) -> frozenset[str]:
    """The words of the language's spaCy lookup tables (spacy-lookups-data: lemma tables, every
    inflected form with its lemma); empty when the package or the table is missing. Read only when
    a word first looks like a misspelling, so a clean article never pays for it."""
    data = language_data(code)
    words: set[str] = set()
    for table in data.lookup_tables:
        try:
            resource = resources.files("spacy_lookups_data") / "data" / f"{data.code}_{table}.json.gz"
            with resource.open("rb") as raw, gzip.open(raw) as fh:
                _strings(json.load(fh), words)
        except (FileNotFoundError, ModuleNotFoundError, OSError, ValueError):
            continue
    return frozenset(w for w in words if w.isalpha())


class RealWords:
    """Tells whether a word that the lexicon lacks is still a correctly spelled word of the
    language, so that fuzzy matching never turns it into a glossary term.

    code (str): the language.
    known (Callable[[str], bool]): the fast test (lexicon, glossary words, allow lists).
    untranslated (Callable[[str], bool]): words of glossary terms in a loanword language, which
        stay misspellings here ('myalgia' for es 'mialgia').

    >>> real = RealWords("de", lambda w: w in {"magnesium", "menge", "schule", "buch"})
    >>> real("magnesiummenge"), real("schulbuch"), real("magnesiummnge")
    (True, True, False)
    """

    def __init__(self, code: str, known: Callable[[str], bool], untranslated: Callable[[str], bool] = lambda w: False,
                 lookups: bool = True):
        self.data = language_data(code)
        self.known = known
        self.untranslated = untranslated
        self.lookups = lookups  # False: only ``known`` attests a word, not spaCy's lemma tables too
        self._cache: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        word = word.lower()
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = self._attested(word) or self._rebuilt(word) or self._loanword(word)
        return cached

    def _attested(self, word: str) -> bool:
        return self.known(word) or (self.lookups and word in lookup_words(self.data.code))

    def _loanword(self, word: str) -> bool:
        return not self.untranslated(word) and any(word in lexicon(code) for code in self.data.loanwords_from)

    def _inflected(self, word: str) -> bool:
        """An attested word, or one that an inflection rule turns into an attested word."""
        if self._attested(word):
            return True
        for ending, replacements in self.data.inflections:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: len(word) - len(ending)]
                if any(len(stem + r) >= 4 and self._attested(stem + r) for r in replacements):
                    return True
        return False

    def _rebuilt(self, word: str) -> bool:
        """A word made of attested words: by an inflection rule, a prefix or a compound."""
        if self._inflected(word):
            return True
        for prefix in self.data.prefixes:
            rest = word[len(prefix):]
            if word.startswith(prefix) and len(rest) >= 4 and self._inflected(rest):
                return True
        return self.data.compound_min_part > 0 and self._compound(word, 0)

    def _compound(self, word: str, depth: int) -> bool:
        """An attested head word after one or more attested parts, joined by a linking element or
        with a dropped ending ('Magnesium|menge', 'Blut|zucker|spiegel', 'Schul|buch')."""
        shortest = self.data.compound_min_part
        for cut in range(shortest, len(word) - shortest + 1):
            head, left = word[cut:], word[:cut]
            if not self._attested(head):
                continue
            lefts = [left] + [left[: -len(link)] for link in self.data.compound_links
                              if left.endswith(link) and len(left) - len(link) >= shortest]
            for part in lefts:
                if self._attested(part) or any(self._attested(part + end) for end in self.data.compound_dropped):
                    return True
                if depth < 2 and len(part) >= 2 * shortest and self._compound(part, depth + 1):
                    return True
        return False
