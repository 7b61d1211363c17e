"""Keep the writer's capitalisation when suggesting a replacement."""

from __future__ import annotations


def match_case(original: str, replacement: str) -> str:
    """Carry the capitalisation of ``original`` over to ``replacement``.

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
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
