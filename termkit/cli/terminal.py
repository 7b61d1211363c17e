"""What `termkit check` says on the terminal besides the report: colour, the progress bar, the
closing line, statistics, and which config, glossary and locales are in use."""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import IO

from ..i18n import N_, _, format_number, ngettext

# Every sentence shown here, in one place: marked for the catalogs, translated where shown (_()).
STRINGS = {
    "using": N_("Using config {config}; glossary {glossary}; locales {locales}."),
    "no_config": N_("none (defaults)"),
    "no_locales": N_("none"),
    "shipped": N_("the shipped glossary"),
    "local_glossary": N_("note: {folder} is not used: no termkit.yaml names it, so the shipped glossary is. "
                         "To check against it, pass --glossary {folder} or write `glossary: [{name}]` in termkit.yaml."),
    "progress": N_("checking: {files} files, {findings} findings"),
    "closing": N_("Checked {files} in {seconds:.1f} s: {findings}, {fixable} fixable with --fix."),
    "stat_fixable": "[*]",  # a mark, not a word
}


def plural(key: str, n: int) -> str:
    """'1 file', '3 findings' in the report language."""
    if key == "file":
        return ngettext("{n} file", "{n} files", n).format(n=format_number(n))
    return ngettext("{n} finding", "{n} findings", n).format(n=format_number(n))


def use_colour(choice: str, stream: IO[str], env: dict | None = None) -> bool:
    """--color always/never win; then FORCE_COLOR (set and not "0"), then NO_COLOR (set and not
    empty), then whether ``stream`` is a terminal (https://no-color.org, https://force-color.org)."""
    env = os.environ if env is None else env
    if choice != "auto":
        return choice == "always"
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    if env.get("NO_COLOR", ""):
        return False
    return bool(getattr(stream, "isatty", lambda: False)()) and env.get("TERM") != "dumb"


def in_ci(env: dict | None = None) -> bool:
    env = os.environ if env is None else env
    return bool(env.get("CI") or env.get("GITHUB_ACTIONS") or env.get("BUILD_NUMBER"))


class Progress:
    """``checking: N files, M findings`` on stderr, rewritten in place: only after the run has taken
    a second, only on a terminal outside CI (or when forced), cleared at the end."""

    def __init__(self, forced: bool, stream: IO[str] | None = None, delay: float = 1.0):
        self.stream = stream or sys.stderr
        self.on = forced or (bool(getattr(self.stream, "isatty", lambda: False)()) and not in_ci())
        self.forced = forced
        self.start = time.monotonic()
        self.delay = 0.0 if forced else delay
        self.last = 0.0
        self.shown = False

    def update(self, files: int, findings: int) -> None:
        if not self.on:
            return
        now = time.monotonic()
        if now - self.start < self.delay or (self.shown and now - self.last < 0.1):
            return
        self.last = now
        self.shown = True
        line = _(STRINGS["progress"]).format(files=format_number(files), findings=format_number(findings))
        self.stream.write("\r" + line + "\033[K" if not self.forced else line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.shown and not self.forced:
            self.stream.write("\r\033[K")
            self.stream.flush()


def statistics(codes: Counter, names: dict[str, str], fixable: Counter) -> str:
    """Findings per rule, most first, as ``ruff --statistics`` lays them out."""
    rows = sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))
    if not rows:
        return ""
    width = max(len(str(n)) for _, n in rows)
    code_width = max(len(c) for c, _ in rows)
    return "".join(f"{n:>{width}}\t{c:<{code_width}}\t{STRINGS['stat_fixable'] if fixable[c] else '   '} {names.get(c, '')}\n"
                   for c, n in rows)


def closing_line(files: int, findings: int, fixable: int, seconds: float) -> str:
    return _(STRINGS["closing"]).format(files=plural("file", files), findings=plural("finding", findings),
                                        fixable=format_number(fixable), seconds=seconds)


def what_is_used(project, glossary_given=None) -> str:
    from ..glossary.load import glossary_paths, shipped_glossary_dir

    settings = project.settings
    folders = [str(p) for p in glossary_paths(glossary_given or settings.glossary)]
    shipped = str(shipped_glossary_dir())
    shown = [_(STRINGS["shipped"]) + f" ({f})" if f == shipped else f for f in folders] or [_(STRINGS["no_locales"])]
    return _(STRINGS["using"]).format(config=settings.config_path or _(STRINGS["no_config"]), glossary=", ".join(shown),
                                      locales=project.locales_dir or _(STRINGS["no_locales"]))


def unused_local_glossary(project, glossary_given: bool) -> str | None:
    """A note when the project folder has its own ``glossary/`` that nothing names (no config,
    no --glossary), so the shipped one is used instead."""
    from ..glossary.load import shipped_glossary_dir

    settings = project.settings
    if glossary_given or settings.config_path is not None:
        return None
    local = settings.root / "glossary"
    if not local.is_dir() or local.resolve() == Path(shipped_glossary_dir()).resolve():
        return None
    try:
        shown = local.relative_to(Path.cwd())
    except ValueError:
        shown = local
    return _(STRINGS["local_glossary"]).format(folder=f"{shown}/", name="glossary")
