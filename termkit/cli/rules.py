"""`termkit rules [CODE]`: list the rules, or print one rule's documentation."""

from __future__ import annotations

from ..errors import Errors, ExitStatus, TermkitError
from ..rules.registry import RULES, get_rule


def register(sub) -> None:
    p = sub.add_parser("rules", help="list rules, or show one rule's docs")
    p.add_argument("code", nargs="?", help="rule code or name, e.g. TK101 or misspelling")
    p.set_defaults(run=run)


def run(args) -> ExitStatus:
    if args.code:
        rule = get_rule(args.code)
        if rule is None:
            raise TermkitError(Errors.E202.format(code=args.code))
        print(f"{rule.code} {rule.name} ({rule.severity.value})\n")
        print(rule.docs())
        return ExitStatus.SUCCESS
    for rule in RULES:
        print(f"{rule.code}  {rule.name:<22} {rule.severity.value:<8} {rule.summary}")
    return ExitStatus.SUCCESS
