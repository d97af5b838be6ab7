"""JSON: ``{"title", "source", "terms": [term object + "renderings" + "uses"]}`` (docs/json.md).

A term's ``english`` holds its curated renderings, then its sourced ones (their source the
outlet and date), as every format prints them; ``renderings`` gives the sourced ones field
by field."""

from __future__ import annotations

from .appendix import Appendix
from ..output.json import dumps, renderings_to_list, term_to_dict


def render(appendix: Appendix, width: int = 80, standalone: bool = False) -> str:
    terms = []
    for entry in appendix.entries:
        data = term_to_dict(entry.term, _Related(entry))
        data["renderings"] = renderings_to_list(entry.renderings)
        data["uses"] = [{"paragraph": u.paragraph, "line": u.line, "section": list(u.section)}
                        for u in entry.uses]
        terms.append(data)
    return dumps({"title": appendix.title, "source": appendix.source, "terms": terms}) + "\n"


class _Related:
    """Stands in for the glossary: term_to_dict only asks it for a term's related terms."""

    def __init__(self, entry):
        self._related = entry.related

    def related(self, term):
        return self._related
