"""The library: many reports in one SQLite file, searched exactly (docs/library.md, "The report library").

Each body paragraph is stored once as its *search text* (quotation marks removed, so that a
term quoted part by part is one plain substring; the parser has already taken the footnote
markers out) with the list of what was removed, so the displayed text and a hit's offsets in
it are rebuilt exactly (``text.matching``: ``set_aside``, ``restore``, ``OffsetMap``). A character-bigram posting index (``postings``) finds
the paragraphs that may hold a text of two or more characters; ``str.count`` on those
paragraphs' search text decides, so counts equal a plain scan of the bodies (no full-text
tokenizer and its blind spots for two-character words).

``store`` opens and creates the database, ``ingest`` adds reports (parsed in a process pool,
one transaction per batch; ``inverted`` turns a batch into its postings with numpy),
``catalog`` lists the reports a query's filters allow, ``text_search`` finds a text's
paragraphs for grep, show and trend, ``queries`` is what each command asks for, in one call.
"""
