"""Where termkit may write: inside the project root and the paths the user named, nowhere else.

A repository is not always trusted: an article, a locale file or an output file can be a
symbolic link to a file elsewhere (``articles/a.md -> ~/.bashrc``), and a config can point the
locales folder outside the project. Writes go through links (a link stays a link), so each
target's real location is checked first; a write outside the scope is refused with one line
naming the file, unless the user asked for it (``--write-outside-root``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import Errors, TermkitError, TermkitErrors


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


@dataclass(frozen=True)
class WriteScope:
    """Folders termkit may write into.

    roots (tuple[Path, ...]): real paths of the project root and of the paths given (a given
        file allows its own folder, so a link next to its target still works).
    anywhere (bool): the user asked to write wherever the paths lead.
    """

    roots: tuple[Path, ...]
    anywhere: bool = False

    @classmethod
    def of(cls, root: Path, given: Iterable[Path] = (), anywhere: bool = False) -> WriteScope:
        roots = [_real(root)]
        for path in given:
            path = Path(path)
            folder = path if path.is_dir() else path.parent
            roots.append(_real(folder))
        return cls(tuple(dict.fromkeys(roots)), anywhere)

    def allows(self, path: Path) -> bool:
        if self.anywhere:
            return True
        real = _real(path)
        return any(real == root or root in real.parents for root in self.roots)

    def refusal(self, path: Path, shown: str | None = None) -> TermkitError | None:
        """The E012 error for ``path`` (followed through links) when it is outside the scope."""
        if self.allows(path):
            return None
        return TermkitError(Errors.E012.format(target=str(_real(path)), root=str(self.roots[0])), shown or str(path))

    def check(self, paths: Iterable[Path]) -> None:
        """Raise every refusal among ``paths`` at once (TermkitErrors), before anything is written."""
        errors = [e for e in (self.refusal(p) for p in paths) if e is not None]
        if errors:
            raise TermkitErrors(errors)
