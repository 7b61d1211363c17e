"""`termkit check PATH...`: lint articles against the glossary."""

from __future__ import annotations

import sys
from pathlib import Path

from ..engine import Checker, check_paths, load_project
from ..errors import Errors, ExitStatus, TermkitError
from ..findings import Severity
from ..report import RENDERERS


def _codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(code.strip() for value in values or () for code in value.split(",") if code.strip())


def register(sub) -> None:
    p = sub.add_parser("check", help="check articles (Markdown or plain text)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders to check")
    p.add_argument("--glossary", action="append", type=Path, metavar="DIR", help="glossary folder or file (repeatable)")
    p.add_argument("--config", type=Path, metavar="FILE", help="config file (default: termkit.yaml found upwards)")
    p.add_argument("--format", default="text", metavar="FORMAT", help=f"output format: {', '.join(RENDERERS)}")
    p.add_argument("--select", action="append", metavar="RULES", help="only these rules (codes, prefixes or names)")
    p.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules")
    p.add_argument("--fail-on", choices=[s.value for s in Severity], default=None,
                   help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--language", metavar="LANG", help="default article language (default: from config, else en)")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="check files in N processes")
    p.set_defaults(run=run)


def run(args) -> ExitStatus:
    if args.format not in RENDERERS:
        raise TermkitError(Errors.E204.format(name=args.format, expected=", ".join(RENDERERS)))
    start = args.paths[0] if args.paths and args.paths[0].exists() else None
    project = load_project(args.config, args.glossary, start=start, language=args.language)
    checker = Checker(project, _codes(args.select), _codes(args.ignore))
    result = check_paths(args.paths, checker, jobs=args.jobs)
    sys.stdout.write(RENDERERS[args.format](result))
    for error in result.errors:
        print(error, file=sys.stderr)
    if result.errors:
        return ExitStatus.ERROR
    threshold = Severity(args.fail_on or project.settings.fail_on).rank
    if any(f.severity.rank >= threshold for f in result.findings):
        return ExitStatus.FINDINGS
    return ExitStatus.SUCCESS
