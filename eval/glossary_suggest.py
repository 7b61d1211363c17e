"""How well `termkit glossary suggest` mines an archive: recall of planted variants, and how many
of the top candidate terms a glossary owner accepts.

Variants. The real-text corpus (eval/realworld/texts, 211 articles in en/fr/es/de) is copied to a
temporary folder and known variants of shipped glossary terms are planted in the copy:

- 50 generated misspellings (seed 15): 50 distinct single-word English glossary terms (approved
  concepts, preferred or admitted, not acronyms, 6+ letters), each respelt by one random typing
  error: delete a letter, double a letter, swap two neighbouring letters, or replace a letter
  with a keyboard neighbour; the respelling must not be a word of the English lexicon or a
  variant the glossary already lists. A term that occurs in the corpus is respelt at one of its
  occurrences; otherwise a sentence using it ("Some readers asked about X.") is appended to a
  seeded article.
- real misspellings from Dirkson et al. 2019 (patient-forum and drug-review misspellings with gold
  corrections, BSD-3-Clause), read at run time from ../shared/data/public-health-nlp (never
  copied): every distinct misspelling (not itself an English word) whose correction is a word
  (5+ letters) of an English glossary term is planted as that term with the word misspelt
  ('stomack' for 'stomach': 'stomack ache'), in a sentence appended to a seeded article, unless
  the glossary already lists that variant.

A planted variant is recovered when the suggestions list it for the concept it was made from (or,
when the respelt word stood inside a longer glossary term, list the longer term's variant).
Unplanted suggestions are the variants the suggestions list that were not planted (in the
original corpus or caused by a planted word).

Candidate terms. The top 50 candidates per language of the unchanged corpus are printed, and
the English ones are compared with the labels in eval/glossary_suggest_labels.yaml (each judged
by hand as a glossary owner of a consumer health-information site would: accept or reject, with
a reason). A candidate without a label is reported as unlabelled.

Usage: python eval/glossary_suggest.py [--shared ../shared] [--seed 15]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "eval" / "realworld" / "texts"
LABELS = ROOT / "eval" / "glossary_suggest_labels.yaml"
PLANTED = 50
NEIGHBOURS = {
    "a": "qwsz", "b": "vghn", "c": "xdfv", "d": "serfcx", "e": "wsdr", "f": "drtgvc", "g": "ftyhbv",
    "h": "gyujnb", "i": "ujko", "j": "huikmn", "k": "jiolm", "l": "kop", "m": "njk", "n": "bhjm",
    "o": "iklp", "p": "ol", "q": "wa", "r": "edft", "s": "awedxz", "t": "rfgy", "u": "yhji",
    "v": "cfgb", "w": "qase", "x": "zsdc", "y": "tghu", "z": "asx",
}


def respell(word: str, rng: random.Random) -> str:
    """One typing error, never in the first letter (readers and indexes both lean on it)."""
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(("delete", "double", "swap", "neighbour"))
    if op == "delete":
        return word[:i] + word[i + 1:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    near = NEIGHBOURS.get(word[i], "")
    return word[:i] + (rng.choice(near) if near else word[i]) + word[i + 1:]


def glossary_words(project) -> dict[str, str]:
    """Single-word English terms fit for planting -> concept id."""
    from termkit.glossary.model import ConceptStatus, TermStatus

    words = {}
    for concept in project.glossary.concepts.values():
        if concept.status is not ConceptStatus.APPROVED:
            continue
        for term in concept.terms_in("en"):
            if (term.status in (TermStatus.PREFERRED, TermStatus.ADMITTED) and " " not in term.text
                    and "-" not in term.text and term.text.isalpha() and len(term.text) >= 6
                    and not term.case_sensitive):
                words.setdefault(term.text.lower(), concept.id)
    return words


def term_words(project) -> dict[str, tuple[str, str]]:
    """Word (5+ letters) of an English glossary term -> (the first such term, its concept id)."""
    from termkit.glossary.model import ConceptStatus, TermStatus

    found: dict[str, tuple[str, str]] = {}
    for concept in sorted(project.glossary.concepts.values(), key=lambda c: c.id):
        if concept.status is not ConceptStatus.APPROVED:
            continue
        for term in concept.terms_in("en"):
            if term.status not in (TermStatus.PREFERRED, TermStatus.ADMITTED) or term.case_sensitive:
                continue
            for word in term.text.lower().split():
                if word.isalpha() and len(word) >= 5:
                    found.setdefault(word, (term.text.lower(), concept.id))
    return found


def real_pairs(shared: Path) -> list[tuple[str, str]]:
    """(misspelling, correction) pairs of Dirkson et al.'s two corpora, in file order."""
    folder = shared / "data" / "public-health-nlp" / "medical-misspellings-dirkson"
    pairs = []
    for name, wrong, right in (("mmc_correction_corpus.tsv", "Word", "Correction"),
                               ("psytar_spelling_corpus.tsv", "Mistake", "Correction")):
        path = folder / name
        if path.is_file():
            with path.open(encoding="utf-8-sig", newline="") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    pairs.append(((row.get(wrong) or "").strip().lower(), (row.get(right) or "").strip().lower()))
    return pairs


def plant(copy: Path, project, shared: Path | None, seed: int) -> list[tuple[str, str, str, str]]:
    """Plant the variants in ``copy``; returns (variant, concept id, term, origin) per planted variant."""
    import re

    from termkit.glossary.mining import _glossary_variants
    from termkit.languages import lexicon

    rng = random.Random(seed)
    real = lexicon("en")
    listed = _glossary_variants(project.glossary)
    words = glossary_words(project)
    articles = sorted((copy / "en").glob("*.md"))
    texts = {p: p.read_text(encoding="utf-8") for p in articles}
    planted = []

    def append(sentence: str) -> None:
        target = rng.choice(articles)
        texts[target] = texts[target].rstrip("\n") + "\n\n" + sentence + "\n"

    for word in rng.sample(sorted(words), min(PLANTED, len(words))):
        for _ in range(50):
            variant = respell(word, rng)
            if variant not in real and variant not in listed and variant not in words:
                break
        else:
            continue
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        spots = [(p, m.start()) for p in articles for m in pattern.finditer(texts[p])]
        if spots:
            path, at = rng.choice(spots)
            texts[path] = texts[path][:at] + variant + texts[path][at + len(word):]
        else:
            append(f"Some readers asked about {variant}.")
        planted.append((variant, words[word], word, "generated"))
    if shared is not None:
        in_terms = term_words(project)
        seen = set()
        for wrong, right in real_pairs(shared):
            if right in in_terms and wrong.isalpha() and wrong not in seen and wrong not in real:
                seen.add(wrong)
                term, concept = in_terms[right]
                variant = " ".join(wrong if w == right else w for w in term.split())
                if variant in listed:
                    continue  # already a listed misspelling ('high cholestrol'): nothing to suggest
                append(f"Some readers asked about {variant}.")
                planted.append((variant, concept, term, "Dirkson et al. 2019"))
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    return planted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    if not TEXTS.is_dir():
        print(f"skipped: {TEXTS} not found")
        return 0
    import yaml

    from termkit import load_project
    from termkit.glossary import shipped_glossary_dir
    from termkit.glossary.mining import suggest

    with tempfile.TemporaryDirectory(prefix="termkit-eval-suggest-") as tmp:
        copy = Path(tmp) / "texts"
        shutil.copytree(TEXTS, copy)
        project = load_project(glossary=[shipped_glossary_dir()], start=Path(tmp))
        shared = args.shared if (args.shared / "data" / "public-health-nlp").is_dir() else None
        if shared is None:
            print(f"note: {args.shared}/data/public-health-nlp not found; real misspellings not planted")
        planted = plant(copy, project, shared, args.seed)
        found = suggest([copy], project, top=0)

        def recovers(v, planted_one) -> bool:
            """The suggestion lists the planted variant for its concept, or, when the respelt word
            sat inside a longer glossary term ('chronic fatigue syndrome'), for that term."""
            variant, concept, word, _ = planted_one
            if (v.text, v.concept_id) == (variant, concept):
                return True
            return " " not in variant and variant in v.text.split() and word in v.term.lower().split()

        suggested = {(p[0], p[1]) for p in planted for v in found.variants if recovers(v, p)}
        print("== Variants: planted misspellings recovered ==")
        for origin in ("generated", "Dirkson et al. 2019"):
            mine = [p for p in planted if p[3] == origin]
            hits = [p for p in mine if (p[0], p[1]) in suggested]
            if mine:
                print(f"{origin}: {len(hits)}/{len(mine)} recovered ({100 * len(hits) / len(mine):.0f}%)")
            for variant, concept, word, _ in mine:
                if (variant, concept) not in suggested:
                    print(f"  missed: {variant!r} for {word!r} ({concept})")
        extra = [v for v in found.variants if not any(recovers(v, p) for p in planted)]
        print(f"unplanted suggestions: {len(extra)}")
        for v in extra:
            where = v.examples[0] if v.examples else ""
            print(f"  {v.text!r} for {v.term!r} ({v.concept_id}, {v.language}), {v.count}x: {where}"
                  .replace(str(copy) + "/", "texts/"))
        original = suggest([TEXTS], project, top=50)
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8")) if LABELS.is_file() else {}
    labels = labels.get("en", {}) if isinstance(labels, dict) else {}
    print()
    print("== Candidate terms: top 50 per language (unchanged corpus) ==")
    accepted = judged = 0
    for lang in original.languages:
        top = [c for c in original.candidates if c.language == lang]
        print(f"-- {lang}: {len(top)} candidates")
        for i, c in enumerate(top, 1):
            mark = ""
            if lang == "en":
                label = labels.get(c.text)
                if label is None:
                    mark = "  [unlabelled]"
                else:
                    judged += 1
                    accepted += label["verdict"] == "accept"
                    mark = f"  [{label['verdict']}: {label['reason']}]"
            print(f"  {i:>2}. {c.text} ({c.count}x, {c.documents} articles, score {c.score:.2f}){mark}")
    top_en = [c for c in original.candidates if c.language == "en"]
    print()
    print(f"en top {len(top_en)}: a reviewer accepts {accepted} of {judged} labelled "
          f"({100 * accepted / max(judged, 1):.0f}%); unlabelled: {len(top_en) - judged}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
