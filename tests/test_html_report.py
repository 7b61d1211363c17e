"""The HTML audit report without a browser: `termkit report` over saved runs, --compare, the
refusal of files that are not JSON runs, and a page that fetches nothing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@pytest.fixture
def site(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "articles", tmp_path / "articles")
    shutil.copytree(FIXTURES / "glossary", tmp_path / "glossary")
    (tmp_path / "termkit.yaml").write_text("glossary: [glossary]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _counts(page: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r'data-count="(\w+)">(\d+)<', page)}


def test_report_of_a_saved_run_and_of_check_agree(site, cli):
    assert cli("check", "articles", "--format", "json", "-o", "run.json")[0] == 1
    code, out, err = cli("report", "run.json", "-o", "report.html")
    assert (code, out, err) == (0, "", "")
    run = json.loads((site / "run.json").read_text(encoding="utf-8"))
    page = (site / "report.html").read_text(encoding="utf-8")
    counts = _counts(page)
    assert counts["findings"] == run["summary"]["findings"] and counts["files"] == run["summary"]["files"]
    assert {s: counts[s] for s in ("error", "warning", "info")} == run["summary"]["by_severity"]
    assert page.count('class="finding ') == len(run["findings"])
    assert cli("check", "articles", "--format", "html", "-o", "direct.html")[0] == 1
    direct = (site / "direct.html").read_text(encoding="utf-8")
    assert _counts(direct) == counts
    # one file that works offline: nothing is loaded from elsewhere
    assert not re.search(r'(src|href)="(https?:)?//', page) and "<link" not in page
    assert "<script src" not in page and '<script type="text/javascript" xlink:href' not in page


def test_compare_shows_fixed_and_new_findings(site, cli):
    assert cli("check", "articles", "--format", "json", "-o", "old.json")[0] == 1
    old = json.loads((site / "old.json").read_text(encoding="utf-8"))
    article = site / old["findings"][0]["path"]
    fixed_text = old["findings"][0]["text"]
    lines = article.read_text(encoding="utf-8")
    assert fixed_text and fixed_text in lines
    article.write_text(lines.replace(fixed_text, "fasciculation", 1) + "\nThe fascillis came back.\n", encoding="utf-8")
    cli("check", "articles", "--format", "json", "-o", "new.json")
    code, out, _ = cli("report", "new.json", "--compare", "old.json")
    assert code == 0
    counts = _counts(out)
    new = json.loads((site / "new.json").read_text(encoding="utf-8"))
    assert counts["kept"] + counts["new"] == len(new["findings"])
    assert counts["kept"] + counts["fixed"] == len(old["findings"])
    assert counts["fixed"] >= 1 and counts["new"] >= 1
    assert "fascillis" in out.split('id="compare-h"')[1].split("</section>")[0]
    # the same comparison from `check`
    _, direct, _ = cli("check", "articles", "--format", "html", "--compare", "old.json")
    assert {k: _counts(direct)[k] for k in ("fixed", "new", "kept")} == {k: counts[k] for k in ("fixed", "new", "kept")}


def test_compare_matches_findings_that_moved(tmp_path):
    from termkit.report.html import compare_runs

    a = {"path": "a.md", "code": "TK101", "text": "fascillis", "line": 3}
    moved = dict(a, line=9)
    b = {"path": "a.md", "code": "TK102", "text": "old", "line": 4}
    result = compare_runs([moved, dict(b, code="TK103")], [a, b])
    assert result == {"fixed": [b], "new": [dict(b, code="TK103")], "kept": 1}


def test_not_a_run_is_refused_with_where_and_what(site, cli):
    (site / "bad.json").write_text('{"version": 1, "findings": [', encoding="utf-8")
    code, out, err = cli("report", "bad.json", "-o", "report.html")
    assert code == 2 and out == "" and err.startswith("bad.json:1:29: error: not a termkit JSON report")
    assert not (site / "report.html").exists()
    (site / "sarif.json").write_text('{"version": "2.1.0", "runs": []}', encoding="utf-8")
    code, _, err = cli("report", "sarif.json")
    assert code == 2 and "as `termkit check --format json` writes" in err
    assert cli("report", "missing.json")[0] == 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=200), st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["version", "findings", "path", "line", "column", "end_line", "end_column", "code", "rule",
         "severity", "message", "text", "summary"]), inner, max_size=6), max_leaves=20).map(
    lambda v: json.dumps(v).encode())))
def test_any_file_is_a_page_or_a_refusal(tmp_path, data):
    from termkit.errors import TermkitError
    from termkit.report.html import load_run, render_document

    path = tmp_path / "run.json"
    path.write_bytes(data)
    try:
        run = load_run(path)
    except TermkitError as exc:
        assert exc.path == str(path)
        return
    assert "<main>" in render_document(run)


def test_html_libraries_load_only_for_html():
    code = ("import sys; from termkit.cli import main; main(['rules']);"
            "print(sorted(m for m in ('jinja2', 'pygal') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_each_finding_is_highlighted_where_it_points(site, cli):
    """The marked words are the finding's words, line numbers shown are the article's, and lines far
    from any finding are left out (a gap marker stands for them)."""
    import html

    from markupsafe import escape

    cli("check", "articles", "--format", "json", "-o", "run.json")
    cli("report", "run.json", "-o", "report.html")
    run = json.loads((site / "run.json").read_text(encoding="utf-8"))
    page = (site / "report.html").read_text(encoding="utf-8")
    marks = {m[0]: html.unescape(m[1]) for m in re.findall(r'<mark class="sev-\w+" data-finding="(f\d+)">(.*?)</mark>', page)}
    single = [(i, f) for i, f in enumerate(run["findings"], 1) if f["line"] == f["end_line"] and f["text"]]
    assert single
    for i, f in single:
        assert marks[f"f{i}"] == f["text"], f
    for i, f in enumerate(run["findings"], 1):
        text = (site / f["path"]).read_text(encoding="utf-8").splitlines()[f["line"] - 1]
        assert f'<span class="ln">{f["line"]}</span> ' + str(escape(text[:f["column"] - 1]))[:10] in page
