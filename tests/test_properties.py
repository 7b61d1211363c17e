"""Property tests (issue 11), with hypothesis, in the terms a user sees.

(a) A translator's file cut off anywhere imports to the same result as the whole file, or is
    refused with exit 2 and every file left byte for byte: every cut of a small export, a few
    hundred sampled cuts of a large one, in each exchange format.
(b) Random Markdown (CR, LF and CRLF line breaks, HTML comments, fences, front matter, inserted
    misspellings) never crashes `check` or `check --fix`; fixes stay inside their findings'
    spans, and a second `--fix` changes nothing.
"""

from __future__ import annotations

import contextlib
import functools
import io
import shutil
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is not installed (pip install -e '.[test]')")
from conftest import TEST_GLOSSARY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FORMATS = {"po": "fr.po", "xliff": "fr.xlf", "tbx": "fr.tbx", "tbx2": "fr-v2.tbx", "csv": "fr.csv"}
ROOT = Path(__file__).resolve().parents[1]


def _quiet_cli(*args) -> int:
    from termkit.cli import main

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main([str(a) for a in args])


@pytest.fixture(scope="module")
def fast_cli():
    """The real `main`, minus two costs that dominate thousands of tiny runs and never change
    within one: building the argument parser, and asking the installed packages' versions."""
    import termkit.cli
    import termkit.cache

    patch = pytest.MonkeyPatch()
    patch.setattr(termkit.cli, "build_parser", functools.cache(termkit.cli.build_parser))
    if hasattr(termkit.cache, "_versions"):
        patch.setattr(termkit.cache, "_versions", functools.cache(termkit.cache._versions))
    yield _quiet_cli
    patch.undo()


class Locales:
    """A project whose locale files are restored, byte for byte, before each import."""

    def __init__(self, root: Path):
        self.root = root
        self.original = self.snapshot()

    def snapshot(self) -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in sorted((self.root / "locales").rglob("*")) if p.is_file()}

    def restore(self) -> None:
        for path in set(self.snapshot()) - set(self.original):
            path.unlink()
        for path, data in self.original.items():
            path.write_bytes(data)


def _project(root: Path, glossary_yaml: dict[str, str], locale_yaml: dict[str, str], cli) -> Locales:
    (root / "glossary").mkdir(parents=True)
    (root / "locales" / "fr").mkdir(parents=True)
    for name, text in glossary_yaml.items():
        (root / "glossary" / name).write_text(text, encoding="utf-8")
    for name, text in locale_yaml.items():
        (root / "locales" / "fr" / name).write_text(text, encoding="utf-8")
    (root / "termkit.yaml").write_text("language: en\nglossary: [glossary]\nlocales: locales\n", encoding="utf-8")
    return Locales(root)


SMALL_GLOSSARY = """schema: termkit.glossary/1
language: en
concepts:
  - id: cramp
    definition: A sudden painful contraction of a muscle.
    terms:
      - text: cramp
        status: preferred
        forms: [cramps]
"""
SMALL_LOCALE = """schema: termkit.locale/1
locale: fr
glossary: small
entries:
  cramp:
    source_term: cramp
    state: translated
    terms:
      - text: crampe
        status: preferred
        forms: [crampes]
      - text: spasme
        status: admitted
"""


def _exports(cli, root: Path, edit) -> dict[str, bytes]:
    """Each format's export, with the translator's edits made by ``edit(fmt, text)``."""
    out = {}
    for fmt, name in FORMATS.items():
        path = root / name
        assert cli("locales", "export", "fr", "--format", fmt, "-o", path) == 0
        text = edit(fmt, path.read_text(encoding="utf-8"))
        out[fmt] = text.encode("utf-8")
        path.unlink()
    return out


def _whole_result(cli, locales: Locales, fmt: str, data: bytes) -> tuple[int, dict[Path, bytes]]:
    locales.restore()
    path = locales.root / FORMATS[fmt]
    path.write_bytes(data)
    code = cli("locales", "import", "fr", path, "--format", fmt)
    assert code == 0, f"the whole {fmt} file does not import"
    result = locales.snapshot()
    assert result != locales.original, "the edits must change something"
    return code, result


def _import_cut(cli, locales: Locales, fmt: str, data: bytes, cut: int, whole) -> None:
    locales.restore()
    path = locales.root / FORMATS[fmt]
    path.write_bytes(data[:cut])
    code = cli("locales", "import", "fr", path, "--format", fmt)
    after = locales.snapshot()
    if code == 2:
        assert after == locales.original, f"{fmt} cut at byte {cut}: refused, but files changed"
    else:
        assert (code, after) == whole, f"{fmt} cut at byte {cut}: exit {code}, and not the whole file's result"


@pytest.fixture(scope="module")
def small(tmp_path_factory, fast_cli):
    root = tmp_path_factory.mktemp("small")
    with contextlib.chdir(root):
        locales = _project(root, {"small.yaml": SMALL_GLOSSARY}, {"small.yaml": SMALL_LOCALE}, fast_cli)
        exports = _exports(fast_cli, root, lambda fmt, text: text.replace("crampe", "crampe musculaire"))
        yield locales, exports


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_cut_of_a_small_export_imports_whole_or_not_at_all(small, fast_cli, fmt):
    locales, exports = small
    data = exports[fmt]
    with contextlib.chdir(locales.root):
        whole = _whole_result(fast_cli, locales, fmt, data)
        for cut in range(len(data)):
            _import_cut(fast_cli, locales, fmt, data, cut, whole)


def _large_edit(fmt: str, text: str) -> str:
    """A translator's changes to a large export, near its start, middle and end."""
    for old, new in (("hypertension artérielle", "hypertension"), ("acouphène", "acouphènes"), ("acné", "acné vulgaire")):
        quoted = {"po": f'msgstr "{old}"', "xliff": f"<target>{old}</target>", "tbx": f"<term>{old}</term>",
                  "tbx2": f"<term>{old}</term>", "csv": f",{old},"}[fmt]
        assert text.count(quoted) == 1, (fmt, quoted)
        text = text.replace(quoted, quoted.replace(old, new))
    return text


@pytest.fixture(scope="module")
def large(tmp_path_factory, fast_cli):
    """The shipped French term list: 84 concepts, each export a few dozen KB."""
    root = tmp_path_factory.mktemp("large")
    shutil.copytree(ROOT / "glossary", root / "glossary")
    shutil.copytree(ROOT / "locales" / "fr", root / "locales" / "fr")
    (root / "termkit.yaml").write_text("language: en\nglossary: [glossary]\nlocales: locales\n", encoding="utf-8")
    locales = Locales(root)
    with contextlib.chdir(root):
        exports = _exports(fast_cli, root, _large_edit)
        wholes = {fmt: _whole_result(fast_cli, locales, fmt, data) for fmt, data in exports.items()}
        yield locales, exports, wholes


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_sampled_cuts_of_a_large_export_import_whole_or_not_at_all(large, fast_cli, fmt):
    locales, exports, wholes = large
    data = exports[fmt]

    @settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(cut=st.integers(min_value=0, max_value=len(data) - 1))
    def cut_anywhere(cut):
        _import_cut(fast_cli, locales, fmt, data, cut, wholes[fmt])

    with contextlib.chdir(locales.root):
        cut_anywhere()


# (b) Random Markdown never crashes check or --fix; fixes stay in their spans; --fix is idempotent

WORDS = ["Fasciculation", "fasciculation", "fascillis", "fasciculassion", "muscle", "twitching", "myopathy",
         "myopathie", "Down", "syndrome", "mongolism", "cures", "100%", "doctors", "say", "e.g.", "Dr.", "al.",
         "the", "is", "a", "and", "never", "fasc\u200billis", "fasci\u202eculation", "café", "cafe\u0301", "🙂"]
BREAKS = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def blocks(draw):
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
    kind = draw(st.sampled_from(["paragraph", "heading", "item", "comment", "fence", "code", "link", "quote",
                                 "suppress", "blank"]))
    text = draw(words)
    if kind == "heading":
        return [f"{'#' * draw(st.integers(1, 3))} {text}"]
    if kind == "item":
        return [f"- {text}."]
    if kind == "quote":
        return [f"> {text}"]
    if kind == "comment":
        lines = [f"<!-- {text}"] + draw(st.lists(words, max_size=2))
        return lines + (["-->"] if draw(st.booleans()) else [])  # sometimes never closed
    if kind == "fence":
        return ["```"] + draw(st.lists(words, max_size=2)) + (["```"] if draw(st.booleans()) else [])
    if kind == "code":
        return [f"{text} `{draw(words)}` {draw(words)}."]
    if kind == "link":
        return [f"[{text}](https://example.org/{draw(st.sampled_from(WORDS[:4]))}) and {draw(words)}."]
    if kind == "suppress":
        return [f"<!-- termkit-disable-next-line {draw(st.sampled_from(['misspelling', 'TK4', 'TK999', '']))} -->"]
    if kind == "blank":
        return [""]
    return [f"{text}."]


@st.composite
def markdown(draw):
    lines: list[str] = []
    front = draw(st.sampled_from(["none", "news", "lang", "broken"]))
    if front != "none":
        body = {"news": ["type: news"], "lang": ["lang: en", "type: news"], "broken": ["title: [unclosed"]}[front]
        lines += ["---", *body, "---"]
    for block in draw(st.lists(blocks(), min_size=1, max_size=8)):
        lines += block
    breaks = draw(st.lists(BREAKS, min_size=len(lines), max_size=len(lines)))
    text = "".join(line + brk for line, brk in zip(lines, breaks))
    return text if draw(st.booleans()) else text.rstrip("\r\n")


@pytest.fixture(scope="module")
def full_checker():
    from termkit import Checker, load_project

    return Checker(load_project(glossary=[TEST_GLOSSARY], start=TEST_GLOSSARY))


def test_random_markdown_checks_and_fixes_cleanly(full_checker, tmp_path_factory, fast_cli):
    folder = tmp_path_factory.mktemp("fuzz")
    article = folder / "a.md"

    @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(text=markdown())
    def check_and_fix(text):
        findings = full_checker.check_text(text, path=str(article))
        for f in findings:
            if f.fix is None or f.code in ("TK402", "TK901"):  # append the disclaimer; remove a whole line
                continue
            for e in f.fix.edits:
                assert f.start <= e.start <= e.end <= f.end, (f.code, f.start, f.end, e)
        article.write_bytes(text.encode("utf-8"))
        assert fast_cli("check", article, "--glossary", TEST_GLOSSARY, "--fix", "--unsafe-fixes") in (0, 1)
        once = article.read_bytes()
        assert fast_cli("check", article, "--glossary", TEST_GLOSSARY, "--fix", "--unsafe-fixes") in (0, 1)
        assert article.read_bytes() == once, "a second --fix changed the file"

    check_and_fix()
