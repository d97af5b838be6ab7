"""``cngloss import``'s offers: the numbered slogans a report's body uses that none of its
notes defines (found by ``discover``), for a reviewer to take or leave.

They are never mixed with the notes' terms: the glossary written lists them after its terms
as commented-out candidate entries (``offers_yaml``), each a term entry a reviewer can
uncomment as it stands (its definition left to write, its pinyin and parts under
``unreviewed``), so ``cngloss check`` passes on the file as written and fails on an offer
taken without a definition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from . import suggest

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..model import Report

OFFERS_HEADER = (
    "Offered for review: {count} numbered slogan{s} the report uses that none of its notes\n"
    "defines (found in the text by cngloss discover; not reviewed, not part of this glossary).\n"
    "To take one: uncomment its lines, write its definition, review its pinyin and parts,\n"
    "and run cngloss check."
)


class Offer(NamedTuple):
    """A slogan the report uses that no note defines: its kind, uses, the report file's line
    of its first use, and the items the text lists beside a use (with their line)."""

    term: str
    kind: str
    uses: int
    line: int
    items: tuple[str, ...] = ()
    items_line: int | None = None


def report_offers(report: "Report", headwords: set[str]) -> list[Offer]:
    """The slogans ``report``'s body uses that are not ``headwords`` (the notes'), nor part
    of one (六稳 of a note on 六稳六保), nor one run on from one, in the order of first use."""
    from ..discover import discover_text  # lazy: the finder, for import only

    paragraphs = report.paragraphs
    text = "\n".join(p.text.replace("\n", " ") for p in paragraphs)
    offers = []
    for found in discover_text("", text, headwords):
        term = found.term
        if found.defined or any(term in h or h in term for h in headwords if h):
            continue
        expansion = found.expansion
        offers.append(Offer(term, found.kind, found.count, paragraphs[found.lines[0] - 1].line,
                            expansion.items if expansion else (),
                            paragraphs[expansion.line - 1].line if expansion else None))
    return offers


def offer_entries(offers: list[Offer], taken: set[str]) -> list[dict]:
    """Each offer as a glossary entry to review (ids unique among ``taken``, which grows)."""
    entries = []
    for offer in offers:
        found = f"{offer.uses} use{'s' * (offer.uses != 1)} from line {offer.line}"
        entry: dict = {"id": suggest.make_id(offer.term, taken), "term": offer.term,
                       "pinyin": suggest.pinyin_of(offer.term), "english": [],
                       "definition": ""}
        if offer.items:
            entry["parts"] = [{"name": offer.term, "items": list(offer.items)}]
            found += f", items from line {offer.items_line}"
        entry["remark"] = f"offered by cngloss import: a {offer.kind} found in the text " \
            f"({found}); write its definition"
        entry["unreviewed"] = ["pinyin"] + (["parts"] if offer.items else [])
        entries.append(entry)
    return entries


def offers_yaml(entries: list[dict]) -> str:
    """The entries as commented-out lines of the glossary's ``terms`` list, after a
    comment saying what they are (empty for none)."""
    if not entries:
        return ""
    from ..sources.glossary_writer import glossary_yaml  # lazy: import only

    body = glossary_yaml({"terms": entries}).split("\n", 1)[1].lstrip("\n")  # after terms:
    header = OFFERS_HEADER.format(count=len(entries), s="s" * (len(entries) != 1))
    lines = [f"# {line}".rstrip() for line in header.splitlines()] + [""]
    lines += [f"# {line}".rstrip() if line.strip() else "" for line in body.rstrip("\n").split("\n")]
    return "\n" + "\n".join(lines) + "\n"
