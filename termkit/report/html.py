"""One self-contained HTML audit report (no network: styles, scripts and SVG charts embedded).

The report is built from the JSON report's document (``report/json.py``) plus what the archive
itself says: each article's text, words and language, the glossary coverage per locale (as
``termkit locales status`` computes it) and the concepts the archive uses. ``termkit check
--format html`` and ``termkit report RUN.json`` both end in ``render_document``. Jinja2 and pygal
are imported only here, and this module only when HTML is asked for."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import IO

from ..findings import Finding, Severity
from ..i18n import N_, _, active, language_name
from .base import Reporter
from .json import VERSION, document, finding_dict

# Every sentence the report shows, in one place: marked for the catalogs, translated in ``model``.
STRINGS = {
    "title": N_("termkit audit report"),
    "skip": N_("Skip to the articles"),
    "summary": N_("Summary"),
    "articles": N_("Articles"),
    "words": N_("Words"),
    "findings": N_("Findings"),
    "errors": N_("Files not checked"),
    "pass": N_("Pass"),
    "fail": N_("Fail"),
    "verdict": N_("Result against --fail-on {fail_on}:"),
    "charts": N_("Charts"),
    "by_rule": N_("Findings by rule"),
    "by_language": N_("Findings by language"),
    "by_folder": N_("Findings by folder"),
    "worst": N_("Articles with the most findings"),
    "coverage": N_("Glossary coverage per locale"),
    "coverage_none": N_("No translated term lists were found."),
    "locale": N_("Locale"),
    "approved": N_("Approved concepts"),
    "concepts": N_("Concepts the archive uses"),
    "concepts_none": N_("No glossary concept was found in the source-language articles."),
    "concept": N_("Concept"),
    "uses": N_("Uses"),
    "in_articles": N_("Articles"),
    "compare": N_("Compared with {old}"),
    "fixed": N_("Fixed"),
    "new": N_("New"),
    "kept": N_("Still there"),
    "filters": N_("Filter findings"),
    "rule": N_("Rule"),
    "severity": N_("Severity"),
    "all": N_("All"),
    "shown": N_("{shown} of {total} findings shown"),
    "no_text": N_("The article's text could not be read; its findings are listed alone."),
    "suggestion": N_("Suggestion:"),
    "line": N_("line"),
    "chart_desc": N_("{title}: {items}"),
    "article_language": N_("Language: {language}"),
    "article_words": N_("Words: {count}"),
    "article_findings": N_("Findings: {count}"),
    "folder": N_("Folder"),
    "none": N_("none"),
}
# the severities' labels on the summary cards and in the filter (the badges show the codes, as the
# text report does)
SEVERITY_LABELS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}

WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _chart(title: str, counts: list[tuple[str, int]]) -> str:
    """A horizontal bar chart as inline SVG (pygal, with no script: nothing is fetched)."""
    import pygal
    from pygal.style import Style

    style = Style(background="white", plot_background="white", foreground="#222", foreground_strong="#000",
                  foreground_subtle="#555", colors=("#1f5f99",), font_family="system-ui, sans-serif",
                  label_font_size=13, major_label_font_size=13, title_font_size=15, value_font_size=12)
    chart = pygal.HorizontalBar(style=style, js=[], show_legend=False, disable_xml_declaration=True,
                                height=max(160, 40 + 28 * len(counts)), width=640, print_values=True,
                                explicit_size=False, margin=8)
    chart.title = title
    chart.x_labels = [label for label, _ in counts][::-1]
    chart.add(_(STRINGS["findings"]), [n for _, n in counts][::-1])
    return chart.render(is_unicode=True)


def _marked(text: str, findings: list[dict]) -> list[dict]:
    """The article's lines, each a list of pieces: plain text, or text a finding covers."""
    lines = text.splitlines()
    by_line: dict[int, list[tuple[int, int, int]]] = {}
    for i, f in enumerate(findings):
        if f["line"] < 1 or f["line"] > len(lines):
            continue
        end = f["end_column"] if f["end_line"] == f["line"] else len(lines[f["line"] - 1]) + 1
        by_line.setdefault(f["line"], []).append((f["column"] - 1, max(end - 1, f["column"]), i))
    out = []
    for n, line in enumerate(lines, 1):
        pieces, at = [], 0
        for start, end, i in sorted(by_line.get(n, ())):
            start = max(start, at)
            if start >= len(line):
                pieces.append({"text": "", "finding": i})
                continue
            if start > at:
                pieces.append({"text": line[at:start]})
            end = min(max(end, start + 1), len(line))
            if end > start:
                pieces.append({"text": line[start:end], "finding": i})
                at = end
            else:
                pieces.append({"text": "", "finding": i})
        if at < len(line):
            pieces.append({"text": line[at:]})
        out.append({"number": n, "pieces": pieces, "marked": n in by_line})
    return out


def _excerpts(lines: list[dict], context: int = 1) -> list[dict | None]:
    """The lines with findings and ``context`` lines around them; ``None`` where lines are left out."""
    keep = {i for i, line in enumerate(lines) if line["marked"]
            for i in range(i - context, i + context + 1) if 0 <= i < len(lines)}
    out: list[dict | None] = []
    for i in sorted(keep):
        if out and out[-1] is not None and out[-1]["number"] != i:
            out.append(None)
        out.append(lines[i])
    return out


def _key(f: dict) -> tuple:
    """What stays the same when an article is edited elsewhere: the file, the rule and the words."""
    return (f["path"], f["code"], f["text"])


def compare_runs(new: list[dict], old: list[dict]) -> dict:
    """Findings fixed since ``old``, new in ``new``, and kept (matched by file, code and text, so a
    finding that moved lines is still the same one)."""
    left = Counter(_key(f) for f in old)
    right = Counter(_key(f) for f in new)
    fixed, added = [], []
    seen: Counter = Counter()
    for f in new:
        seen[_key(f)] += 1
        if seen[_key(f)] > left[_key(f)]:
            added.append(f)
    seen.clear()
    for f in old:
        seen[_key(f)] += 1
        if seen[_key(f)] > right[_key(f)]:
            fixed.append(f)
    return {"fixed": fixed, "new": added, "kept": len(new) - len(added)}


def article_info(path: Path, shown: str, checker=None) -> dict:
    """Text, words and language of one article (language from the checker's rules, when given)."""
    from ..markdown import extract_prose
    from ..source import read_source

    try:
        source = read_source(path, shown)
    except Exception:  # noqa: BLE001 - an unreadable article is shown with its findings alone
        return {"path": shown, "text": None, "words": 0, "language": None}
    prose = extract_prose(source.text, source.kind)
    language = checker.language_of(source, prose.front_matter) if checker is not None else None
    return {"path": shown, "text": source.text, "words": len(WORD.findall(prose.text)), "language": language,
            "file": path}


def coverage(project) -> list[dict]:
    """MISSING/STALE/OK counts per locale, as ``termkit locales status`` computes them."""
    from ..locales.load import load_locale, locale_folders
    from ..locales.sync import locale_status

    folder = project.locales_dir
    if folder is None or not Path(folder).is_dir():
        return []
    out = []
    for name in locale_folders(folder):
        try:
            r = locale_status(project.glossary, load_locale(folder, name, root=project.settings.root),
                              project.settings.language)
        except Exception:  # noqa: BLE001 - a broken locale file is `locales status`'s to explain
            continue
        out.append({"locale": r.locale, "name": language_name(r.locale), "approved": r.approved, "ok": r.ok,
                    "coverage": round(100 * r.coverage, 1), "counts": r.counts()})
    return out


def concepts_used(articles: list[dict], checker) -> list[dict]:
    """Glossary concepts found in the source-language articles: uses and articles."""
    if checker is None:
        return []
    source_language = checker.project.settings.language
    uses: Counter = Counter()
    where: Counter = Counter()
    for a in articles:
        if a.get("text") is None or a.get("language") != source_language or "file" not in a:
            continue
        try:
            found = checker.concepts_in(a["file"])
        except Exception:  # noqa: BLE001 - the article's own error is in the run already
            continue
        for concept, (count, _) in found.items():
            uses[concept] += count
            where[concept] += 1
    return [{"id": c, "uses": n, "articles": where[c]} for c, n in sorted(uses.items(), key=lambda kv: (-kv[1], kv[0]))]


def _folder(path: str) -> str:
    parent = str(Path(path).parent)
    return parent if parent != "." else "./"


def model(run: dict, articles: list[dict] | None = None, fail_on: str = "error", locales: list[dict] | None = None,
          concepts: list[dict] | None = None, old: dict | None = None, old_name: str = "") -> dict:
    """Everything the template shows, computed here (the template only lays it out)."""
    findings = run.get("findings", [])
    summary = run.get("summary", {})
    info = {a["path"]: a for a in articles or []}
    for f in findings:
        info.setdefault(f["path"], {"path": f["path"], "text": None, "words": 0, "language": None})
    per_article: dict[str, list[dict]] = {}
    for i, f in enumerate(findings):
        f = dict(f, id=f"f{i + 1}")
        per_article.setdefault(f["path"], []).append(f)
    shown_articles = []
    for path in sorted(info):
        a = info[path]
        fs = per_article.get(path, [])
        shown_articles.append({
            "path": path, "id": f"a{len(shown_articles) + 1}", "language": a.get("language"), "words": a.get("words", 0),
            "findings": fs, "lines": _excerpts(_marked(a["text"], fs)) if a.get("text") is not None else None,
        })
    by_severity = {s: summary.get("by_severity", {}).get(s, 0) for s in ("error", "warning", "info")}
    rank = {s.value: s.rank for s in Severity}
    worst = max((rank[f["severity"]] for f in findings), default=0)
    failed = bool(findings) and worst >= rank[fail_on] or bool(run.get("errors"))
    by_rule = Counter(f"{f['code']} {f['rule']}" for f in findings).most_common()
    strings = {key: _(text) for key, text in STRINGS.items()}
    language_of = {a["path"]: a.get("language") or strings["none"] for a in shown_articles}
    by_language = Counter(language_of[f["path"]] for f in findings).most_common()
    by_folder = Counter(_folder(f["path"]) for f in findings).most_common(15)
    worst_articles = Counter(f["path"] for f in findings).most_common(10)
    charts = [(strings[key], _chart(strings[key], counts), counts)
              for key, counts in (("by_rule", by_rule), ("by_language", by_language),
                                  ("by_folder", by_folder), ("worst", worst_articles)) if counts]
    return {
        "s": strings,
        "lang": active(),
        "severity_labels": {key: _(text) for key, text in SEVERITY_LABELS.items()},
        "summary": {"files": summary.get("files", len(info)), "words": sum(a.get("words", 0) for a in info.values()),
                    "findings": summary.get("findings", len(findings)), "by_severity": by_severity,
                    "errors": len(run.get("errors", [])), "failed": failed, "fail_on": fail_on},
        "charts": charts,
        "locales": locales or [],
        "concepts": concepts or [],
        "articles": shown_articles,
        "rules": sorted({f["code"]: f["rule"] for f in findings}.items()),
        "severities": ("error", "warning", "info"),
        "errors": run.get("errors", []),
        "compare": compare_runs(findings, old.get("findings", [])) if old is not None else None,
        "old_name": old_name,
    }


def render_document(run: dict, **kwargs) -> str:
    """The HTML page for a JSON run document (see ``model`` for the other arguments)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("termkit.report", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    context = model(run, **kwargs)
    return env.get_template("report.html.j2").render(**context, data_json=json.dumps(
        {"findings": context["summary"]["findings"]}))


def load_run(path: Path) -> dict:
    """A saved JSON run (``termkit check --format json``), or E-code error naming what is wrong."""
    from ..errors import Errors, TermkitError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TermkitError(Errors.E007.format(reason=exc.strerror or exc), str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line, col = (exc.lineno, exc.colno) if isinstance(exc, json.JSONDecodeError) else (None, None)
        raise TermkitError(_("not a termkit JSON report: {problem}").format(
            problem=exc.msg if hasattr(exc, "msg") else exc), str(path), line, col) from None
    if (not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list)
            or not all(isinstance(f, dict) and {"path", "line", "column", "end_line", "end_column", "code", "rule",
                                                   "severity", "message", "text"} <= f.keys()
                       and f["severity"] in {s.value for s in Severity} for f in data["findings"])):
        raise TermkitError(_("not a termkit JSON report (expected {expected}, as `termkit check --format json` "
                             "writes)").format(expected=f'{{"version": {VERSION}, "findings": [...]}}'), str(path), 1, 1)
    return data


class HtmlReporter(Reporter):
    """Keeps the findings (as the JSON report has them), then writes the page at ``finish``.
    ``context`` (set by ``termkit check``) gives the articles, the project and --fail-on."""

    def __init__(self, out: IO[str], **context):
        super().__init__(out)
        self.items: list[dict] = []
        self.context = context

    def write(self, finding: Finding) -> None:
        self.items.append(finding_dict(finding))

    def finish(self, files_checked: int, errors: list) -> None:
        run = document(self.items, files_checked, self.findings, self.severities, self.codes, errors)
        ctx = dict(self.context)
        checker = ctx.pop("checker", None)
        paths = ctx.pop("paths", None)
        articles = ctx.pop("articles", None)
        if articles is None and paths is not None:
            from ..engine import iter_articles

            articles = [article_info(p, shown, checker) for p, shown in
                        (item for item in iter_articles(paths) if isinstance(item, tuple))]
        if checker is not None:
            ctx.setdefault("locales", coverage(checker.project))
            ctx.setdefault("concepts", concepts_used(articles or [], checker))
        self.out.write(render_document(run, articles=articles, **ctx))


def render(result) -> str:
    from .base import render_with

    return render_with(HtmlReporter, result)
