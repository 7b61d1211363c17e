"""Rules: each reads an analysed Doc and yields findings. ``registry`` holds the code table."""

from .registry import RULES, get_rule, resolve_selection

__all__ = ["RULES", "get_rule", "resolve_selection"]
