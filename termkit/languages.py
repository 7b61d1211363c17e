"""Per-language data: lexicon of real words, inflection suffixes, extra allowed words.

The data lives in ``termkit/data/languages/<lang>.yaml``; the lexicon is pyspellchecker's word
frequency list, read directly (no spell-checker object is needed, only the word set).
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

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
    return LanguageData(
        code=base,
        lexicon=raw.get("lexicon"),
        min_word_length=int(raw.get("min_word_length", 4)),
        suffixes=tuple(str(s) for s in raw.get("suffixes") or ()),
        allow=tuple(str(s).lower() for s in raw.get("allow") or ()),
    )


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
