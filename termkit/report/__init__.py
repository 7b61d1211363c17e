"""Reporters: one module per output format, all fed the same findings. Reporters never compute."""

from __future__ import annotations

from typing import Callable

from . import github, junit, sarif
from . import json as json_report
from . import text as text_report

RENDERERS: dict[str, Callable] = {
    "text": text_report.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}

__all__ = ["RENDERERS"]
