"""Recall and false alarms of TK101 on sound-alike misspellings, per language, and whether the
suggestion keeps the inflection of the misspelt word.

Labelled sets (eval/soundalike/README.md says how each was made):

- mitton (en): real spelling errors from Roger Mitton's corpora (the Birkbeck file ``missp.dat``,
  ``holbrook-missp.dat`` and ``aspell.dat``), the entries whose correct word is a term or a form
  of the shipped English glossary. Their licence is not stated, so they are not in the
  repository: they are read from a fetched copy (``--mitton``: a folder holding the files, or a
  git directory whose ``DataSets/`` holds them); without one this part is skipped, with the reason.
- generated (en, fr, es, de): eval/soundalike/generated.tsv, documented per-language confusions
  applied to glossary terms by eval/soundalike_build.py (seeded).

Recall is measured against the shipped glossary and translations with every listed misspelling
removed, so that each item is an unlisted misspelling. A hit is a TK101 finding on the misspelt
word for the right concept. "Inflection kept" is counted on the hits whose correct word belongs
to the concept's preferred term (the others are corrected to the preferred term, another word):
the suggestion must be the very variant (singular or plural form) that was misspelt. Misspellings that are real words of the
language are out of reach of a lexicon-based detector and counted apart.

False alarms, with the shipped glossary as users run it: TK101 findings on the words of the real
articles of eval/realworld/ (dev and test; those that match a label with verdict right are real
misspellings and listed apart), and on the medical word lists of ../shared (en, de), one term per
line, when present.

Usage: python eval/soundalike.py [--mitton DIR] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "eval" / "soundalike"
LANGUAGES = ("en", "fr", "es", "de")
MITTON_FILES = ("missp.dat", "holbrook-missp.dat", "aspell.dat")
DEFAULT_MITTON = ROOT.parent / ".mirror" / "ngais+CS175-Autocorrect" / "repo"
CONCEPT = re.compile(r"\(concept ([^)]+)\)$")


def read_mitton(where: Path) -> tuple[dict[str, str], str | None]:
    """Each file's text, from a folder or a git directory; and the reason when there is none."""
    texts = {}
    for name in MITTON_FILES:
        if (where / name).is_file():
            texts[name] = (where / name).read_text(encoding="latin-1")
        elif (where / "HEAD").is_file():
            done = subprocess.run(["git", f"--git-dir={where}", "show", f"HEAD:DataSets/{name}"],
                                  capture_output=True, check=False)
            if done.returncode == 0:
                texts[name] = done.stdout.decode("latin-1")
    if not texts:
        return {}, f"no copy of Mitton's corpora at {where} (fetch github:ngais/CS175-Autocorrect, or pass --mitton)"
    return texts, None


def mitton_pairs(texts: dict[str, str], terms: dict[str, tuple[str, str]]) -> list[tuple[str, str, str, str, str]]:
    """(language, misspelling, correct, concept, source) for the entries whose correct word is a
    term or form of the glossary (one word, not an acronym)."""
    pairs = []
    for name, text in texts.items():
        correct = None
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            if line.startswith("$"):
                correct = line[1:].replace("_", " ")
                continue
            wrong = line.split()[0]
            if correct and correct.lower() in terms and wrong.isalpha():
                variant, concept = terms[correct.lower()]
                pairs.append(("en", wrong, variant, concept, name))
    return sorted(set(pairs))


def strip_misspellings(folder: Path) -> None:
    """Every YAML file under folder, rewritten without its terms' ``misspellings:``."""
    for path in folder.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))

        def walk(node):
            if isinstance(node, dict):
                node.pop("misspellings", None)
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def english_terms(project) -> dict[str, tuple[str, str]]:
    found = {}
    for concept in project.glossary.concepts.values():
        for term in concept.terms_in("en"):
            if term.case_sensitive:
                continue
            for variant in (term.text, *term.forms):
                if " " not in variant and "-" not in variant:
                    found.setdefault(variant.lower(), (variant, concept.id))
    return found


def score(checker, items, real_word) -> dict:
    """items: (language, misspelling, correct, context, concept)."""
    out = defaultdict(lambda: {"n": 0, "hits": 0, "kept": 0, "own": 0, "real": 0, "misses": []})
    for language, wrong, correct, context, concept in items:
        s = out[language]
        preferred = checker.glossary_for(language).get(concept).preferred(language)
        own = preferred is not None and correct.lower() in {
            w.lower() for v in (preferred.text, *preferred.forms) for w in v.split()}
        if real_word(language, wrong):
            s["real"] += 1
            continue
        s["n"] += 1
        text = f"---\nlang: {language}\n---\n{context}\n"
        found = [f for f in checker.check_text(text) if f.code == "TK101" and wrong.lower() in f.text.lower().split()]
        got = CONCEPT.search(found[0].message).group(1) if found else None
        if got == concept:
            s["hits"] += 1
            if own:  # a word of the preferred term: the suggestion is that very word, same inflection
                s["own"] += 1
                if correct.lower() in (found[0].suggestion or "").lower().split():
                    s["kept"] += 1
                else:
                    s["misses"].append(f"{wrong}->{correct} (suggested {found[0].suggestion})")
        else:
            s["misses"].append(f"{wrong}->{correct}" + (f" (got {got})" if found else ""))
    return out


def realworld_findings(checker) -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT / "eval"))
    from realworld import load_manifest

    root = ROOT / "eval" / "realworld"
    found = defaultdict(list)
    words = defaultdict(int)
    for entry in load_manifest(root):
        text = (root / entry["path"]).read_text(encoding="utf-8")
        words[entry["lang"]] += len(text.split())
        for f in checker.check_text(text, path=entry["path"]):
            if f.code == "TK101":
                found[entry["lang"]].append(f"{Path(entry['path']).name}:{f.line}: {f.text} -> {f.suggestion}")
    return {lang: (words[lang], found[lang]) for lang in LANGUAGES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mitton", type=Path, default=DEFAULT_MITTON)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()

    from termkit import Checker, load_project
    from termkit.glossary import shipped_glossary_dir
    from termkit.languages import RealWords, lexicon
    from termkit.locales.load import shipped_locales_dir

    real = {lang: RealWords(lang, lexicon(lang).__contains__) for lang in LANGUAGES}

    def real_word(language: str, word: str) -> bool:
        return real[language](word)

    with open(HERE / "generated.tsv", encoding="utf-8", newline="") as fh:
        generated = [(r["language"], r["misspelling"], r["correct"], r["in_term"], r["concept"])
                     for r in csv.DictReader(fh, delimiter="\t")]

    shipped = load_project(glossary=[shipped_glossary_dir()])
    texts, reason = read_mitton(args.mitton)
    mitton = [(lang, w, c, w, concept) for lang, w, c, concept, _ in mitton_pairs(texts, english_terms(shipped))
              if len(w) >= 4] if texts else []

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(shipped_glossary_dir(), root / "glossary")
        shutil.copytree(shipped_locales_dir(), root / "locales")
        strip_misspellings(root)
        (root / "termkit.yaml").write_text("language: en\nglossary: [glossary]\nlocales: locales\n", encoding="utf-8")
        unlisted = Checker(load_project(start=root), select=["TK101"])
        results = {"generated": score(unlisted, generated, real_word)}
        if mitton:
            results["mitton"] = score(unlisted, mitton, real_word)

    print("sound-alike misspellings, unlisted (the glossary's listed misspellings removed)")
    print(f"{'set':10} {'lang':4} {'items':>5} {'found':>5} {'recall':>6} {'inflection kept':>15} {'real words (apart)':>18}")
    for name, per_language in results.items():
        for lang in LANGUAGES:
            if lang not in per_language:
                continue
            s = per_language[lang]
            recall = s["hits"] / s["n"] if s["n"] else 0.0
            kept = f"{s['kept']}/{s['own']}"
            print(f"{name:10} {lang:4} {s['n']:5} {s['hits']:5} {recall:6.3f} {kept:>15} {s['real']:18}")
    if reason:
        print(f"mitton: skipped: {reason}")
    if args.show_misses:
        for name, per_language in results.items():
            for lang, s in per_language.items():
                print(f"missed or other suggestion, {name} {lang} ({len(s['misses'])}): {', '.join(s['misses'])}")

    checker = Checker(load_project(glossary=[shipped_glossary_dir()]), select=["TK101"])
    print("\nfalse alarms (shipped glossary, TK101)")
    for lang, (words, found) in realworld_findings(checker).items():
        print(f"real articles (eval/realworld) {lang}: {len(found)} findings in {words:,} words "
              f"{found[:6]}")
    lists = args.shared / "data" / "public-health-nlp" / "medical-wordlists"
    for lang in ("en", "de"):
        path = lists / f"medicalterms-{lang}.txt"
        if not path.is_file():
            print(f"medical word list {lang}: skipped: {path} not found")
            continue
        terms = [t.strip() for t in path.read_text(encoding="utf-8").splitlines() if t.strip()]
        flagged = []
        for start in range(0, len(terms), 2000):
            chunk = "\n".join(terms[start:start + 2000])
            flagged += [f.text for f in checker.check_text(f"---\nlang: {lang}\n---\n{chunk}\n", kind="markdown")]
        print(f"medical word list {lang}: {len(flagged)}/{len(terms)} = {len(flagged) / len(terms):.2%} "
              f"(e.g. {sorted(set(flagged))[:8]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
