"""spaCy components of termkit. ``nlp.py`` imports the component modules, which registers their
factories; this package itself imports nothing, so ``keys`` can be read without spaCy."""

__all__ = ["claims", "disclaimers", "extensions", "keys", "readability", "sentences", "term_cues", "terms"]
