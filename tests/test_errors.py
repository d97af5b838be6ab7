"""``errors``: the messages of cngloss's errors."""

from __future__ import annotations

from cngloss.errors import DataError


def test_a_data_error_without_problems_says_bad_data():
    assert str(DataError([])) == "bad data"
