"""The report language: gettext catalogs (``termkit/locale/<lang>/LC_MESSAGES/termkit.mo``) managed
with Babel, one active language at a time.

Messages are marked with ``_()`` (translated when the message is made) or ``N_()`` (only marked,
for texts defined at import time such as a rule's ``summary``; translate them with ``_()`` where
they are shown). Nothing is loaded until the first lookup: ``termkit --version`` never pays for
Babel. ``make catalogs`` extracts the marked texts to ``termkit/locale/termkit.pot``, updates each
language's ``.po`` and compiles the ``.mo`` files (which are committed, so a fresh clone works).

The language of a report: ``--lang``, else ``report_language:`` in termkit.yaml, else the user's
locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English.

>>> with using("fr"):
...     _("Remove the control character")
'Supprimer le caractère de contrôle'
>>> choose_language(None, None, {"LANG": "de_DE.UTF-8"}), choose_language(None, None, {"LANGUAGE": "ja:es"})
('de', 'es')
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping

if TYPE_CHECKING:
    from babel.support import Translations

LANGUAGES = ("en", "fr", "es", "de")  # the report languages: one catalog each
DEFAULT = "en"
DOMAIN = "termkit"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENV_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # GNU gettext's order

_active = DEFAULT


@lru_cache(maxsize=None)
def translations(language: str) -> "Translations":
    """The compiled catalog of ``language`` (Babel's Translations over gettext); loaded once."""
    from babel.support import NullTranslations, Translations

    found = Translations.load(str(LOCALE_DIR), [language], DOMAIN)
    return found if isinstance(found, Translations) else NullTranslations()


def active() -> str:
    """The language messages are made in now."""
    return _active


def activate(language: str | None) -> None:
    """Make ``language`` (one of LANGUAGES) the language of every message from now on; None: no change."""
    global _active
    if language:
        _active = language


@contextmanager
def using(language: str | None) -> Iterator[None]:
    """Messages in ``language`` inside the block (None: the active language)."""
    previous = _active
    activate(language)
    try:
        yield
    finally:
        activate(previous)


def gettext(message: str) -> str:
    """``message`` in the active language (the English msgid when the catalog lacks it)."""
    if _active == DEFAULT:
        return message  # the msgids are the English texts: no catalog to open
    return translations(_active).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if _active == DEFAULT:
        return singular if n == 1 else plural
    return translations(_active).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogs without translating it (translate where it is shown)."""
    return message


_ = gettext


def supported(code: str | None) -> str | None:
    """'fr', 'fr_FR.UTF-8', 'fr-CA' -> 'fr' when it is a report language; None otherwise."""
    if not code:
        return None
    base = code.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].lower()
    return base if base in LANGUAGES else None


def choose_language(option: str | None, configured: str | None, environ: Mapping[str, str]) -> str:
    """The report language: the option, else the config, else the first set locale variable (its
    first report language: LANGUAGE may list several, 'ja:fr'), else English. The option and the
    config are checked by their readers (``supported``); here they are already valid."""
    for chosen in (option, configured):
        if chosen:
            return supported(chosen) or DEFAULT
    for name in ENV_VARIABLES:
        value = environ.get(name, "")
        if not value:
            continue
        if value in ("C", "POSIX") or value.startswith("C."):
            return DEFAULT
        for part in value.split(":"):
            found = supported(part)
            if found:
                return found
        return DEFAULT
    return DEFAULT


def format_number(number: int | float) -> str:
    """A count or figure as the report language writes it ('1,234', '1 234', '1.234')."""
    if _active == DEFAULT and isinstance(number, int) and abs(number) < 1000:
        return str(number)
    from babel.numbers import format_decimal

    return format_decimal(number, locale=_active)


def format_date(value) -> str:
    """A date as the report language writes it (Babel's medium format: 'Jan 1, 2001', '1 janv. 2001')."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format="medium", locale=_active)


def language_name(code: str) -> str:
    """'fr' -> 'French' in an English report, 'français' in a French one (Babel); the code when unknown."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(_active) or code
    except (ValueError, UnknownLocaleError):
        return code


__all__ = ["LANGUAGES", "N_", "_", "activate", "active", "choose_language", "format_date", "format_number",
           "gettext", "language_name", "ngettext", "supported", "translations", "using"]


def fill_english(po_path: Path | None = None) -> int:
    """The English catalog's msgstrs are its msgids (``make catalogs`` runs this after ``pybabel
    update``); returns how many were filled."""
    from babel.messages.pofile import read_po, write_po

    path = po_path or LOCALE_DIR / DEFAULT / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as f:
        catalog = read_po(f)
    filled = 0
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not message.id or (all(strings) and not message.fuzzy):
            continue
        message.string = message.id
        message.flags.discard("fuzzy")
        filled += 1
    with path.open("wb") as f:
        write_po(f, catalog, no_location=True)
    return filled


if __name__ == "__main__":  # python -m termkit.i18n fill-english
    import sys

    if sys.argv[1:] != ["fill-english"]:
        sys.exit("usage: python -m termkit.i18n fill-english")
    print(f"filled {fill_english()} English messages")
