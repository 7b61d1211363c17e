"""A glossary seen in one locale: each concept gains the locale entry's terms."""

from __future__ import annotations

from dataclasses import replace

from ..glossary.model import Glossary
from .model import LocaleTable


def with_locale_terms(glossary: Glossary, table: LocaleTable) -> Glossary:
    concepts = dict(glossary.concepts)
    for concept_id, entry in table.entries.items():
        concept = concepts.get(concept_id)
        if concept is None or not entry.terms:
            continue  # an orphaned or empty entry matches nothing
        own = tuple(t for t in concept.terms if t.language != table.locale)
        explanations = concept.explanations
        if entry.explanation:
            explanations = tuple(e for e in explanations if e[0] != table.locale) + ((table.locale, entry.explanation),)
        concepts[concept_id] = replace(concept, terms=own + entry.terms, explanations=explanations)
    return Glossary(concepts=concepts, files=glossary.files, source_language=glossary.source_language)
