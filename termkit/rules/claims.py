"""Editorial rules: unsupported claims (one rule with subtypes, from the claims rulebook)."""

from __future__ import annotations

from typing import Iterator

from ..findings import Applicability, Finding, Fix, Severity
from ..rulebooks import load_rulebook
from .base import CheckContext, Rule


class UnsupportedClaim(Rule):
    """What it does:
    Flags sentences that make health claims nobody can back: absolute efficacy ("cures"),
    absolute prevention, absolute safety ("no side effects"), uncited statistics, uncited
    historical or naming attributions, vague authorities ("studies show"), claims of proof
    ("clinically proven"), testimonials and fraud vocabulary ("miracle"). The subtype is in the
    finding. Negated, hedged, questioned, historical and critically framed sentences are not
    claims; a citation in the same sentence supports a claim, except for "guaranteed",
    "miracle", "no side effects" and "100%", which no citation makes acceptable. Cue words and
    patterns live in per-language rulebooks (termkit/data/rulebooks/<lang>/claims.yaml).

    Why:
    Health content must back what it says about benefits and risks (HONcode principle 5,
    FTC and FDA guidance, EU 1924/2006, HWG §3); readers act on it.

    Example:
    Bad: Magnesium supplements cure fasciculation.
    Bad: The term was popularized by O. Vegard, who was the first to describe the phenomenon.
    Bad: Studies show that 80% of people with cramps lack magnesium.
    Bad: This cream has no side effects.
    Good: Magnesium supplements may help if the twitching is caused by low magnesium (Smith et al., 2020).
    Good: There is no evidence that zinc cures tinnitus.
    Good: Does magnesium cure cramps?
    Good: The Dix-Hallpike test was first described by Dix and Hallpike in 1952 [3].

    Fix safety:
    No automatic fix: a claim needs a source or a rewrite, which only an editor can give.
    """

    code = "TK401"
    name = "unsupported-claim"
    severity = Severity.WARNING
    summary = "A health claim without support (subtype says which kind)"
    needs = ("termkit_claims",)
    data = ("rulebooks/<lang>/claims.yaml", "rulebooks/citations.yaml")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        # Each subtype's message, suggestion and severity are rulebook data, in the article's language.
        subtypes = load_rulebook("claims", ctx.language, ctx.settings.rulebooks).get("subtypes") or {}
        for claim in doc._.termkit_claims or ():
            spec = subtypes.get(claim.subtype) or {}
            text = ctx.prose.text[claim.start:claim.end]
            message = spec.get("message", "Unsupported claim: '{trigger}'").format(trigger=claim.trigger, sentence=text)
            yield ctx.finding(self, claim.start, claim.end, message, suggestion=spec.get("suggestion", ""),
                              subtype=claim.subtype, severity=Severity(spec.get("severity", "warning")),
                              fix=Fix("Cite a source or rewrite the claim", (), Applicability.DISPLAY_ONLY))
