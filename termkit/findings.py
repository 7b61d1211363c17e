"""Findings: the one currency between rules, reporters and fixes. Plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Applicability(str, Enum):
    """How far a fix can be trusted (ruff's model)."""

    SAFE = "safe"  # keeps the meaning; applied by --fix
    UNSAFE = "unsafe"  # plausible but uncertain; needs --unsafe-fixes
    DISPLAY_ONLY = "display-only"  # shown, never applied


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (code-point offsets in the file) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability


@dataclass(frozen=True)
class Finding:
    """One problem in one file. Lines and columns are 1-based, in code points; the end is exclusive
    (``end_column`` is the column just after the last character)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    message: str
    text: str
    suggestion: str | None = None
    subtype: str | None = None
    fix: Fix | None = None
    start: int = 0
    end: int = 0
    context: str = field(default="", compare=False)  # the source line where the finding starts

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column)


@dataclass
class CheckResult:
    """What a run produced: findings, the errors of files that could not be checked, and a count."""

    findings: list[Finding] = field(default_factory=list)
    errors: list = field(default_factory=list)  # TermkitError, one per file that could not be read or checked
    files_checked: int = 0
    articles: list = field(default_factory=list)  # plain-language figures per article (ArticleFindings.article)


class ArticleFindings(list):
    """One article's findings, with its plain-language figures when the plain-language rules ran:
    ``{"path", "formula", "readability", "prose_words", "unexplained_terms", "concepts_explained"}``
    (each figure only when it was measured), else None. A list, so every caller of the checker
    reads it as before; it pickles with its figures, so worker processes send them back too."""

    article: dict | None = None

    def __init__(self, findings=(), article: dict | None = None):
        super().__init__(findings)
        self.article = article
