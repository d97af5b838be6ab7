"""Every link between the docs goes somewhere: a relative link names a file of the repository,
and an anchor names a heading of the page it points to (as GitHub makes anchors)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

PAGES = [ROOT / "README.md", ROOT / "CHANGELOG.md", ROOT / "BENCHMARKS.md",
         *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def anchors(text: str) -> set[str]:
    """GitHub's anchors: a heading lower-cased, punctuation but - and _ dropped, spaces to -."""
    found = set()
    for heading in re.findall(r"(?m)^#{1,6} (.+)$", text):
        found.add(re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-"))
    return found


def links(page):
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # code is not links
    return [m.group(1) for m in LINK.finditer(text)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_and_anchor_resolves(page):
    broken = []
    for target in links(page):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        if not dest.exists():
            broken.append(target)
        elif anchor and dest.suffix == ".md" and \
                anchor not in anchors(dest.read_text(encoding="utf-8")):
            broken.append(target)
    assert broken == []


def test_the_anchor_rule_is_githubs():
    assert anchors("## `cngloss show TERM`\n### Exit codes\n## The JSON contract (version 2)") \
        == {"cngloss-show-term", "exit-codes", "the-json-contract-version-2"}
