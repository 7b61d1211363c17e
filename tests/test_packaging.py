"""The wheel carries the starter glossary and language data: termkit works when installed elsewhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import HERE

ROOT = HERE.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot build a wheel here (no build backend available): {proc.stderr.strip()[-200:]}")
    return next(out.glob("termkit-*.whl"))


def test_wheel_contains_glossary_and_language_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    # the glossary's data files, and the notice of where its registers and explanations come from
    shipped = sorted([p.name for p in (ROOT / "glossary").glob("*.yaml")] + ["SOURCES.md"])
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("termkit/data/glossary/")) == shipped
    assert "termkit/data/languages/en.yaml" in names


def test_installed_wheel_checks_with_the_shipped_glossary_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    article = tmp_path / "elsewhere" / "a.md"
    article.parent.mkdir()
    article.write_text("Some people write electromiography.\n", encoding="utf-8")
    code = ("import sys, termkit, termkit.glossary as g; from termkit.cli import main;"
            "assert str(g.shipped_glossary_dir()).startswith(sys.argv[1]), g.shipped_glossary_dir();"
            "sys.exit(main(['check', sys.argv[2]]))")
    proc = subprocess.run([sys.executable, "-c", code, str(target), str(article)], capture_output=True, text=True,
                          cwd=article.parent, env={"PYTHONPATH": str(target), "TERMKIT_NO_CACHE": "1"})
    assert proc.returncode == 1, proc.stderr
    assert "TK101 [error] 'electromiography' is a misspelling of 'electromyography'" in proc.stdout
