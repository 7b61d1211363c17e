"""The one table from rule code to rule. Codes are public API: a code never disappears; a renamed
code goes to REDIRECTS. ``tests/test_codes_snapshot.py`` holds this table to that promise."""

from __future__ import annotations

from ..errors import Errors, TermkitError
from .base import Rule
from .bilingual import MissingTargetTerm
from .claims import UnsupportedClaim
from .disclaimers import MissingDisclaimer
from .meta import BidiControl, InvalidFrontMatter, UnusedSuppression
from .metadata import MissingAuthor, MissingReferences, StaleReview
from .terms import DeprecatedTerm, InconsistentTerm, Misspelling, SupersededTerm

RULES: tuple[Rule, ...] = (
    # TK1xx: prose terminology
    Misspelling(),
    DeprecatedTerm(),
    SupersededTerm(),
    # TK3xx: consistency
    InconsistentTerm(),
    MissingTargetTerm(),
    # TK4xx: health content (claims, disclaimers, article metadata)
    UnsupportedClaim(),
    MissingDisclaimer(),
    MissingAuthor(),
    StaleReview(),
    MissingReferences(),
    # TK9xx: meta
    UnusedSuppression(),
    InvalidFrontMatter(),
    BidiControl(),
)

REDIRECTS: dict[str, str] = {}

_BY_CODE = {rule.code: rule for rule in RULES}
_BY_NAME = {rule.name: rule for rule in RULES}


def get_rule(code_or_name: str) -> Rule | None:
    key = REDIRECTS.get(code_or_name.upper(), code_or_name)
    return _BY_CODE.get(key.upper()) or _BY_NAME.get(key.lower())


def matching_codes(selector: str, where: str | None = None) -> set[str]:
    """Codes a selector names: a code, a code prefix (TK4) or a rule name."""
    rule = get_rule(selector)
    if rule:
        return {rule.code}
    prefix = selector.upper()
    codes = {code for code in _BY_CODE if code.startswith(prefix)} if prefix.startswith("TK") else set()
    if not codes:
        raise TermkitError(Errors.E202.format(code=selector), where)
    return codes


_matching = matching_codes


def resolve_selection(select: tuple[str, ...] | list[str] = (), ignore: tuple[str, ...] | list[str] = (),
                      where: str | None = None) -> set[str]:
    """Codes enabled by ``select`` (all rules when empty) minus ``ignore``; selectors are codes,
    code prefixes (``TK1``) or rule names (``misspelling``)."""
    enabled: set[str] = set()
    if not select:
        enabled = {rule.code for rule in RULES if rule.default_enabled}
    for selector in select:
        enabled |= matching_codes(selector, where)
    for selector in ignore:
        enabled -= matching_codes(selector, where)
    return enabled
