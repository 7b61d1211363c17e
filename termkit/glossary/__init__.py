"""The canonical glossary: concept-oriented term data (TBX-aligned), loaded from YAML."""

from .load import load_glossary, shipped_glossary_dir
from .model import Concept, ConceptStatus, Glossary, Term, TermStatus

__all__ = [
    "Concept",
    "ConceptStatus",
    "Glossary",
    "Term",
    "TermStatus",
    "load_glossary",
    "shipped_glossary_dir",
]
