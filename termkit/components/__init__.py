"""spaCy components of termkit; importing this package registers their factories."""

from . import terms  # noqa: F401

__all__ = ["terms"]
