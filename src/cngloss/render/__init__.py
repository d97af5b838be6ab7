"""One module per appendix format. Each takes an ``Appendix`` and escapes for its format.

Every module has ``render(appendix, width=80, standalone=False) -> str``; options a format
has no use for are ignored.
"""
