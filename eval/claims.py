"""Precision and recall of the claim (TK401) and disclaimer (TK402) checks on labelled sentences.

Data: eval/claims/{dev,test}.yaml (sentence, language, label) and eval/disclaimers/test.yaml,
written for this project independently of the rules (see eval/claims/README.md). Each sentence
is checked alone, as a one-paragraph Markdown article in its language; the predicted label is the
subtype of the first TK401 finding, or `none`.

Usage: python eval/claims.py [--split test|dev] [--show-errors]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["test", "dev", "dev2"])
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()

    from termkit import Checker, load_project

    project = load_project(start=HERE)
    claims = Checker(project, select=["TK401"])
    items = yaml.safe_load((HERE / "claims" / f"{args.split}.yaml").read_text(encoding="utf-8"))
    gold_pred: list[tuple[str, str, str, str]] = []
    for item in items:
        text = f"---\nlang: {item['lang']}\n---\n{item['text']}\n"
        found = [f for f in claims.check_text(text) if f.code == "TK401"]
        gold_pred.append((item["lang"], item["label"], found[0].subtype if found else "none", item["text"]))

    print(f"Claims ({args.split} split, {len(gold_pred)} sentences)")
    print(f"{'':22} {'precision':>9} {'recall':>7} {'support':>8}")
    labels = sorted({g for _, g, _, _ in gold_pred} - {"none"})
    for label in labels:
        tp = sum(1 for _, g, p, _ in gold_pred if g == p == label)
        fp = sum(1 for _, g, p, _ in gold_pred if p == label and g != label)
        fn = sum(1 for _, g, p, _ in gold_pred if g == label and p != label)
        p, r = prf(tp, fp, fn)
        print(f"{label:22} {p:9.2f} {r:7.2f} {tp + fn:8}")
    print("claim vs none (any subtype counts as a claim):")
    for lang in ("en", "fr", "es", "de", "all"):
        rows = [x for x in gold_pred if lang == "all" or x[0] == lang]
        if not rows:
            continue
        tp = sum(1 for _, g, p, _ in rows if g != "none" and p != "none")
        fp = sum(1 for _, g, p, _ in rows if g == "none" and p != "none")
        fn = sum(1 for _, g, p, _ in rows if g != "none" and p == "none")
        exact = sum(1 for _, g, p, _ in rows if g == p)
        p, r = prf(tp, fp, fn)
        print(f"  {lang:4} precision {p:.2f}  recall {r:.2f}  exact label {exact / len(rows):.2f}  (n={len(rows)})")
    if args.show_errors:
        for lang, g, p, text in gold_pred:
            if g != p:
                print(f"  [{lang}] gold={g} pred={p}: {text}")

    disclaimer_file = HERE / "disclaimers" / "test.yaml"
    if disclaimer_file.is_file() and args.split == "test":
        disclaimers = Checker(project, select=["TK402"])
        by_lang: dict[str, Counter] = defaultdict(Counter)
        errors = []
        for item in yaml.safe_load(disclaimer_file.read_text(encoding="utf-8")):
            text = f"---\nlang: {item['lang']}\ntype: consumer-article\n---\n{item['text']}\n"
            present = not any(f.code == "TK402" for f in disclaimers.check_text(text))
            key = ("t" if item["disclaimer"] else "f") + ("p" if present else "n")
            by_lang[item["lang"]][key] += 1
            if present != item["disclaimer"]:
                errors.append(f"  [{item['lang']}] gold={item['disclaimer']} found={present}: {item['text']}")
        print(f"Disclaimers (recognised as a medical disclaimer), {sum(sum(c.values()) for c in by_lang.values())} items:")
        for lang in ("en", "fr", "es", "de"):
            c = by_lang[lang]
            p, r = prf(c["tp"], c["fp"], c["tn"])
            print(f"  {lang:4} precision {p:.2f}  recall {r:.2f}  (n={sum(c.values())})")
        if args.show_errors:
            print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
