"""``lookup.fallbacks``: how loosely a query may match when nothing matches exactly."""

from __future__ import annotations

import pytest

from cngloss.lookup.fallbacks import max_edits


@pytest.mark.parametrize("length, edits", [
    (1, 0), (3, 0), (4, 1), (7, 1), (8, 2), (11, 2), (12, 3), (30, 3)])
def test_typos_tolerated_grow_with_the_length_of_the_query(length, edits):
    assert max_edits(length) == edits
