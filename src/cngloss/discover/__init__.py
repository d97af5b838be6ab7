"""Numbered slogans found and expanded from a document's text (issue 24; pure functions)."""

from .slogans import Expansion, Use, count_of, expand, find_uses

__all__ = ["Expansion", "Use", "count_of", "expand", "find_uses"]
