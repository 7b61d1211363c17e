"""`termkit check` on the terminal: colour, --statistics, --quiet, --exit-zero, --output-file,
stdin with --stdin-filename (as an editor pipes a buffer), the closing line, and what is used."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, HERE, TEST_GLOSSARY

GOLDEN = HERE / "golden"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(autouse=True)
def _no_colour_from_the_environment(monkeypatch):
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_golden_text_with_colour(cli, monkeypatch, update_golden):
    """--color always: the plain golden report with ANSI colours, and nothing else changed."""
    monkeypatch.chdir(FIXTURES)
    code, out, err = cli("check", "articles", "--glossary", "glossary", "--color", "always")
    assert code == 1 and err == ""
    golden = GOLDEN / "articles.text-colour"
    if update_golden:
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert ANSI.sub("", out) == (GOLDEN / "articles.text").read_text(encoding="utf-8")
    assert "\x1b[1;31m[error]\x1b[0m" in out


def test_force_color_and_no_color(cli, monkeypatch, tmp_path):
    monkeypatch.chdir(FIXTURES)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in cli("check", "articles", "--glossary", "glossary")[1]
    monkeypatch.setenv("FORCE_COLOR", "0")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in cli("check", "articles", "--glossary", "glossary")[1]
    assert "\x1b[" not in cli("check", "articles", "--glossary", "glossary", "--color", "auto")[1]
    # a report written to a file never gets colour, whatever the environment says
    monkeypatch.setenv("FORCE_COLOR", "1")
    cli("check", "articles", "--glossary", "glossary", "-o", tmp_path / "out.txt")
    written = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "TK101" in written and "\x1b[" not in written


def test_use_colour_rules():
    from termkit.cli.terminal import use_colour

    class Tty:
        def isatty(self):
            return True

    assert use_colour("auto", Tty(), {}) is True
    assert use_colour("auto", Tty(), {"NO_COLOR": "1"}) is False
    assert use_colour("auto", Tty(), {"NO_COLOR": ""}) is True  # NO_COLOR counts only when not empty
    assert use_colour("auto", Tty(), {"TERM": "dumb"}) is False
    assert use_colour("auto", object(), {"FORCE_COLOR": "1"}) is True
    assert use_colour("never", Tty(), {"FORCE_COLOR": "1"}) is False
    assert use_colour("always", object(), {"NO_COLOR": "1"}) is True


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Title\n\nThe pateint has fascillis and fasciolisia.\n", encoding="utf-8")
    return path


def test_statistics_counts_per_rule(article, cli):
    code, out, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--select", "TK1", "--statistics")
    assert code == 1 and err == ""
    rows = [line.split("\t") for line in out.splitlines()]
    assert [r[0].strip() for r in rows] and all(len(r) == 3 for r in rows)
    code, json_out, _ = cli("check", article, "--glossary", TEST_GLOSSARY, "--select", "TK1", "--format", "json")
    import json

    by_code = json.loads(json_out)["summary"]["by_code"]
    assert {r[1].strip(): int(r[0]) for r in rows} == by_code
    assert all(r[2].split(" ", 1)[1] for r in rows)  # each row names its rule
    code, out, err = cli("check", article, "--statistics", "--format", "json")
    assert code == 2 and out == "" and "--statistics goes with the text format, not json" in err


def test_quiet_drops_the_summary_and_exit_zero_keeps_0(article, cli):
    code, out, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--select", "TK1", "--quiet")
    assert code == 1 and "Found" not in out and "TK101" in out and err == ""
    code, out, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--select", "TK1", "--exit-zero")
    assert code == 0 and out.rstrip().splitlines()[-1].startswith("Found ")
    # errors still exit 2
    assert cli("check", article.parent / "missing.md", "--exit-zero")[0] == 2


def test_output_file_is_written_whole_and_stdout_stays_empty(article, tmp_path, cli):
    out_file = tmp_path / "out" / "report.json"
    code, out, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--format", "json", "-o", out_file)
    assert code == 2 and out == "" and "no folder" in err  # the folder is not made
    assert not out_file.exists()
    out_file.parent.mkdir()
    code, out, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--format", "json", "--output-file", out_file)
    assert code == 1 and out == "" and err == ""
    assert out_file.read_text(encoding="utf-8").startswith('{\n  "version": 1,')
    assert [p.name for p in out_file.parent.iterdir()] == ["report.json"]  # no temporary file left


def _pipe(text: str, *args: str, cwd: Path, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "termkit", "check", *args], input=text.encode("utf-8"),
                          capture_output=True, cwd=cwd, env=env, timeout=120)


def test_stdin_as_an_editor_pipes_a_buffer(tmp_path):
    """The buffer is checked as if it were the file: the project's config (found from that path,
    here with its own glossary), the language of its folder, and its suppression comments."""
    project = tmp_path / "site"
    (project / "content" / "fr").mkdir(parents=True)
    (project / "termkit.yaml").write_text(f"glossary: [{TEST_GLOSSARY}]\n", encoding="utf-8")
    buffer = "The pateint has fascillis.\n"
    proc = _pipe(buffer, "-", "--stdin-filename", "content/en/new.md", "--select", "TK101", cwd=project)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode()
    assert out.startswith("content/en/new.md:1:17: TK101 [error] 'fascillis' is a misspelling of 'fasciculation'")
    assert not (project / "content" / "en" / "new.md").exists()  # nothing is written
    # stdin gives exactly what checking the file at that path gives (config, language, rules)
    for folder in ("en", "fr"):
        shown = f"content/{folder}/saved.md"
        (project / shown).parent.mkdir(parents=True, exist_ok=True)
        (project / shown).write_text("---\ntitle: T\n---\n" + buffer, encoding="utf-8")
        piped = _pipe("---\ntitle: T\n---\n" + buffer, "-", "--stdin-filename", shown, "--format", "json", cwd=project)
        on_disk = subprocess.run([sys.executable, "-m", "termkit", "check", shown, "--format", "json"], cwd=project,
                                 capture_output=True, timeout=120)
        assert piped.stdout == on_disk.stdout and piped.returncode == on_disk.returncode
    # suppression comments in the buffer apply
    proc = _pipe("<!-- termkit-disable TK101 -->\n" + buffer, "-", "--stdin-filename", "content/en/new.md",
                 "--select", "TK101", cwd=project)
    assert proc.returncode == 0 and proc.stdout.decode().startswith("No findings in 1 file.")
    # without --stdin-filename the buffer is `<stdin>`, checked with the folder's defaults
    proc = _pipe(buffer, "-", "--select", "TK101", cwd=project)
    assert proc.stdout.decode().startswith("<stdin>:1:17: TK101")


def test_stdin_refusals(tmp_path, cli):
    assert cli("check", tmp_path, "--stdin-filename", "x.md")[0] == 2
    code, _, err = cli("check", "-", "--fix")
    assert code == 2 and "stdin" in err
    proc = _pipe("\x00binary", "-", "--stdin-filename", "x.md", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == b"No findings in 0 files.\n"
    assert proc.stderr == b"x.md: error: [E003] binary file, not checked\n"


def test_verbose_names_what_is_used_and_ends_with_the_closing_line(article, tmp_path, cli):
    (tmp_path / "termkit.yaml").write_text(f"glossary: [{TEST_GLOSSARY}]\n", encoding="utf-8")
    code, out, err = cli("check", article, "--select", "TK1", "--verbose")
    assert code == 1 and "TK101" in out
    first, *_, last = err.strip().splitlines()
    assert first == (f"Using config {tmp_path / 'termkit.yaml'}; glossary {TEST_GLOSSARY}; locales none.")
    assert re.fullmatch(r"Checked 1 file in \d+\.\d s: \d+ findings, \d+ fixable with --fix\.", last)


def test_a_local_glossary_folder_without_config_is_named(tmp_path, cli, monkeypatch):
    """termkit.yaml decides which glossary is used: a bare glossary/ folder is not picked up
    silently, and the user is told how to use it."""
    (tmp_path / "glossary").mkdir()
    (tmp_path / "a.md").write_text("Hello.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("check", "a.md", "--select", "TK1")
    assert code == 0 and out == "No findings in 1 file.\n"
    assert err == ("note: glossary/ is not used: no termkit.yaml names it, so the shipped glossary is. "
                   "To check against it, pass --glossary glossary/ or write `glossary: [glossary]` in termkit.yaml.\n")
    assert cli("check", "a.md", "--select", "TK1", "--quiet")[2] == ""
    assert cli("check", "a.md", "--select", "TK1", "--glossary", TEST_GLOSSARY)[2] == ""


def test_progress_bar_only_when_asked_outside_a_terminal(article, cli):
    code, out, err = cli("check", article, "--glossary", TEST_GLOSSARY, "--select", "TK1", "--progress")
    assert code == 1 and "checking: 1 files" in err and "checking" not in out
    assert "checking" not in cli("check", article, "--glossary", TEST_GLOSSARY, "--select", "TK1")[2]


def test_progress_bar_on_a_terminal_is_rewritten_in_place_and_erased(monkeypatch):
    import io

    from termkit.cli.terminal import Progress, closing_line

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    stream = Tty()
    bar = Progress(forced=False, stream=stream, delay=0.0)
    bar.update(3, 5)
    bar.close()
    assert stream.getvalue() == "\rchecking: 3 files, 5 findings\x1b[K\r\x1b[K"
    stream = Tty()
    bar = Progress(forced=False, stream=stream)  # the first second shows nothing
    bar.update(1, 0)
    bar.close()
    assert stream.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    stream = Tty()
    bar = Progress(forced=False, stream=stream, delay=0.0)
    bar.update(1, 0)
    assert stream.getvalue() == ""  # never in CI logs unless asked
    assert closing_line(1, 1, 0, 0.04) == "Checked 1 file in 0.0 s: 1 finding, 0 fixable with --fix."
