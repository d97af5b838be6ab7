"""``corpus.queries``: the commands' queries on a loaded corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from cngloss.corpus.load import Corpus
from cngloss.corpus.queries import grep
from cngloss.errors import UsageError
from cngloss.model import Glossary, Term

LIANGWEI = Term("liangwei", "两违", "", "definition of 两违")


def test_grep_without_a_report_says_to_name_one():
    with pytest.raises(UsageError) as caught:
        grep(Corpus(Glossary(Path("g.yaml"), (LIANGWEI,)), None), "两违")
    assert str(caught.value) == "this glossary names no report to search (add 'report:' to it)"

