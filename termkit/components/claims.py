"""The ``termkit_claims`` component: sentence-level unsupported-claim detection from a rulebook.

For each sentence: rulebook triggers (spaCy Matcher patterns per subtype) propose a claim; the
subtype's requirements (a health subject, a population or effect word) must hold; context cues
found by a second Matcher (negation before the trigger, hedges, questions, reported beliefs,
critical framing) withdraw it, ConText-style; a citation in the same sentence, read in the
original file so that links count, supports it unless the trigger is one a citation never clears
("guaranteed", "miracle", "no side effects"). Claims go to ``doc.spans["termkit_claims"]`` and
``doc._.termkit_claims``; the rule (rules/claims.py) words the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..languages import word_frequencies
from ..rulebooks import SHIPPED, anchors_for, compile_phrase, load_rulebook
from ..yamlio import load_yaml_file
from .sentences import candidate_sentences, sentences
from .terms import FUZZY_KEY, TERMS_KEY

CLAIMS_KEY = "termkit_claims"
LEADING_MARKUP = {"#", "##", "###", "####", ">", "-", "*", "+", "_", "**"}


@dataclass(frozen=True)
class Claim:
    """One unsupported claim: a sentence, the subtype it claims and the words that claim it."""

    start: int  # character offsets of the (trimmed) sentence
    end: int
    subtype: str
    trigger: str
    cited: bool


@dataclass(frozen=True)
class _Subtype:
    name: str
    requires_any: tuple[str, ...]
    mitigated_by: tuple[str, ...]


def _citation_patterns() -> list[re.Pattern]:
    data = load_yaml_file(SHIPPED / "citations.yaml")
    return [re.compile(p) for p in data.get("patterns", {}).values()]


@Language.factory("termkit_claims", default_config={"rulebook_dir": None},
                  requires=["token.is_sent_start"], assigns=["doc.spans", "doc._.termkit_claims"])
def make_claim_detector(nlp: Language, name: str, rulebook_dir: str | None) -> "ClaimDetector":
    return ClaimDetector(nlp, name, rulebook_dir)


class ClaimDetector:
    """Finds unsupported claims.

    rulebook_dir (str | None): a project folder of extra rulebooks (``<lang>/claims.yaml``).
    """

    def __init__(self, nlp: Language, name: str = "termkit_claims", rulebook_dir: str | None = None):
        self.name = name
        book = load_rulebook("claims", nlp.lang, Path(rulebook_dir) if rulebook_dir else None)
        where = f"rulebook claims/{nlp.lang}"
        self.subtypes: dict[str, _Subtype] = {}
        self.triggers = Matcher(nlp.vocab)
        self.cues = Matcher(nlp.vocab)
        all_triggers: list[str] = []
        for name_, spec in (book.get("subtypes") or {}).items():
            self.subtypes[name_] = _Subtype(name=name_, requires_any=tuple(spec.get("requires_any") or ()),
                                            mitigated_by=tuple(spec.get("mitigated_by") or ()))
            for citable, key in ((True, "triggers"), (False, "uncitable")):
                phrases = spec.get(key) or []
                all_triggers += phrases
                if phrases:
                    self.triggers.add(f"{name_}|{'c' if citable else 'u'}", [compile_phrase(p, where) for p in phrases])
        cue_lists = dict(book.get("cues") or {})
        cue_lists["health"] = book.get("health_words") or []
        cue_lists["population"] = book.get("population_words") or []
        cue_lists["effect"] = book.get("effect_words") or []
        for kind, phrases in cue_lists.items():
            if phrases:
                self.cues.add(kind, [compile_phrase(p, where) for p in phrases])
        self.prefilter = anchors_for(all_triggers, word_frequencies(nlp.lang))
        self.citations = _citation_patterns() + [re.compile(p) for p in book.get("attributions") or []]
        self.reference_titles = {t.lower() for t in book.get("reference_sections") or []}
        self.order = list(self.subtypes)

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = []
        spans: list[Span] = []
        if self.subtypes and len(doc):
            claims, spans = self._detect(doc)
        doc.spans[CLAIMS_KEY] = spans
        doc._.termkit_claims = claims
        return doc

    def _skipped_ranges(self, doc: Doc) -> list[tuple[int, int]]:
        ranges = []
        for start, end, _, title in doc._.termkit_sections or ():
            if title.lower().strip(" :#*") in self.reference_titles:
                ranges.append((start, end))
        return ranges

    def _detect(self, doc: Doc) -> tuple[list[Claim], list[Span]]:
        source = doc._.termkit_source or doc.text
        strings = doc.vocab.strings
        sents = sentences(doc)
        sent_of = [0] * len(doc)
        for k, sent in enumerate(sents):
            for i in range(sent.start, sent.end):
                sent_of[i] = k
        triggers: dict[int, list[tuple[str, bool, int, int]]] = {}
        candidates = candidate_sentences(doc, sents, self.prefilter)
        raw = [(strings[m], sent.start + s, sent.start + e) for sent in candidates for m, s, e in self.triggers(sent)]
        raw.sort(key=lambda t: (t[1], t[1] - t[2]))
        for label, s, e in raw:
            # a trigger inside a longer trigger of any subtype is the longer one's ("money-back guarantee")
            if any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for _, s2, e2 in raw):
                continue
            subtype, kind = label.rsplit("|", 1)
            triggers.setdefault(sent_of[s], []).append((subtype, kind == "c", s, e))
        if not triggers:
            return [], []
        cues: dict[int, list[tuple[str, int, int]]] = {}
        for k in triggers:
            sent = sents[k]
            for m, s, e in self.cues(sent):
                cues.setdefault(k, []).append((strings[m], sent.start + s, sent.start + e))
        for key in (TERMS_KEY, FUZZY_KEY):
            for span in doc.spans.get(key, ()):
                cues.setdefault(sent_of[span.start], []).append(("health", span.start, span.end))
        skipped = self._skipped_ranges(doc)
        claims, spans = [], []
        for k, found in sorted(triggers.items()):
            sent = sents[k]
            if any(a <= sent.start_char < b for a, b in skipped):
                continue
            start, end = self._trim(sent)
            if start >= end or doc[start].text.startswith("[^"):
                continue  # empty, or a footnote definition (a reference entry)
            span = doc[start:end]
            for subtype, trigger in self._decide(doc, sent, found, cues.get(k, []), source):
                cited = self._cited(source, sent.start_char, sent.end_char)
                claims.append(Claim(span.start_char, span.end_char, subtype, trigger, cited))
                spans.append(Span(doc, start, end, label=subtype, kb_id=trigger))
        return claims, spans

    @staticmethod
    def _trim(sent: Span) -> tuple[int, int]:
        start, end = sent.start, sent.end
        while start < end and (sent.doc[start].is_space or sent.doc[start].text in LEADING_MARKUP
                               or re.fullmatch(r"\d{1,3}[.)]", sent.doc[start].text)):
            start += 1
        while end > start and sent.doc[end - 1].is_space:
            end -= 1
        return start, end

    def _cited(self, source: str, start: int, end: int) -> bool:
        # a marker just after the full stop ("... effective. [3]") still belongs to the sentence
        window = source[start:end]
        tail = source[end:end + 16]
        m = re.match(r"\s*(?:\[\d[^\]]*\]|\[\^[^\]]+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|<sup>)", tail)
        if m:
            window += m.group(0)
        return any(p.search(window) for p in self.citations)

    def _decide(self, doc: Doc, sent: Span, found, cues, source: str) -> list[tuple[str, str]]:
        """Every subtype this sentence claims without support, in rulebook order, with its trigger."""
        kinds = {kind for kind, _, _ in cues}
        question = sent.text.rstrip().endswith("?")
        cited = None
        claims = []
        for subtype in self.order:
            spec = self.subtypes[subtype]
            if spec.requires_any and not kinds.intersection(spec.requires_any):
                continue
            for _, citable, s, e in sorted(f for f in found if f[0] == subtype):
                if self._mitigated(spec, s, e, cues, question):
                    continue
                if citable:
                    if cited is None:
                        cited = self._cited(source, sent.start_char, sent.end_char)
                    if cited:
                        continue
                claims.append((subtype, doc[s:e].text))
                break
        return claims

    @staticmethod
    def _mitigated(spec: _Subtype, s: int, e: int, cues, question: bool) -> bool:
        for kind in spec.mitigated_by:
            if kind == "question":
                if question:
                    return True
                continue
            for cue, cs, ce in cues:
                if cue != kind or (cs < e and s < ce):  # a cue inside the trigger is the trigger's own word
                    continue
                if kind == "negation" and cs >= s:
                    continue  # negation scopes forward: it must come before the trigger
                return True
        return False
