"""The glossary as an appendix: ``appendix.py`` builds it from a corpus, and one module per
format renders it. Each takes an ``Appendix`` and escapes for its format.

Every module has ``render(appendix, width=80, standalone=False) -> str``; options a format
has no use for are ignored.
"""
