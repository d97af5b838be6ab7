"""Quotation marks: the report quotes terms (“六稳”“六保”), the glossary does not (六稳六保)."""

QUOTES = "“”‘’\"'「」『』"
OPENING = "“‘「『\"'"
CLOSING = "”’」』\"'"


def strip_quotes(text: str) -> str:
    """Text without quotation marks: ``“六稳”“六保”`` -> ``六稳六保``."""
    return "".join(ch for ch in text if ch not in QUOTES)
