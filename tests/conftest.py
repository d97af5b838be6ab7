"""Shared fixtures: the bundled corpus, a CLI runner with a fake terminal, glossary files."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# mutation/run sets CNGLOSS_HYPOTHESIS_PROFILE=mutation: there every property test runs a fifth
# of its examples (test_properties scales its counts by the profile), since each surviving
# mutant runs every test that reaches it.
# No deadline there either: a mutant's tests share two cores with the other worker, and a
# DeadlineExceeded would count as a kill.
settings.register_profile("mutation", max_examples=20, deadline=None)
settings.load_profile(os.environ.get("CNGLOSS_HYPOTHESIS_PROFILE", "default"))

from cngloss import load_corpus
from cngloss.cli import main
from cngloss.output.environment import Environment

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
REPORT = DATA / "lianzhou-2021-government-work-report.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_dir() -> Path:
    """The read-only ../shared folder (corpora, guides) beside the repository, which may be
    absent: tests that need it skip with a reason. ``$CNGLOSS_SHARED`` if set; else the first
    ``shared/`` walking up from the tests folder, so it is found from ``<repo>/tests`` and from
    mutation testing's copy ``<repo>/mutants/tests`` alike. A missing folder is returned as
    ``<repo>/../shared`` (for the skip message)."""
    if os.environ.get("CNGLOSS_SHARED"):
        return Path(os.environ["CNGLOSS_SHARED"])
    for parent in Path(__file__).resolve().parents[1:]:
        if (parent / "shared").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


# A report body before a notes section, for the notes tests written on small texts.
NOTES_BODY = "各位代表：\n\n一、过去一年的工作\n\n我们推进“甲乙”和“丙丁”建设，完成任务。\n\n"


def notes_of(section_text: str, heading: str = "名词解释"):
    """The notes ``find_notes`` reads in ``section_text`` under ``heading``, after a body."""
    from cngloss.sources.report.notes import find_notes

    found = find_notes(NOTES_BODY + heading + "\n\n" + section_text)
    return found.notes if found else ()


def heads(notes):
    """(number, headword, definition) of each note."""
    return [(n.number, n.headword, n.definition) for n in notes]


def collection_texts(paths: set[str]) -> dict[str, str]:
    """The content of the records of ../shared/corpora/government-work-reports.jsonl.gz
    whose path is in ``paths`` (streamed: the file is read once, as far as needed)."""
    import gzip
    import json

    found: dict[str, str] = {}
    collection = shared_dir() / "corpora" / "government-work-reports.jsonl.gz"
    with gzip.open(collection, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not any(p in line for p in paths - set(found)):
                continue
            record = json.loads(line)
            if record["path"] in paths:
                found[record["path"]] = record["content"]
    return found


def pytest_configure(config):
    """Session-wide fixtures load before the per-test ones: keep even them off the user's
    real cache folder."""
    import tempfile

    os.environ["CNGLOSS_CACHE_DIR"] = tempfile.mkdtemp(prefix="cngloss-test-cache-")
    # A test that runs `python -m cngloss` must run the cngloss this process imported (under
    # mutation testing that is the mutated copy, not the editable install).
    import cngloss

    package_root = str(Path(cngloss.__file__).resolve().parents[1])
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
    for name in ("CNGLOSS_GLOSSARY", "NO_COLOR", "CNGLOSS_NO_CACHE", "CNGLOSS_DEBUG",
                 "CNGLOSS_LIBRARY", "CNGLOSS_ENGLISH"):
        os.environ.pop(name, None)
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="cngloss-test-data-")


@pytest.hookimpl(tryfirst=True)
def pytest_generate_tests(metafunc):
    """Make a parametrized test's ids afresh in each session. pytest 9.2 keeps the ids it made
    for a parametrize mark on the mark, already escaped (甲 -> \\u7532), and a second session in
    the same process escapes them again (\\\\u7532): each mutmut worker is such a session, so
    it did not find a test named by its first-session id, exited 4 and lost the verdict."""
    for mark in metafunc.definition.iter_markers("parametrize"):
        made_for = getattr(mark, "_param_ids_from", None)
        if made_for is not None:
            object.__setattr__(made_for, "_param_ids_generated", None)


def fastest_within(durations: dict[str, float], nodeids: list[str], budget: float) -> list[str]:
    """Under mutation testing, the tests one mutant runs: fastest first (a mutant is usually
    killed by its first failing test, so the cheap ones go first), and only as many as fit in
    ``budget`` seconds of their clean-run time (the first always runs). Tests with no recorded
    time count as slow. A survivor of the capped run may still be killed by a slower test
    (mutation/run --survivors --budget 0 retests survivors with all their tests)."""
    order = sorted(nodeids, key=lambda n: (durations.get(n, float("inf")), n))
    kept: list[str] = []
    spent = 0.0
    for nodeid in order:
        cost = durations.get(nodeid, float("inf"))
        if kept and spent + cost > budget:
            break
        kept.append(nodeid)
        spent += cost
    return kept


_DURATIONS: list = []
MUTMUT_TIMEOUT = 36  # the exit code mutmut reads as "timeout" (a kill)


def _clean_run_durations() -> dict[str, float] | None:
    """mutmut's recorded time of each test (it runs them inside mutants/), read once."""
    stats = Path("mutmut-stats.json")
    if not _DURATIONS and stats.exists():  # absent before mutmut's first stats run
        import json

        _DURATIONS.append(json.loads(stats.read_text(encoding="utf-8"))["duration_by_test"])
    return _DURATIONS[0] if _DURATIONS else None


def pytest_collection_modifyitems(config, items):
    """mutmut runs a mutant's tests in the order of a set; order them fastest first and cap
    them at $CNGLOSS_MUTATION_BUDGET seconds (set by mutation/run; 0 or unset: no cap)."""
    if "CNGLOSS_MUTATION_BUDGET" not in os.environ:
        return
    durations = _clean_run_durations()  # loaded once, in the process the workers fork from
    budget = float(os.environ["CNGLOSS_MUTATION_BUDGET"] or 0)
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", "") or durations is None:
        return
    if budget > 0:
        # mutmut's own timeout scales with *all* the tests that reach a mutant (minutes for a
        # wide function): an endless loop under the cap ends here instead, as a timeout.
        import signal

        signal.signal(signal.SIGALRM, lambda *_: os._exit(MUTMUT_TIMEOUT))
        signal.alarm(int(5 * budget) + 15)
    # mutmut records test ids without the "mutants/" prefix, relative to mutants/
    by_id = {item.nodeid: item for item in items}
    kept = fastest_within(durations, list(by_id), budget if budget > 0 else float("inf"))
    keep = set(kept)
    dropped = [item for item in items if item.nodeid not in keep]
    items[:] = [by_id[n] for n in kept]
    if dropped:
        config.hook.pytest_deselected(items=dropped)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path_factory):
    """No test sees the developer's own glossary, cache or colour settings."""
    for name in ("CNGLOSS_GLOSSARY", "NO_COLOR", "CNGLOSS_NO_CACHE", "CNGLOSS_DEBUG",
                 "CNGLOSS_ENGLISH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CNGLOSS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    # nor the developer's library: the default one lives in the user data folder
    monkeypatch.delenv("CNGLOSS_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(scope="session")
def corpus():
    """The bundled glossary and its parsed report."""
    return load_corpus()


@pytest.fixture(scope="session")
def report(corpus):
    return corpus.report


@pytest.fixture(scope="session")
def glossary(corpus):
    return corpus.glossary


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str, tty: bool = False, environ: dict | None = None,
            width: int | None = None) -> Result:
    """Run ``cngloss ARGS`` in-process with a fake terminal; capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdout=out, stderr=err, stdout_isatty=tty,
                      environ=dict(os.environ, **(environ or {})), width=width)
    code = main(list(args), env=env)
    return Result(int(code), out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    return run_cli


def run_script(*args: str, cwd: Path | None = None, env: dict | None = None,
               input: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run the real console entry point (``python -m cngloss``) in a subprocess."""
    full_env = {k: v for k, v in os.environ.items() if k != "CNGLOSS_GLOSSARY"}
    full_env["PYTHONIOENCODING"] = "utf-8"
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "cngloss", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, encoding="utf-8", input=input,
                          timeout=timeout)


@pytest.fixture
def script():
    return run_script


@pytest.fixture
def write_glossary(tmp_path):
    """Write a glossary file (dedented YAML) into a fresh folder; return its path."""

    def write(text: str, name: str = "terms.yaml", report: str | None = None,
              corrections: str | None = None) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        if report is not None:
            (tmp_path / "report.txt").write_text(textwrap.dedent(report), encoding="utf-8")
        if corrections is not None:
            (tmp_path / "corrections.yaml").write_text(textwrap.dedent(corrections),
                                                      encoding="utf-8")
        return path

    return write


def report_with_notes(place: str, year: int, notes: list[tuple[str, str]]) -> dict:
    """A collection record (``*.jsonl``) of a short report whose notes section holds
    ``notes`` (headword, definition), numbered ``1.`` on."""
    body = f"{place}政府工作报告\n\n今年推进各项工程建设。\n\n名词解释\n\n"
    body += "\n\n".join(f"{k}.{head}：{definition}" for k, (head, definition)
                        in enumerate(notes, 1)) + "\n"
    return {"place": place, "level": "city", "year": year, "title": f"{place}政府工作报告",
            "path": place, "content": body}


def write_collection(folder: Path, records: list[dict], name: str = "set.jsonl") -> Path:
    """The records as a ``*.jsonl`` collection file in ``folder``."""
    import json

    path = folder / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def noted_report(place: str, year: int, body: str, notes: list[tuple[str, str]]) -> dict:
    """A city's report record (for ``write_collection``): its body, then a 名词解释 section
    with the (headword, definition) notes numbered from 1."""
    text = f"{place}{year}年政府工作报告\n\n{body}\n\n名词解释\n\n" + "\n\n".join(
        f"{k}.{head}：{definition}" for k, (head, definition) in enumerate(notes, 1)) + "\n"
    return {"place": place, "level": "city", "year": year, "title": f"{place}政府工作报告",
            "path": place, "content": text}


def library_of_records(folder: Path, records: list[dict], name: str = "lib.sqlite") -> str:
    """A library (built with ``cngloss add``) of these report records; its path."""
    collection = write_collection(folder, records, "reports.jsonl")
    path = folder / name
    added = run_cli("--library", str(path), "add", str(collection))
    assert added.code == 0, added.err
    return str(path)


def library_of_bodies(folder: Path, reports: list[tuple[str, str, int, str]]) -> str:
    """A library (built with ``cngloss add``) of short reports given as (level, place,
    year, body); its path."""
    return library_of_records(folder, [
        {"place": place, "level": level, "year": year, "title": f"{place}{year}年政府工作报告",
         "path": f"r{i}.txt", "content": f"{place}{year}年政府工作报告\n\n{body}\n"}
        for i, (level, place, year, body) in enumerate(reports)])


def passages_of(data: dict) -> list[dict]:
    """Every passage of a ``grep --json`` object (or ``show --json``'s ``passages``), across
    its report groups, in order (JSON contract 2: passages are grouped by report)."""
    return [p for group in data["groups"] for p in group["passages"]]


def collection_records(path: Path, keys: set[tuple[str, int]]) -> dict[tuple[str, int], dict]:
    """The records of a (gzipped) ``*.jsonl`` collection whose (place, year) is in ``keys``,
    read in one pass that decodes only the lines naming one of the places. Two records with
    one key are an error: the test named a key that does not pick one report."""
    import gzip
    import json

    opener = gzip.open if path.suffix == ".gz" else open
    places = {place for place, _ in keys}
    found: dict[tuple[str, int], dict] = {}
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not any(f'"place": "{place}"' in line for place in places):
                continue
            record = json.loads(line)
            key = (record["place"], record["year"])
            if key in keys:
                assert key not in found, f"{key}: two reports in {path.name}, pick another"
                found[key] = record
    assert set(found) == keys, f"not in {path.name}: {sorted(keys - set(found))}"
    return found


def json_term(raw: dict, raws: list[dict]) -> dict:
    """The JSON object of a glossary entry (README, "JSON contract"), built from the entry as
    written in the YAML (``yaml.safe_load``) rather than by the code under test: an absent
    field is null or empty, an English rendering written as a string has no source or URL,
    and ``related`` lists the terms linked from either end (never the entry itself), in the
    order of ``raws``."""
    def english(item) -> dict:
        if isinstance(item, str):
            return {"text": item, "source": None, "url": None}
        return {"text": item["text"], "source": item.get("source"), "url": item.get("url")}

    linked = set(raw.get("related", [])) | {
        other["id"] for other in raws if raw["id"] in other.get("related", [])}
    return {
        "id": raw["id"], "note": raw.get("note"), "term": raw["term"],
        "printed": raw.get("printed"), "pinyin": raw["pinyin"],
        "english": [english(item) for item in raw.get("english", [])],
        "definition": raw["definition"], "variants": raw.get("variants", []),
        "parts": [{"name": p.get("name"), "items": p["items"]} for p in raw.get("parts", [])],
        "tags": raw.get("tags", []),
        "related": [{"id": o["id"], "note": o.get("note"), "term": o["term"]} for o in raws
                    if o["id"] in linked and o["id"] != raw["id"]],
        "remark": raw.get("remark"),
    }


# --------------------------------------------------------------------------- TBX-Basic

TBX_SCHEMA = ROOT / "data" / "tbx" / "TBXBasicRNGV02.rng"  # provenance: data/tbx/README.md
_OLD_SCHEMATRON = "http://www.ascc.net/xml/schematron"
_ISO_SCHEMATRON = "http://purl.oclc.org/dsdl/schematron"


@pytest.fixture(scope="session")
def tbx_validators():
    """TBX-Basic's integrated schema: its grammar (RELAX NG) and its embedded rules
    (Schematron 1.5, read as ISO Schematron: the same rules, patterns without their names),
    with lxml; skipped without lxml or the schema."""
    etree = pytest.importorskip("lxml.etree", reason="lxml (the test extra) is not installed")
    from lxml import isoschematron

    if not TBX_SCHEMA.is_file():
        pytest.skip(f"{TBX_SCHEMA} is not shipped")
    grammar = etree.parse(str(TBX_SCHEMA))
    rules = etree.Element(f"{{{_ISO_SCHEMATRON}}}schema", nsmap={"sch": _ISO_SCHEMATRON})
    for pattern in grammar.iter(f"{{{_OLD_SCHEMATRON}}}pattern"):
        copy = etree.fromstring(etree.tostring(pattern).replace(
            _OLD_SCHEMATRON.encode(), _ISO_SCHEMATRON.encode()))
        copy.attrib.pop("name", None)
        rules.append(copy)
    assert len(rules) == 15  # the schema's 15 patterns, each one rule and one assertion
    return etree.RelaxNG(grammar), isoschematron.Schematron(rules)


def tbx_problems(validators, text: str) -> list[str]:
    """What TBX-Basic's schema finds wrong in a TBX document ([] when it is valid)."""
    from lxml import etree

    doc = etree.fromstring(text.encode("utf-8"))
    found: list[str] = []
    for validator in validators:
        if not validator.validate(doc):
            found += [e.message for e in validator.error_log]
    return found
