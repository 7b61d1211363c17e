"""Replace a file whole or not at all: every write of termkit (fixes, locale files, exchange
files, baselines) goes through a temporary file in the same folder and ``os.replace``, so an
interrupted write leaves the original intact."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import Errors, TermkitError


def write_atomically(path: Path, text: str, bom: bool = False) -> None:
    """Replace ``path`` with ``text`` (UTF-8, BOM kept), keeping its permissions; refuse read-only files.
    A symbolic link is written through: its target changes, the link stays a link."""
    path = Path(os.path.realpath(path))
    if not os.access(path, os.W_OK):
        raise TermkitError(Errors.E006, str(path))
    data = ("\ufeff" if bom else "").encode("utf-8") + text.encode("utf-8")
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".termkit-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
