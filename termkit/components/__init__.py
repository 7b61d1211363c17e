"""spaCy components of termkit; importing this package registers their factories."""

from . import claims, disclaimers, sentences, terms  # noqa: F401

__all__ = ["claims", "disclaimers", "sentences", "terms"]
