"""Glossary mining: what an archive of articles says the glossary is missing.

Two kinds of suggestion, per language:

- **Variants** of existing terms: the unlisted misspellings that the term matcher's fuzzy index
  (``termkit/fuzzy.py``: edit distance, sound-alike keys, garbled endings) finds in the articles,
  grouped per concept and term, with counts and example lines. They are proposed as
  ``misspellings:`` additions to the term they were matched to.
- **Candidate terms**: frequent multi-word expressions that the glossary lacks, ranked by termhood.
  The pipelines are blank (no tagger), so noun-phrase-ish sequences are found from token shapes:
  a candidate is 2 to 4 consecutive words, each alphabetic (hyphenated words count as one), at
  least three letters long, not a stop word of the language (spaCy's list), not an English ``-ly``
  adverb, and, except in German, not capitalised in mid-sentence (names); punctuation, numbers,
  line breaks and stop words end a sequence. Candidates are scored with the C-value of Frantzi,
  Ananiadou & Mima (2000), which rewards long, frequent sequences that do not only occur inside a
  longer candidate, times a *specificity* weight from a general-language frequency list
  (``wordfreq``): the mean over the words of ``1 - zipf / 8``, cubed, so 'blood pressure cuff'
  outranks 'next few years'. A candidate must occur at least ``min_count`` times in at least two articles.

The result becomes a glossary patch (``patch.py``) that the owner reviews before ``--write``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TermkitError

MAX_EXAMPLES = 3
MIN_WORDS, MAX_WORDS = 2, 4
# The score is C-value * specificity ** 3: on the real-text corpus the cube lets rarer, domain
# words ('botulinum toxin', 'connective tissue') outrank frequent administrative phrases ('product
# label'); a reviewer accepted 20 of the top 50 English candidates with the plain product, 27 with
# the cube (eval/glossary_suggest.py).
SPECIFICITY_POWER = 3


@dataclass(frozen=True)
class Example:
    path: str
    line: int
    text: str  # the line, stripped and shortened

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


@dataclass
class Variant:
    """An unlisted spelling of one glossary term found in the archive."""

    language: str
    concept_id: str
    term: str  # the glossary term it was matched to
    text: str  # the variant as it is to be listed (lower case unless the term is case-sensitive)
    count: int = 0
    examples: list[Example] = field(default_factory=list)


@dataclass
class Candidate:
    """A multi-word expression the glossary lacks."""

    language: str
    text: str
    count: int
    documents: int
    cvalue: float
    specificity: float
    examples: list[Example] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # other inflections seen ('clinical trials')

    @property
    def score(self) -> float:
        return self.cvalue * self.specificity ** SPECIFICITY_POWER


@dataclass
class Suggestions:
    articles: int = 0
    languages: list[str] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


def _line_of(text: str, offset: int) -> tuple[int, str]:
    """The line number of ``offset`` and up to 80 characters of its line around it."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = end if end != -1 else len(text)
    left, right = max(start, offset - 30), min(end, offset + 50)
    snippet = ("..." if left > start else "") + text[left:right].strip() + ("..." if right < end else "")
    return text.count("\n", 0, offset) + 1, snippet


_SENTENCE_END = {".", "!", "?", ":", ";", "#", "*", ">", "|", "(", ")", "[", "]", "\"", "“", "”", "«", "»"}


def word_runs(doc, stop_words: set[str], language: str) -> Iterable[list[tuple[str, int]]]:
    """Maximal runs of content words of a Doc: lists of (lower-case word, start offset)."""
    run: list[tuple[str, int]] = []
    tokens = list(doc)
    n = len(tokens)
    sentence_start = True
    i = 0
    while i < n:
        token = tokens[i]
        if not token.is_alpha:
            if run:
                yield run
                run = []
            if token.is_space or token.text in _SENTENCE_END or "\n" in token.whitespace_:
                sentence_start = True
            i += 1
            continue
        text, j = token.text, i
        while (j + 2 < n and not tokens[j].whitespace_ and tokens[j + 1].text == "-"
               and not tokens[j + 1].whitespace_ and tokens[j + 2].is_alpha):
            text += "-" + tokens[j + 2].text
            j += 2
        lower = text.lower()
        content = (len(text) >= 3 and lower not in stop_words and not (len(text) > 1 and text.isupper())
                   and not (language == "en" and lower.endswith("ly"))
                   and (language == "de" or sentence_start or not text[0].isupper()))
        if content:
            run.append((lower, token.idx))
        elif run:
            yield run
            run = []
        sentence_start = "\n" in tokens[j].whitespace_
        i = j + 1
    if run:
        yield run


class NounShapes:
    """English noun-phrase shape from spaCy's lookups data (WordNet's word lists by part of speech
    and its lemma table): the last word must be able to be a noun ('blood pressure', 'headaches'),
    and no word may be only a verb in its base form ('provide evidence', 'lose weight') or only
    an adverb. Other languages put the head noun first and have no such lists here: no filter."""

    def __init__(self) -> None:
        from spacy.lookups import load_lookups

        lookups = load_lookups("en", ["lemma_index", "lemma_lookup", "lemma_exc"])
        index = lookups.get_table("lemma_index")
        self.nouns, self.verbs = set(index["noun"]), set(index["verb"])
        self.adjectives, self.adverbs = set(index["adj"]), set(index["adv"])
        self.lemmas = lookups.get_table("lemma_lookup")
        exc = lookups.get_table("lemma_exc")
        self.noun_exc = dict(exc["noun"]) if "noun" in exc else {}

    def _noun_lemmas(self, word: str) -> set[str]:
        found = {word, self.lemmas.get(word, word)}
        found.update(self.noun_exc.get(word, ()))
        for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                found.add(word[: len(word) - len(suffix)] + repl)
        return found

    def fits(self, gram: tuple[str, ...]) -> bool:
        last = gram[-1]
        if "-" not in last and not any(w in self.nouns for w in self._noun_lemmas(last)):
            return False
        for word in gram:
            forms = {word, self.lemmas.get(word, word)}
            if forms & self.nouns or forms & self.adjectives:
                continue
            if forms & self.verbs or forms & self.adverbs:
                return False
        return True

    def singular(self, gram: tuple[str, ...]) -> tuple[str, ...]:
        """The gram with its last word in the singular, so 'clinical trials' counts as 'clinical trial'."""
        last = gram[-1]
        lemma = self.lemmas.get(last, last)
        plural = last.endswith("s") and lemma != last and lemma in self.nouns
        return gram[:-1] + (lemma,) if plural else gram


def _specificity(words: tuple[str, ...], language: str) -> float:
    from wordfreq import zipf_frequency

    return sum(max(0.0, 1.0 - zipf_frequency(w, language) / 8.0) for w in words) / len(words)


def cvalues(counts: Counter, min_count: int = 1) -> dict[tuple[str, ...], float]:
    """C-value of every n-gram in ``counts`` (keys: word tuples):
    log2|a| * f(a) when no longer candidate contains a, else log2|a| * (f(a) - mean f(longer)),
    where the longer candidates are those that occur at least ``min_count`` times (as in Frantzi
    et al., nesting is counted among the candidates that pass the frequency threshold)."""
    nested: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for gram, f in counts.items():
        if f < min_count:
            continue
        for size in range(MIN_WORDS, len(gram)):
            for k in range(len(gram) - size + 1):
                sub = gram[k:k + size]
                if sub in counts:
                    nested[sub].append(f)
    out = {}
    for gram, f in counts.items():
        longer = nested.get(gram)
        out[gram] = math.log2(len(gram)) * (f - (sum(longer) / len(longer) if longer else 0))
    return out


def _glossary_variants(glossary) -> set[str]:
    """Every way the glossary writes a term, lower case, in any language."""
    from ..term_tables import spellings

    known = set()
    for concept in glossary.concepts.values():
        for term in concept.terms:
            for text in (term.text, *term.forms, *term.misspellings):
                known.add(text.lower())
                known.update(s.lower() for s in spellings(text))
    return known


def suggest(paths: Iterable[Path], project, language: str | None = None, top: int = 50,
            min_count: int = 3) -> Suggestions:
    """Mine the articles under ``paths``. Raises TermkitError on any unreadable article or path,
    so nothing is suggested from half an archive."""
    from ..components.keys import FUZZY_KEY
    from ..engine import Checker, iter_articles
    from ..markdown import extract_prose

    checker = Checker(project)
    result = Suggestions()
    variants: dict[tuple[str, str, str, str], Variant] = {}
    grams: dict[str, Counter] = defaultdict(Counter)
    docs_of: dict[str, dict[tuple[str, ...], set[str]]] = defaultdict(lambda: defaultdict(set))
    examples: dict[str, dict[tuple[str, ...], list[Example]]] = defaultdict(lambda: defaultdict(list))
    stops: dict[str, set[str]] = {}
    shapes: dict[str, NounShapes | None] = {}
    surfaces: dict[str, dict[tuple[str, ...], Counter]] = defaultdict(lambda: defaultdict(Counter))
    for item in iter_articles(paths):
        if isinstance(item, TermkitError):
            raise item
        path, shown = item
        source = checker.read_article(path, shown)
        prose = extract_prose(source.text, source.kind)
        lang = checker.language_of(source, prose.front_matter)
        if language and lang != language:
            continue
        try:
            setup = checker.setup(lang)
        except TermkitError as exc:
            if exc.path is None:  # e.g. an unknown `lang:`: say which article asked for it
                raise TermkitError(exc.message, shown, 1 if prose.front_matter else None) from None
            raise
        result.articles += 1
        if lang not in result.languages:
            result.languages.append(lang)
        doc = setup.parse(source.text, prose)
        compiled = setup.compiled
        for span in doc.spans.get(FUZZY_KEY, ()):
            ref = compiled.refs[int(span.kb_id_)]
            concept = setup.glossary.get(ref.concept_id)
            term = next((t for t in concept.terms_in(lang) if t.text == ref.term_text), None) if concept else None
            text = span.text if term is not None and term.case_sensitive else span.text.lower()
            key = (lang, ref.concept_id, ref.term_text, text)
            variant = variants.setdefault(key, Variant(lang, ref.concept_id, ref.term_text, text))
            variant.count += 1
            if len(variant.examples) < MAX_EXAMPLES:
                line, line_text = _line_of(source.text, span.start_char)
                variant.examples.append(Example(shown, line, line_text))
        if lang not in stops:
            stops[lang] = {w.lower() for w in setup.nlp.Defaults.stop_words}
            shapes[lang] = NounShapes() if lang == "en" else None
        shape = shapes[lang]
        for run in word_runs(doc, stops[lang], lang):
            for size in range(MIN_WORDS, MAX_WORDS + 1):
                for k in range(len(run) - size + 1):
                    surface = tuple(w for w, _ in run[k:k + size])
                    gram = shape.singular(surface) if shape is not None else surface
                    surfaces[lang][gram][surface] += 1
                    grams[lang][gram] += 1
                    docs_of[lang][gram].add(shown)
                    found = examples[lang][gram]
                    if len(found) < MAX_EXAMPLES:
                        line, line_text = _line_of(source.text, run[k][1])
                        found.append(Example(shown, line, line_text))
    result.variants = sorted(variants.values(), key=lambda v: (v.language, v.concept_id, v.term, -v.count, v.text))
    for lang in result.languages:
        known = _glossary_variants(checker.setup(lang).glossary)
        shape = shapes[lang]
        counts = grams[lang]
        scores = cvalues(counts, min_count)
        ranked = []
        for gram, f in counts.items():
            written = [" ".join(w) for w, _ in sorted(surfaces[lang][gram].items(), key=lambda x: (-x[1], x[0]))]
            text = written[0]
            if (f < min_count or len(docs_of[lang][gram]) < 2 or scores[gram] <= 0
                    or any(w in known for w in written)):
                continue
            if shape is not None and not shape.fits(gram):
                continue
            ranked.append(Candidate(lang, text, f, len(docs_of[lang][gram]), round(scores[gram], 2),
                                    round(_specificity(gram, lang), 3), examples[lang][gram], written[1:]))
        ranked.sort(key=lambda c: (-c.score, c.text))
        result.candidates += ranked[:top]
    return result


_ID_CHARS = re.compile(r"[^a-z0-9]+")


def concept_id_for(text: str) -> str:
    """A glossary id for a candidate: 'blood pressure cuff' -> 'blood_pressure_cuff'."""
    from ..fuzzy import strip_accents

    slug = _ID_CHARS.sub("_", strip_accents(text.lower())).strip("_") or "term"
    return slug if slug[0].isalpha() else "_" + slug


def format_listing(found: Suggestions) -> str:
    """The human-readable listing: variants per concept, then candidate terms."""
    lines = [f"{found.articles} articles ({', '.join(found.languages) or 'none'})", ""]
    lines.append(f"Unlisted variants of glossary terms: {len(found.variants)}")
    current = None
    for v in found.variants:
        if (v.language, v.concept_id) != current:
            current = (v.language, v.concept_id)
            lines.append(f"  {v.concept_id} ({v.language})")
        lines.append(f"    {v.text!r} for {v.term!r}: {v.count}x")
        lines += [f"      {e}" for e in v.examples]
    lines.append("")
    lines.append(f"Candidate terms: {len(found.candidates)}")
    for i, c in enumerate(found.candidates, 1):
        lines.append(f"  {i:>3}. {c.text} ({c.language}): {c.count}x in {c.documents} articles, "
                     f"C-value {c.cvalue:g}, specificity {c.specificity:g}, score {c.score:.2f}"
                     + (f"; also written {', '.join(c.forms)}" if c.forms else ""))
        if c.examples:
            lines.append(f"       {c.examples[0]}")
    return "\n".join(lines) + "\n"


__all__ = ["Candidate", "Example", "Suggestions", "Variant", "concept_id_for", "cvalues", "format_listing",
           "suggest", "word_runs"]
