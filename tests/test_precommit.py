"""The pre-commit hook: run as pre-commit would (its entry, on the files its types select)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from conftest import HERE, TEST_GLOSSARY

ROOT = HERE.parent
identify = pytest.importorskip("identify.identify", reason="identify (pre-commit's file typing) is not installed")


def test_hook_runs_on_a_sample_repository(tmp_path):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "termkit" and hook["language"] == "python"
    repo = tmp_path / "site"
    repo.mkdir()
    (repo / "termkit.yaml").write_text(f"glossary: [{TEST_GLOSSARY}]\n", encoding="utf-8")
    (repo / "good.md").write_text("---\ntype: news\n---\nFasciculation is common.\n", encoding="utf-8")
    (repo / "bad.md").write_text("---\ntype: news\n---\nSome write fascillis.\n", encoding="utf-8")
    (repo / "notes.txt").write_text("Fasciolisia.\n", encoding="utf-8")
    (repo / "script.py").write_text("print('fascillis')\n", encoding="utf-8")
    files = sorted(p.name for p in repo.iterdir()
                   if set(hook["types_or"]) & identify.tags_from_path(str(p)))
    assert files == ["bad.md", "good.md", "notes.txt"]  # never script.py or the YAML config
    entry = hook["entry"].split()
    assert entry[0] == "termkit"
    command = [sys.executable, "-m", "termkit", *entry[1:], *files]
    proc = subprocess.run(command, cwd=repo, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert "bad.md:4:12: TK101" in proc.stdout and "notes.txt:1:1: TK101" in proc.stdout
    assert "good.md" not in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "termkit", *entry[1:], "good.md"], cwd=repo, capture_output=True)
    assert proc.returncode == 0
