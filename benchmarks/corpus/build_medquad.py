"""Builds benchmarks/corpus/medquad/: real English health prose for the speed benchmark only.

Source: MedQuAD (Ben Abacha and Demner-Fushman 2019, https://github.com/abachaa/MedQuAD, CC BY 4.0),
question-answer pairs taken from NIH web pages (U.S. government works). Each MedQuAD document (one
page: a disorder's fact sheet) becomes one Markdown article: the focus as the title, each question as
a `##` heading, the answer's text unchanged below it. Pages whose URL is already a text of
eval/realworld/ are left out, and so are answers repeated word for word, so no text is repeated in
the benchmark's real-prose corpus. Documents are taken in file order until --words prose words.

Usage: python benchmarks/corpus/build_medquad.py MEDQUAD_GIT_DIR [--subset 6_NINDS_QA] [--words 55000]
(MEDQUAD_GIT_DIR: a clone or bare copy of the repository; the files are read with `git show`.)
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), *args], capture_output=True, text=True, check=True).stdout


def realworld_urls() -> set[str]:
    urls = set()
    for manifest in (REPO / "eval" / "realworld").glob("manifest*.yaml"):
        urls.update(m.strip().rstrip("/") for m in re.findall(r"source_url:\s*(\S+)", manifest.read_text("utf-8")))
    return urls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--subset", default="6_NINDS_QA")
    parser.add_argument("--words", type=int, default=55000)
    args = parser.parse_args()
    repo = args.repo if (args.repo / "HEAD").exists() and not (args.repo / ".git").exists() else args.repo / ".git"
    commit = git(repo, "rev-parse", "HEAD").strip()
    out = HERE / "medquad"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.md"):
        old.unlink()
    skip, seen, total, rows = realworld_urls(), set(), 0, []
    for path in sorted(git(repo, "ls-tree", "-r", "--name-only", "HEAD", args.subset).split()):
        xml = git(repo, "show", f"HEAD:{path}")
        url = re.search(r'url="([^"]+)"', xml).group(1).strip().rstrip("/")
        if url in skip:
            continue
        found = re.search(r"<Focus>(.*?)</Focus>", xml, re.DOTALL)
        if not found:
            continue
        focus = html.unescape(found.group(1)).strip()
        lines, words = ["---", "lang: en", f"title: {focus!r}", "---", f"# {focus}", ""], 0
        for question, answer in re.findall(r"<Question[^>]*>(.*?)</Question>\s*<Answer>(.*?)</Answer>", xml, re.DOTALL):
            answer = "\n\n".join(p.strip() for p in html.unescape(answer).split("\n") if p.strip())
            if not answer or answer in seen:
                continue
            seen.add(answer)
            lines += [f"## {html.unescape(question).strip()}", "", answer, ""]
            words += len(answer.split())
        if not words:
            continue
        name = Path(path).stem + ".md"
        (out / name).write_text("\n".join(lines), encoding="utf-8")
        rows.append(f"- file: medquad/{name}\n  source_url: {url}\n  words: {words}")
        total += words
        if total >= args.words:
            break
    manifest = [
        "# Real English health prose for benchmarks/bench_claims.py (speed), and for eval/plain_language.py (TK601 labels; rules tuned on its dev split only).",
        "source: MedQuAD, https://github.com/abachaa/MedQuAD",
        f"commit: {commit}",
        f"subset: {args.subset}",
        "licence: CC-BY-4.0 (MedQuAD); the answers are text of U.S. National Institutes of Health pages (public domain)",
        ("attribution: Asma Ben Abacha and Dina Demner-Fushman, A Question-Entailment Approach to Question Answering, "
         "BMC Bioinformatics 20:511, 2019; text from the National Institute of Neurological Disorders and Stroke"),
        "retrieved: 2026-12-04",
        ("method: benchmarks/corpus/build_medquad.py (one article per MedQuAD document, questions as headings, "
         "answers unchanged; pages already in eval/realworld/ and repeated answers left out)"),
        f"files: {len(rows)}",
        f"words: {total}",
        "documents:",
        *rows,
    ]
    (HERE / "manifest-medquad.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    print(f"{len(rows)} articles, {total:,} words -> {out}")


if __name__ == "__main__":
    main()
