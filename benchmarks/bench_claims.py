"""What the claim check costs (issue 12, goal 1): all default rules against the term rules alone.

One run, on real prose and on the synthetic corpus of ``bench_check.py``:

- real prose: the texts of ``eval/realworld/texts`` (215 texts, en/fr/es/de) and the NIH pages of
  ``benchmarks/corpus/medquad`` (English, CC BY 4.0 / public domain; see
  ``benchmarks/corpus/manifest-medquad.yaml``): over 100,000 words, no text repeated;
- synthetic: ``bench_check.make_corpus`` (seeded), with its 100-concept glossary.

For each corpus it times (1) the check alone, in-process: ``Checker.check_text`` over every text,
after one untimed pass that builds the pipelines and loads the lexicons, ``--select TK1,TK3`` (the term rules) against all default
rules, interleaved, median of the repeats; and (2) the whole process, ``termkit check`` as a user
runs it (start-up and glossary loading included), median wall and CPU time of interleaved runs.
The figure of the goal is the ratio all rules / term rules (target <= 1.5), printed as ``ratio:``.

Usage: python benchmarks/bench_claims.py [--repeats 3] [--articles 300] [--only real,synthetic]
Set PYTHONPATH to another checkout to measure it with the same harness (before/after).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TERMKIT = str(Path(sys.executable).with_name("termkit"))
REAL = [ROOT / "eval" / "realworld" / "texts", HERE / "corpus" / "medquad"]
TERM_RULES = "TK1,TK3"


def prose_words(text: str) -> int:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        text = text[end + 4:] if end > 0 else text
    return len(text.split())


def in_process(root: Path, files: list[Path], repeats: int, glossary: Path | None = None) -> dict[str, float]:
    """Median CPU seconds of Checker.check_text over the files, per selection (after one untimed pass)."""
    from termkit import Checker, load_project

    project = load_project(start=root, glossary=[glossary] if glossary else None)
    texts = [(str(f), f.read_text(encoding="utf-8")) for f in files]
    checkers = {"terms": Checker(project, select=TERM_RULES.split(",")), "all": Checker(project)}
    for checker in checkers.values():  # one untimed pass: pipelines built, lexicons and caches loaded
        for path, text in texts:
            checker.check_text(text, path)
    times: dict[str, list[float]] = {"terms": [], "all": []}
    for _ in range(repeats):
        for key, checker in checkers.items():
            start = time.process_time()
            for path, text in texts:
                checker.check_text(text, path)
            times[key].append(time.process_time() - start)
    return {k: statistics.median(v) for k, v in times.items()}


def whole_process(paths: list[Path], repeats: int, extra: list[str], cwd: Path, env: dict) -> dict[str, tuple[float, float]]:
    out: dict[str, list[tuple[float, float]]] = {"terms": [], "all": []}
    for _ in range(repeats):
        for key, select in (("terms", ["--select", TERM_RULES]), ("all", [])):
            cmd = [TERMKIT, "check", *map(str, paths), "--format", "json", "--jobs", "1", *extra, *select]
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            err = proc.stderr.read()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            code = os.waitstatus_to_exitcode(status)
            if code not in (0, 1):
                raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err.decode(errors='replace')[-500:]}")
            out[key].append((wall, usage.ru_utime + usage.ru_stime))
    return {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in out.items()}


def report(name: str, words: int, inproc: dict[str, float], proc: dict[str, tuple[float, float]]) -> list[str]:
    return [
        f"{name}: {words:,} words",
        (f"  check alone (in-process CPU): term rules {inproc['terms']:.2f} s ({words / inproc['terms']:,.0f} words/s), "
         f"all rules {inproc['all']:.2f} s ({words / inproc['all']:,.0f} words/s)"),
        (f"  whole process: term rules wall {proc['terms'][0]:.2f} s / CPU {proc['terms'][1]:.2f} s, "
         f"all rules wall {proc['all'][0]:.2f} s / CPU {proc['all'][1]:.2f} s"),
        (f"ratio: {name}, all rules / term rules, check alone: {inproc['all'] / inproc['terms']:.2f}x; "
         f"whole process: wall {proc['all'][0] / proc['terms'][0]:.2f}x, CPU {proc['all'][1] / proc['terms'][1]:.2f}x "
         f"(target <= 1.5)"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--only", default="real,synthetic")
    parser.add_argument("--out", type=Path, default=HERE / "out-claims")
    args = parser.parse_args()
    only = set(args.only.split(","))
    env = dict(os.environ)
    lines = []
    if "real" in only:
        missing = [p for p in REAL if not p.is_dir()]
        if missing:
            raise SystemExit(f"missing corpus folder: {missing[0]}")
        files = sorted(f for p in REAL for f in p.rglob("*.md"))
        words = sum(prose_words(f.read_text(encoding="utf-8")) for f in files)
        inproc = in_process(ROOT, files, args.repeats)
        proc = whole_process(REAL, args.repeats, [], ROOT, env)
        lines += report(f"real prose ({len(files)} texts, en/fr/es/de)", words, inproc, proc)
        print("\n".join(lines), flush=True)
    if "synthetic" in only:
        sys.path.insert(0, str(HERE))
        import bench_check

        shutil.rmtree(args.out, ignore_errors=True)
        lexicon = set(bench_check.common_words(10**6))
        concepts = bench_check.make_concepts(100, random.Random(7), lexicon)
        bench_check.make_glossary_file(concepts, args.out / "glossary")
        _, _, words = bench_check.make_corpus(args.articles, 800, concepts, random.Random(20261125), lexicon,
                                                  args.out / "corpus")
        files = sorted((args.out / "corpus").glob("*.md"))
        glossary = args.out / "glossary"
        inproc = in_process(args.out, files, args.repeats, glossary)
        proc = whole_process([args.out / "corpus"], args.repeats, ["--glossary", str(glossary)], args.out, env)
        synthetic = report(f"synthetic ({len(files)} articles, 100 concepts)", words, inproc, proc)
        print("\n".join(synthetic), flush=True)


if __name__ == "__main__":
    main()
