"""`termkit locales status|sync|confirm|export|import`: keep translated term lists in step."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..confine import WriteScope
from ..errors import Errors, ExitStatus, TermkitError
from ..invisible import printable

# The command line is parsed without loading the locale machinery (Babel, ruamel.yaml, the
# glossary loader); tests/test_startup.py holds these to locales.exchange.formats(),
# locales.importing.STRATEGIES and locales.importing.REPLACED_STATUSES.
FORMATS = ("csv", "po", "tbx", "tbx2", "xliff")
STRATEGIES = ("report", "ours", "theirs")
REPLACED_STATUSES = ("superseded", "deprecated", "admitted")


def formats() -> dict:
    from ..locales.exchange import formats as exchange_formats

    return exchange_formats()


def register(sub) -> None:
    p = sub.add_parser("locales", help="translated term lists: status, sync, confirm, export, import")
    lsub = p.add_subparsers(dest="locales_command", required=True)

    def common(q):
        q.add_argument("--config", type=Path, metavar="FILE")
        q.add_argument("--glossary", action="append", type=Path, metavar="DIR")
        q.add_argument("--locales", type=Path, metavar="DIR", help="locales folder (default: config's, else ./locales)")
        q.add_argument("--write-outside-root", action="store_true",
                       help="write files even where links or the config lead outside the project root")

    s = lsub.add_parser("status", help="MISSING / STALE / DRAFT / ORPHANED / OK per concept, and coverage")
    common(s)
    s.add_argument("--locale", action="append", metavar="L")
    s.add_argument("--format", choices=["text", "json"], default="text")
    s.add_argument("--min-coverage", type=float, metavar="X", help="exit 1 when a locale's coverage is below X (0-1)")
    s.add_argument("--verbose", "-v", action="store_true", help="list OK concepts too")
    s.set_defaults(run=run_status)

    y = lsub.add_parser("sync", help="add stubs for new concepts, move orphans to obsolete (dry run unless --write)")
    common(y)
    y.add_argument("--locale", action="append", metavar="L")
    y.add_argument("--write", action="store_true")
    y.set_defaults(run=run_sync)

    c = lsub.add_parser("confirm", help="mark translations as matching the current source")
    common(c)
    c.add_argument("locale", metavar="L")
    c.add_argument("ids", nargs="*", metavar="ID")
    c.add_argument("--all", action="store_true", help="every translated entry of the locale")
    c.set_defaults(run=run_confirm)

    e = lsub.add_parser("export", help="write an exchange file for translators' tools")
    common(e)
    e.add_argument("locale", metavar="L")
    e.add_argument("--format", required=True, choices=FORMATS)
    e.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: standard output")
    e.set_defaults(run=run_export)

    i = lsub.add_parser("import", help="bring a translator's file back (three-way merge)")
    common(i)
    i.add_argument("locale", metavar="L")
    i.add_argument("file", type=Path, metavar="FILE")
    i.add_argument("--format", choices=FORMATS, help="default: from the file name")
    i.add_argument("--strategy", choices=STRATEGIES, default="report")
    i.add_argument("--dry-run", action="store_true")
    i.add_argument("--replaced-status", choices=REPLACED_STATUSES, default="superseded",
                   help="status kept by a preferred term the import replaces (default: superseded)")
    i.set_defaults(run=run_import)


def _context(args):
    from ..locales.load import shipped_locales_dir
    from ..project import load_project  # the glossary loader: only when a command runs

    project = load_project(args.config, args.glossary, start=Path.cwd())
    settings = project.settings
    folder = args.locales or settings.locales
    if folder is None:
        folder = settings.root / "locales" if (settings.root / "locales").is_dir() else shipped_locales_dir()
    return project, folder


def _scope(args, project, *given: Path | None) -> WriteScope:
    """The project root, the --locales folder and the output file, if the user named them."""
    named = [p for p in (args.locales, *given) if p is not None]
    return WriteScope.of(project.settings.root, named, anywhere=args.write_outside_root)


def _tables(project, folder, wanted):
    from ..locales.load import load_locale, locale_folders

    if not folder.is_dir():
        raise TermkitError(Errors.E001, str(folder))
    names = wanted or locale_folders(folder)
    if not names:
        raise TermkitError(f"no locale folders in {folder} (expected e.g. {folder}/fr/)", str(folder))
    return [load_locale(folder, name, root=project.settings.root) for name in names]


def run_status(args) -> ExitStatus:
    from ..locales.sync import locale_status

    project, folder = _context(args)
    source = project.settings.language
    reports = [locale_status(project.glossary, t, source) for t in _tables(project, folder, args.locale)]
    if args.format == "json":
        print(json.dumps({"version": 1, "locales": [{
            "locale": r.locale, "name": r.name, "approved": r.approved, "ok": r.ok, "coverage": round(r.coverage, 4),
            "counts": r.counts(), "concepts": [{"id": row.concept_id, "status": row.status, "detail": row.detail}
                                               for row in r.rows]} for r in reports]}, ensure_ascii=False, indent=2))
    else:
        for r in reports:
            counts = ", ".join(f"{n} {s}" for s, n in r.counts().items() if n)
            print(f"{r.name} ({r.locale}): {r.coverage_text()} of {r.approved} approved concepts OK ({counts})")
            for row in r.rows:
                if row.status != "OK" or args.verbose:
                    print(printable(f"  {row.status:<9} {row.concept_id}" + (f": {row.detail}" if row.detail else "")))
    if args.min_coverage is not None and any(r.coverage < args.min_coverage for r in reports):
        return ExitStatus.FINDINGS
    return ExitStatus.SUCCESS


def run_sync(args) -> ExitStatus:
    from ..locales.sync import sync_locale

    project, folder = _context(args)
    for table in _tables(project, folder, args.locale):
        actions, written = sync_locale(project.glossary, table, project.settings.language, write=args.write,
                                       scope=_scope(args, project))
        for action in actions:
            print(printable(action))
        if not actions:
            print(f"{table.locale}: in sync")
        elif not args.write:
            print(f"{table.locale}: {len(actions)} change(s); run with --write to apply")
        else:
            print(f"{table.locale}: wrote {len(written)} file(s)")
    return ExitStatus.SUCCESS


def run_confirm(args) -> ExitStatus:
    from ..locales.sync import confirm_entries
    from ..locales.load import load_locale

    project, folder = _context(args)
    if not args.ids and not args.all:
        raise TermkitError("confirm needs concept ids or --all")
    table = load_locale(folder, args.locale, root=project.settings.root)
    written = confirm_entries(project.glossary, table, project.settings.language, args.ids, everything=args.all,
                              scope=_scope(args, project))
    print(f"{args.locale}: confirmed {'all translated entries' if args.all else ', '.join(args.ids)}; "
          f"wrote {len(written)} file(s)")
    return ExitStatus.SUCCESS


def run_export(args) -> ExitStatus:
    from ..locales.exchange import build_units
    from ..locales.load import load_locale
    from ..atomic import write_atomically

    project, folder = _context(args)
    table = load_locale(folder, args.locale, root=project.settings.root)
    module = formats()[args.format]
    text = module.render(build_units(project.glossary, table, project.settings.language),
                         project.settings.language, args.locale)
    if args.output:
        _scope(args, project, args.output).check([args.output])
        try:
            if not args.output.exists():
                args.output.write_text("", encoding="utf-8")
            write_atomically(args.output, text)
        except OSError as exc:
            raise TermkitError(Errors.E007.format(reason=exc.strerror or exc), str(args.output)) from None
    else:
        sys.stdout.write(text)
    return ExitStatus.SUCCESS


def _guess_format(path: Path) -> str:
    suffix = path.suffix.lower()
    guess = {".po": "po", ".xlf": "xliff", ".xliff": "xliff", ".csv": "csv"}.get(suffix)
    if suffix == ".tbx":
        head = path.read_text(encoding="utf-8", errors="replace")[:2000]
        guess = "tbx2" if "<martif" in head else "tbx"
    if guess is None:
        raise TermkitError(Errors.E307.format(name=suffix, expected=", ".join(sorted(formats()))), str(path))
    return guess


def run_import(args) -> ExitStatus:
    from ..locales.importing import import_units
    from ..locales.load import load_locale

    project, folder = _context(args)
    table = load_locale(folder, args.locale, root=project.settings.root)
    if not args.file.is_file():
        raise TermkitError(Errors.E001, str(args.file))
    fmt = args.format or _guess_format(args.file)
    module = formats()[fmt]
    shown = str(args.file)
    try:
        text = args.file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TermkitError(Errors.E001, shown) from None
    except UnicodeDecodeError as exc:
        raise TermkitError(Errors.E004.format(byte=exc.object[exc.start]), shown) from None
    units = module.parse(text, shown, args.locale) if getattr(module, "NEEDS_LOCALE", False) else module.parse(text, shown)
    report = import_units(project.glossary, table, project.settings.language, units, module.CARRIES_ALTERNATIVES,
                          shown, strategy=args.strategy, dry_run=args.dry_run, scope=_scope(args, project),
                          replaced_status=args.replaced_status)
    verb = "would update" if args.dry_run else "updated"
    print(f"{args.locale}: {verb} {len(report.updated)}, unchanged {len(report.unchanged)}, "
          f"conflicts {len(report.conflicts)}, made against an older source {len(report.stale)}")
    for line in report.conflicts:
        print(f"  CONFLICT {printable(line)}" + ("" if args.strategy == "report" else f" (resolved: {args.strategy})"))
    for concept_id in report.stale:
        print(f"  STALE    {printable(concept_id)}: translated against an older source; stays stale until confirmed")
    for line in report.replaced:
        print(f"  REPLACED {printable(line)}")
    if report.conflicts and args.strategy == "report":
        return ExitStatus.FINDINGS
    return ExitStatus.SUCCESS
