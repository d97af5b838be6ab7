"""Text from data files made safe to print: control characters shown, never obeyed.

A glossary or report may hold terminal escape sequences, bidirectional overrides or lone
surrogates; every output path passes data through ``safe`` before it reaches a terminal,
a file or a spreadsheet.
"""

from __future__ import annotations

import re

# Characters that must never reach a terminal raw: C0/C1 controls (ESC starts escape
# sequences), and the bidirectional overrides that can reorder what a reader sees.
_UNSAFE = {c for c in range(0x20)} | {0x7F} | set(range(0x80, 0xA0)) | \
    {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}
_SAFE_TABLE = {c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}" for c in _UNSAFE}
del _SAFE_TABLE[ord("\n")]
del _SAFE_TABLE[ord("\t")]
# Any character ``safe`` rewrites (the table's, and lone surrogates): one C-speed search lets
# the common text, which holds none, through without a lookup per character. Each of them is
# a control, format or surrogate character, which ``str.isprintable`` refuses: a text it
# accepts (every paragraph of the shared collection that uses 乡村振兴) needs no search.
_REWRITTEN = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_SAFE_TABLE))
                        + "\ud800-\udfff]")


def safe(text: str) -> str:
    """Text with control characters made visible (``\\x1b``): never raw to a terminal.

    Lone surrogates (from bytes that were not UTF-8) are shown as ``\\udcxx`` too, so the
    text can always be encoded.
    """
    if text.isprintable() or _REWRITTEN.search(text) is None:
        return text
    text = text.translate(_SAFE_TABLE)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = "".join(f"\\u{ord(ch):04x}" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def shell_word(text: str) -> str:
    """``text`` as one shell word: as it is when it is safe to type (双区, liuwen), quoted
    otherwise (``shlex.quote`` would quote every non-ASCII character too)."""
    import shlex  # lazy: only a pointer to `cngloss grep` quotes for the shell
    return text if re.fullmatch(r"[\w@%+=:,./-]+", text) else shlex.quote(text)
