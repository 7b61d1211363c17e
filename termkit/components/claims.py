"""The ``termkit_claims`` component: sentence-level unsupported-claim detection from a rulebook.

For each sentence: rulebook triggers (spaCy Matcher patterns per subtype) propose a claim; the
subtype's requirements (a health subject, a population or effect word) must hold, except for the
triggers that claim on their own ("throw away your pills"); context cues found by a second
Matcher withdraw it, ConText-style: a negation before the trigger or a hedge, each only within its
own clause (a terminator such as "but" or ";" ends its scope), a question, a reported belief, or
critical framing anywhere in the sentence, in a lead-in that ends with a colon above a list or a
quotation, or in the title of a myth-busting section. A citation in the same sentence or at the
end of its paragraph, read in the original file so that links count, supports the claim unless
the trigger is one a citation never clears ("guaranteed", "miracle", "no side effects").
First-person sentences in testimonial sections ("Customer reviews") or beside a reviewer's
signature or a star rating are testimonials. Claims go to ``doc.spans["termkit_claims"]`` and
``doc._.termkit_claims``; the rule (rules/claims.py) words the message.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..languages import word_frequencies
from ..rulebooks import SHIPPED, load_rulebook
from ..yamlio import load_yaml_file
from .anchored import AnchoredMatcher
from .sentences import sentences
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
    quoted: bool = False  # the trigger stands inside quotation marks or a blockquote (someone else's words)


@dataclass(frozen=True)
class _Subtype:
    name: str
    requires_any: tuple[str, ...]
    mitigated_by: tuple[str, ...]


@dataclass(frozen=True)
class _Trigger:
    subtype: str
    citable: bool  # a citation supports it (not so for "guaranteed", "miracle")
    needs_subject: bool  # the subtype's requires_any must hold in the sentence
    start: int  # token offsets
    end: int


def _citation_patterns() -> list[re.Pattern]:
    data = load_yaml_file(SHIPPED / "citations.yaml")
    return [re.compile(p) for p in data.get("patterns", {}).values()]


LIST_OR_QUOTE_LINE = re.compile(r"[ \t]*(?:[-*+][ \t]|\d{1,3}[.)][ \t]|>|[\"“”«„'‘])")
# a sentence end with its citation marker inside what the splitter took for one sentence
INNER_BOUNDARY = re.compile(r"[.!?](\s*(?:\[\d[^\]]*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s+(?=[A-ZÀ-ÝÄÖÜ])")
MARKER_AFTER_SENTENCE = re.compile(r"\s*(?:\[\d[^\]]*\]|\(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)|\[\^[^\]]+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|<sup>)")


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
        frequency = word_frequencies(nlp.lang)
        self.triggers = AnchoredMatcher(nlp.vocab, frequency)
        self.cues = AnchoredMatcher(nlp.vocab, frequency)
        for name_, spec in (book.get("subtypes") or {}).items():
            self.subtypes[name_] = _Subtype(name=name_, requires_any=tuple(spec.get("requires_any") or ()),
                                            mitigated_by=tuple(spec.get("mitigated_by") or ()))
            for key, flags in (("triggers", "cs"), ("uncitable", "us"), ("without_subject", "cf")):
                phrases = spec.get(key) or []
                if phrases:
                    self.triggers.add(f"{name_}|{flags}", phrases, where)
        cue_lists = dict(book.get("cues") or {})
        cue_lists["health"] = book.get("health_words") or []
        cue_lists["population"] = book.get("population_words") or []
        cue_lists["effect"] = book.get("effect_words") or []
        cue_lists["terminator"] = book.get("terminators") or []
        cue_lists["first-person"] = book.get("first_person") or []
        for kind, phrases in cue_lists.items():
            if phrases:
                self.cues.add(kind, phrases, where)
        self.clause_scoped = frozenset(book.get("clause_scoped") or ())
        self.citations = _citation_patterns() + [re.compile(p) for p in book.get("attributions") or []]
        self.source_lines = [re.compile(p, re.M) for p in book.get("source_lines") or []]
        self.testimonial_markers = [re.compile(p, re.M) for p in book.get("testimonial_markers") or []]
        self.section_titles = {kind: [t.lower() for t in book.get(f"{kind}_sections") or []]
                               for kind in ("reference", "critical", "testimonial")}
        self.order = list(self.subtypes)

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Claim] = []
        spans: list[Span] = []
        if self.subtypes and len(doc):
            claims, spans = self._detect(doc)
            self._lowers = None  # the LOWER array of the Doc being checked, read by the cue matches
        doc.spans[CLAIMS_KEY] = spans
        doc._.termkit_claims = claims
        return doc

    def _sections(self, doc: Doc, kind: str) -> list[tuple[int, int]]:
        """Character ranges of the sections whose title is one of the rulebook's ``<kind>_sections``
        (a trailing ``*`` in the list matches any ending: ``myth*``)."""
        wanted = self.section_titles[kind]
        ranges = []
        for start, end, _, title in doc._.termkit_sections or ():
            title = title.lower().strip(" :#*")
            if any(title == w or (w.endswith("*") and w[:-1] in title) for w in wanted):
                ranges.append((start, end))
        return ranges

    def _detect(self, doc: Doc) -> tuple[list[Claim], list[Span]]:
        source = doc._.termkit_source or doc.text
        strings = doc.vocab.strings
        sents = sentences(doc)
        sent_of = _sentence_index(sents)
        triggers: dict[int, list[_Trigger]] = {}
        lowers = doc.to_array(LOWER)
        self._lowers = lowers
        raw = [(strings[m], s, e) for m, s, e in self.triggers.match_sentences(doc, sents, lowers)]
        raw.sort(key=lambda t: (t[1], t[1] - t[2]))
        for label, s, e in raw:
            # a trigger inside a longer trigger of any subtype is the longer one's ("money-back guarantee")
            if any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for _, s2, e2 in raw):
                continue
            subtype, flags = label.rsplit("|", 1)
            triggers.setdefault(sent_of(s), []).append(_Trigger(subtype, flags[0] == "c", flags[1] == "s", s, e))
        cues: dict[int, list[tuple[str, int, int]]] = {}
        if "testimonial" in self.subtypes:
            self._testimonial_regions(doc, sents, triggers, cues)
        if not triggers:
            return [], []
        for k in triggers:
            sent = sents[k]
            cues.setdefault(k, [])
            for m, s, e in self.cues.match(sent, self._lowers):
                cues[k].append((strings[m], sent.start + s, sent.start + e))
        for key in (TERMS_KEY, FUZZY_KEY):
            for span in doc.spans.get(key, ()):
                cues.setdefault(sent_of(span.start), []).append(("health", span.start, span.end))
        skipped = self._sections(doc, "reference")
        critical = self._sections(doc, "critical")
        claims, spans = [], []
        for k, found in sorted(triggers.items()):
            sent = sents[k]
            if any(a <= sent.start_char < b for a, b in skipped):
                continue
            start, end = self._trim(sent)
            if start >= end or doc[start].text.startswith("[^"):
                continue  # empty, or a footnote definition (a reference entry)
            framed = any(a <= sent.start_char < b for a, b in critical) or self._framed_by_lead_in(doc, sents, k, source)
            span = doc[start:end]
            for subtype, trigger, cited, at in self._decide(doc, sents, k, found, cues.get(k, []), source, framed):
                claims.append(Claim(span.start_char, span.end_char, subtype, trigger, cited, _quoted(source, at)))
                spans.append(Span(doc, start, end, label=subtype, kb_id=trigger))
        return claims, spans

    def _testimonial_regions(self, doc: Doc, sents: list[Span], triggers, cues) -> None:
        """In a testimonial section, or a paragraph beside a reviewer's signature ("— Maria, 54") or
        a star rating, a first-person sentence is a testimonial: add its first-person word as a trigger."""
        text = doc._.termkit_text or doc.text
        regions = self._sections(doc, "testimonial")
        for pattern in self.testimonial_markers:
            for m in pattern.finditer(text):
                # the marker's paragraph and its neighbours: a signature follows its review, stars precede it
                start = text.rfind("\n\n", 0, max(0, text.rfind("\n\n", 0, m.start())))
                end = text.find("\n\n", text.find("\n\n", m.end()) + 2) if "\n\n" in text[m.end():] else -1
                regions.append((max(0, start), len(text) if end < 0 else end))
        if not regions:
            return
        strings = doc.vocab.strings
        starts = [sent.start_char for sent in sents]
        told: set[int] = set()  # paragraphs whose story is already reported: one finding per story
        for a, b in regions:
            k = max(0, bisect.bisect_right(starts, a) - 1)
            while k < len(sents) and sents[k].start_char < b:
                sent = sents[k]
                paragraph = text.rfind("\n\n", 0, sent.start_char)
                if sent.end_char > a and paragraph not in told:
                    for m, s, e in self.cues.match(sent, self._lowers):
                        if strings[m] == "first-person":
                            triggers.setdefault(k, []).append(
                                _Trigger("testimonial", True, False, sent.start + s, sent.start + e))
                            told.add(paragraph)
                            break
                k += 1

    def _framed_by_lead_in(self, doc: Doc, sents: list[Span], k: int, source: str) -> bool:
        """A list item or quoted line under a lead-in that ends with a colon and frames what follows
        critically ("Be wary of products that promise:", "Your website makes claims such as:")."""
        if not self._starts_list_or_quote(source, sents[k].start_char):
            return False
        j = k - 1
        while j >= 0 and self._starts_list_or_quote(source, sents[j].start_char):
            j -= 1
        if j < 0 or not sents[j].text.rstrip().endswith(":"):
            return False
        strings = doc.vocab.strings
        return any(strings[m] in ("critical", "reported") for m, _, _ in self.cues.match(sents[j], self._lowers))

    @staticmethod
    def _starts_list_or_quote(source: str, offset: int) -> bool:
        line_start = source.rfind("\n", 0, offset) + 1
        return bool(LIST_OR_QUOTE_LINE.match(source, line_start)) and not source[line_start:offset].strip(" \t-*+>0123456789.)\"“”«„'‘")

    @staticmethod
    def _trim(sent: Span) -> tuple[int, int]:
        start, end = sent.start, sent.end
        while start < end and (sent.doc[start].is_space or sent.doc[start].text in LEADING_MARKUP
                               or re.fullmatch(r"\d{1,3}[.)]", sent.doc[start].text)):
            start += 1
        while end > start and sent.doc[end - 1].is_space:
            end -= 1
        return start, end

    def _cited(self, source: str, start: int, end: int, at: int | None = None) -> bool:
        """Whether the sentence at ``start:end`` carries a citation. A marker just after the full stop
        ("... effective. [3]") belongs to the sentence; one that ends an earlier sentence the splitter
        did not separate ("... 1982.[2] Ihm zu Ehren ...") belongs to that sentence, not to the part
        holding the trigger at ``at``."""
        if at is not None:
            for m in INNER_BOUNDARY.finditer(source, start, end):
                if m.end() <= at:
                    start = m.end()
                elif m.start() >= at:
                    end = m.end(1)
                    break
        while end > start and source[end - 1] in " \t[(":  # "pain. [3]": the splitter cut inside the marker
            end -= 1
        window = source[start:end]
        m = MARKER_AFTER_SENTENCE.match(source, end)
        if m:
            window += m.group(0)
        return any(p.search(window) for p in self.citations)

    @staticmethod
    def _segment(source: str, sent: Span, at: int) -> int:
        """Which part of the sentence (split at INNER_BOUNDARY) holds offset ``at``."""
        return sum(1 for m in INNER_BOUNDARY.finditer(source, sent.start_char, sent.end_char) if m.end() <= at)

    def _paragraph_cited(self, sents: list[Span], k: int, source: str) -> bool:
        """The paragraph's last sentence carries a citation, or a "Source:" line follows it."""
        para_end = source.find("\n\n", sents[k].end_char)
        para_end = len(source) if para_end < 0 else para_end
        last = k
        while last + 1 < len(sents) and sents[last + 1].start_char < para_end:
            last += 1
        if last != k and self._cited(source, sents[last].start_char, sents[last].end_char):
            return True
        following = source[para_end:para_end + 300].lstrip("\r\n")
        return any(p.match(following) for p in self.source_lines)

    def _decide(self, doc: Doc, sents: list[Span], k: int, found: list[_Trigger], cues, source: str,
                framed: bool) -> list[tuple[str, str, bool, int]]:
        """Every subtype this sentence claims without support, in rulebook order, with its trigger,
        whether it is cited (a cited claim is kept only when its trigger is uncitable) and where the
        trigger starts."""
        sent = sents[k]
        kinds = {kind for kind, _, _ in cues}
        question = sent.text.rstrip().endswith("?")
        terminators = [cs for kind, cs, _ in cues if kind == "terminator"]
        cited = None
        claims = []
        for subtype in self.order:
            spec = self.subtypes[subtype]
            for trigger in sorted((t for t in found if t.subtype == subtype), key=lambda t: (t.start, t.end)):
                if trigger.needs_subject and spec.requires_any and not kinds.intersection(spec.requires_any):
                    continue
                if framed and "critical" in spec.mitigated_by:
                    continue
                if any(kind == "defuse" and cs <= trigger.start and trigger.end <= ce for kind, cs, ce in cues):
                    continue  # the trigger word is part of a harmless phrase ("breakthrough pain")
                if self._mitigated(spec, trigger.start, trigger.end, cues, question, terminators):
                    continue
                at = doc[trigger.start].idx
                if cited is None or cited[0] != self._segment(source, sent, at):
                    cited = (self._segment(source, sent, at),
                             self._cited(source, sent.start_char, sent.end_char, at) or self._paragraph_cited(sents, k, source))
                if trigger.citable and cited[1]:
                    continue
                claims.append((subtype, doc[trigger.start:trigger.end].text, cited[1], at))
                break
        return claims

    def _mitigated(self, spec: _Subtype, s: int, e: int, cues, question: bool, terminators: list[int]) -> bool:
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
                if kind in self.clause_scoped and any(min(ce, e) <= t < max(cs, s) for t in terminators):
                    continue  # a terminator ("but", ";") between the cue and the trigger ends the cue's scope
                return True
        return False


def _sentence_index(sents: list[Span]):
    """token offset -> index of its sentence in ``sents`` (which cover the Doc), without a Python
    loop over every token."""
    starts = [sent.start for sent in sents]
    return lambda i: bisect.bisect_right(starts, i) - 1


OPENING_QUOTES = "“«„‘"
CLOSING_QUOTES = "”»“’"


def _quoted(source: str, offset: int) -> bool:
    """Whether ``offset`` stands inside quotation marks of its paragraph, or in a blockquote."""
    line_start = source.rfind("\n", 0, offset) + 1
    if source[line_start:offset].lstrip().startswith(">"):
        return True
    para_start = source.rfind("\n\n", 0, offset)
    para_start = 0 if para_start < 0 else para_start
    depth, straight = 0, False
    for ch in source[para_start:offset]:
        if ch == '"':
            straight = not straight
        elif ch in OPENING_QUOTES and not (ch == "“" and depth > 0):  # „…“: the German close is “
            depth += 1
        elif ch in CLOSING_QUOTES and depth > 0:
            depth -= 1
    return depth > 0 or straight
