"""Import spaCy without its command line. Importing this module imports spaCy.

``spacy/__init__.py`` imports ``spacy.cli.info`` to offer ``spacy.info()``, and with it the whole
``spacy.cli`` package: typer, weasel, requests, httpx, jinja2, rich and pygments, a quarter of
``import spacy`` (0.15 s of 0.55 s here) that no termkit command uses. While spaCy is imported
here, ``spacy.cli.info`` is a stand-in whose ``info`` imports the real one when called; the
stand-in is removed as soon as spaCy is in, so ``import spacy.cli`` later loads the real package.
``tests/test_startup.py`` checks both.
"""

from __future__ import annotations

import sys
import types


def _info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _import_spacy() -> None:
    if "spacy" in sys.modules:
        return
    stand_in = types.ModuleType("spacy.cli.info", "stand-in: see termkit.spacy_start")
    stand_in.info = _info
    sys.modules["spacy.cli.info"] = stand_in
    try:
        import spacy  # noqa: F401
    finally:
        if sys.modules.get("spacy.cli.info") is stand_in:
            del sys.modules["spacy.cli.info"]


_import_spacy()
