"""termkit: check health articles against a canonical, multilingual glossary.

Public API: ``load_project()``, ``Checker``, ``check_text()``, ``check_paths()``.

The names are imported on first use (PEP 562), so ``termkit --version`` and ``termkit rules``
never load spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .engine import CheckResult, Checker, Project, check_paths, load_project
    from .findings import Applicability, Finding, Severity

_LAZY = {"CheckResult": "findings", "Checker": "engine", "Project": "project", "check_paths": "engine",
         "load_project": "project", "Applicability": "findings", "Finding": "findings", "Severity": "findings"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_text(text: str, *, language: str | None = None, kind: str = "markdown", project: Project | None = None,
               select: tuple[str, ...] = ()) -> list[Finding]:
    """Check one text with the project found from the current folder (or the shipped glossary).

    >>> [(f.code, f.text, f.suggestion) for f in check_text("Some say fascillis.", select=("TK1",))]
    [('TK101', 'fascillis', 'fasciculation')]
    >>> [f.code for f in check_text("Fascillis: magnesium cures it.")]
    ['TK101', 'TK401', 'TK402']
    """
    from .engine import Checker
    from .project import load_project

    project = project or load_project(language=language)
    return Checker(project, select=select).check_text(text, kind=kind)


__all__ = ["Applicability", "CheckResult", "Checker", "Finding", "Project", "Severity", "__version__",
           "check_paths", "check_text", "load_project"]
