"""One blank spaCy pipeline per language, with the termkit components its rules need."""

from __future__ import annotations

from typing import Iterable

from . import spacy_start  # noqa: F401  (first: spaCy without its command line)

import spacy  # noqa: E402
from spacy.language import Language

from .components import extensions  # noqa: F401  (first: the Doc extensions the others use)
from .components import claims, disclaimers, sentences, terms  # noqa: F401  (registers the factories)
from .errors import Errors, TermkitError
from .languages import base_language
from .lazy_regex import large_patterns_lazily

SENTENCE_ATTR = "token.is_sent_start"


def language_class(language: str) -> type[Language]:
    """spaCy's Language class for a locale code ('pt_BR' -> Portuguese); a coded error when spaCy
    has none. Cheap: nothing is built, so the CLI checks ``--language`` with it."""
    try:
        with large_patterns_lazily():  # French's token_match: 1.45 MB of regex, 3-5 s to compile
            return spacy.util.get_lang_class(base_language(language))
    except (ImportError, ValueError, KeyError) as exc:
        raise TermkitError(Errors.E203.format(lang=language, problem=str(exc).splitlines()[0])) from None


def build_pipeline(language: str, needed: Iterable[str] = (), fuzzy: bool = True,
                   rulebook_dir: str | None = None) -> Language:
    """A blank pipeline (tokenizer only, nothing downloaded) plus ``termkit_terms`` and the
    ``needed`` components (``termkit_claims``, ``termkit_disclaimers``); sentence boundaries are
    added first when one of them requires them (its factory's ``requires=``).

    language (str): a locale code; its base language picks spaCy's tokenizer.
    needed (Iterable[str]): factory names of the components the selected rules read.
    rulebook_dir (str | None): the project's rulebook folder, extending the shipped rulebooks.
    """
    nlp = language_class(language)()
    nlp.max_length = 50_000_000  # only the tokenizer and rule components run: no memory-hungry models
    wanted = [name for name in dict.fromkeys(needed) if name != "termkit_terms"]  # always there
    if any(SENTENCE_ATTR in Language.get_factory_meta(name).requires for name in wanted):
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("termkit_sentences")
    nlp.add_pipe("termkit_terms", config={"fuzzy": fuzzy})
    for name in wanted:
        nlp.add_pipe(name, config={"rulebook_dir": rulebook_dir})
    return nlp
