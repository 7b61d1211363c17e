"""spaCy components of termkit; importing this package registers their factories."""

from . import extensions  # noqa: F401  (first: the Doc extensions the others use)
from . import claims, disclaimers, sentences, term_cues, terms  # noqa: F401

__all__ = ["claims", "disclaimers", "extensions", "sentences", "term_cues", "terms"]
