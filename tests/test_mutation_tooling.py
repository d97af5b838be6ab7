"""Which tests a mutant runs under mutation/run's time budget (conftest.fastest_within)."""

from __future__ import annotations

import math

import pytest

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


# --- mutation/run.py: the sample and its interval ------------------------------------------

def _mutation_run():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "mutation" / "run.py"
    spec = importlib.util.spec_from_file_location("mutation_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run = _mutation_run()
NAMES = [f"cngloss.text.width.x_pad__mutmut_{i}" for i in range(4000)]


def test_a_sample_holds_about_its_fraction_of_the_mutants():
    # a binomial(4000, 0.25) count lies within 4.5 standard deviations (27.4) of 1000
    taken = sum(run.in_sample(name, 0.25) for name in NAMES)
    assert 1000 - 124 < taken < 1000 + 124


def test_samples_nest_and_are_the_same_each_time():
    small = {n for n in NAMES if run.in_sample(n, 0.1)}
    large = {n for n in NAMES if run.in_sample(n, 0.3)}
    assert small and small < large
    assert small == {n for n in NAMES if run.in_sample(n, 0.1)}


def test_the_whole_and_nothing():
    assert all(run.in_sample(n, 1.0) for n in NAMES[:50])
    assert not any(run.in_sample(n, 0.0) for n in NAMES[:50])


@pytest.mark.parametrize("killed, trials, low, high", [
    # published values of the Wilson score interval at 95% (z = 1.96)
    (0, 10, 0.0, 27.75),
    (10, 10, 72.25, 100.0),
    (50, 100, 40.38, 59.62),
])
def test_the_wilson_interval(killed, trials, low, high):
    got = run.wilson(killed, trials)
    assert got[0] == pytest.approx(low, abs=0.01)
    assert got[1] == pytest.approx(high, abs=0.01)


def test_no_trials_tell_nothing():
    assert run.wilson(0, 0) == (0.0, 100.0)


def test_a_crashed_worker_is_no_verdict():
    pytest.importorskip("mutmut", reason="mutmut (the mutation extra) is not installed: "
                        "pip install -e '.[test,mutation]'")
    assert run.status_of(255) == "crashed"
    assert run.status_of(1) == "killed"
    assert run.status_of(0) == "survived"
    assert run.status_of(36) == "timeout"


def _mutants(statuses):
    return [{"name": name, "status": statuses(name)} for name in NAMES[:400]]


def test_every_mutant_tested_is_scored_whole():
    level, members = run.scored_sample(_mutants(lambda n: "killed"))
    assert level == 1.0 and len(members) == 400


def test_a_complete_quarter_sample_is_scored_alone():
    mutants = _mutants(lambda n: "survived" if run.in_sample(n, 0.25) else "not checked")
    level, members = run.scored_sample(mutants)
    assert level == 0.25
    assert {m["name"] for m in members} == {n for n in NAMES[:400] if run.in_sample(n, 0.25)}


def test_an_incomplete_sample_falls_back_to_the_smaller_one_inside_it():
    # everything of the 10% sample tested, and some of the rest of the 25% sample: the extra
    # ones (mutmut tests the cheapest first) would bias the score, so only the 10% counts
    inside = [n for n in NAMES[:400] if run.in_sample(n, 0.1)]
    extra = [n for n in NAMES[:400] if run.in_sample(n, 0.25) and not run.in_sample(n, 0.1)]
    tested = set(inside) | set(extra[: len(extra) // 2])
    level, members = run.scored_sample(
        _mutants(lambda n: "killed" if n in tested else "not checked"))
    assert level == 0.1 and {m["name"] for m in members} == set(inside)


def test_a_crashed_worker_leaves_its_sample_incomplete():
    crashed = next(n for n in NAMES if run.in_sample(n, 0.1) and not run.in_sample(n, 0.05))
    level, _ = run.scored_sample(_mutants(
        lambda n: "crashed" if n == crashed else "killed" if run.in_sample(n, 0.25)
        else "not checked"))
    assert level == 0.05


def test_nothing_complete_is_not_scored():
    assert run.scored_sample(_mutants(lambda n: "not checked")) == (None, [])


# --- a test keeps its id in a second pytest session in the same process --------------------

@pytest.mark.parametrize("word", ["甲"], ids=["甲"])
def test_probe_with_a_chinese_id(word):
    """Collected twice by the test below."""
    assert word == "甲"


def test_a_parametrized_id_is_the_same_in_a_second_session_in_one_process():
    # Each mutmut worker runs pytest a second time in a process that collected the tests once;
    # pytest 9.2 escaped a stored id again there (\\u7532 for \u7532) and could not find the test.
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, pytest\n"
        "seen = []\n"
        "class Ids:\n"
        "    def pytest_collection_modifyitems(self, items):\n"
        "        seen.append([item.nodeid for item in items])\n"
        "for _ in range(2):\n"
        "    pytest.main(['-qq', '--collect-only', '-p', 'no:cacheprovider', sys.argv[1]],\n"
        "                plugins=[Ids()])\n"
        "print(repr(seen))\n")
    root = Path(__file__).resolve().parents[1]
    probe = "tests/test_mutation_tooling.py::test_probe_with_a_chinese_id"
    done = subprocess.run([sys.executable, "-c", code, probe], cwd=root, capture_output=True,
                          text=True, timeout=120)
    seen = eval(done.stdout.strip().splitlines()[-1])
    assert seen == [[probe + "[\\u7532]"]] * 2


def test_the_core_score_weighs_each_module_by_its_mutants():
    # module A: 1000 mutants, 100 sampled, 90 killed; module B: 100 mutants, 50 sampled, 25
    # killed. Pooled samples would say 115/150 = 76.7%; the core is (900 + 50) / 1100 = 86.4%
    estimate, low, high = run.stratified([(1000, 100, 90), (100, 50, 25)])
    assert estimate == pytest.approx(100 * 950 / 1100)
    # variance: (10/11)^2 * .09/100 * .9 + (1/11)^2 * .25/50 * .5
    half = 1.96 * ((10 / 11) ** 2 * 0.09 / 100 * 0.9 + (1 / 11) ** 2 * 0.25 / 50 * 0.5) ** 0.5
    assert (low, high) == (pytest.approx(estimate - 100 * half), pytest.approx(estimate + 100 * half))


def test_a_module_tested_whole_adds_no_uncertainty():
    estimate, low, high = run.stratified([(40, 40, 30), (0, 0, 0)])
    assert estimate == low == high == pytest.approx(75.0)
