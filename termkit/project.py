"""A project: its settings, and the glossary they point at (read once, then from the cache)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .cache import glossary_key, load_cached, store_cached
from .glossary.load import glossary_files, glossary_paths, load_glossary, shipped_glossary_dir
from .glossary.model import Glossary
from .locales.load import shipped_locales_dir
from .settings import Settings, load_settings


@dataclass
class Project:
    """Settings plus the glossary (and the translated term lists) they point at."""

    settings: Settings
    glossary: Glossary
    glossary_files: list[Path]
    locales_dir: Path | None = None


def load_project(config: Path | None = None, glossary: Iterable[Path] | None = None,
                 start: Path | None = None, language: str | None = None) -> Project:
    """Find and read the config, then load (or take from the cache) the glossary.

    config (Path | None): an explicit config file; otherwise found by walking up from ``start``.
    glossary (Iterable[Path] | None): glossary folders/files overriding the config's.
    language (str | None): the default article language, overriding the config's.
    RETURNS (Project). Raises TermkitError / TermkitErrors on bad configuration or glossary.
    """
    settings = load_settings(config, start)
    if language:
        settings = settings.with_overrides(language=language)
    paths = glossary_paths(glossary or settings.glossary)
    files = glossary_files(paths)
    if settings.locales is not None:
        locales_dir = settings.locales
    elif paths == [shipped_glossary_dir()]:
        locales_dir = shipped_locales_dir()  # the shipped translations belong to the shipped glossary
    else:
        locales_dir = settings.root / "locales" if (settings.root / "locales").is_dir() else None
    key = "glossary-" + glossary_key(files, "*", settings.language, ())
    loaded = load_cached(key)
    if not isinstance(loaded, Glossary):
        loaded = load_glossary(files, settings.language, root=settings.root)
        store_cached(key, loaded)
    return Project(settings=settings, glossary=loaded, glossary_files=files, locales_dir=locales_dir)
