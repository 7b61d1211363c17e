"""Builds benchmarks/corpus/medquad/: real English health prose for the speed benchmark only.

Source: MedQuAD (Ben Abacha and Demner-Fushman 2019, https://github.com/abachaa/MedQuAD, CC BY 4.0),
question-answer pairs taken from NIH web pages (U.S. government works). Each MedQuAD document (one
page: a disorder's fact sheet) becomes one Markdown article: the focus as the title, each question as
a `##` heading, the answer's text unchanged below it. Pages whose URL is already a text of
eval/realworld/ are left out, and so are answers repeated word for word, so no text is repeated in
the benchmark's real-prose corpus. Documents are taken in file order until --words prose words.

Usage: python benchmarks/corpus/build_medquad.py MEDQUAD_GIT_DIR [--subset 6_NINDS_QA] [--words 55000]
(MEDQUAD_GIT_DIR: a clone or bare copy of the repository; the files are read with `git show`.)

The held-out consumer pages of eval/plain_language.py (other NIH institutes and CDC; TK601 judged
on them only after the rule was frozen) are built by the same script. ``FOLDER:WORDS`` takes that
folder's documents in file order up to WORDS prose words; ``--exclude`` leaves out the pages of
another manifest, so the second round takes the next pages of the same folders:

    python benchmarks/corpus/build_medquad.py MEDQUAD_GIT_DIR --out eval/medquad_heldout \
        --subset 5_NIDDK_QA:15000 --subset 8_NHLBI_QA_XML:15000 --subset 7_SeniorHealth_QA:15000 \
        --subset 9_CDC_QA:10000 --subset 3_GHR_QA:10000 --subset 1_CancerGov_QA:10000 --subset 2_GARD_QA:40000
    python benchmarks/corpus/build_medquad.py MEDQUAD_GIT_DIR --out eval/medquad_heldout2 \
        --exclude eval/medquad_heldout/manifest-medquad.yaml --exclude benchmarks/corpus/manifest-medquad.yaml \
        --subset 5_NIDDK_QA:20000 --subset 8_NHLBI_QA_XML:20000 --subset 7_SeniorHealth_QA:15000 \
        --subset 9_CDC_QA:15000 --subset 3_GHR_QA:15000 --subset 1_CancerGov_QA:15000 --subset 2_GARD_QA:50000
    python benchmarks/corpus/build_medquad.py MEDQUAD_GIT_DIR --out eval/medquad_heldout3 \
        --exclude eval/medquad_heldout/manifest-medquad.yaml --exclude eval/medquad_heldout2/manifest-medquad.yaml \
        --exclude benchmarks/corpus/manifest-medquad.yaml \
        --subset 5_NIDDK_QA:40000 --subset 8_NHLBI_QA_XML:40000 --subset 7_SeniorHealth_QA:30000 \
        --subset 9_CDC_QA:30000 --subset 3_GHR_QA:30000 --subset 1_CancerGov_QA:30000 --subset 2_GARD_QA:40000
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


def realworld_urls(also: list[Path] = ()) -> set[str]:
    """Source URLs of eval/realworld's texts and of the manifests in ``also``: pages not to repeat."""
    urls = set()
    for manifest in [*(REPO / "eval" / "realworld").glob("manifest*.yaml"), *also]:
        urls.update(m.strip().rstrip("/") for m in re.findall(r"source_url:\s*(\S+)", manifest.read_text("utf-8")))
    return urls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--subset", action="append", help="MedQuAD folder (repeat for several; default 6_NINDS_QA)")
    parser.add_argument("--out", type=Path, default=HERE, help="folder for medquad/ and manifest-medquad.yaml")
    parser.add_argument("--words", type=int, default=55000)
    parser.add_argument("--exclude", type=Path, action="append",
                        help="a manifest whose pages are left out (repeat for several)")
    args = parser.parse_args()
    budgets = dict((s.split(":")[0], int(s.split(":")[1]) if ":" in s else args.words) for s in args.subset or ["6_NINDS_QA"])
    subsets = list(budgets)
    heldout = args.out.resolve() != HERE
    repo = args.repo if (args.repo / "HEAD").exists() and not (args.repo / ".git").exists() else args.repo / ".git"
    commit = git(repo, "rev-parse", "HEAD").strip()
    out = args.out / "medquad"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.md"):
        old.unlink()
    skip, seen, total, rows = realworld_urls(args.exclude or []), set(), 0, []
    paths = [p for subset in subsets for p in sorted(git(repo, "ls-tree", "-r", "--name-only", "HEAD", subset).split())]
    taken = dict.fromkeys(subsets, 0)
    for path in paths:
        subset = path.split("/")[0]
        if taken[subset] >= budgets[subset]:
            continue
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
        name = (Path(path).stem if not heldout else Path(path).parent.name.split("_")[1].lower() + "-" + Path(path).stem) + ".md"
        (out / name).write_text("\n".join(lines), encoding="utf-8")
        rows.append(f"- file: medquad/{name}\n  source_url: {url}\n  words: {words}")
        total += words
        taken[subset] += words
        if all(taken[s] >= budgets[s] for s in subsets):
            break
    purpose = ("# Held-out real English consumer health pages for eval/plain_language.py: TK601 judged on them only "
               f"after the rule was frozen ({args.out.name})." if heldout else
               "# Real English health prose for benchmarks/bench_claims.py (speed), and for eval/plain_language.py "
               "(TK601 labels; rules tuned on its dev split only).")
    institutes = {"6_NINDS_QA": "the National Institute of Neurological Disorders and Stroke",
                  "5_NIDDK_QA": "the National Institute of Diabetes and Digestive and Kidney Diseases",
                  "8_NHLBI_QA_XML": "the National Heart, Lung, and Blood Institute",
                  "7_SeniorHealth_QA": "NIHSeniorHealth (National Institute on Aging and other NIH institutes)",
                  "9_CDC_QA": "the Centers for Disease Control and Prevention",
                  "3_GHR_QA": "Genetics Home Reference (National Library of Medicine)",
                  "1_CancerGov_QA": "the National Cancer Institute (cancer.gov)",
                  "2_GARD_QA": "the Genetic and Rare Diseases Information Center (NCATS)"}
    manifest = [
        purpose,
        "source: MedQuAD, https://github.com/abachaa/MedQuAD",
        f"commit: {commit}",
        f"subset: {', '.join(subsets)}",
        ("licence: CC-BY-4.0 (MedQuAD); the answers are text of U.S. federal government pages (NIH institutes and CDC; "
         "public domain)" if heldout else
         "licence: CC-BY-4.0 (MedQuAD); the answers are text of U.S. National Institutes of Health pages (public domain)"),
        ("attribution: Asma Ben Abacha and Dina Demner-Fushman, A Question-Entailment Approach to Question Answering, "
         "BMC Bioinformatics 20:511, 2019; text from " + "; ".join(institutes.get(s, s) for s in subsets)),
        "retrieved: 2026-12-04",
        ("method: benchmarks/corpus/build_medquad.py (one article per MedQuAD document, questions as headings, "
         "answers unchanged; pages already in eval/realworld/ and repeated answers left out)"),
        f"files: {len(rows)}",
        f"words: {total}",
        "documents:",
        *rows,
    ]
    (args.out / "manifest-medquad.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    print(f"{len(rows)} articles, {total:,} words -> {out}")


if __name__ == "__main__":
    main()
