"""The ``termkit_sentences`` component: spaCy's sentencizer rule, then Markdown-aware fixes to it.

Sentence starts follow spaCy's ``Sentencizer`` exactly (a token that is not punctuation, after
one of its sentence-final characters), computed on arrays instead of token by token (the
Cython loop makes a Token object per token and costs a third of the claim check).

Blank lines, headings and list items always start a sentence (Markdown blocks rarely end with a
full stop), and the full stop of an abbreviation ("et al.", "e.g.", "O. Vegard") does not end one.
It works on line offsets and on the sentencizer's starts only, not token by token, because it
runs on every document.
"""

from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import IDX, IS_PUNCT, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from . import extensions  # noqa: F401  (doc._.termkit_text, doc._.termkit_sents)

# A line that opens a block: after a blank line, a heading, a list item or a quote.
BLOCK_LINE = re.compile(r"(?:\n[ \t]*\n[ \t]*|\n[ \t]*(?=#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>))(?=\S)")
HEADING_LINE = re.compile(r"^[ \t]*#{1,6}[ \t][^\n]*\n[ \t]*(?=\S)", re.M)
CLOSERS = {")", "]", '"', "'", "”", "’", "»", "(", "[", ",", ";", ":"}
ABBREVIATIONS = {"al", "e.g", "i.e", "eg", "ie", "dr", "drs", "prof", "vs", "etc", "fig", "approx", "ca", "cf",
                 "no", "st", "mr", "mrs", "ms", "jr", "sr", "z.b", "bzw", "ggf", "usw", "dh", "d.h", "p.ej", "sra",
                 "dra", "mme", "mlle", "env"}


@Language.factory("termkit_sentences", assigns=["token.is_sent_start"])
def make_sentence_fixer(nlp: Language, name: str) -> "SentenceFixer":
    return SentenceFixer(nlp)


class SentenceFixer:
    def __init__(self, nlp: Language | None = None):
        chars = Sentencizer.default_punct_chars
        self.punct = numpy.array(sorted({nlp.vocab.strings.add(c) for c in chars}) if nlp else [], dtype=numpy.uint64)
        self.strings = nlp.vocab.strings if nlp else None

    def _sentencizer(self, doc: Doc) -> numpy.ndarray:
        """spaCy's Sentencizer.predict on arrays: 1 where a sentence starts, -1 elsewhere."""
        array = doc.to_array([ORTH, IS_PUNCT])
        in_punct = numpy.isin(array[:, 0], self.punct)
        normal = ~(in_punct | (array[:, 1] == 1))
        seen = numpy.concatenate(([0], numpy.cumsum(in_punct)))  # sentence-final characters before i
        flags = numpy.full(len(doc), -1, dtype=numpy.int64)
        flags[0] = 1
        words = normal.nonzero()[0]
        if len(words) and words[0] > 0 and seen[words[0]] > 0:
            flags[words[0]] = 1
        if len(words) > 1:
            # a word starts a sentence when a sentence-final character stands between it and the word before
            between = seen[words[1:]] - seen[words[:-1] + 1]
            flags[words[1:][between > 0]] = 1
        return flags

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            if len(doc) and self.strings is not None:
                doc.from_array([SENT_START], numpy.ones(1, dtype=numpy.uint64))
            return doc
        # One pass over arrays, one write back: setting ``token.is_sent_start`` token by token
        # makes spaCy rescan the whole Doc each time (``has_annotation``), which is quadratic.
        array = doc.to_array([IDX, SENT_START])
        offsets = array[:, 0]
        flags = array[:, 1].astype(numpy.int64)  # 1 start, -1 not a start, 0 unknown
        computed = self.strings is not None and not flags.all()
        if computed:  # as the sentencizer does: only where no start was set before
            flags = numpy.where(flags == 0, self._sentencizer(doc), flags)
        text = doc._.termkit_text or doc.text
        wanted = [m.end() for pattern in (BLOCK_LINE, HEADING_LINE) for m in pattern.finditer(text)]
        original_starts = (flags == 1).nonzero()[0]
        if wanted:
            ends = numpy.asarray(wanted, dtype=offsets.dtype)
            at = numpy.searchsorted(offsets, ends)
            inside = at < len(doc)
            at, ends = at[inside], ends[inside]
            at = at[(at > 0) & (offsets[at] == ends)]  # only where a token starts exactly there
            flags[at] = 1
        line_starts = None
        for i in original_starts.tolist():
            if i > 0 and self._after_abbreviation(doc, i):
                if line_starts is None:
                    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
                if not self._block_start(text, int(offsets[i]), line_starts):
                    flags[i] = -1
        if computed or wanted or line_starts is not None:
            doc.from_array([SENT_START], flags.view(numpy.uint64))
        return doc

    @staticmethod
    def _block_start(text: str, offset: int, line_starts: list[int]) -> bool:
        line_start = line_starts[bisect.bisect_right(line_starts, offset) - 1]
        return not text[line_start:offset].strip() and (line_start == 0 or text[max(0, line_start - 2):line_start].count("\n") == 2)

    @staticmethod
    def _after_abbreviation(doc: Doc, i: int) -> bool:
        j = i - 1
        while j >= 0 and (doc[j].is_space or doc[j].text in CLOSERS):
            j -= 1
        if j < 0:
            return False
        end = doc[j]
        if end.text == "." and j > 0 and not doc[j - 1].whitespace_:
            word = doc[j - 1].text
        elif end.text.endswith(".") and len(end.text) > 1:
            word = end.text[:-1]
        else:
            return False
        return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isupper())


def sentences(doc: Doc) -> list:
    """``list(doc.sents)``, computed once per Doc from the SENT_START array (``doc.sents`` walks
    every token in Python, which costs more than the rest of the claim check)."""
    cached = doc._.termkit_sents
    if cached is None:
        flags = doc.to_array(SENT_START)
        starts = [int(i) for i in (flags == 1).nonzero()[0]]
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        bounds = starts + [len(doc)]
        cached = [doc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
        doc._.termkit_sents = cached
    return cached


def candidate_sentences(doc: Doc, sents: list[Span], prefilter) -> list[Span]:
    """The sentences holding an anchor word of the prefilter (all of them when there is none), so
    that the expensive Matchers only run where they can match."""
    if prefilter is None:
        return sents
    lowers = doc.to_array(LOWER)
    strings = doc.vocab.strings
    hits = prefilter.hits({strings[h] for h in set(lowers.tolist())})
    if not hits:
        return []
    wanted = numpy.isin(lowers, numpy.array([strings[w] for w in hits], dtype=lowers.dtype))
    starts = [sent.start for sent in sents]
    chosen = {bisect.bisect_right(starts, int(i)) - 1 for i in wanted.nonzero()[0]}
    return [sents[k] for k in sorted(chosen) if k >= 0]
