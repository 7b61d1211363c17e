"""`termkit lsp`: run the language server on stdin/stdout (needs the ``lsp`` extra)."""

from __future__ import annotations

from ..errors import ExitStatus, TermkitError


def register(sub) -> None:
    p = sub.add_parser("lsp", help="run the language server (stdio); needs `pip install termkit[lsp]`")
    p.set_defaults(run=run)


def run(args) -> ExitStatus:
    try:
        from ..lsp.server import run as serve
    except ImportError as exc:
        raise TermkitError(f"the language server needs the lsp extra: pip install 'termkit[lsp]' ({exc.name} is missing)") from None
    serve()
    return ExitStatus.SUCCESS
