"""The HTML audit report in a real browser: Debian's chromium, driven by Playwright.

Skipped, with the reason, where Playwright or /usr/bin/chromium is missing (`.ci/run` installs
chromium when it can). `pytest --update-golden` also rewrites docs/html-report.png, the README's screenshot."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOT = REPO / "docs" / "html-report.png"

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (pip install playwright)")
if not CHROMIUM.exists():
    pytest.skip(f"no browser: {CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The shipped examples checked once: the JSON run and the HTML page of the same run."""
    from termkit.cli import main

    out = tmp_path_factory.mktemp("report")
    examples = out / "examples"
    shutil.copytree(REPO / "examples", examples)
    here = os.getcwd()
    os.chdir(out)
    try:
        assert main(["check", "examples", "--format", "json", "-o", "run.json"]) == 1
        assert main(["check", "examples", "--format", "html", "-o", "report.html"]) == 1
    finally:
        os.chdir(here)
    return json.loads((out / "run.json").read_text(encoding="utf-8")), out / "report.html"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        except Exception as exc:  # noqa: BLE001 - a browser that cannot start is a skip, with its reason
            pytest.skip(f"chromium did not start: {str(exc).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture
def page(browser, reports):
    """The report opened from disk, with every console error and every network request recorded."""
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("request", lambda r: pg.problems.append(f"request: {r.url}") if not r.url.startswith(("file:", "data:")) else None)
    pg.goto(reports[1].as_uri())
    yield pg
    context.close()


def _shown(pg) -> list[dict]:
    return pg.eval_on_selector_all(".finding:not([hidden])", "els => els.map(e => ({code: e.dataset.code, "
                                   "severity: e.dataset.severity, visible: e.offsetParent !== null}))")


def test_page_loads_offline_without_console_errors(page):
    assert page.title() == "termkit audit report"
    assert page.locator("main").count() == 1 and page.locator("nav").count() == 1
    assert page.locator("svg").count() >= 4  # by rule, language, folder, worst articles
    assert page.problems == []


def test_counts_match_the_json_report(page, reports):
    run = reports[0]
    count = {k: int(page.text_content(f'[data-count="{k}"]')) for k in ("files", "findings", "error", "warning", "info")}
    assert count == {"files": run["summary"]["files"], "findings": run["summary"]["findings"],
                     **run["summary"]["by_severity"]}
    assert page.locator(".finding").count() == len(run["findings"]) == 43
    assert page.get_attribute("[data-verdict]", "data-verdict") == "fail"
    # each finding's words are highlighted in its article's text
    first = run["findings"][0]
    mark = page.locator('mark[data-finding="f1"]')
    assert mark.count() == 1 and (first["text"].startswith(mark.text_content()) or first["text"] == "")


def test_filters_show_only_the_chosen_rule_and_severity_and_say_so(page, reports):
    by_code = reports[0]["summary"]["by_code"]
    page.select_option("#filter-rule", "TK101")
    shown = _shown(page)
    assert {f["code"] for f in shown} == {"TK101"} and len(shown) == by_code["TK101"]
    assert all(f["visible"] for f in shown)
    assert page.text_content("#filter-status") == f"{by_code['TK101']} of 43 findings shown"
    assert page.get_attribute("#filter-status", "aria-live") == "polite"
    page.select_option("#filter-rule", "")
    page.select_option("#filter-severity", "info")
    shown = _shown(page)
    assert {f["severity"] for f in shown} == {"info"} and len(shown) == reports[0]["summary"]["by_severity"]["info"]
    # articles with nothing left to show are hidden
    assert all(int(a) > 0 for a in page.eval_on_selector_all(
        "article.article:not([hidden])", "els => els.map(e => e.querySelectorAll('.finding:not([hidden])').length)"))
    page.select_option("#filter-severity", "")
    assert len(_shown(page)) == 43 and page.text_content("#filter-status") == "43 of 43 findings shown"


def test_keyboard_moves_between_findings_the_filters_show(page):
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "f1"
    assert page.locator('mark[data-finding="f1"].current').count() == 1
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "f2"
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "f1"
    page.select_option("#filter-rule", "TK401")
    wanted = page.eval_on_selector_all(".finding:not([hidden])", "els => els.map(e => e.id)")
    page.locator("#" + wanted[0]).focus()
    page.keyboard.press("j")  # skips the findings the filter hides
    assert page.evaluate("document.activeElement.id") == wanted[1]


def _axe_violations(page) -> list[str]:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed")
    results = axe.Axe().run(page, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa", "best-practice"]})
    assert "violations" in results.response and results.response["testEngine"]["name"] == "axe-core"
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]]


def test_accessibility_of_the_whole_page_and_a_filtered_view(page):
    assert _axe_violations(page) == []
    page.select_option("#filter-severity", "error")
    assert _axe_violations(page) == []


def test_screenshot_for_the_readme(page, update_golden):
    """docs/html-report.png: the top of the report, as the README shows it (kept small). Written
    when missing or with ``pytest --update-golden``, so that a plain run leaves the tree clean
    (chart ids and font rendering make each shot differ by a few bytes)."""
    page.set_viewport_size({"width": 1000, "height": 760})
    data = page.screenshot(type="png", full_page=False)
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) < 150_000
    SCREENSHOT.parent.mkdir(exist_ok=True)
    if update_golden or not SCREENSHOT.exists():
        SCREENSHOT.write_bytes(data)
