"""Round-trip YAML for locale files: translators' comments, key order and layout survive a rewrite.

Reading for checks uses PyYAML (fast, with marks); rewriting uses ruamel.yaml, so that ``sync``,
``confirm`` and ``import`` change only what they mean to change.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..atomic import write_atomically


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load(path: Path) -> Any:
    from ruamel.yaml.error import MarkedYAMLError

    from ..errors import Errors, TermkitError
    from ..yamlio import check_shape

    try:
        text = path.read_text(encoding="utf-8")
        check_shape(text, str(path))
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "malformed YAML").splitlines()[0]
        raise TermkitError(Errors.E101.format(problem=problem), str(path), mark.line + 1 if mark else None,
                           mark.column + 1 if mark else None) from None


def dump(data: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def save_if_changed(path: Path, data: Any) -> bool:
    """Write ``data`` atomically when it differs from the file; returns whether it wrote."""
    text = dump(data)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
    write_atomically(path, text)
    return True


def new_locale_file(locale: str, glossary: str) -> CommentedMap:
    data = CommentedMap()
    data["schema"] = "termkit.locale/1"
    data["locale"] = locale
    data["glossary"] = glossary
    data["entries"] = CommentedMap()
    data["obsolete"] = CommentedMap()
    return data


def term_map(text: str, status: str, extra: dict | None = None) -> CommentedMap:
    term = CommentedMap()
    term["text"] = text
    term["status"] = status
    for key, value in (extra or {}).items():
        term[key] = CommentedSeq(value) if isinstance(value, list) else value
    return term
