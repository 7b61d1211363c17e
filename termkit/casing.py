"""Keep the writer's capitalisation when suggesting a replacement."""

from __future__ import annotations


def at_sentence_start(text: str, offset: int) -> bool:
    """Whether ``offset`` opens a sentence: only markup and spaces since a full stop, a blank line
    or the start of the text (a wrapped line does not start a sentence).

    >>> at_sentence_start("Hello. Fasciolisia", 7), at_sentence_start("the Faszikulazion", 4)
    (True, False)
    """
    i = offset - 1
    while i >= 0:
        ch = text[i]
        if ch == "\n" and text[max(0, i - 1)] == "\n":
            return True
        if ch in ".!?:¡¿":
            return True
        if not (ch.isspace() or ch in "*_#>\"'“”«»„‘’(-[`"):
            return False
        i -= 1
    return True


def match_case(original: str, replacement: str, sentence_start: bool = True) -> str:
    """Carry the capitalisation of ``original`` over to ``replacement``. A capital is carried only
    at the start of a sentence: elsewhere it belongs to the word (German nouns, names).

    >>> match_case("Fasciolisia", "fasciculation")
    'Fasciculation'
    >>> match_case("FASCILLIS", "fasciculation")
    'FASCICULATION'
    >>> match_case("fascillis", "fasciculation")
    'fasciculation'
    >>> match_case("ALS", "amyotrophic lateral sclerosis")
    'amyotrophic lateral sclerosis'
    """
    words = original.split()
    first = words[0] if words else original
    if len(first) > 1 and first.isupper():
        if len(words) == 1 and len(first) > 5:  # a shouted word, not an acronym
            return replacement.upper()
        return replacement
    if sentence_start and original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
