"""Glossary data model: concepts with terms per language, statuses aligned with TBX-Basic."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class TermStatus(str, Enum):
    """TBX-Basic administrativeStatus, without the ``-admn-sts`` suffix."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"


class ConceptStatus(str, Enum):
    """Workflow status of a concept; only approved concepts are enforced."""

    PROPOSED = "proposed"
    APPROVED = "approved"
    DEPRECATED = "deprecated"


CASE_MODES = ("auto", "sensitive", "insensitive")
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "other")
REGISTERS = ("lay", "technical")  # who uses the term: the public, or clinicians and scientists


@dataclass(frozen=True)
class Term:
    text: str
    status: TermStatus
    language: str
    pos: str | None = None
    forms: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    case: str = "auto"
    accents: str = "sensitive"  # "insensitive": the term also matches when written without accents (opt-in)
    note: str | None = None
    path: str = ""
    line: int = 0
    column: int = 0
    register: str | None = None  # "lay" | "technical" | None (not said)

    @property
    def case_sensitive(self) -> bool:
        """``auto`` treats short all-capital terms (acronyms such as ALS, EMG) as case-sensitive."""
        if self.case == "auto":
            letters = [c for c in self.text if c.isalpha()]
            return bool(letters) and len(self.text) <= 6 and all(c.isupper() for c in letters)
        return self.case == "sensitive"

    @property
    def is_abbreviation(self) -> bool:
        return self.case_sensitive and " " not in self.text


@dataclass(frozen=True)
class Concept:
    id: str
    status: ConceptStatus
    definition: str | None
    domain: str | None
    terms: tuple[Term, ...]
    allow: tuple[str, ...] = ()
    path: str = ""
    line: int = 0
    column: int = 0
    explanations: tuple[tuple[str, str], ...] = ()  # (language, short plain-language explanation)

    def explanation(self, language: str) -> str | None:
        return next((text for lang, text in self.explanations if lang == language), None)

    def lay_terms(self, language: str) -> tuple[Term, ...]:
        """Terms of ``language`` marked ``register: lay`` that a writer may use (preferred or admitted)."""
        return tuple(t for t in self.terms if t.language == language and t.register == "lay"
                     and t.status in (TermStatus.PREFERRED, TermStatus.ADMITTED))

    def terms_in(self, language: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.language == language)

    def preferred(self, language: str) -> Term | None:
        for term in self.terms:
            if term.language == language and term.status is TermStatus.PREFERRED:
                return term
        return None

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.language for t in self.terms))


@dataclass
class Glossary:
    """All concepts of a project, keyed by id, with the files they came from."""

    concepts: dict[str, Concept] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    source_language: str = "en"

    def __len__(self) -> int:
        return len(self.concepts)

    def get(self, concept_id: str) -> Concept | None:
        return self.concepts.get(concept_id)

    @property
    def languages(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for concept in self.concepts.values():
            for lang in concept.languages:
                seen[lang] = None
        return tuple(seen)
