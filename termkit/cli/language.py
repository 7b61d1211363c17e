"""``--lang``: the language of a report's messages (en, fr, es, de); see ``termkit/i18n.py``."""

from __future__ import annotations

import os

from .. import i18n
from ..errors import Errors, TermkitError


def add_lang_option(parser) -> None:
    parser.add_argument("--lang", metavar="LANG", dest="report_lang",
                        help=f"language of the report's messages: {', '.join(i18n.LANGUAGES)} "
                             "(default: report_language in the config, else the user's locale, else en)")


def use_report_language(args, configured: str | None = None) -> str:
    """Activate the report language chosen by ``--lang``, the config, or the locale; an unknown
    ``--lang`` is a usage error (exit 2)."""
    option = getattr(args, "report_lang", None)
    if option and not i18n.supported(option):
        raise TermkitError(Errors.E203.format(lang=option, problem=i18n.gettext(
            "reports are written in {expected}").format(expected=", ".join(i18n.LANGUAGES))))
    language = i18n.choose_language(option, configured, os.environ)
    i18n.activate(language)
    return language
