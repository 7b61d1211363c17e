"""Project configuration: ``termkit.yaml`` (or ``[tool.termkit]`` in pyproject.toml), found by
walking up from the checked files, read into one frozen Settings."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import Errors, TermkitError
from .i18n import LANGUAGES as REPORT_LANGUAGES, supported
from .yamlio import MarkedDict, load_yaml_file, to_plain

CONFIG_NAMES = ("termkit.yaml", ".termkit.yaml")
FIELDS = ("language", "glossary", "locales", "rulebooks", "allow", "select", "ignore", "fail_on", "disclaimers",
          "profiles", "metadata", "max_file_size", "translation", "report_language")
SEVERITIES = ("error", "warning", "info")
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024  # bytes; time and memory grow linearly, about 5 s and 70 MB per MB
SIZE = re.compile(r"(\d+(?:\.\d+)?)[ \t]*([KMG]?)B?", re.IGNORECASE)
UNITS = {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}


@dataclass(frozen=True)
class Settings:
    """Every option of a check, passed down explicitly.

    root (Path): folder that relative paths in the config are resolved against.
    config_path (Path | None): the config file read, if any.
    language (str): default language of articles and of glossary files that do not declare one.
    glossary (tuple[Path, ...]): glossary folders or files; empty means the shipped starter glossary.
    locales (Path | None): the locales folder.
    allow (tuple[str, ...]): extra real words, never reported as misspellings.
    rulebooks (Path | None): a folder of project rulebooks (``<lang>/claims.yaml``...) extending the shipped ones.
    select / ignore (tuple[str, ...]): rule codes, prefixes or names.
    fail_on (str): lowest severity that makes ``check`` exit 1.
    max_file_size (int): bytes; a larger article is reported (E011) and not checked. 0: no limit.
    report_language (str | None): the language of the report's messages (en, fr, es, de); None: the
        user's locale (``i18n.choose_language``).
    """

    root: Path = field(default_factory=Path.cwd)
    config_path: Path | None = None
    language: str = "en"
    glossary: tuple[Path, ...] = ()
    locales: Path | None = None
    rulebooks: Path | None = None
    allow: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    report_language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def with_overrides(self, **changes: Any) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})




def parse_size(value: Any) -> int | None:
    """Bytes for ``5MB``, ``512 KB``, ``1.5M``, ``1048576`` (1 KB = 1,024 bytes); None if unreadable.

    >>> parse_size("5 MB"), parse_size("512KB"), parse_size(1000), parse_size("big")
    (5242880, 524288, 1000, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    m = SIZE.fullmatch(str(value).strip())
    if m is None:
        return None
    return int(float(m.group(1)) * UNITS[m.group(2).upper()])


def format_size(size: int) -> str:
    """>>> format_size(5242880), format_size(1536), format_size(12)
    ('5.0 MB', '1.5 KB', '12 bytes')
    """
    for unit, factor in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"


def find_config(start: Path) -> Path | None:
    """The nearest termkit.yaml, .termkit.yaml or pyproject.toml with [tool.termkit], walking up."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "termkit" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
    return None


def _raw_config(path: Path) -> tuple[dict, MarkedDict | None]:
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise TermkitError(Errors.E201.format(problem=str(exc)), str(path)) from None
        return data.get("tool", {}).get("termkit", {}), None
    data = load_yaml_file(path)
    if data is None:
        return {}, None
    if not isinstance(data, MarkedDict):
        raise TermkitError(Errors.E201.format(problem="expected a mapping of options"), str(path), 1, 1)
    return data, data


def load_settings(config: Path | None = None, start: Path | None = None) -> Settings:
    """Read the given config file, or the one found from ``start``; defaults when there is none."""
    path = config or find_config(start or Path.cwd())
    if path is None:
        return Settings(root=(start or Path.cwd()).resolve() if (start and start.is_dir()) else Path.cwd())
    if not path.is_file():
        raise TermkitError(Errors.E001, str(path))
    raw, marked = _raw_config(path)
    shown = str(path)

    def fail(key: str, problem: str):
        line, col = marked.mark(key) if marked is not None else (None, None)
        raise TermkitError(Errors.E201.format(problem=problem), shown, line, col)

    for key in raw:
        if key not in FIELDS:
            fail(key, f"unknown option {key!r} (expected one of: {', '.join(FIELDS)})")

    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fail(key, f"{key}: expected a list of strings")
        return tuple(value)

    root = path.parent.resolve()
    language = raw.get("language", "en")
    if not isinstance(language, str):
        fail("language", "language: expected a language code such as 'en'")
    fail_on = raw.get("fail_on", "error")
    if fail_on not in SEVERITIES:
        fail("fail_on", f"fail_on: expected one of {', '.join(SEVERITIES)}, got {fail_on!r}")
    locales = raw.get("locales")
    rulebooks = raw.get("rulebooks")
    max_file_size = parse_size(raw.get("max_file_size", DEFAULT_MAX_FILE_SIZE))
    if max_file_size is None:
        fail("max_file_size", f"max_file_size: expected a size such as 5MB or 500KB (0: no limit), "
                              f"got {raw.get('max_file_size')!r}")
    for key in ("disclaimers", "profiles", "metadata", "translation"):
        if key in raw and not isinstance(raw[key], dict):
            fail(key, f"{key}: expected a mapping")
    for name, spec in (raw.get("profiles") or {}).items():
        needed = spec.get("disclaimers") if isinstance(spec, dict) else None
        if not isinstance(needed, list) or not all(isinstance(n, str) for n in needed):
            fail("profiles", f"profiles.{name}: expected {{disclaimers: [name, ...]}}, got {spec!r}")
    report_language = raw.get("report_language")
    if report_language is not None and not (isinstance(report_language, str) and supported(report_language)):
        fail("report_language", f"report_language: expected one of {', '.join(REPORT_LANGUAGES)}, "
                                f"got {report_language!r}")
    return Settings(
        report_language=supported(report_language) if report_language else None,
        root=root,
        config_path=path,
        language=language,
        glossary=tuple(root / g for g in strings("glossary")),
        locales=root / locales if isinstance(locales, str) else None,
        rulebooks=root / rulebooks if isinstance(rulebooks, str) else None,
        allow=tuple(w.lower() for w in strings("allow")),
        select=strings("select"),
        ignore=strings("ignore"),
        fail_on=fail_on,
        max_file_size=max_file_size,
        extra={k: to_plain(raw[k]) for k in ("disclaimers", "profiles", "metadata", "translation") if k in raw},
    )
