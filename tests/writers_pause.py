"""The first of two writers in tests/test_library_writers.py, as a script: adds a collection
one report a batch and, once the first batch is written, waits for the test (a file
appearing) before going on, so that the second writer adds in the gap a long ``add`` leaves
between two batches, every time.

    python tests/writers_pause.py LIBRARY COLLECTION PAUSED_FILE GO_FILE

Prints ``added replaced unchanged failed`` and exits 0, or dies with the error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from cngloss.library import ingest
from cngloss.library.store import open_library


def main(library: str, collection: str, paused: str, go: str) -> None:
    written = []

    def progress(*reported: object) -> None:  # after each batch written (a fresh library)
        written.append(reported)
        if len(written) == 1:
            Path(paused).touch()
            deadline = time.monotonic() + 60
            while not Path(go).exists():
                if time.monotonic() > deadline:
                    raise SystemExit("the test never said go")
                time.sleep(0.01)

    with open_library(Path(library), write=True) as lib:
        result = ingest.add(lib, [Path(collection)], progress, batch_chars=1)
    print(result.added, result.replaced, result.unchanged, len(result.failures))


if __name__ == "__main__":
    main(*sys.argv[1:])
