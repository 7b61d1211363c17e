"""Speed where users run termkit: process start, the language server, --jobs and memory.

One run measures, each as medians over interleaved repeats (the machine is shared and noisy, so
the figures that matter are the ratios taken in the same run):

- start (issue 12, goal 2): ``termkit --version``, ``termkit rules``, and ``termkit check`` of one
  1,000-word article in en, fr, es and de (the shipped examples, repeated), each a new process
  with a warm cache, as a pre-commit hook runs it; next to the floors ``python -c pass`` and
  ``python -c "import spacy"``. Targets: 0.3 s, 0.3 s, 0.8 s, and fr/es/de within 1.3x en.
- language server (goal 3): ``termkit lsp`` driven over stdio with JSON-RPC, as an editor does:
  open a 2,000-word article, then edit it; the time from each ``didChange`` to the
  ``publishDiagnostics`` of that version. Target: median within 100 ms.
- scale (goal 5): words/s of ``termkit check --jobs N`` for 1, 2 and all cores on the synthetic
  corpus of ``bench_check.py`` (all default rules), and the peak RSS of a run over 1,000 and
  10,000 files (--jobs 1, JSON to /dev/null). Targets: near-linear; memory not growing with files.

Usage: python benchmarks/bench_speed.py [--repeats 7] [--edits 40] [--only start,lsp,scale]
Set PYTHONPATH to another checkout to measure it with the same harness (before/after).
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TERMKIT = str(Path(sys.executable).with_name("termkit"))
EXAMPLES = {"en": ["muscle-twitching.md", "magnesium-claims.md", "old-names.md"], "fr": ["fasciculations.md"],
            "es": ["fasciculaciones.md"], "de": ["faszikulationen.md"]}


# -- processes --------------------------------------------------------------------------------

def run(cmd: list[str], env: dict, stdin: str | None = None) -> tuple[float, float, int, int]:
    """One process: wall seconds, CPU seconds (user + system), peak RSS in MB, exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if stdin:
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err.decode(errors='replace')[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, code


def medians(commands: dict[str, list[str]], env: dict, repeats: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each command, run round-robin after one warm-up each."""
    for cmd in commands.values():
        run(cmd, env)
    walls: dict[str, list[float]] = {k: [] for k in commands}
    cpus: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(repeats):
        for name, cmd in commands.items():
            wall, cpu, _, _ = run(cmd, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {k: (statistics.median(walls[k]), statistics.median(cpus[k])) for k in commands}


def article(lang: str, words: int) -> str:
    """About ``words`` words of the shipped example prose of ``lang``, with its front matter."""
    lines, count, head = [], 0, None
    while count < words:
        for name in EXAMPLES[lang]:
            text = (ROOT / "examples" / lang / name).read_text(encoding="utf-8")
            front, body = text.split("---\n", 2)[1:]
            head = head or front
            for line in body.splitlines():
                lines.append(line)
                count += len(line.split())
                if count >= words:
                    break
            if count >= words:
                break
    return f"---\n{head}---\n" + "\n".join(lines) + "\n"


# -- goal 2: process start --------------------------------------------------------------------

def bench_start(out: Path, env: dict, repeats: int) -> list[str]:
    files = {}
    for lang in EXAMPLES:
        files[lang] = out / f"start-{lang}.md"
        files[lang].write_text(article(lang, 1000), encoding="utf-8")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import spacy'": [sys.executable, "-c", "import spacy"],
        "termkit --version": [TERMKIT, "--version"],
        "termkit rules": [TERMKIT, "rules"],
        **{f"termkit check ({lang}, 1,000 words)": [TERMKIT, "check", str(path)] for lang, path in files.items()},
    }
    got = medians(commands, env, repeats)
    en = got["termkit check (en, 1,000 words)"]
    lines = [f"start: median of {repeats} runs each, a new process with a warm cache (wall s / CPU s)"]
    for name, (wall, cpu) in got.items():
        lines.append(f"  {name:<34} {wall:6.3f} / {cpu:6.3f}")
    for lang in ("fr", "es", "de"):
        wall, cpu = got[f"termkit check ({lang}, 1,000 words)"]
        lines.append(f"ratio: check {lang} / check en: wall {wall / en[0]:.2f}x, CPU {cpu / en[1]:.2f}x (target <= 1.3)")
    lines.append(f"ratio: check en / 0.8 s target: {en[0] / 0.8:.2f}; --version / 0.3 s: "
                 f"{got['termkit --version'][0] / 0.3:.2f}; rules / 0.3 s: {got['termkit rules'][0] / 0.3:.2f}")
    return lines


# -- goal 3: the language server ----------------------------------------------------------------

class Client:
    """A minimal LSP client over a subprocess's stdio (Content-Length framing, JSON-RPC 2.0)."""

    def __init__(self, cmd: list[str], env: dict):
        self.proc = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.messages: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put((time.perf_counter(), json.loads(stream.read(length))))

    def send(self, payload: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **payload}).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method: str, params: dict, timeout: float = 120) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m, timeout)[1]

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def wait(self, predicate, timeout: float = 120) -> tuple[float, dict]:
        deadline = time.monotonic() + timeout
        while True:
            stamp, message = self.messages.get(timeout=max(0.01, deadline - time.monotonic()))
            if predicate(message):
                return stamp, message

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
            self.proc.wait(timeout=10)
        except Exception:  # noqa: BLE001 - a benchmark cleans up whatever happened
            self.proc.kill()


def bench_lsp(out: Path, env: dict, edits: int) -> list[str]:
    workspace = out / "lsp"
    shutil.rmtree(workspace, ignore_errors=True)
    workspace.mkdir()
    text = article("en", 2000)
    path = workspace / "article.md"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client = Client([TERMKIT, "lsp"], env)
    try:
        started = time.perf_counter()
        client.request("initialize", {"processId": os.getpid(), "rootUri": workspace.as_uri(), "capabilities": {},
                                      "workspaceFolders": [{"uri": workspace.as_uri(), "name": "bench"}]})
        client.notify("initialized", {})
        ready = time.perf_counter() - started

        def published(version: int):
            return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                              and m["params"]["uri"] == uri and m["params"].get("version") == version)

        sent = time.perf_counter()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                                "text": text}})
        stamp, message = client.wait(published(1))
        first = stamp - sent
        findings = len(message["params"]["diagnostics"])
        lines = text.split("\n")
        rng = random.Random(12)
        prose = [i for i, line in enumerate(lines) if len(line) > 40 and not line.startswith(("#", "---"))]
        times = []
        inserted: tuple[int, int, int] | None = None
        for k in range(edits):
            version = k + 2
            if inserted is None:  # type a word into a paragraph ...
                line = rng.choice(prose)
                column = lines[line].find(" ", rng.randrange(len(lines[line]) // 2)) + 1 or 1
                word = rng.choice(["very ", "fasciculaton ", "often ", "always ", "magnesium "])
                change = {"range": {"start": {"line": line, "character": column},
                                    "end": {"line": line, "character": column}}, "text": word}
                inserted = (line, column, len(word))
            else:  # ... and take it out again, so the article stays the same size
                line, column, size = inserted
                change = {"range": {"start": {"line": line, "character": column},
                                    "end": {"line": line, "character": column + size}}, "text": ""}
                inserted = None
            sent = time.perf_counter()
            client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                     "contentChanges": [change]})
            stamp, _ = client.wait(published(version))
            times.append(stamp - sent)
    finally:
        client.close()
    times_ms = sorted(t * 1000 for t in times)
    median = statistics.median(times_ms)
    return [f"language server: 2,000-word article ({findings} diagnostics); initialize {ready:.2f} s, "
            f"first check on didOpen {first * 1000:.0f} ms",
            f"  re-check after an edit, didChange -> publishDiagnostics, {len(times)} edits: median {median:.1f} ms, "
            f"p90 {times_ms[int(len(times_ms) * 0.9) - 1]:.1f} ms, max {times_ms[-1]:.1f} ms",
            f"ratio: median re-check / 100 ms target: {median / 100:.2f}"]


# -- goal 5: --jobs and memory ----------------------------------------------------------------

def _busy(_: int) -> None:
    x = 0
    for i in range(25_000_000):
        x += i


def capacity(processes: int) -> float:
    """What the machine gives right now: the speed-up of ``processes`` busy loops run side by side
    over one (other sessions share these cores, so it can be far below ``processes``)."""
    import multiprocessing

    start = time.perf_counter()
    _busy(0)
    one = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        start = time.perf_counter()
        pool.map(_busy, range(processes))
        many = time.perf_counter() - start
    return processes * one / many


def bench_scale(out: Path, env: dict, articles: int, words: int) -> list[str]:
    sys.path.insert(0, str(HERE))
    import bench_check

    rng = random.Random(20261125)
    lexicon = set(bench_check.common_words(10**6))
    concepts = bench_check.make_concepts(100, random.Random(7), lexicon)
    glossary = out / "glossary-100"
    bench_check.make_glossary_file(concepts, glossary)
    corpus = out / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    _, _, total = bench_check.make_corpus(articles, words, concepts, rng, lexicon, corpus)
    check = [TERMKIT, "check", str(corpus), "--glossary", str(glossary), "--format", "json"]
    run(check, env)  # warm the cache
    cores = os.cpu_count() or 1
    lines = [f"scale: {articles:,} articles, {total:,} words, all default rules, warm cache"]
    speed, cpu, machine = {}, {}, {}
    for jobs in sorted({1, 2, cores}):
        before = capacity(jobs) if jobs > 1 else 1.0
        wall, cpu[jobs], _, _ = run(check + ["--jobs", str(jobs)], env)
        machine[jobs] = (before + capacity(jobs)) / 2 if jobs > 1 else 1.0
        speed[jobs] = total / wall
        lines.append(f"  --jobs {jobs}: {speed[jobs]:>9,.0f} words/s ({wall:.1f} s wall, {cpu[jobs]:.1f} s CPU in all "
                     f"processes) = {speed[jobs] / speed[1]:.2f}x of --jobs 1; the machine's own speed-up for "
                     f"{jobs} busy processes, just before and after: {machine[jobs]:.2f}x")
    lines.append(f"ratio: --jobs {cores} (all cores) / --jobs 1 words/s: {speed[cores] / speed[1]:.2f}, against "
                 f"{machine[cores]:.2f} for plain busy loops = {speed[cores] / speed[1] / machine[cores]:.0%} of what "
                 f"the machine gave; CPU spent, --jobs {cores} / --jobs 1: {cpu[cores] / cpu[1]:.2f} (1.00 = "
                 f"parallelism adds no work)")

    rss = {}
    for files in (1000, 10000):
        folder = out / f"archive-{files}"
        shutil.rmtree(folder, ignore_errors=True)
        bench_check.make_corpus(files, 150, concepts, random.Random(files), lexicon, folder)
        _, _, rss[files], _ = run([TERMKIT, "check", str(folder), "--glossary", str(glossary), "--format", "json"], env)
        shutil.rmtree(folder, ignore_errors=True)
        lines.append(f"  peak RSS, {files:>6,} files of 150 words, --jobs 1, JSON report: {rss[files]} MB")
    lines.append(f"ratio: peak RSS 10,000 files / 1,000 files: {rss[10000] / rss[1000]:.2f} (flat = 1.00)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--only", default="start,lsp,scale")
    parser.add_argument("--out", type=Path, default=HERE / "out-speed")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, TERMKIT_CACHE_DIR=str(args.out / "cache"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"termkit from {subprocess.run([sys.executable, '-c', 'import termkit; print(termkit.__file__)'], env=env, capture_output=True, text=True, cwd=args.out).stdout.strip()}")
    wanted = args.only.split(",")
    if "start" in wanted:
        print("\n".join(bench_start(args.out, env, args.repeats)), flush=True)
    if "lsp" in wanted:
        print("\n".join(bench_lsp(args.out, env, args.edits)), flush=True)
    if "scale" in wanted:
        print("\n".join(bench_scale(args.out, env, args.articles, args.words)), flush=True)


if __name__ == "__main__":
    main()
