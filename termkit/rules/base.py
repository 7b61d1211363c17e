"""What every rule is: a code, a kebab name, a severity, documented sections and one check."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..findings import Finding, Fix, Severity
from ..rulebooks import load_profiles

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.tokens import Doc

    from ..term_tables import CompiledTerms
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
    # The source-language article this one translates, with the concepts it names; asked for
    # only by the rules that compare the two, so no other check pays for finding it.
    paired_source: Callable[[], "tuple[Path, dict[str, tuple[int, str]]] | None"] = lambda: None
    # (text, language) -> the glossary terms in a text of another language: (start, end, concept
    # id, status, term); the translation rules read a bilingual file's source texts with it
    terms_in: Callable[[str, str], list] = lambda text, language: []

    def profile(self) -> tuple[str | None, str]:
        """The article's profile (front matter ``type:``, else detected, else the health default) and
        how it was chosen: ``"declared"``, ``"detected"`` or ``"default"``."""
        if "profile" not in self.extra:
            profiles = load_profiles(self.settings.extra.get("profiles"))
            titles = [title for _, _, _, title in self.prose.sections]
            self.extra["profile"] = profiles.of(self.prose.front_matter, self.prose.text, titles)
        return self.extra["profile"]

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
    default_enabled: bool = True  # opt-in rules run only when selected by code, prefix or name
    needs: tuple[str, ...] = ()  # spaCy components (beyond termkit_terms) whose Doc data the rule reads
    data: tuple[str, ...] = ()  # where its data lives, under termkit/data/ (and the project's own)
    after_suppressions: bool = False  # runs on the findings left after suppressions (TK901)
    paired: bool = False  # compares a translation with its source article (ctx.paired_source)
    # True: the rule reads the file as written (invisible characters included), not the text
    # the other rules see (zero-width characters and bidi controls removed, NFC)
    reads_original: bool = False

    def check(self, doc: "Doc", ctx: CheckContext) -> Iterator[Finding]:
        raise NotImplementedError

    @property
    def family(self) -> str:
        """The module in rules/ that holds the rule: terms, consistency, claims, ..."""
        return type(self).__module__.rsplit(".", 1)[-1]

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
