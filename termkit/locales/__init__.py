"""Translated term lists: ``locales/<locale>/<glossary file name>.yaml``, keyed by concept id.

Data flow: glossary + locales/ -> status (MISSING, STALE, DRAFT, ORPHANED, OK) -> sync/confirm
(round-trip YAML writes) -> export/import (PO, XLIFF 2.0, TBX v3/v2, CSV) with a three-way merge.
"""

from .load import load_locale, locale_folders
from .model import LocaleEntry, LocaleFile, LocaleTable

__all__ = ["LocaleEntry", "LocaleFile", "LocaleTable", "load_locale", "locale_folders"]
