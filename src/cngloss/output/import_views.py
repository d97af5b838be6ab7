"""``import``'s messages about its offers: the numbered slogans a report uses that none of
its notes defines (corpus/offers.py), as a few lines for the terminal (stderr)."""

from __future__ import annotations

from typing import Sequence

SHOWN = 8  # the offers named in the summary; the glossary lists them all


def offers_summary(offers: Sequence) -> list[str]:
    """One line saying how many were offered and where they are, then one per offer (the
    first ``SHOWN``): the term, its kind, uses, first line and the items listed."""
    count = len(offers)
    out = [f"offered for review: {count} numbered slogan{'s' * (count != 1)} the report "
           "uses that no note defines (commented out after the terms)"]
    for offer in offers[:SHOWN]:
        items = f"  {'、'.join(offer.items)}" if offer.items else ""
        out.append(f"  {offer.term}  {offer.kind}, {offer.uses} use"
                   f"{'s' * (offer.uses != 1)}, line {offer.line}{items}")
    if count > SHOWN:
        out.append(f"  … {count - SHOWN} more in the glossary")
    return out
