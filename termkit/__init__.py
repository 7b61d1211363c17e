"""termkit: check health articles against a canonical, multilingual glossary.

Public API: ``load_project()``, ``Checker``, ``check_text()``, ``check_paths()``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .engine import CheckResult, Checker, Project, check_paths, load_project  # noqa: E402
from .findings import Applicability, Finding, Severity  # noqa: E402


def check_text(text: str, *, language: str | None = None, kind: str = "markdown", project: Project | None = None,
               select: tuple[str, ...] = ()) -> list[Finding]:
    """Check one text with the project found from the current folder (or the shipped glossary).

    >>> [(f.code, f.text, f.suggestion) for f in check_text("Some say fascillis.", select=("TK1",))]
    [('TK101', 'fascillis', 'fasciculation')]
    >>> [f.code for f in check_text("Fascillis: magnesium cures it.")]
    ['TK101', 'TK401', 'TK402']
    """
    project = project or load_project(language=language)
    return Checker(project, select=select).check_text(text, kind=kind)


__all__ = ["Applicability", "CheckResult", "Checker", "Finding", "Project", "Severity", "__version__",
           "check_paths", "check_text", "load_project"]
