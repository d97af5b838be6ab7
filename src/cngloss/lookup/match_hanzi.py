"""The hanzi stage of search: exact forms and ids, then headwords, variants, parts and
definitions by prefix or substring."""

from __future__ import annotations

from ..model import Term
from ..text.hanzi import hanzi_key, is_hanzi
from .index import Lines, SearchIndex, decode
from .results import Results


def match_exact(index: SearchIndex, text: str, form: str, results: Results) -> None:
    for line in index.forms.exact(hanzi_key(text)):
        i, kind = decode(index.forms.owners[line])
        results.add(i, 96 if kind == "variant" else 100, kind, form, "exact")
    for line in index.ids.exact(text.lower()):
        results.add(index.ids.owners[line], 100, "id", "id", "exact")
    for i in index.tags.get(text.lower(), ()):
        results.add(i, 62, "tag", "english", "exact")


def match_hanzi(index: SearchIndex, text: str, form: str, results: Results) -> None:
    key = hanzi_key(text)
    if not key or not all(is_hanzi(ch) or not ch.isalpha() for ch in key):
        return  # mixed hanzi and pinyin: the pinyin stage handles it
    forms = index.forms
    for pos, line in forms.find(key):
        i, kind = decode(forms.owners[line])
        if kind == "printed":
            continue
        prefix = pos == forms.starts[line]
        score = (84 if prefix else 78) - (0 if kind == "headword" else 2)
        if score > results.score(i):
            results.add(i, score, kind, form, "prefix" if prefix else "partial",
                        lambda t, key=forms.key(line): _form_of(t, key))
    for line in index.items.exact(key):
        results.add(index.items.owners[line], 72, "part", form, "exact", key)
    if len(key) >= 2:
        for pos, line in index.items.find(key):
            i = index.items.owners[line]
            if results.score(i) < 66:
                results.add(i, 66, "part", form, "partial", index.items.key(line))
        for pos, line in index.definitions.find(key):
            i = index.definitions.owners[line]
            if results.score(i) < 55:
                results.add(i, 55, "definition", form, "partial",
                            _snippet(index.definitions, pos, len(key), line))


def _form_of(term: Term, key: str) -> str:
    """The headword or variant (as written) whose match key is ``key``."""
    for form in (term.term, *term.variants, term.printed or ""):
        if hanzi_key(form) == key:
            return form
    return key


def _snippet(lines: Lines, pos: int, length: int, line: int, context: int = 12) -> str:
    start = lines.starts[line]
    end = lines.text.index("\n", pos)
    a, b = max(start, pos - context), min(end, pos + length + context)
    return ("…" if a > start else "") + lines.text[a:b] + ("…" if b < end else "")
