"""Plain-language rules (TK6xx): technical terms explained at first use (TK601), and readability:
the article's level (TK611), long sentences (TK612), the passive voice (TK613).

All of them are for the public: an article whose profile has ``audience: professional``
(``abstract``, ``professional``; see ``data/rulebooks/profiles.yaml``) is exempt.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..components.keys import TERMS_KEY
from ..findings import Finding, Severity
from ..i18n import N_, _
from ..languages import RealWords, word_frequencies
from ..rulebooks import compile_phrase, load_profiles, load_rulebook
from .base import CheckContext, Rule

USED = ("preferred", "admitted")
SKIP_BEFORE = {'"', "“", "”", "'", "‘", "’", "*", "_"}
CUE_WINDOW = 12  # tokens each side of a term searched for cue phrases (longer than any phrase)
DASHES = {"-", "–", "—", "--"}
SKIP_AFTER = {",", '"', "“", "”", "'", "‘", "’", "*", "_"}
# the formulas' names (those with ordinary words are translated where they are shown)
FORMULA_NAMES = {"flesch-kincaid-grade": N_("Flesch-Kincaid grade"), "kandel-moles": N_("Kandel-Moles reading ease"),
                 "szigriszt-pazos": "Szigriszt-Pazos (INFLESZ)", "wiener-sachtextformel": "Wiener Sachtextformel",
                 "fernandez-huerta": "Fernández-Huerta", "flesch-reading-ease": N_("Flesch reading ease")}


def for_professionals(ctx: CheckContext) -> bool:
    """The article's profile is written for clinicians or researchers."""
    profile, _ = ctx.profile()
    return profile in load_profiles(ctx.settings.extra.get("profiles")).professional


def rulebook(ctx: CheckContext) -> dict:
    key = ("plain_language_book", ctx.language)
    if key not in ctx.extra:
        folder = ctx.settings.rulebooks
        ctx.extra[key] = load_rulebook("plain_language", ctx.language, Path(folder) if folder else None)
    return ctx.extra[key]


def in_heading(ctx: CheckContext, offset: int) -> bool:
    """A Markdown heading, or a line that stands as one: a paragraph of one short line with no
    closing punctuation ("Computed Tomography Angiography" between two blank lines)."""
    text = ctx.source.text
    start = text.rfind("\n", 0, offset) + 1
    if text[start:offset + 1].lstrip(" ").startswith("#"):
        return True
    end = text.find("\n", offset)
    end = len(text) if end == -1 else end
    line = text[start:end].strip()
    alone = text[max(0, start - 2):start] == "\n\n" and text[end:end + 2] in ("\n\n", "\n", "")
    return (alone and 0 < len(line.split()) <= 8 and line[:1].isupper()
            and not line.endswith((".", "!", "?", ":", ";", ",", ")")))


def title_of(ctx: CheckContext) -> str:
    """The article's title in lower case: front matter ``title:`` and its first heading."""
    key = "plain_language_title"
    if key not in ctx.extra:
        matter = ctx.prose.front_matter if isinstance(ctx.prose.front_matter, dict) else {}
        titles = [str(matter.get("title") or "")] + ([ctx.prose.sections[0][3]] if ctx.prose.sections else [])
        ctx.extra[key] = " | ".join(titles).lower()
    return ctx.extra[key]


def in_titled_name(doc, span, title: str) -> bool:
    """The term is a word of a longer name that the article is about, as its title writes it:
    "ataxia" in "ataxia telangiectasia", "aphasia" in "primary progressive aphasia". That name is
    the article's subject, not jargon dropped into its prose."""
    if not title:
        return False
    first = span.start - 1
    while first >= 0 and doc[first].text in ("'s", "’s", "'", "’", "-"):
        first -= 1  # "Friedreich's ataxia", "Charcot-Marie-Tooth"
    wider = []
    if first >= 0 and doc[first].is_alpha:
        wider.append(doc[first:span.end].text)
    if span.end < len(doc) and doc[span.end].is_alpha:
        wider.append(doc[span.start:span.end + 1].text)
    return any(name.lower() in title for name in wider)


def in_list(doc, span, qualifiers: int = 0) -> bool:
    """The term is an item of a list: a comma before it, maybe with an article ("de la fièvre, des
    céphalées, une asthénie") or, given ``qualifiers``, that many lower-case words ("psychosis,
    optic neuropathy, or hearing loss"). What follows its own comma is then the next item, not
    an apposition or a gloss."""
    i = span.start - 1
    if i >= 0 and doc[i].is_stop and doc[i].is_alpha:
        i -= 1
    while qualifiers and i >= 0 and doc[i].is_alpha and doc[i].is_lower:
        i, qualifiers = i - 1, qualifiers - 1
    return i >= 0 and doc[i].text == ","


def _initials_match(short: str, words: list[str]) -> bool:
    """Schwartz and Hearst's test (2003) that ``words`` are the long form of the abbreviation
    ``short``: its letters appear in them in order, read from the end, and the first letter starts
    the first word ("hereditary motor and sensory neuropathy" for HMSN, "Monomelic amyotrophy"
    for MMA)."""
    letters = [c.lower() for c in short if c.isalnum()]
    text = " ".join(words).lower()
    i = len(text) - 1
    for n, letter in enumerate(reversed(letters)):
        first = n == len(letters) - 1
        while i >= 0 and (text[i] != letter or (first and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


@lru_cache(maxsize=None)
def common_words(language: str, least: int) -> RealWords | None:
    """Words of the language's word list counted at least ``least`` times, with their inflected
    forms; None without a word list. (The list is loaded already: the term matcher's lexicon.)"""
    counts = word_frequencies(language)
    return RealWords(language, lambda w: counts.get(w, 0) >= least, lookups=False) if counts else None


def in_longer_name(doc, span, language: str, rare_count: int) -> bool:
    """The term is a word of a longer proper name, not used on its own: an eponym before it
    ("Friedreich's ataxia"), a hyphenated compound ("Ataxia-telangiectasia"), a rare word after it
    that the public does not use alone ("ataxia telangiectasia"), or a name introduced with its
    abbreviation that starts before the term ("hereditary motor and sensory neuropathy (HMSN)",
    "postural orthostatic tachycardia syndrome (POTS)")."""
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    name = doc[span.start - 2] if before is not None and before.text in ("'s", "’s") and span.start >= 2 else before
    if (name is not None and name.is_title and name.is_alpha and len(name) > 1
            and not name.is_sent_start and not name.is_stop):
        return True  # an eponym or another name's word: "Friedreich's ataxia", "Friedreichs ataxia"
    if before is not None and before.text == "-" and not doc[span.start - 2].whitespace_ and doc[span.start - 2].is_alpha:
        return True
    if (after is not None and after.text == "-" and not doc[span.end - 1].whitespace_ and not after.whitespace_
            and span.end + 1 < len(doc) and doc[span.end + 1].is_alpha and not doc[span.end + 1].is_stop):
        return True  # not "hypothyroidism-when ...": a dash that lost its spaces
    if rare_count and after is not None and after.is_alpha and not after.is_upper and doc[span.end - 1].whitespace_:
        common = common_words(language, rare_count)
        if common is not None and not common(after.lower_):
            return True
    # An abbreviation in brackets at most two words after the term, whose long form starts before it.
    for k in range(span.end, min(len(doc), span.end + 3)):
        if doc[k].text == "(":
            if k + 2 < len(doc) and doc[k + 2].text == ")" and doc[k + 1].is_upper and len(doc[k + 1].text) >= 2:
                short = doc[k + 1].text
                words = [t.text for t in doc[max(0, span.start - len(short) - 3):k] if t.is_alpha]
                longest = len([t for t in doc[span.start:k] if t.is_alpha])
                # the shortest long form that matches; the name is longer when it takes in words before the term
                for size in range(1, len(words) + 1):
                    if _initials_match(short, words[-size:]):
                        return size > longest
            return False
        if not doc[k].is_alpha:
            return False
    return False


class UnexplainedJargon(Rule):
    """What it does:
    Reports the first use of a technical term (``register: technical`` in the glossary or the
    locale) that the article does not explain there, when the glossary knows a lay term
    (``register: lay``) or a plain-language explanation for it. The suggestion is the lay term.
    A term is explained by its lay term beside it with a link phrase of the terms rulebook
    ("fasciculation (muscle twitching)", "muscle twitching, which doctors call fasciculation",
    "also called"), by a definition ("Fasciculation is a ...", "fasciculation means ..."), by an
    apposition ("dystonia, a movement disorder in which ...", "edema, or swelling"; not when the
    term is itself an item of a list), by words between dashes ("hypothyroidism—when thyroid
    hormone levels are too low—"), by a bracket of words after it, by a naming phrase before it
    ("a twitch under the skin, called fasciculation"), or by words that describe it before its
    name in brackets ("small twitches of a muscle (fasciculation)"). The phrases are data per
    language (``rulebooks/<lang>/plain_language.yaml``). Each concept is reported once per
    article; later uses are fine. A sentence whose subject is the term and whose verb defines it
    ("Viral gastroenteritis is inflammation of ...") explains it too, and so does the lay term in
    the sentence before or after, or the term explained or defined at its use in the next
    sentence. A term inside the longer name that the article's title gives ("ataxia" on a page
    titled "Ataxia telangiectasia") is the page's subject, not jargon. A term inside another name
    is not its first use: after an eponym ("Friedreich's ataxia"), before a word the public does
    not use ("ataxia telangiectasia": rarer than ``rare_word_count`` in the language's word
    list), or in a name given with its abbreviation ("hereditary motor and sensory neuropathy
    (HMSN)"). A technical name that holds its lay name ("diabetes mellitus", "acne vulgaris") is
    read as the known word. Headings, and short lines that stand as headings, are not a first
    use; abbreviations ("MI", "BCC") are left out: they are as often place names or expansions.
    Articles for professionals and regulators' letters are exempt.

    Why:
    Readers of consumer health pages do not know the clinician's word. The CDC Clear
    Communication Index and the NHS content style guide ask for technical terms to be explained
    the first time they appear.

    Example:
    Bad: Fasciculation can follow exercise. Fasciculation is harmless.
    Bad: ---\\nlang: fr\\n---\\nLa fasciculation peut suivre un effort.
    Bad: ---\\nlang: es\\n---\\nLa fasciculación puede aparecer tras el ejercicio.
    Bad: ---\\nlang: de\\n---\\nFaszikulationen treten nach dem Sport auf.
    Good: Fasciculation (muscle twitching) can follow exercise. Fasciculation is harmless.
    Good: Muscle twitching, which doctors call fasciculation, can follow exercise.
    Good: Fasciculation is a small twitch of a muscle under the skin.
    Good: Small twitches of a muscle (fasciculation) can follow exercise.
    Good: ---\\ntitle: Exercise fasciculation\\n---\\nExercise fasciculation can follow a long run.
    Good: Muscles can twitch under the skin after exercise (benign fasciculation).
    Good: Benign fasciculation (BF) is a small twitch of a muscle under the skin.
    Good: Dystonia, a movement disorder in which muscles tighten on their own, can follow a stroke.
    Good: Children with Friedreich's ataxia tire easily.
    Good: Diabetes mellitus can damage the eyes.
    Good: ---\\ntype: professional\\n---\\nFasciculation can follow exercise.
    Good: ---\\nlang: fr\\n---\\nLa dystonie, un trouble du mouvement qui fait contracter les muscles, suit parfois un AVC.
    Good: ---\\nlang: es\\n---\\nLa distonía, un trastorno del movimiento que contrae los músculos, puede seguir a un ictus.
    Good: ---\\nlang: de\\n---\\nDie Dystonie, eine Bewegungsstörung, bei der sich Muskeln verkrampfen, folgt oft einem Schlaganfall.
    Good: ---\\nlang: fr\\n---\\nLa fasciculation (tressaillement musculaire) peut suivre un effort.
    Good: ---\\nlang: es\\n---\\nLa fasciculación, es decir, una contracción breve del músculo, aparece tras el ejercicio.
    Good: ---\\nlang: de\\n---\\nFaszikulationen (Muskelzucken) treten nach dem Sport auf.

    Fix safety:
    No automatic fix: how to explain a term is the writer's choice; the suggestion is the lay term.
    """

    code = "TK601"
    name = "unexplained-jargon"
    severity = Severity.INFO
    summary = N_("Technical term not explained at its first use")
    needs = ("termkit_sentences", "termkit_terms", "termkit_term_cues")
    data = ("glossary/*.yaml", "locales/<lang>/*.yaml", "rulebooks/<lang>/plain_language.yaml",
            "rulebooks/<lang>/terms.yaml", "rulebooks/profiles.yaml")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        if for_professionals(ctx):
            return
        refs = ctx.compiled.refs
        record = ctx.extra.setdefault("plain_language", {"technical": 0, "explained": set()})
        linked = doc._.termkit_linked_at or set()
        mentions = doc._.termkit_mentions or set()
        seen: set[str] = set()
        spans = sorted(doc.spans.get(TERMS_KEY, ()), key=lambda s: s.start)
        for span in spans:
            if span.label_ not in USED:
                continue
            ref = refs[int(span.kb_id_)]
            if ref.concept_id in seen:
                continue
            concept = ctx.glossary.get(ref.concept_id)
            term = next((t for t in concept.terms_in(ctx.language) if t.text == ref.term_text), None) if concept else None
            if (term is None or term.register != "technical" or term.is_abbreviation
                    or in_heading(ctx, span.start_char)):
                continue
            if in_titled_name(doc, span, title_of(ctx)):
                seen.add(ref.concept_id)  # the article's subject: it is what the page explains
                continue
            if in_longer_name(doc, span, ctx.language, int(rulebook(ctx).get("rare_word_count") or 0)):
                continue  # a word of another name; the term's own first use may come later
            seen.add(ref.concept_id)
            record["technical"] += 1
            lay = [t for t in concept.lay_terms(ctx.language) if t.text != term.text and not t.is_abbreviation]
            explanation = concept.explanation(ctx.language)
            if not lay and not explanation:
                continue  # nothing to suggest
            words = set(term.text.lower().split())
            if any(set(t.text.lower().split()) <= words for t in lay):
                continue  # the lay name is inside it: "diabetes mellitus", "acne vulgaris" read as known words
            if span.start in linked or (span.start, span.end) in mentions:
                record["explained"].add(ref.concept_id)
                continue
            cues = self._cues(doc, span, ctx)
            if (self._explained(doc, span, cues, int(rulebook(ctx).get("bracket_words") or 0))
                    or self._defined(doc, span, rulebook(ctx))
                    or self._explained_nearby(doc, span, spans, ctx, {t.text for t in lay})):
                record["explained"].add(ref.concept_id)
                continue
            suggestion = lay[0].text if lay else None
            if suggestion:
                message = _("'{text}' is a technical term: explain it at its first use, e.g. "
                            "'{text} ({lay})'").format(text=span.text, lay=suggestion)
            else:
                message = _("'{text}' is a technical term: explain it at its first use, e.g. a short "
                            "explanation: {explanation}").format(text=span.text, explanation=explanation)
            yield ctx.finding(self, span.start_char, span.end_char, message, suggestion=suggestion)

    def _cues(self, doc, span, ctx: CheckContext) -> dict[str, set[int]]:
        """Token offsets near ``span`` where an 'explained after' phrase starts and a 'before'
        phrase ends. Only a window around the term is matched: the cue phrases are short, and
        common words such as "is a" would otherwise be matched over the whole article."""
        from spacy.strings import hash_string

        matcher = self._matcher(doc.vocab, ctx)
        starts, ends, appositions = set(), set(), {}
        if len(matcher):
            first, last = max(0, span.start - CUE_WINDOW), min(len(doc), span.end + CUE_WINDOW)
            # by hash: the string store may be trimmed between articles
            after, apposition = hash_string("explained_after"), hash_string("apposition")
            for match_id, start, end in matcher(doc[first:last]):
                if match_id == after:
                    starts.add(first + start)
                elif match_id == apposition:
                    appositions.setdefault(first + start, []).append(first + end)
                else:
                    ends.add(first + end)
        return {"after": starts, "before": ends, "apposition": appositions}

    def _matcher(self, vocab, ctx: CheckContext):
        """The cue phrases compiled once per vocabulary, language and rulebook folder, not per
        article (a Matcher costs more to build than to run)."""
        from spacy.matcher import Matcher

        cache = self.__dict__.setdefault("_matchers", {})
        key = (id(vocab), ctx.language, str(ctx.settings.rulebooks))
        if key not in cache:
            book = rulebook(ctx)
            where = f"rulebook plain_language/{ctx.language}"
            matcher = Matcher(vocab)
            for kind in ("explained_after", "explained_before", "apposition"):
                phrases = book.get(kind) or ()
                if phrases:
                    matcher.add(kind, [compile_phrase(p, where) for p in phrases])
            cache[key] = (vocab, matcher)  # the vocab is held so that its id is not reused
        return cache[key][1]

    def _explained_nearby(self, doc, span, spans, ctx: CheckContext, lay: set[str]) -> bool:
        """Explained in the sentence before or after: the lay term there ("... loss of muscle bulk
        (muscle wasting). Muscle atrophy ..."), or the next sentence defines the term ("... a cause
        of hyperthyroidism. Hyperthyroidism is a disorder that ...")."""
        sentence = doc[span.start].sent
        before = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
        after = doc[sentence.end].sent if sentence.end < len(doc) else sentence
        refs = ctx.compiled.refs
        concept = refs[int(span.kb_id_)].concept_id
        book = rulebook(ctx)
        for other in spans:
            if other.start < before.start or other.start >= after.end or other is span or other.label_ not in USED:
                continue
            ref = refs[int(other.kb_id_)]
            if ref.concept_id != concept:
                continue
            if ref.term_text in lay:
                return True
            if other.start < sentence.end:
                continue
            cues = self._cues(doc, other, ctx)
            if self._defined(doc, other, book):
                # a definition proper, not any "is": "Hyperthyroidism is a disorder ...", not "... is common"
                j = other.end
                while j < len(doc) and (doc[j].is_space or doc[j].text in SKIP_AFTER):
                    j += 1
                if j in cues["after"]:
                    return True
            if self._explained(doc, other, cues, int(book.get("bracket_words") or 0)):
                return True  # explained at its next use, a sentence on: "... hypothyroidism, a condition in which ..."
        return False

    @staticmethod
    def _defined(doc, span, book: dict) -> bool:
        """A definition sentence: the term is its subject (at most ``subject_words`` words before it
        in the sentence, "Viral gastroenteritis is ...") and a definition verb follows it
        ("is inflammation of the lining of the stomach")."""
        verbs = {str(v).lower() for v in book.get("definition_verbs") or ()}
        j = span.end
        while j < len(doc) and doc[j].is_space:
            j += 1
        if j < len(doc) and doc[j].text == "(":
            # An abbreviation between the subject and its verb: "Giant axonal neuropathy (GAN) is ..."
            k = j + 1
            while k < len(doc) and k - j <= 3 and (doc[k].is_upper or doc[k].text in "-/"):
                k += 1
            if k > j + 1 and k < len(doc) and doc[k].text == ")":
                j = k + 1
                while j < len(doc) and doc[j].is_space:
                    j += 1
        if not verbs or j >= len(doc) or doc[j].lower_ not in verbs:
            return False
        before, i = 0, span.start - 1
        while i >= 0 and not (doc[i].text in (".", "!", "?", ":", ";") or "\n" in doc[i].text):
            if not doc[i].is_space and not doc[i].is_punct:
                before += 1
            i -= 1
        return before <= int(book.get("subject_words") or 0)

    @staticmethod
    def _explained(doc, span, cues: dict, bracket_words: int) -> bool:
        j = span.end
        while j < len(doc) and (doc[j].is_space or doc[j].text in SKIP_AFTER):
            j += 1
        if j in cues["after"]:
            return True
        k = span.end  # an apposition after a comma: "dystonia, a movement disorder in which ..."
        while k < len(doc) and doc[k].is_space:
            k += 1
        if k < len(doc) and doc[k].text == "," and j in cues["apposition"]:
            # a one-word gloss ("edema, or swelling") or a description ("dystonia, a movement disorder
            # in which"), unless the term is itself an item of a list and these are the next items
            one_word = all(end - j == 1 for end in cues["apposition"][j])
            if not in_list(doc, span, qualifiers=2 if one_word else 0):
                return True
        if k + 1 < len(doc) and doc[k].text in DASHES and doc[k + 1].is_lower and doc[k + 1].is_stop:
            # words between dashes, as in brackets: "hypothyroidism—when thyroid hormone levels are too low—"
            words = sum(1 for t in doc[k + 1:min(len(doc), k + 12)] if t.is_alpha)
            if bracket_words and words >= bracket_words:
                return True
        if bracket_words and j < len(doc) and doc[j].text == "(":
            words = 0
            k = j + 1
            while k < len(doc) and doc[k].text != ")" and k - j < 40:
                if doc[k].is_alpha and not doc[k].is_upper:
                    words += 1
                k += 1
            if words >= bracket_words:
                return True
        o = span.start - 1  # the opening bracket, maybe before qualifiers: "(motor and sensory neuropathy)"
        while o >= 0 and span.start - o <= 3 and doc[o].is_alpha and doc[o].is_lower:
            o -= 1
        if bracket_words and o >= 0 and doc[o].text == "(" and j < len(doc) and doc[j].text == ")":
            # The term named in brackets after words that describe it: "hardening of blood
            # vessels (atherosclerosis)"; the description comes first, the name follows.
            words, k = 0, o - 1
            while k >= 0 and not (doc[k].is_punct or "\n" in doc[k].text) and words < bracket_words:
                words += doc[k].is_alpha
                k -= 1
            if words >= bracket_words:
                return True
        i = span.start
        while i > 0 and (doc[i - 1].is_space or doc[i - 1].text in SKIP_BEFORE):
            i -= 1
        if i in cues["before"]:
            return True
        # Up to two qualifiers between the naming phrase and the term: "known as the inflammatory
        # myopathies", "called benign fasciculation".
        for _qualifier in range(2):
            i -= 1
            if i < 0 or not (doc[i].is_alpha and doc[i].is_lower):
                return False
            if i in cues["before"]:
                return True
        return False


def _article_anchor(ctx: CheckContext, blocks: list[tuple[int, int]]) -> tuple[int, int]:
    start = blocks[0][0] if blocks else 0
    text = ctx.source.text
    while start < len(text) and text[start] in " \t\n":
        start += 1
    end = text.find("\n", start)
    return start, (end if end != -1 else len(text))


class HardToRead(Rule):
    """What it does:
    Reports an article whose readability, on its prose only, is harder than its profile's target:
    Flesch-Kincaid grade in English, Kandel-Moles in French, Szigriszt-Pazos (INFLESZ) in Spanish,
    the Wiener Sachtextformel in German (textstat, with pyphen's syllables). Headings, tables,
    link lists, code, front matter and reference sections are left out. Targets per profile and
    per language are data (``rulebooks/<lang>/plain_language.yaml``, ``readability.targets``).
    The finding stands on the first line of prose. Articles for professionals are exempt.

    Why:
    The US National Library of Medicine asks for consumer health pages at about grade 7-8; long
    words and long sentences lose readers.

    Example:
    Bad: Pharmacological intervention necessitates comprehensive evaluation of cardiovascular comorbidities, particularly hypertension and hyperlipidemia, considering interindividual variability.
    Bad: ---\\nlang: fr\\n---\\nLa prise en charge thérapeutique nécessite une évaluation approfondie des comorbidités cardiovasculaires, particulièrement l'hypertension artérielle et l'hypercholestérolémie familiale.
    Bad: ---\\nlang: es\\n---\\nLa intervención farmacológica necesita una evaluación exhaustiva de las comorbilidades cardiovasculares, particularmente la hipertensión arterial y la hipercolesterolemia familiar.
    Bad: ---\\nlang: de\\n---\\nDie medikamentöse Behandlungsstrategie erfordert eine umfassende Berücksichtigung kardiovaskulärer Begleiterkrankungen, insbesondere Bluthochdruckerkrankungen und Fettstoffwechselstörungen.
    Good: Your heart pumps blood. Walk each day. Eat less salt. See your doctor once a year.
    Good: ---\\ntype: professional\\n---\\nPharmacological intervention necessitates comprehensive evaluation of cardiovascular comorbidities.
    Good: ---\\nlang: fr\\n---\\nLe cœur pompe le sang. Marchez tous les jours. Mangez moins de sel.
    Good: ---\\nlang: es\\n---\\nEl corazón mueve la sangre. Camine cada día. Coma menos sal.
    Good: ---\\nlang: de\\n---\\nDas Herz pumpt Blut. Gehen Sie jeden Tag. Essen Sie wenig Salz.

    Fix safety:
    No automatic fix: shorter words and sentences are the writer's work.
    """

    code = "TK611"
    default_enabled = False  # opt-in: select TK61 (or TK6) on the command line or in termkit.yaml
    name = "hard-to-read"
    severity = Severity.INFO
    summary = N_("Article harder to read than its profile's target")
    needs = ("termkit_readability",)
    data = ("rulebooks/<lang>/plain_language.yaml", "rulebooks/profiles.yaml")

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        found = doc._.termkit_readability
        if found is None or found.score is None or for_professionals(ctx):
            return
        profile, _where = ctx.profile()
        target = ((rulebook(ctx).get("readability") or {}).get("targets") or {}).get(profile)
        if target is None:
            return
        target = float(target)
        harder = found.score > target if found.harder == "higher" else found.score < target
        if not harder:
            return
        start, end = _article_anchor(ctx, found.blocks)
        name = _(FORMULA_NAMES[found.formula]) if found.formula in FORMULA_NAMES else found.formula
        if found.harder == "higher":
            message = _("article reads at {formula} {score} over {words} words of prose; the target for {profile} "
                        "is at most {target}")
        else:
            message = _("article reads at {formula} {score} over {words} words of prose; the target for {profile} "
                        "is at least {target}")
        message = message.format(formula=name, score=f"{found.score:g}", words=found.words, profile=profile,
                                 target=f"{target:g}")
        yield ctx.finding(self, start, end, message)


class LongSentence(Rule):
    """What it does:
    Reports a prose sentence longer than the language's limit in words
    (``sentence_words`` in ``rulebooks/<lang>/plain_language.yaml``: en 25, fr 30, es 30, de 20).
    Headings, tables, code and reference sections are not sentences here. Articles for
    professionals are exempt.

    Why:
    Plain-language guidelines (plainlanguage.gov, the NHS style guide) ask for sentences of 15
    to 20 words on average; a long sentence is the first thing to split.

    Example:
    Bad: If you notice that the twitching in your arm or leg muscles does not go away after a few weeks, or if it comes with weakness, cramps or trouble swallowing, you should make an appointment with your doctor.
    Bad: ---\\nlang: fr\\n---\\nSi vous remarquez que les contractions de vos muscles ne disparaissent pas après quelques semaines, ou si elles s'accompagnent d'une faiblesse, de crampes ou de difficultés à avaler, prenez rendez-vous avec votre médecin traitant sans attendre.
    Bad: ---\\nlang: es\\n---\\nSi nota que las contracciones de los músculos de sus brazos o piernas no desaparecen después de unas semanas, o si aparecen con debilidad, calambres o dificultad para tragar, pida una cita con su médico de cabecera cuanto antes.
    Bad: ---\\nlang: de\\n---\\nWenn Sie bemerken, dass das Zucken Ihrer Muskeln nach einigen Wochen nicht verschwindet oder mit Schwäche und Krämpfen einhergeht, sollten Sie einen Termin beim Arzt machen.
    Good: Muscle twitching is common. See a doctor if it lasts for weeks or comes with weakness.
    Good: ---\\nlang: fr\\n---\\nLes contractions musculaires sont fréquentes. Consultez si elles durent.
    Good: ---\\nlang: es\\n---\\nLas contracciones musculares son frecuentes. Consulte si duran.
    Good: ---\\nlang: de\\n---\\nMuskelzucken ist häufig. Gehen Sie zum Arzt, wenn es lange dauert.

    Fix safety:
    No automatic fix: where to split a sentence is the writer's choice.
    """

    code = "TK612"
    default_enabled = False  # opt-in: select TK61 (or TK6) on the command line or in termkit.yaml
    name = "long-sentence"
    severity = Severity.INFO
    summary = N_("Sentence longer than the language's limit")
    needs = ("termkit_readability",)
    data = ("rulebooks/<lang>/plain_language.yaml",)

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        found = doc._.termkit_readability
        if found is None or not found.long_sentences or for_professionals(ctx):
            return
        for start, end, words in found.long_sentences:
            text = ctx.source.text
            while end > start and text[end - 1] in " \t\n":
                end -= 1
            yield ctx.finding(self, start, end, _("sentence of {words} words (at most {limit} for {language}); "
                                                  "split it").format(words=words, limit=found.sentence_limit,
                                                                     language=ctx.language))


class PassiveVoice(Rule):
    """What it does:
    Reports the passive voice where a cheap test is reliable: in English a form of "be" or "get"
    before a past participle (a word in -ed or an irregular participle of a list), in German a
    form of "werden" with a participle (ge-...-t, ge-...-en, -iert) closing the clause. The word
    lists are data (``passive:`` in ``rulebooks/<lang>/plain_language.yaml``); French and Spanish
    have none yet (their "être"/"ser" + participle is often an adjective). Articles for
    professionals are exempt.

    Why:
    The active voice says who does what ("Your doctor will check your blood"), which readers
    follow more easily than "Your blood will be checked".

    Example:
    Bad: Your blood pressure was measured by the nurse.
    Bad: The tablets are taken with food.
    Bad: ---\\nlang: de\\n---\\nDer Blutdruck wird gemessen.
    Good: The nurse measured your blood pressure.
    Good: Take the tablets with food.
    Good: ---\\nlang: de\\n---\\nDie Pflegekraft misst den Blutdruck.
    Good: ---\\nlang: fr\\n---\\nLa tension est mesurée par l'infirmière.

    Fix safety:
    No automatic fix: the active sentence needs the doer, which only the writer knows.
    """

    code = "TK613"
    default_enabled = False  # opt-in: select TK61 (or TK6) on the command line or in termkit.yaml
    name = "passive-voice"
    severity = Severity.INFO
    summary = N_("Passive voice (English, German)")
    needs = ("termkit_readability",)
    data = ("rulebooks/<lang>/plain_language.yaml",)

    def check(self, doc, ctx: CheckContext) -> Iterator[Finding]:
        found = doc._.termkit_readability
        if found is None or not found.passives or for_professionals(ctx):
            return
        for start, end in found.passives:
            words = " ".join(ctx.source.text[start:end].split())
            yield ctx.finding(self, start, end, _("passive voice '{words}': say who does it").format(words=words))
