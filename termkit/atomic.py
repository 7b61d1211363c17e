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
    _replace(path, data, stat.S_IMODE(path.stat().st_mode))


def _replace(target: Path, data: bytes, mode: int) -> None:
    """Write ``data`` to a temporary file beside ``target``, synced, then rename it over ``target``;
    on any failure the temporary file is removed and ``target`` is as it was."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".termkit-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_output(path: Path, text: str) -> None:
    """An output file (a report): replaced atomically when it exists, else created whole (through a
    temporary file in its folder, so a half-written report is never seen under its name)."""
    if os.path.lexists(path):
        write_atomically(path, text)
        return
    target = Path(os.path.realpath(path))
    if not target.parent.is_dir():
        raise TermkitError(Errors.E007.format(reason=f"no folder {target.parent}"), str(path))
    umask = os.umask(0)
    os.umask(umask)
    _replace(target, text.encode("utf-8"), 0o666 & ~umask)
