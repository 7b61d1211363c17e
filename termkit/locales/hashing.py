"""Content hashes: of the translation-relevant source fields (staleness), and of a target value
(the base of a three-way import)."""

from __future__ import annotations

import hashlib
import json

from ..glossary.model import Concept

PREFIX = "v1:"


def source_hash(concept: Concept, source_language: str) -> str:
    """What a translation depends on: the source preferred term, its part of speech, the definition.

    A new admitted synonym in the source does not make translations stale; a renamed preferred
    term or an edited definition does.

    A term's ``register`` and a concept's ``explanation`` are left out on purpose. A register is
    said of each language's own terms (French may have a lay word where English has none), and an
    explanation is help for readers, written per language, not the thing translated: editing
    either in the source asks nothing new of a translator's term. Keeping them out also means that
    adding them to the glossary leaves every confirmed translation OK, as it was.
    """
    preferred = concept.preferred(source_language)
    payload = {"term": preferred.text if preferred else None, "pos": preferred.pos if preferred else None,
               "definition": concept.definition or ""}
    return PREFIX + hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]


def value_hash(preferred: str | None, alternatives: tuple[str, ...] | list[str] | None = None) -> str:
    """Hash of the target value an exchange file carries (preferred term, and alternatives if any)."""
    payload = [preferred or "", sorted(alternatives) if alternatives is not None else None]
    return PREFIX + hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()[:12]
