"""Editorial rules: unsupported claims (one rule with subtypes, from the claims rulebook)."""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Applicability, Finding, Fix, Severity
from ..rulebooks import load_profiles, load_rulebook
from ..i18n import N_, _, active
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

    A modal is no hedge by itself ("can cure" promises); a negation or hedge governs only its own
    clause ("It isn't cheap, but it cures arthritis" is a claim). Some phrases claim with no health
    word ("Throw away your pills"). Critical framing covers a list or quotation under a lead-in
    ending in a colon ("Be wary of products that promise:") and a myth-busting section. Citations
    count as pages write them: [4], (4), superscripts, author-year, a citation closing the
    paragraph or a "Source:" line after it. In a testimonial section ("Customer reviews") or beside
    a signature ("— Maria, 54") or a star rating, a first-person sentence is a testimonial. An
    abstract (`type: abstract`, or detected by its section labels) reports its own figures, which
    are not uncited statistics. On a regulator's page (`type: regulatory`), claims in quotation
    marks or blockquotes are the seller's words, quoted to condemn them. A fraud word that names
    the article's subject (a word of its title: an encyclopedia article on "Detox" or on the
    "Miracle Mineral Supplement") is a name, not a claim, except on a product page.

    Example:
    Bad: Magnesium supplements cure fasciculation.
    Bad: This natural remedy can cure your migraine in days.
    Bad: It isn't cheap, but it cures arthritis.
    Bad: You won't need insulin anymore.
    Bad: About 30% of adults have back pain.
    Bad: ## Customer reviews\\n\\nI had cramps every night and now I sleep through.
    Bad: I had cramps for years. Now I sleep through.\\n\\n— Maria, 54
    Bad: ---\\nlang: fr\\n---\\nCe remède naturel peut guérir votre migraine.
    Bad: ---\\nlang: fr\\n---\\nCe n'est pas donné, mais cela guérit l'arthrose.
    Bad: ---\\nlang: fr\\n---\\nPlus besoin d'insuline.
    Bad: ---\\nlang: es\\n---\\nEste remedio natural puede curar su migraña.
    Bad: ---\\nlang: es\\n---\\nNo es barato, pero cura la artritis.
    Bad: ---\\nlang: es\\n---\\nYa no necesitará insulina.
    Bad: ---\\nlang: de\\n---\\nDieses Naturheilmittel kann Ihre Migräne heilen.
    Bad: ---\\nlang: de\\n---\\nEs ist nicht billig, aber es heilt Arthrose.
    Bad: ---\\nlang: de\\n---\\nEine 80-prozentige Heilungsrate bei Rückenschmerzen.
    Bad: The term was popularized by O. Vegard, who was the first to describe the phenomenon.
    Bad: Studies show that 80% of people with cramps lack magnesium.
    Bad: This cream has no side effects.
    Bad: Elixicure is the world’s first CBD-infused pain relief cream.
    Bad: A clinically-effective formula that controls blood sugar.
    Bad: ---\\nlang: fr\\n---\\nLa première crème au monde contre le mal de dos.
    Bad: ---\\nlang: es\\n---\\nLa primera crema del mundo contra el dolor de espalda.
    Bad: ---\\nlang: de\\n---\\nDie weltweit erste Creme gegen Rückenschmerzen.
    Bad: To date less than 10 documented cases of survival have been reported.
    Bad: ---\\nlang: fr\\n---\\nLe virus a causé la mort de 916 personnes.
    Bad: ---\\nlang: es\\n---\\nEl virus causó la muerte de 916 personas.
    Bad: ---\\nlang: de\\n---\\nBis 1995 wurden über 80 Todesfälle untersucht.
    Bad: ---\\nlang: de\\n---\\nEr kam 1982 an.[2] Ihm zu Ehren wurde diese Spezies Borrelia burgdorferi benannt.
    Bad: ---\\ntype: product-page\\n---\\n# Miracle Tea\\n\\nOur miracle tea melts fat.
    Good: Magnesium supplements may help if the twitching is caused by low magnesium (Smith et al., 2020).
    Good: There is no evidence that zinc cures tinnitus.
    Good: Does magnesium cure cramps?
    Good: The Dix-Hallpike test was first described by Dix and Hallpike in 1952 [3].
    Good: Exercise can reduce the risk of heart disease.
    Good: Be wary of products that promise:\\n\\n- a miracle cure\\n- no side effects
    Good: ## Myths\\n\\nVitamin C cures colds.
    Good: About 30% of adults have back pain (4).
    Good: About 30% of adults have back pain.\\n\\nSource: National Health Interview Survey, 2019
    Good: ---\\ntype: abstract\\n---\\nMethods: We followed 200 adults.\\n\\nResults: 30% of adults had back pain.
    Good: ---\\ntype: regulatory\\n---\\nYour website makes claims such as: "Our tea cures diabetes."
    Good: ---\\ntype: regulatory\\n---\\nExamples of claims on your website include:\\n\\n“Our tea cures diabetes.”
    Good: ---\\nlang: fr\\n---\\nLe magnésium pourrait aider en cas de crampes.
    Good: ---\\nlang: fr\\n---\\nMéfiez-vous des produits qui promettent :\\n\\n- une guérison miracle\\n- aucun effet secondaire
    Good: ---\\nlang: es\\n---\\nEl ejercicio puede reducir el riesgo de enfermedad cardíaca.
    Good: ---\\nlang: es\\n---\\n## Mitos\\n\\nLa vitamina C cura el resfriado.
    Good: ---\\nlang: de\\n---\\nMagnesium könnte bei Krämpfen helfen.
    Good: ---\\nlang: de\\n---\\n## Mythen\\n\\nVitamin C heilt Erkältungen.
    Good: ---\\nlang: fr\\n---\\nSelon un sondage publié dans le quotidien espagnol El País, 81 % des Espagnols sont contre.
    Good: ---\\nlang: es\\n---\\nSegún una encuesta publicada por el diario español El País, el 81 % de los españoles está en contra.
    Good: # Miracle Mineral Supplement\\n\\nThe Miracle Mineral Supplement is a bleach solution sold as a medicine.
    Good: ---\\nlang: fr\\n---\\n# Supplément minéral miraculeux\\n\\nLe supplément minéral miraculeux est une solution de chlorite de sodium.
    Good: ---\\nlang: es\\n---\\n# Suplemento mineral milagroso\\n\\nEl suplemento mineral milagroso es una solución de clorito de sodio.
    Good: ---\\nlang: de\\n---\\nMesmer sprach vom tierischen Magnetismus, der in der Lage sei, Krankheiten zu heilen.
    Good: ---\\nlang: de\\n---\\n# Entschlackung\\n\\nDie Entschlackung ist ein Begriff der Alternativmedizin.

    Fix safety:
    No automatic fix: a claim needs a source or a rewrite, which only an editor can give.
    """

    code = "TK401"
    name = "unsupported-claim"
    severity = Severity.INFO  # per subtype in the rulebook; info while real-page precision is below 0.9
    summary = N_("A health claim without support (subtype says which kind)")
    needs = ("termkit_claims",)
    data = ("rulebooks/<lang>/claims.yaml", "rulebooks/citations.yaml")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        # Each subtype's severity is rulebook data of the article's language; its message and
        # suggestion come from the rulebook of the report's language (one language per report).
        subtypes = load_rulebook("claims", ctx.language, ctx.settings.rulebooks).get("subtypes") or {}
        worded = report_wording(ctx)
        profile, _how = ctx.profile()
        profiles = load_profiles(ctx.settings.extra.get("profiles"))
        exempt = profiles.exempt_claims.get(profile, [])
        quotes_exempt = profile in profiles.exempt_quoted_claims
        subject = _title_words(ctx) if profile != "product-page" else set()
        for claim in doc._.termkit_claims or ():
            if claim.subtype in exempt:
                continue  # e.g. an abstract reporting its own results
            if claim.subtype == "red-flag" and subject and _names_subject(claim.trigger, subject):
                continue  # "Entschlackung" in an article titled so: the name of what it discusses
            if claim.quoted and (quotes_exempt or claim.subtype == "red-flag"):
                # a fraud word in quotation marks is mentioned, not used (a product's name, a slogan
                # under discussion); on a regulator's page every quoted claim is the seller's
                continue
            if claim.quoted and quotes_exempt:
                continue  # e.g. a regulator quoting a seller's claims in order to condemn them
            spec = subtypes.get(claim.subtype) or {}
            words = worded.get(claim.subtype) or {}
            text = ctx.prose.text[claim.start:claim.end]
            message = (words.get("message") or _("Unsupported claim: '{trigger}'")).format(trigger=claim.trigger,
                                                                                          sentence=text)
            yield ctx.finding(self, claim.start, claim.end, message, suggestion=words.get("suggestion", ""),
                              subtype=claim.subtype, severity=Severity(spec.get("severity", "warning")),
                              fix=Fix(_("Cite a source or rewrite the claim"), (), Applicability.DISPLAY_ONLY))


def _title_words(ctx: CheckContext) -> set[str]:
    """The words of the article's title: front matter ``title:`` and its first heading."""
    titles = [str(ctx.prose.front_matter.get("title") or "")] if isinstance(ctx.prose.front_matter, dict) else []
    if ctx.prose.sections:
        titles.append(ctx.prose.sections[0][3])
    return {w for t in titles for w in re.findall(r"\w+", t.lower()) if len(w) >= 5}


def _names_subject(trigger: str, subject: set[str]) -> bool:
    """Every word of the trigger is a word of the title, or of its family (first five letters
    shared: miracle / miraculeux, Entschlackung / entschlacken)."""
    words = [w for w in re.findall(r"\w+", trigger.lower())]
    return bool(words) and all(any(w[:5] == s[:5] for s in subject) for w in words if len(w) >= 5) \
        and any(len(w) >= 5 for w in words)


def report_wording(ctx: CheckContext) -> dict:
    """Each claim subtype's ``message`` and ``suggestion`` in the report's language: from that
    language's claims rulebook (shipped, plus the project's own), where every language's cue words
    already live, so a user who adds a subtype words it beside its cues. A subtype that the report
    language's rulebook does not word gets the catalog's generic message and no suggestion."""
    book = load_rulebook("claims", active(), ctx.settings.rulebooks) if active() != ctx.language else None
    if book is None:
        book = load_rulebook("claims", ctx.language, ctx.settings.rulebooks)
    return {name: {k: v for k, v in (spec or {}).items() if k in ("message", "suggestion")}
            for name, spec in (book.get("subtypes") or {}).items()}
