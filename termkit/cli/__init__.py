"""Command line: a thin shell over the library. ``main(argv) -> ExitStatus``; never a traceback."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Sequence

from .. import __version__
from ..errors import ExitStatus, TermkitError, TermkitErrors
from ..invisible import printable
from . import baseline, check, glossary, locales, lsp, report, rules

COMMANDS = (check, glossary, rules, locales, baseline, lsp, report)
GC_THRESHOLDS = gc.get_threshold()  # the interpreter's; entry() raises them while termkit starts


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: one line, exit 2
        message = printable(message)
        self.exit(ExitStatus.ERROR, f"termkit: error: {message} (see `termkit {self.prog.split()[-1]} --help`)\n"
                  if " " in self.prog else f"termkit: error: {message}\n")


def steady_gc() -> None:
    """Once the pipelines are built: freeze what exists (the collector never scans it again) and
    collect at the usual pace, so that each article's garbage goes as soon as it is done."""
    if gc.get_threshold() != GC_THRESHOLDS:
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="termkit", description="Check health articles against a canonical glossary.")
    parser.add_argument("--version", action="version", version=f"termkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except TermkitErrors as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        return ExitStatus.ERROR
    except TermkitError as exc:
        print(f"termkit: {exc}" if not exc.path else str(exc), file=sys.stderr)
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        print("termkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return ExitStatus.SUCCESS
    except Exception as exc:  # noqa: BLE001 - the promise is: no traceback for users
        print(f"termkit: internal error: {type(exc).__name__}: {printable(str(exc))} (please report it)", file=sys.stderr)
        return ExitStatus.ERROR


def entry() -> None:
    """The ``termkit`` command. Tuned for a short-lived process, as mypy is: while it starts, the
    cyclic garbage collector runs rarely (importing spaCy and building its tables would make it
    run hundreds of times for nothing; ``steady_gc`` restores it once the work begins), and the
    process exits without the interpreter's teardown, which would free spaCy's tables, the
    vocabulary and the word lists one object at a time (0.1-0.2 s)."""
    gc.set_threshold(100_000, 50, 100)
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe: nothing more can be said
        pass
    os._exit(code)
