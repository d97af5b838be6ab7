"""The cyclic garbage collector paused while a query builds its answer.

A ``show`` of every passage of a common term makes a hundred thousand objects (paragraphs,
passages, their dicts) that all live until the answer is written; the collector's passes
over them, none of which frees anything, were a third of a warm ``/api/show`` (a 4 MB
answer: 96 ms with the collector paused against 130-160 ms). ``paused()`` holds it off and
gives it back as it was; the pauses of ``serve``'s threads nest (a count under a lock), so
the collector comes back once, when the last one ends, and only if it was on before the
first. Not for ``add``, whose garbage must go.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block (nested or in several threads: off until the last
    block ends), then as it was before the first."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
