"""Which tests a mutant runs under mutation/run's time budget (conftest.fastest_within)."""

from __future__ import annotations

import math

from conftest import fastest_within

TIMES = {"a": 0.5, "b": 0.1, "c": 2.0, "d": 0.3}


def test_the_fastest_run_first():
    assert fastest_within(TIMES, ["a", "b", "c", "d"], math.inf) == ["b", "d", "a", "c"]


def test_tests_past_the_budget_are_left_out():
    # 0.1 + 0.3 + 0.5 = 0.9 fits in 1.0; adding 2.0 would not
    assert fastest_within(TIMES, ["a", "b", "c", "d"], 1.0) == ["b", "d", "a"]
    assert fastest_within(TIMES, ["a", "b", "c", "d"], 0.9) == ["b", "d", "a"]
    assert fastest_within(TIMES, ["a", "b", "c", "d"], 0.89) == ["b", "d"]


def test_the_fastest_test_runs_even_when_it_alone_exceeds_the_budget():
    assert fastest_within(TIMES, ["c", "a"], 0.01) == ["a"]


def test_a_test_without_a_recorded_time_counts_as_slow():
    assert fastest_within(TIMES, ["new", "b"], 5.0) == ["b"]
    assert fastest_within(TIMES, ["new", "b"], math.inf) == ["b", "new"]
    assert fastest_within({}, ["y", "x"], 5.0) == ["x"]


def test_equal_times_keep_a_stable_order_by_name():
    assert fastest_within({"x": 1.0, "w": 1.0}, ["x", "w"], math.inf) == ["w", "x"]
