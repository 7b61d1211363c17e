"""`termkit glossary validate [PATH...]`: check the glossary itself."""

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
