"""One blank spaCy pipeline per language, with the termkit components its rules need."""

from __future__ import annotations

from collections import OrderedDict
from typing import Iterable

from . import spacy_start  # noqa: F401  (first: spaCy without its command line)

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.matcher import Matcher  # noqa: E402

from .components import extensions  # noqa: F401  (first: the Doc extensions the others use)
from .components import claims, disclaimers, readability, sentences, term_cues, terms  # noqa: F401  (registers the factories)
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
    asked = "termkit_sentences" in wanted  # a rule that reads sentences itself names the component
    wanted = [name for name in wanted if name != "termkit_sentences"]
    if asked or any(SENTENCE_ATTR in Language.get_factory_meta(name).requires for name in wanted):
        nlp.add_pipe("termkit_sentences")  # spaCy's sentencizer rule on arrays, then Markdown fixes
    nlp.add_pipe("termkit_terms", config={"fuzzy": fuzzy})
    for name in wanted:
        nlp.add_pipe(name, config={"rulebook_dir": rulebook_dir})
    return nlp


# Token attributes a Matcher pattern may use for its matches to depend on the words alone (they
# are attributes of the lexeme, fixed by the token's text): then the same words match the same.
LEXICAL_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER",
                           "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM", "LIKE_URL",
                           "LIKE_EMAIL", "PREFIX", "SUFFIX", "SHAPE", "OP"})


class RememberingMatcher:
    """A spaCy Matcher that remembers its matches per sequence of words (least recently used
    first out). The language server re-checks an article at every edit; its unchanged sentences
    then cost a lookup instead of a match. Used only for a Matcher whose patterns read lexical
    attributes alone and that has no callbacks (``remember_matches``), so the answers are the
    Matcher's own."""

    def __init__(self, matcher: Matcher, size: int = 4096):
        self.matcher = matcher
        self.size = size
        self.memo: OrderedDict[tuple[int, ...], list] = OrderedDict()

    @staticmethod
    def suitable(matcher: Matcher) -> bool:
        patterns = getattr(matcher, "_patterns", None)
        callbacks = getattr(matcher, "_callbacks", None)
        if not isinstance(patterns, dict) or not isinstance(callbacks, dict) or any(callbacks.values()):
            return False
        return all(str(attr).upper() in LEXICAL_ATTRS
                   for alternatives in patterns.values() for pattern in alternatives for token in pattern
                   for attr in token)

    def __call__(self, doclike, **kwargs):
        if kwargs:
            return self.matcher(doclike, **kwargs)
        key = tuple(token.orth for token in doclike)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self.matcher(doclike)
            if len(self.memo) > self.size:
                self.memo.popitem(last=False)
        else:
            self.memo.move_to_end(key)
        return list(found)

    def __getattr__(self, name: str):
        return getattr(self.matcher, name)

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key) -> bool:
        return key in self.matcher


def remember_matches(nlp: Language) -> int:
    """Give the components' Matchers a memory of their matches (see RememberingMatcher); returns
    how many were wrapped."""
    wrapped = 0
    for _, component in nlp.pipeline:
        try:
            attributes = vars(component)
        except TypeError:  # a Cython component (the sentencizer): no Matcher inside
            continue
        for attr, value in list(attributes.items()):
            if isinstance(value, Matcher) and RememberingMatcher.suitable(value):
                setattr(component, attr, RememberingMatcher(value))
                wrapped += 1
            elif hasattr(value, "remember_matches"):  # an AnchoredMatcher: one Matcher per anchor word
                wrapped += value.remember_matches(RememberingMatcher)
    return wrapped
