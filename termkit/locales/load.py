"""Load ``locales/<locale>/*.yaml``: folder names validated with Babel, every error with file:line:col."""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale, UnknownLocaleError

from ..errors import Errors, TermkitError, TermkitErrors
from ..glossary.load import explanation_field, parse_term
from ..yamlio import ErrorCollector, MarkedDict, check_fields, display_path, enum_field, load_yaml_file, string_field
from .model import STATES, LocaleEntry, LocaleFile, LocaleTable

SCHEMA = "termkit.locale/1"
FILE_FIELDS = ("schema", "locale", "glossary", "entries", "obsolete")
ENTRY_FIELDS = ("source_hash", "source_term", "state", "explanation", "terms", "note")
LOCALE_NAME = re.compile(r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})*")


def shipped_locales_dir() -> Path:
    """The shipped translations: packaged in the wheel, or the repository's ``locales/``."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data" / "locales"
    return packaged if packaged.is_dir() else package.parent / "locales"


def validate_locale(name: str, where: str | None = None) -> Locale:
    """Babel's Locale for a folder name; both of Babel's error types become one coded error.
    The folder name stays the key: ``str(Locale.parse('zh_TW'))`` is 'zh_Hant_TW'."""
    try:
        return Locale.parse(name)
    except (ValueError, UnknownLocaleError) as exc:
        raise TermkitError(Errors.E301.format(name=name, problem=str(exc)), where) from None


def locale_folders(locales_dir: Path | None) -> list[str]:
    if locales_dir is None or not locales_dir.is_dir():
        return []
    names = sorted(p.name for p in locales_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    for name in names:
        validate_locale(name, str(locales_dir / name))
    return names


def display_name(locale: str, ui: str = "en") -> str:
    try:
        return Locale.parse(locale).get_display_name(ui) or locale
    except (ValueError, UnknownLocaleError):
        return locale


def _parse_file(path: Path, shown: str, locale: str, out: ErrorCollector) -> LocaleFile:
    data = load_yaml_file(path, shown)
    result = LocaleFile(path=path, shown=shown, locale=locale, glossary=path.stem)
    if not isinstance(data, MarkedDict):
        out.add(Errors.E102.format(field="file", expected="a mapping with 'schema' and 'entries'", got=data), shown, (1, 1))
        return result
    check_fields(data, FILE_FIELDS, "", out, shown)
    if data.get("schema") != SCHEMA:
        out.add(Errors.E110.format(got=data.get("schema"), expected=SCHEMA), shown, data.mark("schema"))
    declared = string_field(data, "locale", "", out, shown)
    if declared and declared != locale:
        out.add(Errors.E302.format(got=declared, folder=locale), shown, data.value_mark("locale"))
    result.glossary = string_field(data, "glossary", "", out, shown) or path.stem
    entries = data.get("entries")
    if entries is None:
        entries = MarkedDict()
    if not isinstance(entries, MarkedDict):
        out.add(Errors.E102.format(field="entries", expected="a mapping of concept id -> entry", got=entries),
                shown, data.value_mark("entries"))
        entries = {}
    for concept_id, raw in entries.items():
        where = f"entries.{concept_id}."
        if not isinstance(raw, MarkedDict):
            out.add(Errors.E102.format(field=where.rstrip("."), expected="a mapping", got=raw), shown, entries.mark(concept_id))
            continue
        check_fields(raw, ENTRY_FIELDS, where, out, shown)
        terms = []
        raw_terms = raw.get("terms") or []
        if not isinstance(raw_terms, list):
            out.add(Errors.E102.format(field=f"{where}terms", expected="a list of terms", got=raw_terms),
                    shown, raw.value_mark("terms"))
            raw_terms = []
        for j, raw_term in enumerate(raw_terms):
            term = parse_term(raw_term, locale, f"{where}terms[{j}].", out, shown)
            if term:
                terms.append(term)
        preferred = sum(1 for t in terms if t.status.value == "preferred")
        if terms and preferred != 1:
            out.add(Errors.E106.format(id=concept_id, count=preferred, lang=locale), shown, raw.mark("terms"))
        result.entries[str(concept_id)] = LocaleEntry(
            concept_id=str(concept_id),
            source_hash=string_field(raw, "source_hash", where, out, shown),
            source_term=string_field(raw, "source_term", where, out, shown),
            state=enum_field(raw, "state", STATES, "translated", where, out, shown) or "translated",
            terms=tuple(terms), path=shown, line=raw.line,
            explanation=explanation_field(raw, where, out, shown),
        )
    obsolete = data.get("obsolete")
    if obsolete is not None and not isinstance(obsolete, dict):
        out.add(Errors.E102.format(field="obsolete", expected="a mapping of concept id -> entry", got=obsolete),
                shown, data.value_mark("obsolete"))
        obsolete = {}
    result.obsolete = tuple(str(k) for k in obsolete or {})
    return result


def load_locale(locales_dir: Path, locale: str, root: Path | None = None) -> LocaleTable:
    """Every file of ``locales_dir/locale``. Raises TermkitErrors listing every problem found."""
    # the name first: a name like 'fr/../../x' must not tell whether some folder exists
    if not LOCALE_NAME.fullmatch(locale):
        raise TermkitError(Errors.E301.format(name=locale, problem="expected letters, digits and '_' only"))
    validate_locale(locale)
    folder = locales_dir / locale
    if not folder.is_dir():
        known = ", ".join(locale_folders(locales_dir)) or "none"
        raise TermkitError(Errors.E303.format(name=locale, folder=locales_dir, known=known))
    out = ErrorCollector()
    table = LocaleTable(locale=locale, folder=folder)
    for path in sorted(folder.glob("*.yaml")):
        shown = display_path(path, root)
        try:
            table.files.append(_parse_file(path, shown, locale, out))
        except TermkitError as exc:
            out.errors.append(exc)
    if out.errors:
        raise TermkitErrors(out.errors)
    return table


def resolve_locale_folder(locales_dir: Path | None, language: str) -> str | None:
    """The folder for an article language, with Babel-style fallback: 'pt-BR' -> pt_BR -> pt."""
    if locales_dir is None or not locales_dir.is_dir():
        return None
    code = language.replace("-", "_")
    candidates = [code, code.split("_")[0]]
    names = {p.name.lower(): p.name for p in locales_dir.iterdir() if p.is_dir()}
    for candidate in candidates:
        if candidate.lower() in names:
            return names[candidate.lower()]
    return None


__all__ = ["display_name", "load_locale", "locale_folders", "resolve_locale_folder", "validate_locale"]
