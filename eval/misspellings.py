"""Recall and false alarms of the misspelling detector (TK101) on real data.

Data (read from ../shared, never copied): Dirkson et al. 2019 medical misspelling corpora
(BSD-3-Clause) and the Glutanimate medical word lists (GPL-3.0), in
../shared/data/public-health-nlp/.

- Recall: real misspellings from patient forums and drug reviews whose correction is a term of a
  test glossary (one concept per distinct correction), checked in their original sentence
  fragment. A hit must be TK101 on the misspelt word with the correction as suggestion.
  Misspellings that are themselves real English words ("wight" for "weight") cannot be found by
  a lexicon-based detector and are counted apart.
- False alarms: correct words, checked against the same test glossary plus the shipped one:
  (a) the 461 correct words of Dirkson's detection set, in their fragments;
  (b) the 98,119 correct English medical terms of the Glutanimate list, one per line.

Usage: python eval/misspellings.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def write_test_glossary(words: list[str], folder: Path) -> None:
    lines = ["schema: termkit.glossary/1", "language: en", "domain: eval", "concepts:"]
    for i, word in enumerate(sorted(set(words))):
        lines += [f"  - id: eval_{i}", "    terms:", f"      - text: {word}", "        status: preferred"]
    (folder / "eval.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    data = args.shared / "data" / "public-health-nlp"
    dirkson = data / "medical-misspellings-dirkson"
    if not dirkson.is_dir():
        print(f"skipped: {dirkson} not found (the evaluation data lives outside the repository)")
        return 0

    from termkit import Checker, load_project
    from termkit.glossary import shipped_glossary_dir
    from termkit.languages import lexicon

    real_words = lexicon("en")
    pairs = []  # (misspelling, correction, context)
    for row in read_tsv(dirkson / "mmc_correction_corpus.tsv"):
        pairs.append((row["Word"], row["Correction"], row["SentenceBit"]))
    for row in read_tsv(dirkson / "psytar_spelling_corpus.tsv"):
        pairs.append((row["Mistake"], row["Correction"], row["Relevant text extraction"] or row["sent"]))
    usable = [(w, c, ctx) for w, c, ctx in pairs
              if w.isalpha() and c.isalpha() and len(w) >= 4 and len(c) >= 4 and w.lower() != c.lower()]
    real_word_errors = [p for p in usable if p[0].lower() in real_words]
    candidates = [p for p in usable if p[0].lower() not in real_words]

    from termkit.glossary import load_glossary
    from termkit.glossary.load import glossary_files

    shipped = load_glossary(glossary_files([shipped_glossary_dir()]))
    shipped_terms = {v.lower() for c in shipped.concepts.values() for t in c.terms for v in (t.text, *t.forms)}
    listed = {m.lower() for c in shipped.concepts.values() for t in c.terms for m in t.misspellings}
    overlap = sorted({w.lower() for w, _, _ in candidates} & listed)
    with tempfile.TemporaryDirectory() as tmp:
        write_test_glossary([c.lower() for _, c, _ in usable if c.lower() not in shipped_terms], Path(tmp))
        checker = Checker(load_project(glossary=[Path(tmp), shipped_glossary_dir()]), select=["TK101"])

        hits = 0
        misses = []
        for wrong, right, context in candidates:
            text = context if wrong in context else wrong
            found = [f for f in checker.check_text(text, kind="text") if wrong.lower() in f.text.lower().split()]
            concept = found[0].message.rsplit("(concept ", 1)[-1].rstrip(")") if found else None
            terms = {v.lower() for t in checker.project.glossary.get(concept).terms for v in (t.text, *t.forms)} \
                if concept else set()
            if found and (found[0].suggestion.lower() == right.lower()
                          or any(right.lower() in t.split() for t in terms)):
                hits += 1
            else:
                misses.append(f"{wrong}->{right}" + (f" (got {found[0].suggestion})" if found else ""))

        correct_rows = [r for r in read_tsv(dirkson / "mmd_detection_training.tsv") if r["Annotation"] == "0"]
        flagged_dirkson = []
        for row in correct_rows:
            context = row["SentenceBit"] if row["Word"] in row["SentenceBit"] else row["Word"]
            for f in checker.check_text(context, kind="text"):
                if row["Word"].lower() in f.text.lower().split():
                    flagged_dirkson.append(row["Word"])

        wordlist = data / "medical-wordlists" / "medicalterms-en.txt"
        terms = [t.strip() for t in wordlist.read_text(encoding="utf-8").splitlines() if t.strip()]
        flagged_terms = []
        for start in range(0, len(terms), 2000):
            chunk = terms[start:start + 2000]
            for f in checker.check_text("\n".join(chunk), kind="text"):
                flagged_terms.append(f.text)

    n = len(candidates)
    print(f"pairs: {len(pairs)} real misspellings; {len(usable)} usable (alphabetic, >= 4 letters); "
          f"{len(real_word_errors)} are real words (out of scope for a lexicon-based detector)")
    print(f"recall (correct word in test glossary, misspelling not a real word): {hits}/{n} = {hits / n:.3f}")
    print(f"false alarms, Dirkson correct words: {len(flagged_dirkson)}/{len(correct_rows)} = "
          f"{len(flagged_dirkson) / len(correct_rows):.2%} {sorted(set(flagged_dirkson))[:10]}")
    print(f"false alarms, medical word list: {len(flagged_terms)}/{len(terms)} = {len(flagged_terms) / len(terms):.2%} "
          f"(e.g. {sorted(set(flagged_terms))[:8]})")
    print(f"of these, listed as misspellings in the shipped glossary (found without fuzzy matching): {len(overlap)} {overlap}")
    if misses:
        print(f"missed ({len(misses)}): {', '.join(misses)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
