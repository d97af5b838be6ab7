"""Numbered slogans found and expanded from a document's text (issue 24; pure functions)."""

from .slogans import KINDS, Use, count_of, discover_text, expand, find_uses

__all__ = ["KINDS", "Use", "count_of", "discover_text", "expand", "find_uses"]
