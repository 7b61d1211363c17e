"""Build eval/soundalike/generated.tsv: sound-alike misspellings of glossary terms in en, fr, es
and de, made by applying the documented confusions of eval/soundalike/confusions.yaml (data) to
the words of the shipped glossary and its translations, with a fixed seed.

For each word of five letters or more of a term or one of its forms (acronyms and case-sensitive
terms left out), one confusion that applies is drawn, at one of the places where it applies; in
three cases out of ten a second, different one is applied too. A result is kept only when it is
not a real word of the language (the lexicon, spaCy's lookup tables, inflection rules: a real
word is out of reach of any lexicon-based detector) and not a word of any glossary term.

Usage: python eval/soundalike_build.py [--seed 12]   (rewrites eval/soundalike/generated.tsv)
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "eval" / "soundalike"
LANGUAGES = ("en", "fr", "es", "de")


def glossary_terms(language: str) -> list[tuple[str, str]]:
    """(concept id, variant) for every term and form of the shipped glossary in ``language``."""
    from termkit.glossary import load_glossary, shipped_glossary_dir
    from termkit.glossary.load import glossary_files
    from termkit.locales.load import load_locale, shipped_locales_dir
    from termkit.locales.merge import with_locale_terms

    glossary = load_glossary(glossary_files([shipped_glossary_dir()]))
    if language != "en":
        glossary = with_locale_terms(glossary, load_locale(shipped_locales_dir(), language))
    found = []
    for concept in glossary.concepts.values():
        for term in concept.terms_in(language):
            if term.case_sensitive:
                continue
            for variant in (term.text, *term.forms):
                found.append((concept.id, variant))
    return sorted(set(found))


def confuse(word: str, rules: list[tuple[re.Pattern, str, str]], rng: random.Random) -> tuple[str, list[str]]:
    applied: list[str] = []
    for _ in range(2 if rng.random() < 0.3 else 1):
        usable = [r for r in rules if r[2] not in applied and r[0].search(word)]
        if not usable:
            break
        pattern, repl, name = rng.choice(usable)
        place = rng.choice(list(pattern.finditer(word)))
        word = word[:place.start()] + place.expand(repl) + word[place.end():]
        applied.append(name)
    return word, applied


def build(seed: int) -> list[tuple[str, str, str, str, str, str]]:
    from termkit.languages import RealWords, lexicon

    data = yaml.safe_load((HERE / "confusions.yaml").read_text(encoding="utf-8"))
    rows = []
    for language in LANGUAGES:
        rng = random.Random(f"{seed}-{language}")
        rules = [(re.compile(p), r, n) for p, r, n in data[language]]
        terms = glossary_terms(language)
        words = lexicon(language)
        glossary_words = {w.lower() for _, v in terms for w in v.split()}
        real = RealWords(language, (words | glossary_words).__contains__)
        seen = set()
        for concept, variant in terms:
            for word in variant.split():
                if not word.isalpha() or len(word) < 5 or (concept, word.lower()) in seen:
                    continue
                seen.add((concept, word.lower()))
                wrong, applied = confuse(word.lower(), rules, rng)
                if not applied or wrong == word.lower() or not wrong.isalpha() or real(wrong):
                    continue
                if word[0].isupper():
                    wrong = wrong[0].upper() + wrong[1:]
                text = " ".join(wrong if w == word else w for w in variant.split())
                rows.append((language, wrong, word, text, concept, "+".join(applied)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    rows = build(args.seed)
    lines = ["language\tmisspelling\tcorrect\tin_term\tconcept\tconfusions"] + ["\t".join(r) for r in rows]
    (HERE / "generated.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {lang: sum(1 for r in rows if r[0] == lang) for lang in LANGUAGES}
    print(f"wrote {HERE / 'generated.tsv'}: {len(rows)} misspellings {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
