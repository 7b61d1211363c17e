"""`termkit report RUN.json -o report.html`: the HTML audit report of a saved JSON run."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ExitStatus
from ..findings import Severity


def register(sub) -> None:
    p = sub.add_parser("report", help="the HTML audit report of a saved `check --format json` run")
    p.add_argument("run_file", type=Path, metavar="RUN.json", help="a report written by `termkit check --format json`")
    p.add_argument("--output-file", "-o", type=Path, metavar="FILE", help="write the page to FILE (default: stdout)")
    p.add_argument("--compare", type=Path, metavar="OLD.json", help="an older run: show what was fixed and what is new")
    p.add_argument("--fail-on", choices=[s.value for s in Severity], default=None,
                   help="lowest severity shown as a failing run (default: the config's fail_on, else error)")
    p.add_argument("--config", type=Path, metavar="FILE", help="config file (default: termkit.yaml found upwards)")
    p.add_argument("--glossary", action="append", type=Path, metavar="DIR", help="glossary folder or file (repeatable)")
    p.set_defaults(run=run)


def run(args) -> ExitStatus:
    """The articles named in the run are read from disk (relative to the current folder) for their
    text, words and language; those that are gone are shown with their findings alone."""
    from ..atomic import write_output
    from ..engine import Checker
    from ..project import load_project
    from ..report.html import article_info, concepts_used, coverage, load_run, render_document

    run_doc = load_run(args.run_file)
    old = load_run(args.compare) if args.compare else None
    project = load_project(args.config, args.glossary, start=Path.cwd())
    checker = Checker(project)
    paths = sorted({f["path"] for f in run_doc["findings"]})
    articles = [article_info(Path(p), p, checker) for p in paths if Path(p).is_file()]
    page = render_document(run_doc, articles=articles, fail_on=args.fail_on or project.settings.fail_on,
                           locales=coverage(project), concepts=concepts_used(articles, checker), old=old,
                           old_name=str(args.compare) if args.compare else "")
    if args.output_file is None:
        sys.stdout.write(page)
    else:
        write_output(args.output_file, page)
    return ExitStatus.SUCCESS
