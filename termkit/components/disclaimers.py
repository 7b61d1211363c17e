"""The ``termkit_disclaimers`` component: which disclaimers the visible prose carries, and whether it
gives dosage or treatment advice. Results go to ``doc._.termkit_disclaimers`` (name -> character
span) and ``doc._.termkit_advice`` (the first advice match, or None)."""

from __future__ import annotations

import bisect
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..languages import word_frequencies
from ..rulebooks import load_rulebook
from .anchored import AnchoredMatcher
from .sentences import sentences


@Language.factory("termkit_disclaimers", default_config={"rulebook_dir": None},
                  requires=["token.is_sent_start"], assigns=["doc._.termkit_disclaimers", "doc._.termkit_advice"])
def make_disclaimer_finder(nlp: Language, name: str, rulebook_dir: str | None) -> "DisclaimerFinder":
    return DisclaimerFinder(nlp, name, rulebook_dir)


class DisclaimerFinder:
    def __init__(self, nlp: Language, name: str = "termkit_disclaimers", rulebook_dir: str | None = None):
        self.name = name
        book = load_rulebook("disclaimers", nlp.lang, Path(rulebook_dir) if rulebook_dir else None)
        where = f"rulebook disclaimers/{nlp.lang}"
        specs = book.get("disclaimers") or {}
        self.disclaimers = {name_: [set(group) for group in spec.get("any_of") or []] for name_, spec in specs.items()}
        self.adjacent = {name_: [set(group) for group in spec.get("adjacent") or []] for name_, spec in specs.items()}
        self.texts = {name_: spec.get("text", "") for name_, spec in (book.get("disclaimers") or {}).items()}
        self.matcher = AnchoredMatcher(nlp.vocab, word_frequencies(nlp.lang))
        for kind, phrases in (book.get("cues") or {}).items():
            if phrases:
                self.matcher.add(kind, phrases, where)
        if book.get("advice"):
            self.matcher.add("advice", book["advice"], where)

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, tuple[int, int]] = {}
        advice = None
        if len(doc) and (self.disclaimers or len(self.matcher)):
            strings = doc.vocab.strings
            sents = sentences(doc)
            starts = [sent.start for sent in sents]
            kinds: list[set[str]] = [set() for _ in sents]
            matches = self.matcher.match_sentences(doc, sents)
            for m, s, e in matches:
                kind = strings[m]
                kinds[bisect.bisect_right(starts, s) - 1].add(kind)
                if kind == "advice" and advice is None:
                    advice = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), doc[s:e].text)
            for k in sorted({k for k, ks in enumerate(kinds) if ks} | {k - 1 for k, ks in enumerate(kinds) if ks and k}):
                sent = sents[k]  # only sentences with a cue, or before one, can hold a disclaimer
                pair = kinds[k] | (kinds[k + 1] if k + 1 < len(sents) else set())
                for name, groups in self.disclaimers.items():
                    if name in found:
                        continue
                    if any(g <= kinds[k] for g in groups) or any(g <= pair for g in self.adjacent.get(name, ())):
                        found[name] = (sent.start_char, sent.end_char)
        doc._.termkit_disclaimers = found
        doc._.termkit_advice = advice
        return doc
