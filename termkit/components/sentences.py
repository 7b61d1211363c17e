"""The ``termkit_sentences`` component: Markdown-aware fixes to the sentencizer's boundaries.

Blank lines, headings and list items always start a sentence (Markdown blocks rarely end with a
full stop), and the full stop of an abbreviation ("et al.", "e.g.", "O. Vegard") does not end one.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

BLOCK_MARKER = re.compile(r"^(?:#{1,6}|>|[-*+]|\d{1,3}[.)])$")
CLOSERS = {")", "]", '"', "'", "”", "’", "»", "(", "[", ",", ";", ":"}
ABBREVIATIONS = {"al", "e.g", "i.e", "eg", "ie", "dr", "drs", "prof", "vs", "etc", "fig", "approx", "ca", "cf",
                 "no", "st", "mr", "mrs", "ms", "jr", "sr", "z.b", "bzw", "ggf", "usw", "dh", "d.h", "p.ej", "sra",
                 "sr", "dra", "mme", "mlle", "env"}


@Language.factory("termkit_sentences", requires=["token.is_sent_start"], assigns=["token.is_sent_start"])
def make_sentence_fixer(nlp: Language, name: str) -> "SentenceFixer":
    return SentenceFixer()


def _line_break_before(doc: Doc, i: int) -> str:
    """The whitespace between token i and the previous non-space token."""
    gap = []
    j = i - 1
    while j >= 0:
        gap.append(doc[j].whitespace_)
        if not doc[j].is_space:
            break
        gap.append(doc[j].text)
        j -= 1
    return "".join(reversed(gap))


class SentenceFixer:
    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        first = next((t for t in doc if not t.is_space), None)
        heading = first is not None and first.text.startswith("#")
        for i in range(1, n):
            token = doc[i]
            if token.is_space:
                continue
            gap = _line_break_before(doc, i)
            if "\n" in gap:
                blank_line = gap.count("\n") >= 2
                if blank_line or heading or BLOCK_MARKER.match(token.text):
                    token.is_sent_start = True
                    heading = token.text.startswith("#")
                    continue
                heading = False
            if token.is_sent_start and self._after_abbreviation(doc, i):
                token.is_sent_start = False
        return doc

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
