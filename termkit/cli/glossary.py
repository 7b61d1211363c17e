"""`termkit glossary validate [PATH...]`: check the glossary itself.
`termkit glossary suggest ARCHIVE... [-o patch.yaml]`: propose variants and new terms from articles;
`termkit glossary suggest --write patch.yaml`: apply a reviewed patch."""

from __future__ import annotations

from pathlib import Path

from ..errors import ExitStatus


def register(sub) -> None:
    p = sub.add_parser("glossary", help="glossary tools")
    gsub = p.add_subparsers(dest="glossary_command", required=True)
    v = gsub.add_parser("validate", help="check ids, statuses, collisions and fields; exit 2 on any error")
    v.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="glossary folders or files (default: config's)")
    v.add_argument("--config", type=Path, metavar="FILE")
    v.set_defaults(run=run_validate)
    s = gsub.add_parser("suggest", help="propose unlisted variants and new terms from an archive; apply a reviewed patch")
    s.add_argument("archive", nargs="*", type=Path, metavar="ARCHIVE", help="folders or files of articles")
    s.add_argument("--language", metavar="LANG", help="only articles in this language")
    s.add_argument("-o", "--output", type=Path, metavar="PATCH", help="write the glossary patch (YAML) here for review")
    s.add_argument("--write", type=Path, metavar="PATCH", help="apply a reviewed patch to the glossary files")
    s.add_argument("--top", type=int, default=50, metavar="N", help="candidate terms per language (default 50)")
    s.add_argument("--min-count", type=int, default=3, metavar="N", help="least occurrences of a candidate (default 3)")
    s.add_argument("--config", type=Path, metavar="FILE")
    s.add_argument("--glossary", type=Path, action="append", metavar="PATH", help="glossary folder or file (repeatable)")
    s.set_defaults(run=run_suggest)


def run_validate(args) -> ExitStatus:
    from ..glossary.load import glossary_files, glossary_paths, load_glossary
    from ..settings import load_settings

    settings = load_settings(args.config, args.paths[0] if args.paths else None)
    paths = glossary_paths(args.paths or settings.glossary)
    glossary = load_glossary(glossary_files(paths), settings.language, root=Path.cwd())
    terms = sum(len(c.terms) for c in glossary.concepts.values())
    print(f"Glossary OK: {len(glossary)} concepts, {terms} terms in {len(glossary.files)} files "
          f"(languages: {', '.join(glossary.languages)}).")
    return ExitStatus.SUCCESS


def run_suggest(args) -> ExitStatus:
    from ..errors import Errors, TermkitError
    from ..project import load_project

    if bool(args.archive) == bool(args.write):
        raise TermkitError(Errors.E201.format(problem="give either ARCHIVE folders to mine or --write PATCH to apply"))
    if args.write:
        from ..glossary.patch import apply_patch, read_patch

        patch = read_patch(args.write)  # read whole before the glossary is even loaded
        project = load_project(args.config, args.glossary, start=Path.cwd())
        written = apply_patch(patch, str(args.write), project)
        print(f"Applied {len(patch.misspellings)} misspelling entries and {len(patch.concepts)} new concepts "
              f"to {len(written)} files" + (": " + ", ".join(str(p) for p in written) if written else "") + ".")
        return ExitStatus.SUCCESS
    from ..atomic import write_atomically
    from ..glossary.mining import format_listing, suggest
    from ..glossary.patch import build_patch, dump_patch

    project = load_project(args.config, args.glossary, start=args.archive[0] if args.archive[0].is_dir() else Path.cwd(),
                           language=None)
    found = suggest(args.archive, project, language=args.language, top=args.top, min_count=args.min_count)
    print(format_listing(found), end="")
    if args.output:
        text = dump_patch(build_patch(found))
        if not args.output.exists():
            try:
                args.output.write_text("", encoding="utf-8")
            except OSError as exc:
                raise TermkitError(Errors.E007.format(reason=exc.strerror or exc), str(args.output)) from None
        write_atomically(args.output, text)
        print(f"Patch written to {args.output}: review it, then apply with "
              f"`termkit glossary suggest --write {args.output}`.")
    return ExitStatus.SUCCESS
