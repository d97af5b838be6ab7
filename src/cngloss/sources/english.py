"""The file of sourced English renderings (``data/english.yaml``) -> ``EnglishData``.

Each entry is a headword in one sense with the renderings found for it, each naming its
source (outlet, address, date, the excerpt it was seen in); an entry with no rendering
lists the searches tried. The file is checked as it is read: any problem is one line naming
the file, the line, the entry and the field (``EnglishDataError``, exit 3).

Read lazily and kept: a command that needs no English never reads it, and one that does
reads a compiled copy from the user cache folder (keyed by the file's content) instead of
parsing YAML, which costs a cold ``show`` about a third of its time (docs/development.md).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from .. import __version__
from ..errors import DataError, Problem
from ..model import EnglishEntry, SourcedRendering
from .cache import cache_dir

if TYPE_CHECKING:  # pragma: no cover - types only
    from .yaml_reader import Reader

ENGLISH_ENV = "CNGLOSS_ENGLISH"  # another file of renderings than the bundled one
VERSIONS = (1,)
TOP_FIELDS = ("version", "terms")
ENTRY_FIELDS = ("term", "forms", "sense", "meaning", "renderings", "searched")
RENDERING_FIELDS = ("english", "kind", "outlet", "title", "url", "date", "excerpt")
RENDERING_REQUIRED = ("english", "kind", "outlet", "url")
KINDS = ("official", "secondary")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")  # 2018, 2018-03 or 2018-03-05
_URL = re.compile(r"https?://\S+")
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_FORMAT = 1  # of the compiled copy


class EnglishDataError(DataError):
    """The file of sourced English renderings cannot be used."""


class EnglishData:
    """The entries of a file of renderings, in file order."""

    def __init__(self, path: Path, entries: tuple[EnglishEntry, ...]):
        self.path = path
        self.entries = entries

    def __repr__(self) -> str:
        return f"EnglishData({str(self.path)!r}, {len(self.entries)} entries)"

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[EnglishEntry]:
        return iter(self.entries)


def bundled_english_path() -> Path:
    """``data/english.yaml`` next to the bundled glossary."""
    from .paths import bundled_glossary_path  # lazy: only when the English is read

    return bundled_glossary_path().parent / "english.yaml"


def english_path(environ: Mapping[str, str]) -> Path:
    """The file in use: ``$CNGLOSS_ENGLISH``, else the bundled one."""
    given = environ.get(ENGLISH_ENV)
    return Path(given) if given else bundled_english_path()


# --------------------------------------------------------------------------- reading

_VERSION_LINE = re.compile(r"^version:", re.M)
_GLOSSARY_KEY = re.compile(r"^(?:title|report):|^  - id:", re.M)


def is_english_file(path: str | os.PathLike[str]) -> bool:
    """Whether a YAML file is a file of renderings (a top-level ``version`` and none of a
    glossary's keys) rather than a glossary; False for a file that cannot be read (the
    glossary reader then says why)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    return bool(_VERSION_LINE.search(text)) and not _GLOSSARY_KEY.search(text)



def load_english(path: str | os.PathLike[str]) -> EnglishData:
    """Read and check a file of renderings; EnglishDataError names its first problem (and
    counts the others)."""
    # lazy: the file and YAML readers, when the compiled copy cannot answer
    from .files import read_text
    from .yaml_reader import BudgetExceeded, Composer, Reader

    path = Path(path)
    text = read_text(path, EnglishDataError, what="English renderings")
    root = Composer(text, path, EnglishDataError, what="English renderings").document(
        lazy=("terms",))
    if root is None:
        raise EnglishDataError(Problem(str(path), None, "the file of English renderings is "
                                       "empty", fix="write version: 1 and a terms: list"))
    reader = Reader.for_text(path, text)
    try:
        entries = _read_root(reader, root)
    except BudgetExceeded:
        raise EnglishDataError(Problem(
            str(path), None, "YAML aliases expand to far more values than the file holds",
            fix="remove the anchors and aliases (&name / *name)")) from None
    _check_duplicates(reader, entries)
    errors = [p for p in reader.problems if p.severity == "error"]
    if errors:
        raise _one_line(errors)
    return EnglishData(path, entries)


def _one_line(problems: list[Problem]) -> EnglishDataError:
    """The first problem, saying how many more there are."""
    ordered = sorted(problems, key=lambda p: p.line or 0)
    first, more = ordered[0], len(ordered) - 1
    if more:
        first = first._replace(message=f"{first.message} (and {more} more problem"
                                       f"{'s' if more > 1 else ''} in the file)")
    return EnglishDataError([first] + ordered[1:])


def _read_root(reader: "Reader", root: Any) -> tuple[EnglishEntry, ...]:
    entries: tuple[EnglishEntry, ...] = ()
    for name, value in reader.fields(root, None, TOP_FIELDS, required=TOP_FIELDS):
        if name == "version":
            number = reader.integer(value, "version")
            if number is not None and number not in VERSIONS:
                reader.problem(value, f"version {number} is not one this cngloss reads",
                               "version", fix=f"write version: {VERSIONS[-1]}, or upgrade "
                               "cngloss")
        else:
            entries = reader.items(value, "terms", lambda node: _read_entry(reader, node))
    return entries


def _read_entry(reader: "Reader", node: Any) -> EnglishEntry | None:
    reader.term = None
    if node.id == "mapping":  # name the entry in every problem about it
        for key, value in node.value:
            if key.value == "term" and value.id == "scalar":
                reader.term = str(value.value)
    before = len(reader.problems)
    fields = reader.mapping(node, None, ENTRY_FIELDS, required=("term", "renderings"))
    if fields is None:
        return None
    term = reader.string(fields["term"], "term") if "term" in fields else None
    forms = reader.strings(fields["forms"], "forms") if "forms" in fields else ()
    sense = reader.string(fields["sense"], "sense") if "sense" in fields else "national"
    meaning = reader.optional_string(fields["meaning"], "meaning") \
        if "meaning" in fields else None
    searched = reader.strings(fields["searched"], "searched") if "searched" in fields else ()
    renderings = reader.items(fields["renderings"], "renderings",
                              lambda item: _read_rendering(reader, item, sense or "national")
                              ) if "renderings" in fields else ()
    reader.term = None
    if len(reader.problems) > before or not term or sense is None:
        return None  # an entry with a problem is left out (and the problem raised)
    return EnglishEntry(term, sense, renderings, forms, meaning, searched, node.line)


def _read_rendering(reader: "Reader", node: Any, sense: str) -> SourcedRendering | None:
    fields = reader.mapping(node, "renderings", RENDERING_FIELDS, required=RENDERING_REQUIRED)
    if fields is None:
        return None
    values: dict[str, str | None] = {}
    for name in ("english", "kind", "outlet", "url"):
        values[name] = reader.string(fields[name], f"renderings.{name}") \
            if name in fields else None
    for name in ("title", "excerpt"):
        values[name] = reader.optional_string(fields[name], f"renderings.{name}") \
            if name in fields else None
    kind, url = values["kind"], values["url"]
    if kind is not None and kind not in KINDS:
        reader.problem(fields["kind"], f"kind {kind!r} is not one of: {', '.join(KINDS)}",
                       "renderings.kind", fix="official (a government or state outlet) or "
                       "secondary (a reputable other source)")
        values["kind"] = None
    if url is not None and not _URL.fullmatch(url.strip()):
        reader.problem(fields["url"], f"url {url!r} is not a web address",
                       "renderings.url", fix="give the page's http:// or https:// address")
        values["url"] = None
    date = _read_date(reader, fields.get("date"))
    if date is False or any(values[k] is None for k in RENDERING_REQUIRED):
        return None
    return SourcedRendering(values["english"].strip(), values["kind"],  # type: ignore[union-attr]
                            values["outlet"].strip(), values["url"].strip(),  # type: ignore[union-attr]
                            date or None, values["title"], values["excerpt"], sense)


def _read_date(reader: "Reader", node: Any) -> str | None | bool:
    """An ISO date (``2018-03-05``, ``2018-03`` or ``2018``), None (absent or null), or
    False after a problem."""
    if node is None:
        return None
    if node.id == "scalar" and node.tag == _NULL:
        reader.optional_string(node, "renderings.date")
        return None
    value = node.value if node.id == "scalar" else None
    if value is not None and node.tag not in ("tag:yaml.org,2002:int", _TIMESTAMP):
        value = reader.string(node, "renderings.date")  # not a bare year nor a date
    if value is None or not _DATE.fullmatch(value.strip()):
        reader.problem(node, f"date {value!r} is not a date" if value is not None else
                       "the date must be a date", "renderings.date",
                       fix="write it as YYYY-MM-DD (or YYYY-MM, YYYY), or null when the page "
                       "gives none")
        return False
    return value.strip()


def _check_duplicates(reader: "Reader", entries: tuple[EnglishEntry, ...]) -> None:
    """One entry per headword and sense."""
    seen: dict[tuple[str, str], int | None] = {}
    for entry in entries:
        key = (entry.term, entry.sense)
        if key in seen:
            reader.term = entry.term
            reader.problems.append(Problem(
                str(reader.path), entry.line, f"{entry.term} in the sense {entry.sense!r} "
                f"is given twice (first on line {seen[key]})", entry.term, "term",
                "merge the two entries into one"))
            reader.term = None
        else:
            seen[key] = entry.line


# --------------------------------------------------------------------------- kept


_LOADED: dict[str, tuple[str, EnglishData]] = {}


def english_data(environ: Mapping[str, str] | None = None) -> EnglishData:
    """The renderings in use (``english_path``), read once per process and kept in the
    user cache folder between runs (keyed by the file's content and cngloss's version)."""
    environ = os.environ if environ is None else environ
    path = english_path(environ)
    try:
        content = path.read_bytes()
    except OSError:  # the reader says what is wrong
        return load_english(path)
    digest = hashlib.blake2b(content, digest_size=16)
    digest.update(f"{__version__}:{_FORMAT}:{SourcedRendering._fields}"
                  f"{EnglishEntry._fields}:{os.path.abspath(path)}".encode("utf-8",
                                                                          "surrogatepass"))
    key = digest.hexdigest()
    kept = _LOADED.get(str(path))
    if kept is not None and kept[0] == key:
        return kept[1]
    folder = cache_dir(environ)
    entry = folder / f"english-{key}.pickle" if folder is not None else None
    data = _read_kept(entry, path) if entry is not None else None
    if data is None:
        data = load_english(path)
        if entry is not None:
            _keep(entry, data)
    _LOADED.clear()
    _LOADED[str(path)] = (key, data)
    return data


def _read_kept(entry: Path, path: Path) -> EnglishData | None:
    try:
        entries = pickle.loads(entry.read_bytes())
        if not isinstance(entries, tuple) or not all(isinstance(e, EnglishEntry)
                                                     for e in entries):
            return None
        return EnglishData(path, entries)
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: read the file again
        return None


def _keep(entry: Path, data: EnglishData) -> None:
    import tempfile  # lazy: a first read only

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".english-", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pickle.dumps(data.entries, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        for old in sorted(entry.parent.glob("english-*.pickle"),
                          key=lambda p: p.stat().st_mtime, reverse=True)[4:]:
            old.unlink()
    except Exception:  # noqa: BLE001 - an unwritable cache: read the file next time
        return
