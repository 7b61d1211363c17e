"""Speed and seeded-recall benchmark for `termkit check`.

Generates (seeded, deterministic) a corpus of Markdown articles with front matter, links and
inline code, and glossaries of 100 / 1,000 / 10,000 synthetic concepts; seeds listed and unlisted
misspellings of glossary terms into the prose, and more inside inline code and link URLs, where
they must not be reported. Then, in one run, it measures:

- bare spaCy tokenisation (``spacy.blank("en").tokenizer`` over the same texts, in-process): the
  floor for any spaCy pipeline;
- the term check, ``termkit check --select TK1,TK3`` run as a user runs it (a new process,
  glossary loading included), with a cold compiled-glossary cache and a warm one, for each
  glossary size, and with ``--jobs 2``; then all default rules (claims and disclaimers too);
- recall of the seeded misspellings and the false alarms (findings where nothing was seeded).

With ``--against TERMKIT`` (the executable of another version, e.g. an older checkout's
``.venv/bin/termkit``) it also times the term check of both, alternated, and prints the ratio.

Usage: python benchmarks/bench_check.py [--articles 1000] [--words 800] [--out benchmarks/out] [--against TERMKIT]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

SYLLABLES = ["ba", "dro", "ve", "lax", "mi", "tor", "qua", "ne", "fys", "po", "ru", "sen", "ka", "li", "zo",
             "gra", "tem", "phi", "lo", "cu", "dan", "mer", "vo", "sti", "pra", "ly", "ne", "ox", "ter", "bu"]
ENDINGS = ["osis", "itis", "emia", "algia", "opathy", "ectomy", "plasia", "trophy", "ism", "ation"]


def common_words(n: int = 4000) -> list[str]:
    with (resources.files("spellchecker") / "resources" / "en.json.gz").open("rb") as raw, gzip.open(raw) as fh:
        freq = json.load(fh)
    return [w for w, _ in sorted(freq.items(), key=lambda kv: -kv[1]) if w.isalpha()][:n]


def pseudo_word(rng: random.Random, lexicon: set[str]) -> str:
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) + rng.choice(ENDINGS)
        if word not in lexicon:
            return word


def garble(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    op = rng.choice(["drop", "swap", "double", "sub"])
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    vowels = "aeiou"
    c = rng.choice([v for v in vowels if v != word[i]]) if word[i] in vowels else word[i]
    return word[:i] + c + word[i + 1:] if c != word[i] else word[:i] + word[i + 1:]


def make_concepts(n: int, rng: random.Random, lexicon: set[str]) -> list[dict]:
    """n synthetic concepts whose terms, forms and misspellings never collide."""
    concepts, used = [], set()
    while len(concepts) < n:
        head = pseudo_word(rng, lexicon)
        wrong = garble(head, rng)
        if {head, head + "s", wrong} & used or wrong in lexicon or wrong == head:
            continue
        used.update({head, head + "s", wrong})
        words = [head] if rng.random() < 0.6 else [rng.choice(["acute", "chronic", "benign", "muscle"]), head]
        concepts.append({"id": f"c{len(concepts)}", "text": " ".join(words), "head": head,
                         "wrong": " ".join(words[:-1] + [wrong])})
    return concepts


def make_corpus(articles: int, words: int, concepts: list[dict], rng: random.Random, lexicon: set[str],
                folder: Path) -> tuple[list[str], list[tuple[str, int, str]], int]:
    """Returns texts, seeded items (file, line, kind) and the total word count."""
    folder.mkdir(parents=True, exist_ok=True)
    vocab = common_words()
    texts, seeded, total = [], [], 0
    for a in range(articles):
        name = f"article-{a:04d}.md"
        lines = ["---", f"title: Article {a}", "lang: en", "---", f"# Article {a}", ""]
        count = 0
        while count < words:
            sentence = [rng.choice(vocab) for _ in range(rng.randint(8, 18))]
            roll = rng.random()
            kind = None
            concept = rng.choice(concepts)
            if roll < 0.10:
                sentence.insert(rng.randrange(len(sentence)), concept["text"])
            elif roll < 0.13:
                sentence.insert(rng.randrange(len(sentence)), concept["wrong"])
                kind = "listed"
            elif roll < 0.16:
                wrong = garble(concept["head"], rng)
                if wrong not in lexicon and wrong != concept["wrong"].split()[-1]:
                    sentence.insert(rng.randrange(len(sentence)), " ".join(concept["text"].split()[:-1] + [wrong]))
                    kind = "unlisted"
            elif roll < 0.18:
                sentence.append(f"`{concept['wrong']}`")  # inline code: never reported
            elif roll < 0.20:
                sentence.append(f"[{rng.choice(vocab)}](https://example.org/{concept['wrong'].replace(' ', '-')})")
            text = " ".join(sentence).capitalize() + "."
            count += len(text.split())
            lines.append(text)
            if kind:
                seeded.append((name, len(lines), kind))
            if rng.random() < 0.2:
                lines.append("")
        content = "\n".join(lines) + "\n"
        (folder / name).write_text(content, encoding="utf-8")
        texts.append(content)
        total += sum(len(line.split()) for line in lines[4:])
    return texts, seeded, total


def bare_tokenisation(texts: list[str]) -> float:
    import spacy

    nlp = spacy.blank("en")
    start = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts):
        pass
    return time.perf_counter() - start


def run_check(corpus: Path, glossary: Path, cache: Path, jobs: int = 1, select: str = "TK1,TK3",
              termkit: Path | None = None) -> tuple[float, dict]:
    """One `termkit check` process; by default the term rules only (TK1xx, TK3xx): the term check."""
    termkit = termkit or Path(sys.executable).with_name("termkit")
    env = dict(os.environ, TERMKIT_CACHE_DIR=str(cache))
    cmd = [str(termkit), "check", str(corpus), "--glossary", str(glossary), "--format", "json", "--jobs", str(jobs)]
    if select:
        cmd += ["--select", select]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"termkit failed: {proc.stderr}")
    return elapsed, json.loads(proc.stdout)


def score(report: dict, seeded: list[tuple[str, int, str]]) -> dict:
    found = {(Path(f["path"]).name, f["line"]) for f in report["findings"] if f["code"] == "TK101"}
    expected = {(name, line): kind for name, line, kind in seeded}
    out = {}
    for kind in ("listed", "unlisted"):
        items = [k for k, v in expected.items() if v == kind]
        out[f"recall_{kind}"] = sum(1 for k in items if k in found) / max(1, len(items))
        out[f"seeded_{kind}"] = len(items)
    out["false_alarms"] = sum(1 for k in found if k not in expected)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    parser.add_argument("--against", type=Path, metavar="TERMKIT",
                        help="another termkit executable (an earlier version): term check time of this one / that one, "
                             "runs alternated in this run")
    args = parser.parse_args()

    rng = random.Random(20261125)
    lexicon = set(common_words(10**6))
    shutil.rmtree(args.out, ignore_errors=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    concepts = make_concepts(max(sizes), random.Random(7), lexicon)
    for n in sizes:  # each glossary is a prefix of the largest; the corpus uses the first 100 concepts
        make_glossary_file(concepts[:n], args.out / f"glossary-{n}")
    shared = concepts[:100]
    texts, seeded, words = make_corpus(args.articles, args.words, shared, rng, lexicon, args.out / "corpus")
    print(f"corpus: {len(texts)} articles, {words:,} words; seeded {len(seeded)} misspellings")

    bare = bare_tokenisation(texts)
    print(f"bare spaCy tokenisation (in-process, en): {words / bare:,.0f} words/s ({bare:.2f} s)")
    results = {}
    for n in sizes:
        cache = args.out / f"cache-{n}"
        cold, report = run_check(args.out / "corpus", args.out / f"glossary-{n}", cache)
        warm, report = run_check(args.out / "corpus", args.out / f"glossary-{n}", cache)
        results[n] = (cold, warm, score(report, seeded))
        s = results[n][2]
        print(f"termkit check, {n:>6} concepts: cold {words / cold:>9,.0f} words/s ({cold:5.2f} s), "
              f"warm {words / warm:>9,.0f} words/s ({warm:5.2f} s) = {bare / warm:.0%} of bare tokenisation time; "
              f"recall listed {s['recall_listed']:.3f} / unlisted {s['recall_unlisted']:.3f}, "
              f"false alarms {s['false_alarms']}")
    big, small = max(sizes), min(sizes)
    print(f"ratio: term check / bare tokenisation speed (warm, {small} concepts): {bare / results[small][1]:.2f}")
    print(f"ratio: {big:,} vs {small} concepts, warm wall time: {results[big][1] / results[small][1]:.2f}x; "
          f"cold: {results[big][0] / results[small][0]:.2f}x")
    two, _ = run_check(args.out / "corpus", args.out / f"glossary-{small}", args.out / f"cache-{small}", jobs=2)
    print(f"--jobs 2 ({small} concepts, warm): {words / two:,.0f} words/s = {results[small][1] / two:.2f}x of --jobs 1")
    full, _ = run_check(args.out / "corpus", args.out / f"glossary-{small}", args.out / f"cache-{small}", select="")
    print(f"all default rules (terms + claims + disclaimers, {small} concepts, warm): {words / full:,.0f} words/s "
          f"= {bare / full:.2f} of bare tokenisation speed")
    plain, _ = run_check(args.out / "corpus", args.out / f"glossary-{small}", args.out / f"cache-{small}",
                         select="TK1,TK3,TK6")
    print(f"term rules + plain-language rules (TK6: jargon, readability, long sentences, passive; {small} concepts, "
          f"warm): {words / plain:,.0f} words/s = {plain / results[small][1]:.2f}x the term rules' wall time")
    if args.against:
        compare(args, sizes, seeded)


def compare(args, sizes: list[int], seeded) -> None:
    """This version's term check against another executable's, warm caches, runs alternated (the
    median of five pairs), so that the load of a shared machine falls on both alike."""
    import statistics

    for n in (min(sizes), max(sizes)):
        glossary, times = args.out / f"glossary-{n}", {"this": [], "other": []}
        recall = {}
        for who, exe in (("this", None), ("other", args.against)):  # warm each cache first
            _, report = run_check(args.out / "corpus", glossary, args.out / f"cache-{who}-{n}", termkit=exe)
            recall[who] = score(report, seeded)
        for _ in range(5):
            for who, exe in (("this", None), ("other", args.against)):
                times[who].append(run_check(args.out / "corpus", glossary, args.out / f"cache-{who}-{n}",
                                            termkit=exe)[0])
        this, other = statistics.median(times["this"]), statistics.median(times["other"])
        print(f"term check, {n} concepts, this / {args.against}: {this:.2f} s / {other:.2f} s = {this / other:.2f}x; "
              f"unlisted recall {recall['this']['recall_unlisted']:.3f} / {recall['other']['recall_unlisted']:.3f}, "
              f"false alarms {recall['this']['false_alarms']} / {recall['other']['false_alarms']}")


def make_glossary_file(concepts: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["schema: termkit.glossary/1", "language: en", "domain: synthetic", "concepts:"]
    for c in concepts:
        lines += [f"  - id: {c['id']}", "    definition: A synthetic concept for the benchmark.", "    terms:",
                  f"      - text: {c['text']}", "        status: preferred", f"        forms: [{c['text']}s]",
                  f"        misspellings: [{c['wrong']}]"]
    (folder / "synthetic.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
