"""Finding terms from whatever people type: hanzi, pinyin in every form, English.

The index (``index.py``) is built once per glossary from the curated data, or loaded with
the compiled cache; every stage scans its strings at C speed, and Term objects are only
looked at for the hits that are returned, so a query stays fast at 100,000 terms.

A query runs in stages, each only when the one before found nothing:

1. direct keys: exact forms, id, hanzi prefix/substring, pinyin (full, prefix, initials,
   half-typed last syllable, tone marks or numbers, digits for numerals, hanzi mixed in),
   parts, English, tags, definition text. Traditional characters are converted first
   (zhconv-rs, OpenCC dictionaries), but only when the query has characters the index
   does not know.
2. sound-alike: hanzi the index does not know are read by their usual reading (from
   pypinyin's single-character table, kept with the index) and matched as pinyin (a
   homophone typo such as 八有一抄).
3. fuzzy: rapidfuzz against pinyin, headwords and English words, with a threshold that
   rises as the query gets shorter, so one or two letters never match loosely.

Scores run 0-100 in tiers, so an exact match always outranks a partial one, which always
outranks a fuzzy one (docs/commands.md, "cngloss search QUERY...").
"""

from __future__ import annotations

from ..errors import UsageError
from ..model import Glossary, Term
from ..text.hanzi import is_hanzi
from .index import SearchIndex, index_for
from .match_hanzi import match_exact, match_hanzi
from .query import Query
from .results import Hit, Results

__all__ = ["Hit", "completions", "search", "suggest"]


def search(glossary: Glossary, query: str, limit: int | None = 10) -> list[Hit]:
    """Terms matching ``query``, best first; each hit says what it matched on.

    Raises UsageError for an empty or overlong query.
    """
    q = Query.parse(query)
    index = index_for(glossary)
    results = Results(index, limit)
    match_direct(index, q, results)
    if not results.best:
        # lazy: the fallback stages, only when the direct keys found nothing
        from .fallbacks import match_fuzzy, match_sound_alike

        if q.has_hanzi:
            match_sound_alike(index, q, results)
        if not results.best:
            match_fuzzy(index, q, results)
    return results.ranked(limit)


def suggest(glossary: Glossary, query: str, limit: int = 3) -> list[Term]:
    """The terms closest to a query that matched nothing, for "did you mean"."""
    try:
        q = Query.parse(query)
    except UsageError:
        return []
    from .fallbacks import match_fuzzy  # lazy: the fallback stages, for a miss only

    index = index_for(glossary)
    results = Results(index)
    match_fuzzy(index, q, results, loose=True)
    return [h.term for h in results.ranked(limit)]


def match_direct(index: SearchIndex, q: Query, results: Results) -> None:
    text = q.text
    form = "hanzi"
    if q.has_hanzi and any(is_hanzi(ch) and ch not in index.known_chars for ch in text):
        from ..text.folding import to_simplified  # lazy: for hanzi the glossary does not know

        converted = to_simplified(text)
        if converted != text:
            text, form = converted, "traditional"
    match_exact(index, text, form, results)
    if q.has_hanzi:
        match_hanzi(index, text, form, results)
    if q.has_latin or any(ch.isdigit() for ch in text):
        from .match_pinyin import match_typed_pinyin  # lazy: a hanzi query needs no pinyin

        match_typed_pinyin(index, text, results)
    if q.has_latin:
        from .match_english import match_english  # lazy: nor English

        match_english(index, text, results)


def completions(glossary: Glossary, incomplete: str, limit: int = 200) -> list[str]:
    """Headwords, then ids, that start with what was typed (for shell completion)."""
    index = index_for(glossary)
    out: list[str] = []
    for candidates in (index.headwords, index.ids.text.split("\n")):
        for candidate in candidates:
            if candidate and candidate.startswith(incomplete) and candidate not in out:
                out.append(candidate)
                if len(out) >= limit:
                    return out
    return out
