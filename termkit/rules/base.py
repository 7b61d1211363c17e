"""What every rule is: a code, a kebab name, a severity, documented sections and one check."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from ..findings import Finding, Fix, Severity

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..compile import CompiledTerms
    from ..glossary.model import Glossary
    from ..markdown import Prose
    from ..settings import Settings
    from ..source import SourceFile


@dataclass
class CheckContext:
    """Everything a rule may read about the document being checked."""

    source: "SourceFile"
    prose: "Prose"
    language: str
    glossary: "Glossary"
    compiled: "CompiledTerms"
    settings: "Settings"
    extra: dict[str, Any] = field(default_factory=dict)

    def finding(self, rule: "Rule", start: int, end: int, message: str, *, suggestion: str | None = None,
                fix: Fix | None = None, subtype: str | None = None, severity: Severity | None = None) -> Finding:
        index = self.source.index
        line, column = index.position(start)
        end_line, end_column = index.position(end)
        return Finding(
            path=self.source.path, line=line, column=column, end_line=end_line, end_column=end_column,
            code=rule.code, rule=rule.name, severity=severity or rule.severity, message=message,
            text=self.source.text[start:end], suggestion=suggestion, subtype=subtype, fix=fix,
            start=start, end=end, context=index.line_text(line),
        )


class Rule:
    """Base class. The docstring of a subclass is its user documentation, in fixed sections:
    What it does / Why / Example (``Bad:`` and ``Good:`` lines, run as tests; ``\\n`` is a line
    break and ``\\uXXXX`` a character) / Fix safety."""

    code: str = ""
    name: str = ""
    severity: Severity = Severity.ERROR
    summary: str = ""
    family: str = ""
    default_enabled: bool = True  # opt-in rules run only when selected by code, prefix or name
    # True: the rule reads the file as written (invisible characters included), not the text
    # the other rules see (zero-width characters and bidi controls removed, NFC)
    reads_original: bool = False

    def check(self, doc: "Doc", ctx: CheckContext) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def docs(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def examples(cls) -> tuple[list[str], list[str]]:
        """(bad, good) example texts from the docstring's ``Bad:``/``Good:`` lines."""
        bad, good = [], []
        for line in cls.docs().splitlines():
            m = re.match(r"\s*(Bad|Good):\s?(.*)$", line)
            if m:
                text = m.group(2).replace("\\n", "\n")
                text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda u: chr(int(u.group(1), 16)), text)
                (bad if m.group(1) == "Bad" else good).append(text)
        return bad, good
