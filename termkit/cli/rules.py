"""`termkit rules [CODE]`: list the rules, or print one rule's documentation."""

from __future__ import annotations

from ..errors import Errors, ExitStatus, TermkitError
from .language import add_lang_option, use_report_language


def where_it_lives(rule) -> list[str]:
    """The rule's module, the components that detect what it reports, and its data files."""
    from spacy.language import Language

    from .. import nlp  # noqa: F401  (registers the components' factories)

    lines = [f"rule: termkit/rules/{rule.family}.py"]
    for name in rule.needs:
        module = Language.factories.get(name).__module__
        lines.append(f"detection: {module.replace('.', '/')}.py (spaCy component {name})")
    lines += [f"data: termkit/data/{path}" if not path.startswith(("glossary", "locales", "termkit.yaml"))
              else f"data: {path} (the project's)" for path in rule.data]
    return lines


def register(sub) -> None:
    p = sub.add_parser("rules", help="list rules, or show one rule's docs")
    p.add_argument("code", nargs="?", help="rule code or name, e.g. TK101 or misspelling")
    add_lang_option(p)
    p.set_defaults(run=run)


def run(args) -> ExitStatus:
    from ..i18n import _
    from ..rules.registry import RULES, get_rule

    use_report_language(args)

    if args.code:
        rule = get_rule(args.code)
        if rule is None:
            raise TermkitError(Errors.E202.format(code=args.code))
        print(f"{rule.code} {rule.name} ({rule.severity.value})\n")
        print(rule.docs())
        print("\nWhere it lives:")
        for line in where_it_lives(rule):
            print(f"  {line}")
        return ExitStatus.SUCCESS
    for rule in RULES:
        print(f"{rule.code}  {rule.name:<22} {rule.severity.value:<8} {_(rule.summary)}")
    return ExitStatus.SUCCESS
