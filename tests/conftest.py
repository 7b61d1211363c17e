"""Shared fixtures: the small test glossary, a project and checker built from it, a CLI runner."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
TEST_GLOSSARY = FIXTURES / "glossary"
SHARED = HERE.parent.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from current output")


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Compiled glossaries go to a per-session cache, never the user's."""
    os.environ["TERMKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("termkit-cache"))
    yield


@pytest.fixture(scope="session", autouse=True)
def _english_reports():
    """Reports in English whatever the developer's locale (tests/test_i18n.py sets its own)."""
    os.environ["LANGUAGE"] = "en"
    yield


@pytest.fixture(autouse=True)
def _report_language_reset():
    """A test that ran ``check --lang fr`` in this process leaves the next one in English."""
    yield
    from termkit import i18n

    i18n.activate("en")


@pytest.fixture(scope="session")
def project():
    from termkit import load_project

    return load_project(glossary=[TEST_GLOSSARY], start=FIXTURES)


@pytest.fixture(scope="session")
def checker(project):
    """Term rules only (TK1xx, TK3xx): the editorial rules have their own tests."""
    from termkit import Checker

    return Checker(project, select=["TK1", "TK3"])


@pytest.fixture(scope="session")
def editorial_checker(project):
    """Claims and disclaimers (TK4xx) with the test glossary."""
    from termkit import Checker

    return Checker(project, select=["TK4"])


@pytest.fixture(scope="session")
def shipped_checker():
    from termkit import Checker, load_project

    return Checker(load_project(start=FIXTURES))


@pytest.fixture
def cli(capsys):
    """Run ``termkit ARGS``; returns (exit code, stdout, stderr)."""
    from termkit.cli import main

    def run(*args: str):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def git_repo(tmp_path):
    """An empty git repository in tmp_path; returns a function running git there."""
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    return git


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A project folder (config, test glossary, French locale) as the current folder."""
    shutil.copytree(FIXTURES / "locales", tmp_path / "locales")
    shutil.copytree(TEST_GLOSSARY, tmp_path / "glossary")
    (tmp_path / "termkit.yaml").write_text("language: en\nglossary: [glossary]\nlocales: locales\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path
