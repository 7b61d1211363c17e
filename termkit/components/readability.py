"""The ``termkit_readability`` component: the article's readability on prose only.

Writes ``doc._.termkit_readability`` (a ``Readability``): the formula of the article's language and
its score over the prose blocks, the sentences of those blocks with their word counts, and the
passive constructions found (languages whose rulebook has a ``passive:`` test).

Prose only: on top of what ``markdown.py`` already blanks (code, front matter, link targets,
HTML), headings, table rows, list items that are only a link, and sections whose title is a
reference section of the claims rulebook ("References", "Bibliographie") are left out. Offsets
stay those of the file.

The score comes from textstat (syllables from pyphen's hyphenation dictionaries) on the prose
blocks joined with a full stop after each block that ends without one (a list item is a
sentence). French's Kandel-Moles formula is not in textstat: it is computed from textstat's
French word, sentence and syllable counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..rulebooks import load_rulebook
from . import extensions  # noqa: F401  (doc._.termkit_readability)
from .sentences import sentences

HEADING_LINE = re.compile(r"^[ ]{0,3}#{1,6}(?:[ \t]|$)")
TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$|^\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
LINK_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[^\]\n]*\]\([^)\n]*\)|<[^>\n]+>|https?://\S+)\s*[.;,]?\s*$")
SETEXT = re.compile(r"^\s*(?:=+|-+)\s*$")
WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
ENDS = (".", "!", "?", ":", ";", "…")
PASSIVE_WORD = re.compile(r"[^\W\d_][\w'’]*")
CLAUSE_END = re.compile(r"[,.;:!?()\[\]\n–—]")
LANG_TAGS = {"en": "en_US", "fr": "fr_FR", "es": "es_ES", "de": "de_DE"}


@dataclass
class Readability:
    formula: str | None  # "flesch-kincaid-grade", "kandel-moles", "szigriszt-pazos", "wiener-sachtextformel"
    score: float | None  # None: no formula for the language, or no prose
    harder: str  # "higher" or "lower": which way the score goes as text gets harder
    words: int
    blocks: list[tuple[int, int]] = field(default_factory=list)  # prose blocks, character offsets
    long_sentences: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, words)
    passives: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of "aux ... participle"
    sentence_limit: int = 0


@Language.factory("termkit_readability", default_config={"rulebook_dir": None}, requires=["token.is_sent_start"],
                  assigns=["doc._.termkit_readability"])
def make_readability(nlp: Language, name: str, rulebook_dir: str | None) -> ReadabilityComponent:
    return ReadabilityComponent(nlp, rulebook_dir)


def prose_blocks(text: str, original: str, sections, reference_titles: set[str]) -> list[tuple[int, int]]:
    """Character ranges of the prose paragraphs and list items of ``text`` (the blanked prose),
    judged line by line on ``original``: no headings, table rows, link-only list items, blank lines,
    nor reference sections."""
    skip = [(a, b) for a, b, _, title in sections or () if title.strip(" :#*_").lower() in reference_titles]
    blocks: list[tuple[int, int]] = []
    start = None
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        source_line = original[pos:end]
        content = line.strip()
        keep = (content and not HEADING_LINE.match(source_line) and not TABLE_LINE.match(source_line)
                and not LINK_ITEM.match(source_line) and not SETEXT.match(source_line)
                and not any(a <= pos < b for a, b in skip))
        new_item = bool(re.match(r"^\s*(?:[-*+]|\d{1,3}[.)])\s", source_line))
        if keep and start is not None and new_item:
            blocks.append((start, pos))
            start = None
        if keep and start is None:
            start = pos
        elif not keep and start is not None:
            blocks.append((start, pos))
            start = None
        pos = end
    if start is not None:
        blocks.append((start, pos))
    return [(a, b) for a, b in blocks if WORD.search(text, a, b)]


def joined(text: str, blocks: list[tuple[int, int]]) -> str:
    """The blocks as one text for textstat: each ends a sentence."""
    parts = []
    for a, b in blocks:
        part = " ".join(text[a:b].split())
        parts.append(part if part.endswith(ENDS) else part + ".")
    return "\n".join(parts)


def score(formula: str, text: str, lang: str) -> float:
    """The formula's figure for ``text``, from textstat (imported here: it is slow to import)."""
    from textstat.textstat import textstatistics

    stats = textstatistics()
    stats.set_lang(LANG_TAGS.get(lang, lang))
    if formula == "flesch-kincaid-grade":
        return float(stats.flesch_kincaid_grade(text))
    if formula == "flesch-reading-ease":
        return float(stats.flesch_reading_ease(text))
    if formula == "fernandez-huerta":
        return float(stats.fernandez_huerta(text))
    if formula == "szigriszt-pazos":
        return float(stats.szigriszt_pazos(text))
    if formula == "wiener-sachtextformel":
        return float(stats.wiener_sachtextformel(text, 1))
    if formula == "kandel-moles":
        return kandel_moles(stats, text)
    raise ValueError(f"unknown readability formula {formula!r}")


def kandel_moles(stats, text: str) -> float:
    """Kandel and Moles (1958): 207 - 1.015 * words per sentence - 73.6 * syllables per word
    (the source's 0.736 per 100 words), from textstat's counts."""
    words = stats.lexicon_count(text)
    sents = stats.sentence_count(text)
    if not words or not sents:
        return 0.0
    return 207 - 1.015 * (words / sents) - 73.6 * (stats.syllable_count(text) / words)


class ReadabilityComponent:
    def __init__(self, nlp: Language, rulebook_dir: str | None = None):
        self.lang = nlp.lang
        project = Path(rulebook_dir) if rulebook_dir else None
        book = load_rulebook("plain_language", nlp.lang, project)
        self.book = book
        self.references = {str(t).lower() for t in load_rulebook("claims", nlp.lang, project).get("reference_sections") or ()}
        readability = book.get("readability") or {}
        self.formula = readability.get("formula")
        self.harder = str(readability.get("harder") or "higher")
        self.limit = int(book.get("sentence_words") or 0)
        passive = book.get("passive") or {}
        self.auxiliaries = {str(w).lower() for w in passive.get("auxiliaries") or ()}
        self.between = {str(w).lower() for w in passive.get("between") or ()}
        self.prefixes = tuple(str(w).lower() for w in passive.get("participle_prefixes") or ())
        self.suffixes = tuple(str(w).lower() for w in passive.get("participle_suffixes") or ())
        self.not_participles = {str(w).lower() for w in passive.get("not_participles") or ()}
        self.irregular = {str(w).lower() for w in passive.get("irregular") or ()}
        # the auxiliaries as one regex: most sentences have none, and cost one search
        self.aux_pattern = (re.compile(r"(?<![\w'’])(?:" + "|".join(sorted((re.escape(a) for a in self.auxiliaries), key=len, reverse=True))
                                       + r")(?![\w'’])", re.IGNORECASE) if self.auxiliaries else None)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        original = doc._.termkit_source or text
        blocks = prose_blocks(text, original, doc._.termkit_sections, self.references)
        prose = joined(text, blocks)
        words = len(WORD.findall(prose))
        value = score(self.formula, prose, self.lang) if self.formula and words else None
        result = Readability(formula=self.formula, score=round(value, 1) if value is not None else None,
                             harder=self.harder, words=words, blocks=blocks, sentence_limit=self.limit)
        inside = _inside(blocks)
        for sent in sentences(doc):
            if not inside(sent.start_char):
                continue
            sent_text = sent.text
            count = len(WORD.findall(sent_text))
            if self.limit and count > self.limit:
                result.long_sentences.append((sent.start_char, sent.end_char, count))
            if self.aux_pattern is not None and self.aux_pattern.search(sent_text):
                result.passives += [(sent.start_char + a, sent.start_char + b) for a, b in self._passives(sent_text)]
        doc._.termkit_readability = result
        return doc

    def _participle(self, word: str) -> bool:
        w = word.lower()
        if w in self.not_participles or len(w) < 4:
            return False
        if w in self.irregular:
            return True
        if self.prefixes:  # German: ge-...-t / ge-...-en, or -iert
            return (w.startswith(self.prefixes) and w.endswith(self.suffixes)) or w.endswith("iert")
        return w.endswith(self.suffixes)

    def _passives(self, text: str) -> list[tuple[int, int]]:
        """(start, end) in ``text`` of each auxiliary with its participle. English: the participle
        follows the auxiliary, past at most two adverbs of the list. German: it closes the clause
        (before a punctuation mark, the end, or another form of "werden")."""
        found = []
        for m in self.aux_pattern.finditer(text):
            words = [w for w in PASSIVE_WORD.finditer(text, m.end())]
            if self.prefixes:
                clause_end = CLAUSE_END.search(text, m.end())
                stop = clause_end.start() if clause_end else len(text)
                words = [w for w in words if w.start() < stop][:14]
                for k, w in enumerate(words):
                    last = k + 1 == len(words)
                    if self._participle(w.group()) and (last or words[k + 1].group().lower() in self.auxiliaries):
                        found.append((m.start(), w.end()))
                        break
                continue
            k = 0
            while k < len(words) and k < 2 and words[k].group().lower() in self.between:
                k += 1
            if k < len(words) and self._participle(words[k].group()) and not re.search(r"[^\w'’\s]", text[m.end():words[k].start()]):
                found.append((m.start(), words[k].end()))
        return found


def _inside(blocks: list[tuple[int, int]]):
    import bisect

    starts = [a for a, _ in blocks]

    def test(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and blocks[i][0] <= offset < blocks[i][1]

    return test
