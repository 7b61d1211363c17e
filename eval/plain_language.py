"""Plain language on real texts: readability of consumer vs professional texts, and the precision
of the unexplained-jargon rule (TK601) against hand labels.

    python eval/plain_language.py                 # both parts, every text of both corpora
    python eval/plain_language.py --split dev     # only the dev (or test) split
    python eval/plain_language.py --unjudged      # list only the TK601 findings without a label
    python eval/plain_language.py --corpus medquad  # only one corpus (default: both)

Corpora (both by default; ``--corpus realworld`` or ``--corpus medquad`` for one):

- realworld: ``eval/realworld`` (readability and TK601; labels in
  ``eval/realworld/plain_language_labels.yaml``; split from its manifests).
- heldout: 148 other NIH and CDC consumer pages of MedQuAD (``eval/medquad_heldout``: NIDDK,
  NHLBI, NIHSeniorHealth, CDC, Genetics Home Reference, cancer.gov, GARD; built by
  ``benchmarks/corpus/build_medquad.py``), TK601 only; text id ``heldout-<file stem>``; split
  ``heldout``. Its findings were judged only after the rule was frozen, and the rule is not tuned
  on them: its figure is the one that says how TK601 does on pages nobody tuned it on. Labels in
  ``eval/medquad_heldout/plain_language_labels.yaml``.
- heldout2: the second held-out round (``eval/medquad_heldout2``, 196 further pages of the same
  folders), judged at the rule's final version; text id ``heldout2-<file stem>``; split
  ``heldout2``. Round 1's labels were used to change the rule after they were read, and so
  were round 2's; round 3's were not: it is the blind figure.
- heldout3: the third round (``eval/medquad_heldout3``, 217 further pages, more of them outside
  GARD), judged at the rule's version after round 2's labels were used; split ``heldout3``.
- medquad: the 138 NIH consumer pages of ``benchmarks/corpus/medquad`` (MedQuAD, CC BY 4.0,
  ``benchmarks/corpus/manifest-medquad.yaml``), TK601 only; text id ``medquad-<file stem>``
  (e.g. ``medquad-0000001``); labels in ``eval/medquad_plain_language_labels.yaml``. Their split
  is fixed by the id as in eval/realworld: ``test`` when the first byte of ``sha1(id)`` % 3 == 0,
  else ``dev``. Rules are tuned on dev only.

TK601 precision is printed per language, per corpus and split, for all texts of each split, and
overall, with the number of findings judged (a finding counts when its id has a label).

- readability: ``eval/readability`` (consumer and professional texts in French, Spanish and
  German, openly licensed, ``manifest-<lang>.yaml`` with ``group: consumer|professional``), for
  the readability distributions only.

Texts: ``eval/realworld/manifest*.yaml`` (``genre`` per text; the text's front matter ``type:``).
Groups: consumer = fact-sheet, explainer, forum, product-page; professional = abstract (or front
matter ``type: abstract`` or ``professional``); other = encyclopedia, news, press-release,
warning-letter (regulators' letters are exempt from TK6xx, but they are not written for clinicians). Readability is computed exactly as TK611 computes it (prose only,
the language's formula from ``rulebooks/<lang>/plain_language.yaml``).

Labels: ``eval/realworld/plain_language_labels.yaml``, judged by reading each finding in its text:

    # one entry per TK601 finding; id as this script prints it
    labels:
      - id: en-medlineplus-asthma:12:5:bronchospasm   # <text id>:<line>:<column>:<term as written, lower case>
        verdict: right      # right: a reader of this page needs the term explained there and it is not
                            # wrong: it is explained, or not a technical term for this audience, or not
                            #        the glossary's concept
        note: optional free text

The id names the text, the position and the term, so a label stays with its finding while the
text is unchanged; labels whose finding is gone are listed as stale. Precision = right / judged.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE / "realworld"
LABELS = ROOT / "plain_language_labels.yaml"
CONSUMER = {"fact-sheet", "explainer", "forum", "product-page"}
PROFESSIONAL = {"abstract"}
MEDQUAD = HERE.parent / "benchmarks" / "corpus"
MEDQUAD_LABELS = HERE / "medquad_plain_language_labels.yaml"
HELDOUT = HERE / "medquad_heldout"
READABILITY = HERE / "readability"  # consumer and professional texts per language, for the grade only
# the held-out rounds: split name -> folder (labels in its plain_language_labels.yaml)
HELDOUTS = {"heldout": HELDOUT, "heldout2": HERE / "medquad_heldout2", "heldout3": HERE / "medquad_heldout3"}
# GARD pages print the Human Phenotype Ontology's symptom table after this header (MedQuAD flattens
# it into the paragraph): a finding after it on its line stands in that table, not in prose.
SYMPTOM_LIST = "Signs and Symptoms Approximate number of patients"
HELDOUT_LABELS = HELDOUT / "plain_language_labels.yaml"


def split_of(text_id: str) -> str:
    return "test" if hashlib.sha1(text_id.encode()).digest()[0] % 3 == 0 else "dev"


def load_medquad(root: Path, prefix: str = "medquad-", split: str | None = None) -> list[dict]:
    manifest = yaml.safe_load((root / "manifest-medquad.yaml").read_text(encoding="utf-8"))
    entries = []
    for doc in manifest["documents"]:
        text_id = prefix + Path(doc["file"]).stem
        entries.append({"id": text_id, "lang": "en", "path": doc["file"], "genre": "fact-sheet",
                        "split": split or split_of(text_id), "root": root})
    return entries


def load_manifest(root: Path) -> list[dict]:
    entries: list[dict] = []
    for path in sorted(root.glob("manifest*.yaml")):
        entries += yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return entries


def load_labels(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    labels = {}
    for item in data.get("labels") or []:
        if not isinstance(item, dict) or "id" not in item:
            sys.exit(f"{path}: every label needs an id (got {item!r})")
        if item.get("verdict") not in ("right", "wrong"):
            sys.exit(f"{path}: label {item['id']}: verdict must be right or wrong (got {item.get('verdict')!r})")
        labels[str(item["id"])] = item
    return labels


def finding_id(text_id: str, finding) -> str:
    return f"{text_id}:{finding.line}:{finding.column}:{finding.text.lower()}"


def group_of(entry: dict, front: dict) -> str:
    declared = front.get("type")
    if entry.get("genre") in PROFESSIONAL or declared in ("abstract", "professional"):
        return "professional"
    if entry.get("genre") in CONSUMER:
        return "consumer"
    return "other"


def readability(text: str, lang: str):
    """(formula, score, words) as TK611 computes them."""
    from termkit.components.readability import WORD, joined, prose_blocks, score
    from termkit.markdown import extract_prose
    from termkit.rulebooks import load_rulebook

    book = load_rulebook("plain_language", lang)
    formula = (book.get("readability") or {}).get("formula")
    refs = {str(t).lower() for t in load_rulebook("claims", lang).get("reference_sections") or ()}
    prose = extract_prose(text, "markdown")
    body = joined(prose.text, prose_blocks(prose.text, text, prose.sections, refs))
    words = len(WORD.findall(body))
    return formula, (score(formula, body, lang) if formula and words else None), words


def quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, median, q3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", *HELDOUTS], help="only this split (default: every text)")
    parser.add_argument("--unjudged", action="store_true", help="list only the TK601 findings without a label")
    parser.add_argument("--corpus", choices=["all", "realworld", "medquad", *HELDOUTS], default="all",
                        help="which texts (default: all = realworld, medquad and the held-out rounds)")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--project", type=Path, default=HERE.parent,
                        help="a folder with termkit.yaml whose glossary and locales to use (default: the shipped ones)")
    args = parser.parse_args(argv)

    from termkit import Checker, load_project
    from termkit.markdown import extract_prose

    project = load_project(start=args.project)
    checker = Checker(project, select=["TK601"])
    entries = []
    labels: dict[str, dict] = {}
    if args.corpus in ("all", "realworld"):
        entries += [dict(e, root=args.root) for e in load_manifest(args.root)]
        labels.update(load_labels(args.root / LABELS.name))
    if args.corpus in ("all", "medquad"):
        entries += load_medquad(MEDQUAD)
        labels.update(load_labels(MEDQUAD_LABELS))
    for split, folder in HELDOUTS.items():
        if args.corpus in ("all", split) and folder.is_dir():
            entries += load_medquad(folder, prefix=f"{split}-", split=split)
            labels.update(load_labels(folder / HELDOUT_LABELS.name))
    entries = [e for e in entries if not args.split or e.get("split") == args.split]
    split_of_text = {e["id"]: e.get("split") for e in entries}

    scores: dict[tuple[str, str], list[float]] = {}
    formulas: dict[str, str] = {}
    findings = []  # (id, text id, lang, group, finding)
    in_symptom_lists: set[str] = set()
    for entry in entries:
        path = entry["root"] / entry["path"]
        text = path.read_text(encoding="utf-8")
        front = extract_prose(text, "markdown").front_matter
        group = group_of(entry, front)
        lang = entry["lang"]
        formula, value, _ = readability(text, lang) if entry["root"] == args.root else (None, None, 0)
        if value is not None:
            formulas[lang] = formula
            scores.setdefault((lang, group), []).append(value)
        lines = text.split("\n")
        for f in checker.check_file(path, entry["path"]):
            findings.append((finding_id(entry["id"], f), entry["id"], lang, group, f))
            if SYMPTOM_LIST in lines[f.line - 1][:f.column]:
                in_symptom_lists.add(findings[-1][0])

    # the readability corpus (consumer and professional texts in fr, es, de): scored, not judged
    extra = [dict(e, root=READABILITY) for e in load_manifest(READABILITY)] if args.corpus == "all" else []
    for entry in extra:
        text = (READABILITY / entry["path"]).read_text(encoding="utf-8")
        formula, value, _ = readability(text, entry["lang"])
        if value is not None:
            formulas[entry["lang"]] = formula
            scores.setdefault((entry["lang"], entry["group"]), []).append(value)

    if not args.unjudged:
        print(f"Readability of {sum(len(v) for v in scores.values())} texts (prose only; q1 / median / q3, n)")
        for lang in sorted(formulas):
            print(f"  {lang}  {formulas[lang]}")
            for group in ("consumer", "professional", "other"):
                values = sorted(scores.get((lang, group), ()))
                if values:
                    q1, median, q3 = quartiles(values)
                    print(f"    {group:<13} {q1:6.1f} {median:6.1f} {q3:6.1f}   n={len(values)}")
        print()

    judged = [(fid, f) for fid, _, _, _, f in findings if fid in labels]
    right = sum(1 for fid, _ in judged if labels[fid]["verdict"] == "right")
    unjudged = [(fid, f) for fid, _, _, _, f in findings if fid not in labels]
    if not args.unjudged:
        by_lang: dict[str, list[int]] = {}
        for fid, _, lang, _, _ in findings:
            counts = by_lang.setdefault(lang, [0, 0, 0])
            counts[0] += 1
            if fid in labels:
                counts[1] += 1
                counts[2] += labels[fid]["verdict"] == "right"
        print(f"TK601 unexplained-jargon: {len(findings)} findings, {len(judged)} judged, {right} right")
        for lang, (n, j, r) in sorted(by_lang.items()):
            print(f"  {lang}: {n} findings, {j} judged, precision {r / j:.2f}" if j else f"  {lang}: {n} findings, 0 judged")
        by_split: dict[tuple[str, str], list[int]] = {}
        for fid, text_id, _, _, _ in findings:
            corpus = text_id.split("-")[0] if text_id.startswith(("medquad-", "heldout")) else "realworld"
            for key in ((corpus, split_of_text[text_id]), ("all", split_of_text[text_id])):
                counts = by_split.setdefault(key, [0, 0, 0])
                counts[0] += 1
                if fid in labels:
                    counts[1] += 1
                    counts[2] += labels[fid]["verdict"] == "right"
        for (corpus, split), (n, j, r) in sorted(by_split.items()):
            precision = f"precision {r / j:.2f} ({r}/{j})" if j else "precision -"
            print(f"  {corpus:<9} {split:<4}: {n} findings, {j} judged, {precision}")
        for inside, where in ((True, "in GARD's symptom tables"), (False, "in running prose")):
            part = [fid for fid, _ in judged if (fid in in_symptom_lists) == inside]
            if part and in_symptom_lists:
                r = sum(labels[fid]["verdict"] == "right" for fid in part)
                print(f"  {where}: {len(part)} judged, precision {r / len(part):.2f} ({r}/{len(part)})")
        if judged:
            print(f"  precision {right / len(judged):.2f} ({right}/{len(judged)}), {len(judged)} findings judged")
        stale = sorted(set(labels) - {fid for fid, *_ in findings})
        if stale and not args.split:
            print(f"  stale labels (finding gone): {', '.join(stale)}")
        print()
    if unjudged:
        print(f"Unjudged TK601 findings ({len(unjudged)}):")
        for fid, f in unjudged:
            print(f"  {fid}\t{f.suggestion or ''}\t{' '.join(f.context.split())[:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
