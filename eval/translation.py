"""Translation QA on real parallel health text: TICO-19 (CC0), English -> French and Spanish.

eval/data/tico19/en-<lang>.tsv holds 400 real translated segments per language (MANIFEST.md).
Each file is turned into an XLIFF 1.2 file (one trans-unit per segment) and checked as a user
would: the shipped glossary, the term rules (TK1xx) and the translation rules (TK5xx).

1. False alarms: the segments as they are. Every finding is looked up in the labels file
   (eval/data/tico19/labels.tsv: language, segment id, code, verdict real|false, note); precision
   is real / (real + false), and a finding without a label is counted as false.
2. Recall: a copy with known errors injected (seeded): a number or unit changed, an untranslated
   segment (target = source), a key term dropped (the target's glossary term replaced by a
   paraphrase), a deprecated or misspelled glossary term put in place of the preferred one. An
   injection is found when its expected rule reports that segment.

Usage: python eval/translation.py [--seed 14] [--show]   (--show lists the findings on the
unmodified segments, for labelling)
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "data" / "tico19"
LANGUAGES = ("fr", "es")
EXPECTED = {"number": {"TK503"}, "unit": {"TK503"}, "untranslated": {"TK502"}, "dropped-term": {"TK501"},
            "deprecated-term": {"TK102", "TK103"},
            # a misspelled key term is reported as a misspelling (TK101) or, when too far from the
            # term to be recognised (an acronym with letters swapped: "CVOID-19"), as a key term missing
            "misspelled-term": {"TK101", "TK501"}}
UNITS = {"mg": "µg", "µg": "mg", "ml": "l", "l": "ml", "g": "mg", "kg": "g", "%": "mg"}


def load(language: str) -> list[tuple[str, str, str]]:
    with open(DATA / f"en-{language}.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return [tuple(r) for r in rows[1:]]


def to_xliff(rows, language: str) -> str:
    units = "\n".join(f'<trans-unit id="{escape(i)}"><source>{escape(s)}</source><target>{escape(t)}</target>'
                      "</trans-unit>" for i, s, t in rows)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            f'\n<file source-language="en" target-language="{language}" datatype="plaintext" original="tico19">'
            f"<body>\n{units}\n</body></file></xliff>\n")


def check(checker, rows, language: str) -> dict[str, list]:
    """Segment id -> its findings (by the line of the trans-unit)."""
    text = to_xliff(rows, language)
    findings = checker.check_text(text, f"tico19.en-{language}.xlf", "xliff")
    first_line = text.count("\n", 0, text.index("<trans-unit")) + 1
    by_id: dict[str, list] = {}
    for f in findings:
        index = f.line - first_line
        if 0 <= index < len(rows):
            by_id.setdefault(rows[index][0], []).append(f)
    return by_id


def load_labels() -> dict[tuple[str, str, str], str]:
    path = DATA / "labels.tsv"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    return {(r[0], r[1], r[2]): r[3] for r in rows[1:] if len(r) >= 4}


def target_terms(checker, language: str, target: str):
    """(start, end, concept, status, term) of the glossary terms in a target text."""
    return checker.terms_in(target, language)


def inject(checker, rows, language: str, rng: random.Random):
    """A copy of ``rows`` with one error in some segments; returns (rows, {id: kind})."""
    glossary = checker.glossary_for(language)
    out, injected = [], {}
    kinds = list(EXPECTED)
    for i, (sid, source, target) in enumerate(rows):
        rng_kind = kinds[i % len(kinds)]
        new = None
        if rng_kind in ("number", "unit"):
            m = re.search(r"(?<![\w.,])(\d+)(?:[.,]\d+)?(?:\s?(mg|µg|ml|l|g|kg|%))?(?!\w)", target)
            if m and rng_kind == "number":
                number = m.group(1)
                new = target[:m.start(1)] + str(int(number) * 10 + 1) + target[m.end(1):]
            elif m and m.group(2) and re.search(r"\d", source):
                new = target[:m.start(2)] + UNITS[m.group(2)] + target[m.end(2):]
        elif rng_kind == "untranslated":
            new = source
        else:
            terms = [t for t in target_terms(checker, language, target) if t[3] in ("preferred", "admitted")]
            sterms = {t[2] for t in checker.terms_in(source, "en")}
            terms = [t for t in terms if t[2] in sterms]
            if terms:
                start, end, concept_id, _, _ = terms[0]
                concept = glossary.get(concept_id)
                if rng_kind == "dropped-term":
                    others = {t.text.lower() for t in concept.terms_in(language)}
                    if all(x not in target[:start].lower() + target[end:].lower() for x in others):
                        new = target[:start] + "cela" + target[end:]
                else:
                    status = "deprecated" if rng_kind == "deprecated-term" else None
                    if status:
                        bad = [t.text for t in concept.terms_in(language) if t.status.value in ("deprecated", "superseded")]
                    else:
                        bad = [m for m in getattr(concept, "misspellings_in", lambda _l: [])(language)] or \
                              [_misspell(target[start:end], rng)]
                    if bad:
                        new = target[:start] + bad[0] + target[end:]
        if new is not None and new != target:
            injected[sid] = rng_kind
            out.append((sid, source, new))
        else:
            out.append((sid, source, target))
    return out, injected


def _misspell(word: str, rng: random.Random) -> str:
    """Two neighbouring letters of the longest word swapped (a typing error)."""
    parts = word.split(" ")
    k = max(range(len(parts)), key=lambda j: len(parts[j]))
    w = parts[k]
    if len(w) < 5:
        return word + word[-1]
    j = rng.randrange(1, len(w) - 2)
    parts[k] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--show", action="store_true", help="list the findings on the unmodified segments")
    args = parser.parse_args(argv)
    if not (DATA / "en-fr.tsv").is_file():
        print(f"TICO-19 segments not found in {DATA}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    from termkit import Checker, load_project

    checker = Checker(load_project(start=REPO), select=["TK1", "TK5"])
    labels = load_labels()
    table = []
    for language in LANGUAGES:
        rows = load(language)
        clean = check(checker, rows, language)
        real = false = unjudged = 0
        for sid, findings in sorted(clean.items()):
            for f in findings:
                verdict = labels.get((language, sid, f.code))
                if verdict == "real":
                    real += 1
                elif verdict == "false":
                    false += 1
                else:
                    unjudged += 1
                if args.show:
                    row = next(r for r in rows if r[0] == sid)
                    print(f"{language}\t{sid}\t{f.code}\t{verdict or '?'}\t{f.message}\n    EN: {row[1]}\n    {language.upper()}: {row[2]}")
        total = real + false + unjudged
        precision = real / total if total else 1.0
        table.append((language, "unmodified", len(rows), total, f"real {real}, false {false}, unjudged {unjudged}",
                      f"precision {precision:.2f}" if total else "no findings"))
        changed, injected = inject(checker, rows, language, random.Random(args.seed))
        found = check(checker, changed, language)
        for kind in EXPECTED:
            ids = [sid for sid, k in injected.items() if k == kind]
            hits = sum(1 for sid in ids if {f.code for f in found.get(sid, [])} & EXPECTED[kind])
            table.append((language, kind, len(ids), hits, "/".join(sorted(EXPECTED[kind])),
                          f"recall {hits / len(ids):.2f}" if ids else "n/a"))
    print(f"{'lang':<5}{'segments':<18}{'n':>5}{'found':>7}  {'rules / judgments':<40}result")
    for language, kind, n, hits, codes, result in table:
        print(f"{language:<5}{kind:<18}{n:>5}{hits:>7}  {codes:<40}{result}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
