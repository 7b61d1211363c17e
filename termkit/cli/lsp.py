"""`termkit lsp`: run the language server on stdin/stdout (needs the ``lsp`` extra)."""

from __future__ import annotations

from ..errors import ExitStatus, TermkitError
from .language import add_lang_option, use_report_language


def register(sub) -> None:
    p = sub.add_parser("lsp", help="run the language server (stdio); needs `pip install termkit[lsp]`")
    add_lang_option(p)
    p.set_defaults(run=run)


def run(args) -> ExitStatus:
    try:
        from ..lsp.server import run as serve
    except ImportError as exc:
        raise TermkitError(f"the language server needs the lsp extra: pip install 'termkit[lsp]' ({exc.name} is missing)") from None
    use_report_language(args)  # diagnostics in the editor user's language (--lang, else the locale)
    serve()
    return ExitStatus.SUCCESS
