"""One blank spaCy pipeline per language, with termkit's rule-based components added."""

from __future__ import annotations

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .errors import Errors, TermkitError
from .languages import base_language


def spacy_language(code: str) -> str:
    """spaCy's language code for a locale code: 'pt_BR' -> 'pt', 'de-CH' -> 'de'."""
    return base_language(code)


def build_pipeline(language: str, fuzzy: bool = True, rulebook_dir: str | None = None,
                   editorial: bool = True) -> Language:
    """A blank pipeline (tokenizer only, nothing downloaded) plus the termkit components:
    sentences, glossary terms, and (``editorial``) claims and disclaimers from the rulebooks."""
    try:
        nlp = spacy.blank(spacy_language(language))
    except (ImportError, ValueError, KeyError) as exc:
        raise TermkitError(Errors.E203.format(lang=language, problem=str(exc).splitlines()[0])) from None
    nlp.max_length = 50_000_000  # only the tokenizer and rule components run: no memory-hungry models
    if editorial:  # term rules need no sentences; claims and disclaimers are sentence-level
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("termkit_sentences")
    nlp.add_pipe("termkit_terms", config={"fuzzy": fuzzy})
    if editorial:
        nlp.add_pipe("termkit_claims", config={"rulebook_dir": rulebook_dir})
        nlp.add_pipe("termkit_disclaimers", config={"rulebook_dir": rulebook_dir})
    return nlp
