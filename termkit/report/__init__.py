"""Reporters: one module per output format, all fed the same findings. Reporters never compute.

Each format is a ``Reporter`` (``start``, ``handle`` each finding, ``finish``: see ``base.py``) and
a ``render(result) -> str`` that runs it over a collected result."""

from __future__ import annotations

from typing import Callable

from . import github, html, junit, sarif
from .base import Reporter
from . import json as json_report
from . import text as text_report

RENDERERS: dict[str, Callable] = {
    "text": text_report.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
    "html": html.render,  # Jinja2 and pygal are imported only when a page is written
}

# The same formats written as the findings arrive (``termkit check`` streams through these).
REPORTERS: dict[str, type[Reporter]] = {
    "text": text_report.TextReporter,
    "json": json_report.JsonReporter,
    "sarif": sarif.SarifReporter,
    "github": github.GithubReporter,
    "junit": junit.JunitReporter,
    "html": html.HtmlReporter,
}

__all__ = ["RENDERERS", "REPORTERS", "Reporter"]
