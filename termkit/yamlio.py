"""Safe YAML loading that remembers where every mapping and key came from.

Glossary, locale, config and rulebook errors must point at ``file:line:column``; PyYAML's nodes
know their marks, so the loader keeps them on the dicts it builds.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import yaml

from .errors import Errors, TermkitError

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 100  # nesting levels; termkit's own files need fewer than ten
MAX_ALIAS_NODES = 10_000  # nodes that aliases may add when expanded (a few `<<: *defaults` need dozens)


class MarkedDict(dict):
    """A dict that knows its own position and each key's position (1-based line, column)."""

    __slots__ = ("line", "column", "key_marks", "value_marks")

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.line = 0
        self.column = 0
        self.key_marks: dict[Any, tuple[int, int]] = {}
        self.value_marks: dict[Any, tuple[int, int]] = {}

    def value_mark(self, key: Any) -> tuple[int, int]:
        """Position of the value under ``key`` (where a wrong value should be pointed at)."""
        return self.value_marks.get(key) or self.mark(key)

    def mark(self, key: Any | None = None) -> tuple[int, int]:
        """Position of ``key`` (or of the mapping itself when the key is absent)."""
        if key is not None and key in self.key_marks:
            return self.key_marks[key]
        return (self.line, self.column)


class MarkedList(list):
    __slots__ = ("line", "column", "item_marks")

    def __init__(self, *args: Any):
        super().__init__(*args)
        self.line = 0
        self.column = 0
        self.item_marks: list[tuple[int, int]] = []


class _MarkedLoader(_Base):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: _MarkedLoader, node: yaml.MappingNode) -> MarkedDict:
    loader.flatten_mapping(node)
    result = MarkedDict()
    result.line, result.column = node.start_mark.line + 1, node.start_mark.column + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "found an unhashable key", key_node.start_mark
            ) from None
        if key in result:  # PyYAML would keep the last silently; a duplicated entry hides data
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first at line {result.key_marks[key][0]})", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_marks[key] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        result.value_marks[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
    return result


def _construct_sequence(loader: _MarkedLoader, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line, result.column = node.start_mark.line + 1, node.start_mark.column + 1
    result.item_marks = [(c.start_mark.line + 1, c.start_mark.column + 1) for c in node.value]
    return result


_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def to_plain(value: Any) -> Any:
    """MarkedDict/MarkedList -> plain dict/list (for data that no longer needs positions)."""
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return value


def check_shape(text: str, path: str, line_offset: int = 0) -> None:
    """Refuse, before building anything, YAML that would take unbounded time or memory to use:
    nesting deeper than MAX_DEPTH (Python's recursion limit is about 1,000) and aliases that
    expand to more than MAX_ALIAS_NODES nodes ("billion laughs": nested anchors of a few hundred
    bytes that expand to billions of nodes once walked).

    It reads the event stream, which needs no recursion, and counts each anchor's expanded size.
    Syntax errors are left to the parser that follows. line_offset (int): lines before ``text``
    in its file (front matter starts on line 2). Raises TermkitError (E112, E113).
    """
    if len(text) <= MAX_DEPTH and "&" not in text:
        return  # too short to nest that deep, and no anchors
    loader = _Base(text)
    sizes: dict[str, int] = {}
    stack: list[list] = []  # [expanded node count, anchor] of each open collection
    added = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                stack.append([1, event.anchor])
                if len(stack) > MAX_DEPTH:
                    mark = event.start_mark
                    raise TermkitError(Errors.E113.format(limit=MAX_DEPTH), path, mark.line + 1 + line_offset,
                                       mark.column + 1)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                count, anchor = stack.pop()
                if anchor is not None:
                    sizes[anchor] = count
                if stack:
                    stack[-1][0] += count
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                if stack:
                    stack[-1][0] += 1
            elif isinstance(event, yaml.AliasEvent):
                size = sizes.get(event.anchor, 1)
                added += size
                if added > MAX_ALIAS_NODES:
                    mark = event.start_mark
                    raise TermkitError(Errors.E112.format(limit=MAX_ALIAS_NODES), path, mark.line + 1 + line_offset,
                                       mark.column + 1)
                if stack:
                    stack[-1][0] += size
    finally:
        loader.dispose()


def load_yaml_text(text: str, path: str) -> Any:
    """Parse YAML text into MarkedDict/MarkedList values; syntax errors become E101 with a position,
    nesting and alias bombs E113 and E112 (see ``check_shape``)."""
    try:
        check_shape(text, path)
        return yaml.load(text, Loader=_MarkedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        nested = "maximum nesting depth" in problem  # libyaml's own limit, met while scanning ahead
        raise TermkitError(
            Errors.E113.format(limit=MAX_DEPTH) if nested else Errors.E101.format(problem=problem),
            path,
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise TermkitError(Errors.E101.format(problem=str(exc).splitlines()[0]), path) from None
    except RecursionError:  # a last resort: check_shape should have refused it
        raise TermkitError(Errors.E113.format(limit=MAX_DEPTH), path) from None


def load_yaml_file(path: Path, display: str | None = None) -> Any:
    """Read and parse one YAML file; unreadable or non-UTF-8 files give one coded error line."""
    shown = display or str(path)
    return load_yaml_text(read_utf8(path, shown), shown)


def read_utf8(path: Path, shown: str) -> str:
    """A data file's text (UTF-8, a BOM dropped); unreadable or non-UTF-8 files give one coded
    error line naming the file (and the line of the first bad byte)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TermkitError(Errors.E005.format(reason=exc.strerror or exc), shown) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TermkitError(Errors.E004.format(byte=data[exc.start]), shown, line) from None
    return text


# Field readers shared by the glossary and locale loaders: each records a coded error with the
# value's position instead of raising, so one pass reports every problem of a file.

def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class ErrorCollector:
    """Gathers every error of one load, each with its file:line:col, before anything is raised."""

    def __init__(self) -> None:
        self.errors: list[TermkitError] = []

    def add(self, message: str, path: str, mark: tuple[int, int] | None) -> None:
        line, col = mark if mark else (None, None)
        self.errors.append(TermkitError(message, path, line, col))


def check_fields(obj: MarkedDict, allowed: tuple[str, ...], where: str, out: ErrorCollector, path: str) -> None:
    for key in obj:
        if key not in allowed:
            out.add(Errors.E103.format(field=f"{where}{key}", expected=", ".join(allowed)), path, obj.mark(key))


def string_field(obj: MarkedDict, key: str, where: str, out: ErrorCollector, path: str, required: bool = False) -> str | None:
    if key not in obj or obj[key] is None:
        if required:
            out.add(Errors.E104.format(field=f"{where}{key}"), path, obj.mark())
        return None
    value = obj[key]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        out.add(Errors.E102.format(field=f"{where}{key}", expected="a string", got=value), path, obj.value_mark(key))
        return None
    return nfc(str(value)).strip()


def enum_field(obj: MarkedDict, key: str, choices: tuple[str, ...], default: str | None, where: str,
          out: ErrorCollector, path: str) -> str | None:
    value = string_field(obj, key, where, out, path, required=default is None)
    if value is None:
        return default
    if value not in choices:
        out.add(Errors.E102.format(field=f"{where}{key}", expected=" | ".join(choices), got=value), path,
                obj.value_mark(key))
        return default
    return value


def string_list_field(obj: MarkedDict, key: str, where: str, out: ErrorCollector, path: str) -> tuple[str, ...]:
    value = obj.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        out.add(Errors.E102.format(field=f"{where}{key}", expected="a list of strings", got=value), path,
                obj.value_mark(key))
        return ()
    items = []
    for i, item in enumerate(value):
        if not isinstance(item, (str, int, float)) or isinstance(item, bool) or not str(item).strip():
            mark = value.item_marks[i] if isinstance(value, MarkedList) else obj.mark(key)
            out.add(Errors.E102.format(field=f"{where}{key}[{i}]", expected="a non-empty string", got=item), path, mark)
            continue
        items.append(nfc(str(item)).strip())
    return tuple(items)


def display_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` when it is inside it (for messages)."""
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
