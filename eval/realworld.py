"""Precision and recall of termkit's default rules on real health texts (eval/realworld/).

Every text is checked as a user would check it (the shipped glossary, all default rules). Each
finding is compared with the hand labels of its text (eval/realworld/README.md):

- a finding that matches a label with ``verdict: right`` is right; one that matches a label with
  ``verdict: wrong`` is wrong; one that matches no label is *unjudged* and counted as wrong;
- recall is the share of ``verdict: right`` labels that a finding matches.

TK402 (missing disclaimer) is judged by the project's policy, not by opinion: a text needs the
medical disclaimer when its declared ``type:`` (none: the default profile) requires it, and the
label file's ``disclaimer_present`` says whether it has one; the labeller's ``disclaimer_needed``
is reported beside it as the editors' view.

A finding matches a label when the codes agree (TK101 to TK103 count as one family: a misspelling
reported as a superseded term is still found) and the finding's span overlaps the label's words
(its ``text`` on its ``line``); a TK402 label matches any TK402 finding of the text. Labels noted
``quoted-marketing-claim`` (claims that regulators quote from sellers) are also checked on their
own, as the claim alone, for the recall on warning-letter claims.

Usage: python eval/realworld.py [--split dev|test|both] [--show-errors] [--json FILE]
``--show-errors`` lists wrong, unjudged and missed findings of the dev split only: the test split
is read only to report figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent / "realworld"
LANGUAGES = ("en", "fr", "es", "de")
FAMILY = {"TK101": "TK10x", "TK102": "TK10x", "TK103": "TK10x"}
QUOTED = "quoted-marketing-claim"


@dataclass
class Label:
    code: str
    line: int
    text: str
    verdict: str
    note: str
    start: int = 0  # character span in the file
    end: int = 0
    subtype: str = ""
    source: str = ""  # "termkit": a finding the labeller judged; "reading": a miss found by reading


def load_manifest(root: Path) -> list[dict]:
    entries: list[dict] = []
    for path in sorted(root.glob("manifest*.yaml")):
        entries += yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return entries


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts


def disclaimer_required(text: str, profiles) -> bool:
    """The policy: the declared type's profile (the default profile when none) asks for it."""
    front = {}
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        front = yaml.safe_load(text[4:end]) or {} if end > 0 else {}
    declared = front.get("type") if isinstance(front, dict) else None
    name = declared if declared in profiles.profiles else profiles.health_default
    return "medical" in profiles.profiles.get(name, [])


def load_labels(root: Path, entry: dict, text: str, profiles) -> list[Label]:
    path = root / "labels" / f"{entry['id']}.yaml"
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    starts = line_starts(text)
    missing = disclaimer_required(text, profiles) and not data.get("disclaimer_present")
    labels = [Label("TK402", 1, "", "right" if missing else "wrong", "policy")]
    for raw in data.get("labels") or []:
        if raw.get("code") == "TK402":
            continue  # judged by the policy above
        label = Label(str(raw.get("code")), int(raw.get("line") or 1), str(raw.get("text") or ""),
                      str(raw.get("verdict")), str(raw.get("note") or ""), subtype=str(raw.get("subtype") or ""),
                      source=str(raw.get("source") or ""))
        line_no = min(max(label.line, 1), len(starts))
        line_start = starts[line_no - 1]
        line_end = starts[line_no] - 1 if line_no < len(starts) else len(text)
        found = text.find(label.text, line_start, line_end + 1) if label.text else -1
        label.start, label.end = (found, found + len(label.text)) if found >= 0 else (line_start, line_end)
        labels.append(label)
    return labels


def same_code(a: str, b: str) -> bool:
    return FAMILY.get(a, a) == FAMILY.get(b, b)


def matches(finding, label: Label) -> bool:
    if not same_code(finding.code, label.code):
        return False
    if label.code == "TK402":
        return True
    return finding.start < max(label.end, label.start + 1) and label.start < max(finding.end, finding.start + 1)


def evaluate(root: Path, entries: list[dict], checker, claims_checker, split: str, profiles):
    """Per (rule, language): right, wrong, unjudged findings; right labels found and missed."""
    stats: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    subtypes: dict[tuple[str, str], int] = defaultdict(int)
    errors: list[str] = []
    quoted_found = quoted_total = 0
    for entry in entries:
        if entry.get("split") != split:
            continue
        path = root / entry["path"]
        text = path.read_text(encoding="utf-8")
        lang = entry["lang"]
        labels = load_labels(root, entry, text, profiles)
        # TK6xx (plain language) is judged by its own labels: eval/plain_language.py
        findings = [f for f in checker.check_text(text, path=str(path)) if f.code != "TK902" and not f.code.startswith("TK6")]
        used: set[int] = set()
        for f in findings:
            key = (f.code, lang)
            if f.severity.value == "info":
                stats[key]["info"] += 1  # on by default, but a hint: counted, and shown apart
            hits = [i for i, label in enumerate(labels) if matches(f, label)]
            verdicts = {labels[i].verdict for i in hits}
            used.update(i for i in hits if labels[i].verdict == "right")
            if f.subtype:
                subtypes[(f.subtype, "right" if "right" in verdicts else "wrong")] += 1
            if "right" in verdicts:
                stats[key]["right"] += 1
            elif "wrong" in verdicts:
                stats[key]["wrong"] += 1
                errors.append(f"wrong     {entry['id']}:{f.line}:{f.column} {f.code} {f.text[:80]!r}")
            else:
                stats[key]["unjudged"] += 1
                errors.append(f"unjudged  {entry['id']}:{f.line}:{f.column} {f.code} {f.message[:100]}")
        for i, label in enumerate(labels):
            if label.verdict != "right" or QUOTED in label.note:
                continue
            key = (label.code, lang)
            stats[key]["labelled"] += 1
            if label.code == "TK401":
                subtypes[(label.subtype or "?", "labelled")] += 1
                subtypes[(label.subtype or "?", "found")] += i in used
                subtypes[("by " + (label.source or "?"), "labelled")] += 1
                subtypes[("by " + (label.source or "?"), "found")] += i in used
            if i in used:
                stats[key]["found"] += 1
            else:
                errors.append(f"missed    {entry['id']}:{label.line} {label.code} {label.text[:80]!r}")
        for label in labels:
            if label.code == "TK401" and QUOTED in label.note and label.text:
                quoted_total += 1
                alone = f"---\nlang: {lang}\ntype: consumer-article\n---\n{label.text}\n"
                quoted_found += any(f.code == "TK401" for f in claims_checker.check_text(alone))
    return stats, errors, (quoted_found, quoted_total), subtypes


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def report(split: str, stats, quoted, n_texts: int, n_words: int) -> dict:
    print(f"\n{split} split: {n_texts} texts, {n_words:,} words")
    print(f"{'rule':7} {'lang':4} {'findings':>8} {'(info)':>6} {'right':>6} {'wrong':>6} {'unjudged':>8} "
          f"{'precision':>9} {'recall':>7} {'labelled':>8}")
    table = {}
    codes = sorted({code for code, _ in stats})
    for code in codes:
        total = defaultdict(int)
        for lang in LANGUAGES:
            s = stats.get((code, lang))
            if not s:
                continue
            n = s["right"] + s["wrong"] + s["unjudged"]
            for k in ("right", "wrong", "unjudged", "found", "labelled", "info"):
                total[k] += s[k]
            print(f"{code:7} {lang:4} {n:8} {s['info']:6} {s['right']:6} {s['wrong']:6} {s['unjudged']:8} "
                  f"{ratio(s['right'], n):>9} {ratio(s['found'], s['labelled']):>7} {s['labelled']:8}")
            table[f"{code}/{lang}"] = dict(s)
        n = total["right"] + total["wrong"] + total["unjudged"]
        print(f"{code:7} {'all':4} {n:8} {total['info']:6} {total['right']:6} {total['wrong']:6} {total['unjudged']:8} "
              f"{ratio(total['right'], n):>9} {ratio(total['found'], total['labelled']):>7} {total['labelled']:8}")
        table[f"{code}/all"] = dict(total)
    found, total = quoted
    print(f"claims quoted from sellers in warning letters, checked alone: recall {ratio(found, total)} ({found}/{total})")
    table["quoted-marketing-claims"] = {"found": found, "total": total}
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="both", choices=["dev", "test", "both"])
    parser.add_argument("--show-errors", action="store_true", help="list wrong, unjudged and missed (dev split only)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--root", type=Path, default=HERE, help=argparse.SUPPRESS)  # another corpus, for tests
    args = parser.parse_args()

    from termkit import Checker, load_project
    from termkit.rulebooks import load_profiles

    project = load_project(start=args.root)
    checker = Checker(project)
    claims_checker = Checker(project, select=["TK401"])
    profiles = load_profiles(project.settings.extra.get("profiles"))
    entries = load_manifest(args.root)
    if not entries:
        print(f"no texts under {args.root}", file=sys.stderr)
        return 2
    figures = {}
    for split in (("dev", "test") if args.split == "both" else (args.split,)):
        chosen = [e for e in entries if e.get("split") == split]
        stats, errors, quoted, subtypes = evaluate(args.root, entries, checker, claims_checker, split, profiles)
        words = sum(int(e.get("words") or 0) for e in chosen)
        figures[split] = report(split, stats, quoted, len(chosen), words)
        print("TK401 by subtype (right/findings):", ", ".join(
            f"{name} {subtypes[(name, 'right')]}/{subtypes[(name, 'right')] + subtypes[(name, 'wrong')]}"
            for name in sorted({n for n, kind in subtypes if kind in ("right", "wrong")})))
        print("TK401 recall by labelled subtype (found/labelled):", ", ".join(
            f"{name} {subtypes[(name, 'found')]}/{subtypes[(name, 'labelled')]}"
            for name in sorted({n for n, kind in subtypes if kind == "labelled" and not n.startswith("by ")})))
        # claims labelled from a finding of the tool at labelling time, against misses found by reading
        print("TK401 recall by how the claim was labelled (found/labelled):", ", ".join(
            f"{name[3:]} {subtypes[(name, 'found')]}/{subtypes[(name, 'labelled')]}"
            for name in sorted({n for n, kind in subtypes if kind == "labelled" and n.startswith("by ")})))
        if args.show_errors and split == "dev":
            print("\n".join(sorted(errors)))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
