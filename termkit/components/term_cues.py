"""The ``termkit_term_cues`` component: where a term is explained or only mentioned.

Reads the glossary terms found by ``termkit_terms`` and the cue phrases of the terms rulebook
(``termkit/data/rulebooks/<lang>/terms.yaml``), and writes:

- ``doc._.termkit_term_links``: concept id -> pairs of its terms that the text explains by each
  other: "muscle twitching (fasciculation)", "ALS, also called Lou Gehrig's disease",
  "Muscle twitching is common. The medical term is fasciculation."
- ``doc._.termkit_linked_at``: token offsets where a span of such an explained pair starts (the
  unexplained-jargon rule asks whether a technical term's first use is explained there).
- ``doc._.termkit_mentions``: ``(start, end)`` token offsets of term spans that name a term
  without using it: "formerly called juvenile diabetes", "Synonyms: mongolism", a quoted name.

Both are looked for only when there is something to look for (two terms of one concept; a
deprecated or superseded term), so a plain article pays nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..rulebooks import compile_phrase, load_rulebook
from . import extensions  # noqa: F401  (doc._.termkit_term_links, doc._.termkit_mentions)
from .terms import TERMS_KEY

USED = ("preferred", "admitted")  # terms whose spans can be linked
OLD = ("deprecated", "superseded")  # terms whose spans can be mentions
ENDS = {".", "!", "?", ";", "…"}
MARKER = re.compile(r"^(?:#{1,6}|[-*+>]|\d{1,3}[.)])$")
MAX_GAP = 12  # tokens between two names that one link phrase can join
MAX_SKIP = 6  # filler tokens between a mention cue and the name


@Language.factory("termkit_term_cues", default_config={"rulebook_dir": None}, requires=["doc.spans"],
                  assigns=["doc._.termkit_term_links", "doc._.termkit_linked_at", "doc._.termkit_mentions"])
def make_term_cues(nlp: Language, name: str, rulebook_dir: str | None) -> "TermCues":
    return TermCues(nlp, name, rulebook_dir)


class TermCues:
    """Finds explained pairs of terms and mentions of old names, from the terms rulebook.

    rulebook_dir (str | None): a project folder of extra rulebooks (``<lang>/terms.yaml``).
    """

    def __init__(self, nlp: Language, name: str = "termkit_term_cues", rulebook_dir: str | None = None):
        self.name = name
        self.nlp = nlp  # the terms component's tables say which glossary term a span stands for
        book = load_rulebook("terms", nlp.lang, Path(rulebook_dir) if rulebook_dir else None)
        where = f"rulebook terms/{nlp.lang}"
        mentions = book.get("mentions") or {}
        self.quotes = {str(q) for q in mentions.get("quotes") or ()}
        self.fillers = {str(f).lower() for f in book.get("fillers") or ()}
        self.matcher = Matcher(nlp.vocab)
        for kind, phrases in (("link", book.get("links")), ("definition", book.get("definitions")),
                              ("before", mentions.get("before")), ("after", mentions.get("after"))):
            if phrases:
                self.matcher.add(kind, [compile_phrase(p, where) for p in phrases])

    def __call__(self, doc: Doc) -> Doc:
        compiled = self.nlp.get_pipe("termkit_terms").compiled
        self.refs = compiled.refs if compiled is not None else []
        spans = list(doc.spans.get(TERMS_KEY, ()))
        links: dict[str, set[frozenset[str]]] = {}
        linked_at: set[int] = set()
        mentions: set[tuple[int, int]] = set()
        by_concept: dict[str, list[Span]] = {}
        for span in spans:
            if span.label_ in USED:
                by_concept.setdefault(span.id_, []).append(span)
        pairs = [(a, b) for uses in by_concept.values() for a, b in zip(uses, uses[1:])
                 if self._term(a) != self._term(b)]
        old = [span for span in spans if span.label_ in OLD]
        if (pairs or old) and len(self.matcher):
            cues = self._cues(doc)
            ends = self._ends(doc)
            for a, b in pairs:
                if self._linked(a, b, cues, ends):
                    links.setdefault(a.id_, set()).add(frozenset((self._term(a), self._term(b))))
                    linked_at.update((a.start, b.start))
            taken = {i for span in spans for i in range(span.start, span.end)}
            for span in old:
                if self._mention(doc, span, cues, taken):
                    mentions.add((span.start, span.end))
        doc._.termkit_term_links = links
        doc._.termkit_linked_at = linked_at
        doc._.termkit_mentions = mentions
        return doc

    def _term(self, span: Span) -> str:
        """The glossary term a span stands for (its forms and respellings included)."""
        return self.refs[int(span.kb_id_)].term_text

    def _cues(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        found: dict[str, list[tuple[int, int]]] = {}
        strings = doc.vocab.strings
        for match_id, start, end in self.matcher(doc):
            found.setdefault(strings[match_id], []).append((start, end))
        return found

    @staticmethod
    def _ends(doc: Doc) -> list[int]:
        """Token offsets where a sentence or a Markdown block ends."""
        ends = []
        n = len(doc)
        for i, token in enumerate(doc):
            text = token.text
            if text in ENDS:
                following = doc[i + 1] if i + 1 < n else None
                while following is not None and following.is_space and "\n" not in following.text:
                    following = doc[following.i + 1] if following.i + 1 < n else None
                if following is None or not following.text[:1].islower():
                    ends.append(i)
            elif token.is_space and "\n" in text:
                following = doc[i + 1] if i + 1 < n else None
                if text.count("\n") >= 2 or following is None or MARKER.match(following.text):
                    ends.append(i)
        return ends

    def _linked(self, a: Span, b: Span, cues: dict, ends: list[int]) -> bool:
        """Two names of one concept explain each other: a link phrase between them in one sentence
        ("A (B)", "A, also called B", "A or B", "A is B"), or a definition phrase in their
        sentences when they stand in one or two neighbouring sentences ("A is common. The medical
        term is B")."""
        breaks = [e for e in ends if a.end <= e < b.start]
        if not breaks and b.start - a.end <= MAX_GAP:
            if any(a.end <= s and e <= b.start for s, e in cues.get("link", ())):
                return True
        if len(breaks) <= 1:
            first = max([e + 1 for e in ends if e < a.start], default=0)
            last = min([e for e in ends if e >= b.end], default=len(a.doc))
            if any(first <= s and e <= last for s, e in cues.get("definition", ())):
                return True
        return False

    def _mention(self, doc: Doc, span: Span, cues: dict, taken: set[int]) -> bool:
        """An old name named, not used: quoted, or next to a mention phrase ("formerly called X",
        "Synonyms: X, Y", "X (now called Z)"), past punctuation, fillers and other names."""
        before = span.start - 1
        while before >= 0 and doc[before].is_space:
            before -= 1
        after = span.end
        while after < len(doc) and doc[after].is_space:
            after += 1
        if before >= 0 and after < len(doc) and doc[before].text in self.quotes and doc[after].text in self.quotes:
            return True
        i, skipped = span.start, 0
        while i > 0 and skipped <= MAX_SKIP and self._skippable(doc[i - 1], taken):
            i -= 1
            skipped += not doc[i].is_space
        if any(e in range(i, span.start + 1) for _, e in cues.get("before", ())):
            return True
        j, skipped = span.end, 0
        while j < len(doc) and skipped <= MAX_SKIP and self._skippable(doc[j], taken):
            j += 1
            skipped += not doc[j - 1].is_space
        return any(s in range(span.end, j + 1) for s, _ in cues.get("after", ()))

    def _skippable(self, token, taken: set[int]) -> bool:
        return (token.is_space or token.is_punct and token.text not in ENDS or token.i in taken
                or token.lower_ in self.fillers)
