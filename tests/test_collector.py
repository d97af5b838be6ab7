"""collector.paused: the cyclic collector off inside, back as it was after the last block."""

import gc
import threading

import pytest

from cngloss.collector import paused


@pytest.mark.parametrize("before", [True, False])
def test_the_collector_is_off_inside_and_as_it_was_after(before):
    (gc.enable if before else gc.disable)()
    try:
        with paused():
            assert not gc.isenabled()
            with paused():  # nested: still off after the inner block
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled() is before
        with pytest.raises(ZeroDivisionError):
            with paused():
                1 / 0
        assert gc.isenabled() is before
    finally:
        gc.enable()


def test_overlapping_blocks_in_two_threads_give_it_back_when_the_last_ends():
    # thread A pauses, B pauses, A ends first: still off (B runs), on once B ends
    gc.enable()
    a_in, b_in, a_done, b_may_end = (threading.Event() for _ in range(4))
    seen = {}

    def a():
        with paused():
            a_in.set()
            b_in.wait(5)
        seen["after a"] = gc.isenabled()
        a_done.set()

    def b():
        a_in.wait(5)
        with paused():
            b_in.set()
            b_may_end.wait(5)

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    a_done.wait(5)
    b_may_end.set()
    for t in threads:
        t.join(5)
    try:
        assert seen == {"after a": False}
        assert gc.isenabled()
    finally:
        gc.enable()
