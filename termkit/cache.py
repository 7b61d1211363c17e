"""The on-disk cache of compiled glossaries, term tables and word lists, keyed by their inputs.

Building the tables means tokenising every term variant with spaCy, which costs seconds for a
10,000-concept glossary; a pickle keyed by the glossary files' hashes makes every later run start
in milliseconds. The same goes for pyspellchecker's word lists (a pickle loads three times faster
than the gzipped JSON). Writes are atomic; a cache that cannot be read or written is skipped.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

CACHE_FORMAT = 3


@lru_cache(maxsize=None)
def _versions() -> str:
    """Everything the compiled form depends on besides the glossary: library versions and the
    code that builds it (so a development checkout never reads a stale cache)."""
    here = Path(__file__).resolve().parent
    code = hashlib.sha256()
    for name in ("term_tables.py", "cache.py", "fuzzy.py", "phonetic.py", "languages.py", "glossary/model.py", "glossary/load.py"):
        code.update((here / name).read_bytes())
    for data_file in sorted((here / "data" / "languages").glob("*.yaml")):
        code.update(data_file.read_bytes())
    parts = [f"cache{CACHE_FORMAT}", code.hexdigest()[:16]]
    for dist in ("termkit", "spacy", "pyspellchecker", "rapidfuzz", "jellyfish"):
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


def cached(name: str, inputs: tuple, build: Callable[[], T]) -> T:
    """``build()``, kept on disk under ``name`` and the hash of ``inputs`` (plus the versions of
    termkit's code and libraries): the first run builds, later ones load."""
    digest = hashlib.sha256(f"{_versions()}\0{inputs!r}".encode()).hexdigest()[:32]
    key = f"{name}-{digest}"
    value = load_cached(key)
    if value is None:
        value = build()
        store_cached(key, value)
    return value
