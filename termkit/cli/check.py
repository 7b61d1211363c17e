"""`termkit check PATH...`: lint articles against the glossary and the rulebooks; optionally fix."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ..confine import WriteScope
from ..errors import Errors, ExitStatus, TermkitError
from ..findings import CheckResult, Severity
from ..i18n import format_number, ngettext
from .language import add_lang_option, use_report_language
from ..report import RENDERERS, REPORTERS
from ..source import ARTICLE_SUFFIXES

if TYPE_CHECKING:
    from ..engine import Checker


def _codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(code.strip() for value in values or () for code in value.split(",") if code.strip())


def register(sub) -> None:
    p = sub.add_parser("check", help="check articles (Markdown or plain text)")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders to check (default: .)")
    p.add_argument("--glossary", action="append", type=Path, metavar="DIR", help="glossary folder or file (repeatable)")
    p.add_argument("--config", type=Path, metavar="FILE", help="config file (default: termkit.yaml found upwards)")
    p.add_argument("--format", default="text", metavar="FORMAT", help=f"output format: {', '.join(RENDERERS)}")
    p.add_argument("--select", action="append", metavar="RULES", help="only these rules (codes, prefixes or names)")
    p.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules")
    p.add_argument("--fail-on", choices=[s.value for s in Severity], default=None,
                   help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--language", metavar="LANG", help="default article language (default: from config, else en)")
    add_lang_option(p)
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="check files in N processes")
    p.add_argument("--max-file-size", metavar="SIZE",
                   help="skip (with an error) articles larger than SIZE, e.g. 5MB or 500KB; 0: no limit "
                        "(default: config's max_file_size, else 5MB)")
    p.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe fixes")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change no file")
    p.add_argument("--write-outside-root", action="store_true",
                   help="with --fix, also write files that links lead outside the project root and the given paths")
    p.add_argument("--baseline", type=Path, metavar="FILE", help="ignore findings recorded in this baseline")
    p.add_argument("--changed", nargs="?", const="HEAD", metavar="REF",
                   help="only files changed since the git REF (default HEAD), plus untracked ones")
    p.add_argument("--output-file", "-o", type=Path, metavar="FILE",
                   help="write the report to FILE (written whole, once the run is done) instead of stdout")
    p.add_argument("--statistics", action="store_true",
                   help="instead of each finding, the number of findings per rule (text format)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="only the findings: no summary line, notes or progress bar")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="say which config, glossary and locales are used, and end with the run's time")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported (errors still exit 2)")
    p.add_argument("--stdin-filename", metavar="PATH",
                   help="with PATH `-`: the path the text read from stdin stands for (config, language and "
                        "folder rules resolved as if the file were there)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the text report (auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it)")
    p.add_argument("--progress", action="store_true",
                   help="show a progress bar on stderr even when it is not a terminal (auto: on a terminal after 1 s)")
    p.add_argument("--compare", type=Path, metavar="OLD.json",
                   help="with --format html: an older JSON run, to show what was fixed and what is new")
    p.set_defaults(run=run)


def changed_files(ref: str, paths: list[Path]) -> list[Path]:
    """Articles under ``paths`` that differ from ``ref`` or are untracked."""
    def git(*args: str) -> list[str]:
        proc = subprocess.run(["git", *args], capture_output=True, text=True)
        if proc.returncode != 0:
            raise TermkitError(Errors.E009.format(problem=(proc.stderr.strip() or "no repository").splitlines()[0]))
        return [line for line in proc.stdout.splitlines() if line]

    root = Path(git("rev-parse", "--show-toplevel")[0])
    names = git("diff", "--name-only", "--diff-filter=ACMR", ref, "--") + git("ls-files", "--others", "--exclude-standard")
    wanted = [p.resolve() for p in paths]
    here = Path.cwd().resolve()
    out = []
    for name in dict.fromkeys(names):
        path = (root / name).resolve()
        if path.is_file() and any(path == w or w in path.parents for w in wanted):
            # shown as the user would type it, so reports and baselines match a plain `check`
            out.append(path.relative_to(here) if here in path.parents else path)
    return out


def _stdin_outcome(checker: Checker, shown: str):
    """The text piped on stdin, checked as if it were the file ``shown``: one (findings, error)."""
    from ..source import decode_source

    data = sys.stdin.buffer.read()
    try:
        checker.refuse_size(len(data), shown)
        return checker.check_source(decode_source(data, shown)), None
    except TermkitError as exc:
        return [], exc


def run(args) -> ExitStatus:
    # spaCy and the engine load here, not when the command line is parsed (`termkit --version`)
    import time

    from ..baseline import BaselineFilter, load_baseline
    from ..engine import Checker, iter_checks
    from ..nlp import language_class
    from ..project import load_project
    from ..settings import parse_size
    from . import steady_gc, terminal

    began = time.monotonic()
    if args.format not in RENDERERS:
        raise TermkitError(Errors.E204.format(name=args.format, expected=", ".join(RENDERERS)))
    paths = list(args.paths) or [Path(".")]
    from_stdin = paths == [Path("-")]
    if from_stdin and (args.fix or args.diff or args.changed):
        raise TermkitError(Errors.E201.format(problem="`-` (stdin) cannot be used with --fix, --diff or --changed"))
    if args.statistics and args.format != "text":
        raise TermkitError(Errors.E201.format(problem=f"--statistics goes with the text format, not {args.format}"))
    if args.stdin_filename and not from_stdin:
        raise TermkitError(Errors.E201.format(problem="--stdin-filename needs the path `-` (read stdin)"))
    shown_stdin = args.stdin_filename or "<stdin>"
    if from_stdin:
        where = Path(shown_stdin).parent if args.stdin_filename else Path(".")
        start = where if where.is_dir() else None
    else:
        start = paths[0] if paths[0].exists() else None
    if args.language:
        language_class(args.language)  # an unknown --language fails once, here, before any file is read
    use_report_language(args)  # a config error is reported in the language of --lang or the locale
    project = load_project(args.config, args.glossary, start=start, language=args.language)
    use_report_language(args, project.settings.report_language)
    if args.verbose:
        print(terminal.what_is_used(project, args.glossary), file=sys.stderr)
    note = None if args.quiet else terminal.unused_local_glossary(project, bool(args.glossary))
    if note:
        print(note, file=sys.stderr)
    if args.max_file_size is not None:
        size = parse_size(args.max_file_size)
        if size is None:
            raise TermkitError(Errors.E201.format(
                problem=f"--max-file-size: expected a size such as 5MB or 500KB, got {args.max_file_size!r}"))
        project.settings = project.settings.with_overrides(max_file_size=size)
    checker = Checker(project, _codes(args.select), _codes(args.ignore))
    if args.changed:
        paths = [p for p in changed_files(args.changed, paths)
                 if p.suffix.lower() in ARTICLE_SUFFIXES]
        if not paths:
            _emit(args, RENDERERS[args.format](CheckResult()) if args.format != "html" else None, project, checker, [])
            return ExitStatus.SUCCESS
    recorded = BaselineFilter(load_baseline(args.baseline)) if args.baseline else None
    if from_stdin:
        fixed, outcomes = None, iter([_stdin_outcome(checker, shown_stdin)])
    elif args.fix or args.diff:
        scope = WriteScope.of(project.settings.root, paths, anywhere=args.write_outside_root)
        fixed = _fix(paths, checker, args, scope)
        outcomes = iter([*(([], e) for e in fixed.errors), (fixed.findings, None)])
    else:
        if args.jobs > 1:
            steady_gc()  # the workers start from this process: they collect at the usual pace
        fixed, outcomes = None, iter_checks(paths, checker, jobs=args.jobs)
    colour = args.format == "text" and args.output_file is None and terminal.use_colour(args.color, sys.stdout)
    progress = terminal.Progress(forced=args.progress and not args.quiet)
    if args.quiet and not args.progress:
        progress.on = False
    names: dict[str, str] = {}
    fixable: Counter = Counter()
    # The report is written as the files are checked: nothing is kept but counts and errors. It
    # goes to a temporary file, then to stdout (or --output-file) whole: a glossary or locale error
    # that stops the run midway leaves stdout empty, as it always has.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as report:
        reporter = _reporter(args, report, colour, checker, paths if not from_stdin else [], project)
        reporter.start()
        errors: list[TermkitError] = []
        files = worst = 0
        for findings, error in outcomes:
            if error is not None:
                errors.append(error)
                continue
            files += 1
            if files == 1:
                steady_gc()
            for finding in findings:
                if recorded is None or recorded.keep(finding):
                    reporter.handle(finding)
                    names[finding.code] = finding.rule
                    if finding.fix is not None and finding.fix.applicability.value == "safe":
                        fixable[finding.code] += 1
                    worst = max(worst, finding.severity.rank)
            if getattr(findings, "article", None):
                reporter.article(findings.article)
            progress.update(files, reporter.findings)
        progress.close()
        if args.statistics:
            report.seek(0)
            report.truncate()
            report.write(terminal.statistics(reporter.codes, names, fixable))
        else:
            reporter.finish(fixed.files_checked if fixed else files, errors)
        report.seek(0)
        _emit(args, report, project, checker, errors)
    for error in errors:
        print(error, file=sys.stderr)
    if not args.quiet and (args.verbose or sys.stderr.isatty()) and args.format == "text":
        print(terminal.closing_line(fixed.files_checked if fixed else files, reporter.findings,
                                    sum(fixable.values()), time.monotonic() - began), file=sys.stderr)
    if errors:
        return ExitStatus.ERROR
    if args.exit_zero:
        return ExitStatus.SUCCESS
    if worst and worst >= Severity(args.fail_on or project.settings.fail_on).rank:
        return ExitStatus.FINDINGS
    return ExitStatus.SUCCESS


def _reporter(args, stream, colour: bool, checker, paths: list[Path], project):
    if args.format == "html":
        from ..report.html import HtmlReporter, load_run

        extra = {"old": load_run(args.compare), "old_name": str(args.compare)} if args.compare else {}
        return HtmlReporter(stream, checker=checker, paths=paths, fail_on=args.fail_on or project.settings.fail_on,
                            **extra)
    if args.format == "text":
        from ..report.text import TextReporter

        return TextReporter(stream, colour=colour, summary=not args.quiet)
    return REPORTERS[args.format](stream)


def _emit(args, report, project, checker, errors) -> None:
    """The finished report to stdout, or written whole to --output-file."""
    if report is None:  # an html run with nothing to check
        from io import StringIO

        report = StringIO()
        reporter = _reporter(args, report, False, checker, [], project)
        reporter.start()
        reporter.finish(0, errors)
        report.seek(0)
    if isinstance(report, str):
        text = report
    else:
        text = report.read()
    if args.output_file is None:
        sys.stdout.write(text)
        return
    from ..atomic import write_output

    try:
        write_output(args.output_file, text)
    except OSError as exc:
        raise TermkitError(Errors.E007.format(reason=exc.strerror or exc), str(args.output_file)) from None


def _fix(paths: list[Path], checker: Checker, args, scope: WriteScope) -> CheckResult:
    """Fix (or, with --diff, show the fixes of) every file; the result holds what remains.
    A file whose real location is outside ``scope`` is not written: its findings stay, with an error."""
    from ..atomic import write_atomically
    from ..engine import iter_articles
    from ..fixes import unified_diff

    result = CheckResult()
    fixed_files = fixed_findings = 0
    for item in iter_articles(paths):
        if isinstance(item, TermkitError):
            result.errors.append(item)
            continue
        path, shown = item
        try:
            source = checker.read_article(path, shown)
            text, applied, remaining = checker.fix_source(source, unsafe=args.unsafe_fixes)
            if applied:
                if args.diff:
                    sys.stdout.write(unified_diff(shown, source.text, text))
                    remaining = checker.check_source(source)
                elif not scope.allows(path):
                    result.errors.append(scope.refusal(path, shown))
                    remaining = checker.check_source(source)
                else:
                    write_atomically(path, text, bom=source.bom)
                    fixed_files += 1
                    fixed_findings += len(applied)
        except TermkitError as exc:
            result.errors.append(exc)
            continue
        except OSError as exc:
            result.errors.append(TermkitError(Errors.E007.format(reason=exc.strerror or exc), shown))
            continue
        except Exception as exc:  # noqa: BLE001 - one file's failure must not end the run (nor hide the report)
            result.errors.append(TermkitError(Errors.E000.format(problem=f"{type(exc).__name__}: {exc}"), shown))
            continue
        result.files_checked += 1
        result.findings.extend(remaining)
    if args.fix and not args.diff:
        done = ngettext("Fixed {count} finding in {files}.", "Fixed {count} findings in {files}.", fixed_findings)
        print(done.format(
            count=format_number(fixed_findings),
            files=ngettext("{count} file", "{count} files", fixed_files).format(count=format_number(fixed_files))),
            file=sys.stderr)
    return result
