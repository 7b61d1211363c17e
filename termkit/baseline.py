"""Baselines: adopt termkit on an archive by recording today's findings and ignoring them later.

Findings are matched by content (path, rule, subtype, flagged text and the text of its line),
never by line number, so edits above a finding do not bring it back; a recorded finding that is
fixed simply stops matching.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .errors import Errors, TermkitError
from .findings import Finding

VERSION = 1


def fingerprint(f: Finding) -> tuple[str, str, str, str, str]:
    return (Path(f.path).as_posix(), f.code, f.subtype or "", f.text, " ".join(f.context.split()))


def create_baseline(findings: list[Finding]) -> str:
    counts = Counter(fingerprint(f) for f in findings)
    entries = [{"path": p, "code": c, "subtype": s or None, "text": t, "line_text": lt, "count": n}
               for (p, c, s, t, lt), n in sorted(counts.items())]
    return json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TermkitError(Errors.E001, str(path)) from None
    except json.JSONDecodeError as exc:
        raise TermkitError(Errors.E008.format(problem=exc.msg), str(path), exc.lineno, exc.colno) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TermkitError(Errors.E008.format(problem=str(exc)), str(path)) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise TermkitError(Errors.E008.format(problem=f"expected {{'version': {VERSION}, 'findings': [...]}}"), str(path))
    counts: Counter = Counter()
    for i, entry in enumerate(data["findings"]):
        try:
            key = (entry["path"], entry["code"], entry.get("subtype") or "", entry["text"], entry["line_text"])
            counts[key] += int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise TermkitError(Errors.E008.format(problem=f"entry {i} lacks path, code, text or line_text"),
                               str(path)) from None
    return counts


class BaselineFilter:
    """The baseline applied one finding at a time, as findings stream: each record absorbs as
    many findings as its count."""

    def __init__(self, baseline: Counter):
        self.remaining = Counter(baseline)
        self.matched = 0

    def keep(self, f: Finding) -> bool:
        key = fingerprint(f)
        if self.remaining[key] > 0:
            self.remaining[key] -= 1
            self.matched += 1
            return False
        return True


def filter_baseline(findings: list[Finding], baseline: Counter) -> tuple[list[Finding], int]:
    """Drop findings recorded in the baseline (each record absorbs as many findings as its count)."""
    recorded = BaselineFilter(baseline)
    kept = [f for f in findings if recorded.keep(f)]
    return kept, recorded.matched
