"""The reporter lifecycle: ``start()``, ``handle(finding)`` as each finding arrives, ``finish(files, errors)``.

A check of a 100,000-article archive keeps no findings in memory: text, JSON and GitHub output is
written as the findings come; SARIF and JUnit, which state totals or the rules used before their
lists, keep the findings in a temporary file until ``finish``. ``render(result)`` of each format
is its reporter writing to a string, so both paths give the same bytes.
"""

from __future__ import annotations

import io
import json
import pickle
import tempfile
from collections import Counter
from typing import IO, Iterator

from ..findings import CheckResult, Finding
from ..i18n import N_, _, format_number, ngettext


class Reporter:
    """Counts what it is handed; subclasses write. ``out`` is a text stream."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.findings = 0
        self.severities: Counter = Counter()
        self.codes: Counter = Counter()
        self.articles: list[dict] = []  # plain-language figures of the articles that have them

    def article(self, figures: dict) -> None:
        """An article's plain-language figures (``findings.ArticleFindings``), after its findings."""
        self.articles.append(figures)

    def start(self) -> None:
        pass

    def handle(self, finding: Finding) -> None:
        self.findings += 1
        self.severities[finding.severity.value] += 1
        self.codes[finding.code] += 1
        self.write(finding)

    def write(self, finding: Finding) -> None:
        raise NotImplementedError

    def finish(self, files_checked: int, errors: list) -> None:
        pass


def render_with(reporter: type[Reporter], result: CheckResult) -> str:
    out = io.StringIO()
    r = reporter(out)
    r.start()
    for finding in result.findings:
        r.handle(finding)
    for figures in result.articles:
        r.article(figures)
    r.finish(result.files_checked, result.errors)
    return out.getvalue()


# the formulas' names (those with ordinary words are translated where they are shown)
FORMULA_NAMES = {"flesch-kincaid-grade": N_("Flesch-Kincaid grade"), "kandel-moles": "Kandel-Moles",
                 "szigriszt-pazos": "Szigriszt-Pazos", "wiener-sachtextformel": "Wiener Sachtextformel",
                 "fernandez-huerta": "Fernández-Huerta", "flesch-reading-ease": N_("Flesch reading ease")}
TRANSLATED_NAMES = {"flesch-kincaid-grade", "flesch-reading-ease"}


def plain_language_summary(articles: list[dict]) -> str:
    """' Plain language: ...' for the text summary line; '' when no article has figures."""
    if not articles:
        return ""
    import statistics

    parts = []
    by_formula: dict[str, list[float]] = {}
    for a in articles:
        if a.get("readability") is not None:
            by_formula.setdefault(a["formula"], []).append(a["readability"])
    for formula, values in sorted(by_formula.items()):
        value = values[0] if len(values) == 1 else statistics.median(values)
        name = FORMULA_NAMES.get(formula, formula)
        name = _(name) if formula in TRANSLATED_NAMES else name
        score = f"{value:g}"
        parts.append(_("median {formula} {score}").format(formula=name, score=score) if len(values) > 1
                     else f"{name} {score}")
    measured = [a for a in articles if "unexplained_terms" in a]
    if measured:
        unexplained = sum(a["unexplained_terms"] for a in measured)
        explained = sum(len(a["concepts_explained"]) for a in measured)
        parts.append(ngettext("{count} unexplained technical term", "{count} unexplained technical terms",
                              unexplained).format(count=format_number(unexplained)))
        parts.append(ngettext("{count} concept explained", "{count} concepts explained",
                              explained).format(count=format_number(explained)))
    return " " + _("Plain language: {figures}.").format(figures=", ".join(parts))


def dumps(value) -> str:
    """The JSON of every report: two-space indents, non-ASCII kept."""
    return json.dumps(value, ensure_ascii=False, indent=2)


def split_at_list(document: str, key: str) -> tuple[str, str, str]:
    """``document`` (``dumps`` output holding ``"key": []`` once) split around that empty list:
    (the text up to ``"key": ``, the indent of its items, the text after ``[]``)."""
    before, after = document.split(f'"{key}": []', 1)
    key_indent = before[before.rindex("\n") + 1:]
    return before + f'"{key}": ', key_indent + "  ", after


class JsonList:
    """Writes a JSON list item by item, exactly as ``dumps`` lays it out at that depth."""

    def __init__(self, out: IO[str], item_indent: str):
        self.out = out
        self.indent = item_indent
        self.count = 0

    def add(self, item) -> None:
        text = dumps(item).replace("\n", "\n" + self.indent)  # strings in JSON never hold a raw newline
        self.out.write(("[\n" if not self.count else ",\n") + self.indent + text)
        self.count += 1

    def close(self) -> None:
        self.out.write("\n" + self.indent[:-2] + "]" if self.count else "[]")


class Spool:
    """Findings kept in a temporary file (pickled one by one) until the report can be written."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()

    def add(self, finding: Finding) -> None:
        pickle.dump(finding, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[Finding]:
        self.file.flush()
        self.file.seek(0)
        while True:
            try:
                yield pickle.load(self.file)
            except EOFError:
                return

    def close(self) -> None:
        self.file.close()


__all__ = ["JsonList", "Reporter", "Spool", "dumps", "render_with", "split_at_list"]
