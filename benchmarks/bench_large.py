"""Time and peak memory of `termkit check` on one large file: 1, 4 and 16 MB.

Each file is one Markdown article built like the articles of ``bench_check.py`` (front matter,
headings, list items, paragraphs, abbreviations such as "e.g." and "Dr.", inline code, links
and seeded misspellings), repeated in varied order up to the size. Each size is checked by a new
``termkit check FILE --max-file-size 0 --format json`` process (all default rules, 100-concept
glossary, warm cache), and its wall time and peak memory (the child's maximum resident set
size, from ``os.wait4``) are reported, with the figures per MB: linear growth keeps them flat.

Usage: python benchmarks/bench_large.py [--sizes 1,4,16] [--out benchmarks/out/large]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import common_words, garble, make_concepts, make_glossary_file

MB = 1024 * 1024


def make_article(size: int, concepts: list[dict], rng: random.Random) -> str:
    """One Markdown article of about ``size`` bytes."""
    vocab = common_words(3000)
    out = ["---\ntitle: A very long article\nlang: en\n---\n", "# A very long article\n\n"]
    total = sum(len(part) for part in out)
    section = 0
    while total < size:
        words = [rng.choice(vocab) for _ in range(rng.randint(8, 18))]
        concept = rng.choice(concepts)
        roll = rng.random()
        if roll < 0.15:
            words.insert(rng.randrange(len(words)), concept["text"])
        elif roll < 0.18:
            words.insert(rng.randrange(len(words)), concept["wrong"])
        elif roll < 0.20:
            words.insert(rng.randrange(len(words)), garble(concept["head"], rng))
        elif roll < 0.22:
            words.append(f"`{concept['wrong']}`")
        elif roll < 0.24:
            words.append(f"[{rng.choice(vocab)}](https://example.org/{concept['head']})")
        elif roll < 0.27:
            words.insert(rng.randrange(len(words)), rng.choice(["e.g.", "Dr.", "et al.", "i.e."]))
        sentence = " ".join(words).capitalize() + "."
        shape = rng.random()
        if shape < 0.02:
            section += 1
            part = f"\n## Section {section}\n\n{sentence}\n"
        elif shape < 0.25:
            part = f"- {sentence}\n"
        elif shape < 0.45:
            part = f"{sentence}\n\n"
        else:
            part = sentence + " "
        out.append(part)
        total += len(part.encode("utf-8"))
    return "".join(out) + "\n"


def run(path: Path, glossary: Path, cache: Path) -> tuple[float, int, int]:
    """(wall seconds, peak resident memory in bytes, findings) of one `termkit check` process."""
    termkit = Path(sys.executable).with_name("termkit")
    env = dict(os.environ, TERMKIT_CACHE_DIR=str(cache))
    cmd = [str(termkit), "check", str(path), "--glossary", str(glossary), "--max-file-size", "0", "--format", "json"]
    report, errors = path.with_suffix(".json"), path.with_suffix(".err")
    start = time.perf_counter()
    with report.open("wb") as out, errors.open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)  # reaped here, so its own peak memory is known
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"termkit failed ({proc.returncode}): {errors.read_text(encoding='utf-8')[-2000:]}")
    findings = len(json.loads(report.read_text(encoding="utf-8"))["findings"])
    return elapsed, usage.ru_maxrss * 1024, findings  # ru_maxrss is in KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16", help="file sizes in MB")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out" / "large")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    lexicon = set(common_words(10**6))
    concepts = make_concepts(100, random.Random(7), lexicon)
    make_glossary_file(concepts, args.out / "glossary")
    cache = args.out / "cache"
    warm_up = args.out / "warm-up.md"
    warm_up.write_text(make_article(10_000, concepts, random.Random(1)), encoding="utf-8")
    run(warm_up, args.out / "glossary", cache)  # compile and cache the glossary once
    t0, m0, _ = run(warm_up, args.out / "glossary", cache)
    m0 /= MB
    print(f"start-up (a 10 KB file): {t0:.2f} s, peak memory {m0:.0f} MB; per MB below: above this start-up cost")
    rows = []
    for mb in (float(s) for s in args.sizes.split(",")):
        path = args.out / f"large-{mb:g}MB.md"
        path.write_text(make_article(int(mb * MB), concepts, random.Random(int(mb * 1000))), encoding="utf-8")
        size = path.stat().st_size / MB
        elapsed, peak, findings = run(path, args.out / "glossary", cache)
        rows.append((size, elapsed - t0, peak / MB - m0))
        print(f"{size:6.2f} MB: {elapsed:7.2f} s ({(elapsed - t0) / size:5.2f} s per MB), peak memory "
              f"{peak / MB:6.0f} MB ({(peak / MB - m0) / size:4.0f} MB per MB), {findings:,} findings", flush=True)
    if len(rows) > 1:
        (s0, t_first, m_first), (s1, t_last, m_last) = rows[0], rows[-1]
        print(f"{s1 / s0:.0f}x the input: {t_last / t_first:.1f}x the time and {m_last / m_first:.1f}x the memory "
              "above start-up (linear: the same factor)")

if __name__ == "__main__":
    main()
