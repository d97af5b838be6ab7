"""The sourced English of the glossaries' entries, sense by sense (docs/glossary.md, "Sourced
English renderings" and "Senses").

A rendering of ``data/english.yaml`` belongs to a headword in one sense, not to a string:
五位一体 is nationally the Five-sphere Integrated Plan and, in the curated Lianzhou glossary,
a local upkeep mechanism. So each definition of an entry (the curated one, each report's
note) is given the sense of the file whose ``meaning`` it covers: the share of the meaning's
distinct hanzi the definition uses (``text.overlap.coverage``) is at least
``SENSE_THRESHOLD`` (measured on the library's notes: ``bench/choose_senses.py``). A sense
without a meaning takes every definition (the file says there is no other sense to tell it
from). A definition of no sense of the file is of ``OTHER``, and gets no rendering: an
entry's renderings are those of the senses its definitions have, never more.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from ..model import (EnglishEntry, Entry, EntrySense, NoteSource, Passages, Rendering,
                     ReportInfo, Row, SourcedRendering, Term)
from ..sources.english import EnglishData, english_data
from ..text.hanzi import hanzi_key
from ..text.overlap import coverage

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..lookup.match_sourced import SourcedHit

SENSE_THRESHOLD = 0.35
OTHER = "other"  # the sense of a definition that no sense of the file has


def form_key(text: str) -> str:
    """A headword as the file's forms are matched: no punctuation, quotes or spaces,
    full-width letters and digits as ASCII, Latin lower-cased (``“五位一体”总体布局`` is
    ``五位一体总体布局``). The file writes simplified characters, as every glossary does."""
    return hanzi_key(unicodedata.normalize("NFKC", text)).lower()


class EnglishIndex:
    """The file's entries by the key of each of their forms (headword and ``forms``)."""

    def __init__(self, data: EnglishData):
        self.data = data
        self.by_key: dict[str, list[EnglishEntry]] = {}
        for entry in data:
            for form in (entry.term, *entry.forms):
                found = self.by_key.setdefault(form_key(form), [])
                if entry not in found:
                    found.append(entry)

    def __len__(self) -> int:
        return len(self.data)

    def entries_for(self, forms: Iterable[str]) -> list[EnglishEntry]:
        """The senses of the file that one of these forms names, in file order."""
        found: list[EnglishEntry] = []
        for form in forms:
            for entry in self.by_key.get(form_key(form), ()):
                if entry not in found:
                    found.append(entry)
        return sorted(found, key=lambda e: e.line or 0)


_INDEXES: dict[int, tuple[EnglishData, EnglishIndex]] = {}


def english_index(environ: Mapping[str, str] | None = None) -> EnglishIndex:
    """The index of the renderings in use (``sources.english.english_data``), made once."""
    data = english_data(environ)
    kept = _INDEXES.get(id(data))
    if kept is None or kept[0] is not data:
        _INDEXES.clear()
        kept = _INDEXES[id(data)] = (data, EnglishIndex(data))
    return kept[1]


# --------------------------------------------------------------------------- senses


def sense_of(definition: str, entries: Sequence[EnglishEntry]) -> EnglishEntry | None:
    """The sense of the file a definition has: the one whose meaning it covers most, at
    least ``SENSE_THRESHOLD``; a sense with no meaning where no other fits; None: another
    sense than any of the file's."""
    best: EnglishEntry | None = None
    score = -1.0
    for entry in entries:
        share = coverage(definition, entry.meaning) if entry.meaning else SENSE_THRESHOLD
        if share >= SENSE_THRESHOLD and share > score:
            best, score = entry, share
    return best


def sense_of_any(entry: EnglishEntry, definitions: Iterable[str]) -> bool:
    """Whether one of the definitions has this sense of the file (compared with this sense
    alone: the headword's other senses are not weighed against it)."""
    return any(sense_of(d, (entry,)) is entry for d in definitions)


def renderings_for(entries: Sequence[EnglishEntry], definitions: Iterable[str]
                   ) -> tuple[SourcedRendering, ...]:
    """The renderings of every sense of the file that one of the definitions has, the
    file's order kept."""
    if not entries:
        return ()
    senses = {id(s) for s in (sense_of(d, entries) for d in definitions) if s is not None}
    return tuple(r for entry in entries if id(entry) in senses for r in entry.renderings)


def term_renderings(index: EnglishIndex | None, term: Term,
                    definitions: Iterable[str] = ()) -> tuple[SourcedRendering, ...]:
    """The sourced renderings of a term of the glossaries: the senses its forms name in
    the file that its own definition, or one of ``definitions`` (its notes'), has."""
    if index is None:
        return ()
    entries = index.entries_for(term.forms)
    return renderings_for(entries, (term.definition, *definitions)) if entries else ()


def with_senses(entry: Entry, index: EnglishIndex | None) -> Entry:
    """``show``'s entry with its senses: each definition marked with the sense it has, and
    one ``EntrySense`` per sense of the file the entry's forms name (the entry's own
    definition's first), then the other sense its definitions have, if any."""
    if index is None:
        return entry
    entries = index.entries_for(entry.forms or entry.term.forms)
    if not entries:
        return entry
    own = sense_of(entry.term.definition, entries)
    found = [sense_of(d.text, entries) for d in entry.definitions]
    marked = [d._replace(sense=OTHER if sense is None else sense.sense)
              for d, sense in zip(entry.definitions, found)]

    def sources(sense: EnglishEntry | None) -> tuple[NoteSource, ...]:
        return tuple(s for d, given in zip(marked, found) if given is sense for s in d.sources)

    senses = [EntrySense(sense.sense, sense.meaning, sense.renderings, sense.searched,
                         sense is own, sources(sense))
              for sense in sorted(entries, key=lambda e: e is not own)]
    others = sources(None)
    if own is None or others:
        senses.insert(0 if own is None else len(senses),
                      EntrySense(OTHER, None, (), (), own is None, others))
    return entry._replace(definitions=marked, senses=tuple(senses))


def discovered_english(item: dict, index: EnglishIndex | None) -> dict:
    """A discovered slogan (``discover``'s term object) with the sourced renderings of its
    sense: ``renderings`` (each as ``show`` writes one) and ``english_sense`` (the sense,
    its meaning, and ``checked``: whether the items the text lists beside a use were
    compared with that meaning). Items listed beside a use decide the sense, so 武汉's
    汽车、钢铁、化工产业转型三大攻坚战 never gets the national rendering; with no items listed
    only a headword with one sense in the file gets it, marked unchecked; null: none."""
    entries = index.entries_for((item["term"],)) if index is not None and len(index) else []
    expansion = item.get("expansion")
    if not entries:
        sense = None
    elif expansion:
        sense = sense_of("、".join(expansion["items"]), entries)
    else:
        sense = entries[0] if len(entries) == 1 else None
    out = dict(item)
    out["renderings"] = [] if sense is None else [
        {key: getattr(r, key) for key in RENDERING_FIELDS} for r in sense.renderings]
    out["english_sense"] = None if sense is None or not sense.renderings else {
        "sense": sense.sense, "meaning": sense.meaning, "checked": bool(expansion)}
    return out


RENDERING_FIELDS = ("english", "kind", "outlet", "title", "url", "date", "excerpt", "sense")


def applying(entry: Entry) -> tuple[SourcedRendering, ...]:
    """The renderings of the senses an entry has (its own definition's, or a note's)."""
    return tuple(r for s in entry.senses if s.own or s.sources for r in s.renderings)


# --------------------------------------------------------------------------- passages


def passage_senses(entry: Entry, passages: Passages, index: EnglishIndex | None
                   ) -> tuple[Entry, Passages]:
    """The passages marked with the sense their own text gives the headword, where it lists
    the items beside a use (打好防范化解重大风险、精准脱贫、污染防治三大攻坚战: national;
    打好汽车、钢铁、化工产业转型三大攻坚战: another), found as ``discover`` finds expansions;
    and each sense of the entry with the reports whose passages use it so."""
    if index is None or not entry.senses:
        return entry, passages
    # lazy: the expansion finder, for a headword with senses only
    from ..discover.slogans import LEAD_VERBS, count_of, expand_after, expand_before

    entries = index.entries_for(entry.forms or entry.term.forms)
    count = count_of(entry.term.term)
    if not entries or count is None or not 2 <= count <= 12:
        return entry, passages
    uses: dict[str, list[ReportInfo]] = {}
    groups = []
    for group in passages.groups:
        marked = []
        for p in group.passages:
            for a, b in p.spans:
                items = expand_before(p.text, a, count) or \
                    expand_after(p.text, a, p.text[a:b], count)
                if items:
                    items = [_unled(items[0], LEAD_VERBS)] + items[1:]
                    sense = sense_of("、".join(items), entries)
                    name = OTHER if sense is None else sense.sense
                    p = p._replace(sense=name, expansion=tuple(items))
                    found = uses.setdefault(name, [])
                    if group.report not in found:
                        found.append(group.report)
                    break
            marked.append(p)
        groups.append(group._replace(passages=marked))
    if not uses:
        return entry, passages
    senses = list(entry.senses)
    if OTHER in uses and not any(s.sense == OTHER for s in senses):
        senses.append(EntrySense(OTHER, None, (), (), False, ()))
    senses = [s._replace(uses=tuple(uses.get(s.sense, ()))) for s in senses]
    return entry._replace(senses=tuple(senses)), passages._replace(groups=groups)


def _unled(item: str, verbs) -> str:
    """The first item without the verbs that lead into the list (持续打好汽车 -> 汽车)."""
    cut = True
    while cut:
        cut = False
        for verb in verbs:
            if item.startswith(verb) and len(item) - len(verb) >= 2:
                item, cut = item[len(verb):], True
                break
    return item


# --------------------------------------------------------------------------- in no glossary

FILE_ID_PREFIX = "sourced-"


def file_term(entry: EnglishEntry) -> Term:
    """A headword that only the file of renderings names (no glossary in use defines it),
    as a term to list: no pinyin (pinyin people read is curated, never guessed at lookup),
    no definition; its id ``sourced-`` and 10 hex of the SHA-1 of headword and sense,
    stable while the file keeps the entry."""
    import hashlib  # lazy: an English search that finds such an entry only

    digest = hashlib.sha1(f"{entry.term}|{entry.sense}".encode("utf-8")).hexdigest()[:10]
    return Term(id=FILE_ID_PREFIX + digest, term=entry.term, pinyin="", definition="",
                variants=tuple(f for f in entry.forms if f != entry.term))


def file_row(hit: "SourcedHit", path: object) -> Row:
    """The search row of an entry of the file that no glossary in use has: not curated,
    no reports, ``origin`` the file, its renderings as its English."""
    term = file_term(hit.entry)
    return Row(term, hit.hit(term), False, True, str(path), (), hit.entry.renderings,
               only_sourced=True)


# --------------------------------------------------------------------------- as a glossary's


def source_label(rendering: SourcedRendering) -> str:
    """A sourced rendering's source as a glossary writes it: ``China Daily, 2015-11-05``
    (``undated`` where the page gives no date), with ``secondary source`` for one that is
    not official and the sense if it is not the national one."""
    label = f"{rendering.outlet}, {rendering.date or 'undated'}"
    if rendering.kind != "official":
        label += f" ({rendering.kind} source)"
    if rendering.sense != "national":
        label += f"; the {rendering.sense} sense"
    return label


def english_values(index: EnglishIndex, headword: str, printed: str | None,
                   definition: str) -> list[dict[str, str]]:
    """``import --english-from english.yaml``: the renderings of the senses of the file the
    headword (or its printed form) names that the note's definition has, as a glossary's
    ``english`` values (text, source, url)."""
    entries = index.entries_for([headword] + ([printed] if printed else []))
    return [{"text": r.english, "source": source_label(r), "url": r.url}
            for r in renderings_for(entries, (definition,))]


def term_english(term: Term, renderings: Sequence[SourcedRendering]) -> tuple[Rendering, ...]:
    """The English of a term with its sources, as every glossary format writes it: its
    curated renderings, then the sourced ones they do not already give, each with its
    ``source_label`` and address. The one place a term's English and sources are joined
    (the appendix's formats, the termbases among them, read ``term.english`` made here)."""
    return term.english + tuple(Rendering(r.english, source_label(r), r.url)
                                for r in not_curated(term, renderings))


def not_curated(term: Term, renderings: Sequence[SourcedRendering]
                ) -> tuple[SourcedRendering, ...]:
    """The sourced renderings a term's curated ones do not already give (the same words at
    the same address)."""
    given = {(r.text.casefold(), r.url) for r in term.english}
    return tuple(r for r in renderings if (r.english.casefold(), r.url) not in given)
