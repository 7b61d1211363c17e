"""`termkit baseline create PATH... [-o FILE]`: record today's findings to ignore them in CI."""

from __future__ import annotations

import sys
from pathlib import Path

from ..confine import WriteScope
from ..errors import Errors, ExitStatus, TermkitError
from ..invisible import printable


def register(sub) -> None:
    p = sub.add_parser("baseline", help="baseline tools")
    bsub = p.add_subparsers(dest="baseline_command", required=True)
    c = bsub.add_parser("create", help="write the current findings to a baseline file")
    c.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    c.add_argument("-o", "--output", type=Path, default=Path("termkit-baseline.json"), metavar="FILE")
    c.add_argument("--glossary", action="append", type=Path, metavar="DIR")
    c.add_argument("--config", type=Path, metavar="FILE")
    c.set_defaults(run=run_create)


def run_create(args) -> ExitStatus:
    from ..atomic import write_atomically
    from ..baseline import create_baseline
    from ..engine import Checker, check_paths
    from ..project import load_project

    paths = list(args.paths) or [Path(".")]
    project = load_project(args.config, args.glossary, start=paths[0] if paths[0].exists() else None)
    result = check_paths(paths, Checker(project))
    for error in result.errors:
        print(error, file=sys.stderr)
    if result.errors:
        return ExitStatus.ERROR
    WriteScope.of(project.settings.root, [args.output]).check([args.output])  # never through a link to elsewhere
    try:
        if not args.output.exists():
            args.output.write_text("", encoding="utf-8")
        write_atomically(args.output, create_baseline(result.findings))
    except OSError as exc:
        raise TermkitError(Errors.E007.format(reason=exc.strerror or exc), str(args.output)) from None
    print(f"Recorded {len(result.findings)} findings of {result.files_checked} files in {printable(str(args.output))}.")
    return ExitStatus.SUCCESS
