"""Mutation testing of the core with mutmut; writes docs/mutation-results.md. Run it as `mutation/run`.

    mutation/run                       every core module (slow: see docs/mutation-results.md for timings)
    mutation/run src/cngloss/numerals.py cngloss.quotes    only these (paths or dotted names)
    mutation/run --survivors MODULE    retest only MODULE's survivors (after writing tests for them)
    mutation/run --budget 0 ...        run every test that reaches a mutant (default: the fastest
                                       ones within 3 s of clean-run time; see tests/conftest.py)
    mutation/run --sample 0.2 ...      test a fixed random fifth of the mutants (by a hash of
                                       their names, so a rerun picks the same ones); docs/mutation-results.md
                                       gives each sampled score with its 95% interval
    mutation/run --report              rewrite docs/mutation-results.md from the results on disk, run nothing
    mutation/run --show MODULE...      print the modules' survivors, write nothing
    mutation/run --fail-under 85 ...   exit 1 when a module reported scores below 85%

Results live in mutants/ (git-ignored) and accumulate: a rerun retests only mutants without
a result and functions whose source changed, so an interrupted run resumes where it stopped
and a run over a subset leaves the other modules' results in place. `rm -rf mutants` starts
afresh. docs/mutation-results.md always lists every module with results.

Which modules are core is `[tool.mutmut] only_mutate` / `do_not_mutate` in pyproject.toml
(globs on file paths, so they survive modules moving between sub-packages).

Equivalent mutants (no test can tell them apart from the original) are listed in
mutation/equivalent.txt, one a line: `KEY  reason`. KEY is printed next to every survivor
in docs/mutation-results.md: `<module's last name>.<function>@<hash of the changed lines>`. It does not
depend on line numbers or mutmut's mutant numbering, nor on which package a module lives in,
so it holds across reruns, unrelated edits and moves; it changes (and the entry is reported
stale) only when the mutated line itself changes, when the argument must be made again.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EQUIVALENT = ROOT / "mutation" / "equivalent.txt"
REPORT = ROOT / "docs" / "mutation-results.md"
SHIM = ROOT / "mutation" / "subprocess"
TARGET = 85.0

KILLED = {"killed", "timeout", "caught by type check", "segfault"}
RETEST = {"survived", "no tests", "crashed"}  # what --survivors retests
# mutmut 3.8.1 records a worker whose test run raised (exit -1 -> 255) as "timeout", a kill;
# it is no verdict at all, and is reported and retested as "crashed".
CRASHED = 255


def status_of(exit_code: int | None) -> str:
    from mutmut.stats import status_by_exit_code
    return "crashed" if exit_code == CRASHED else status_by_exit_code[exit_code]


def in_sample(mutant: str, fraction: float) -> bool:
    """Whether a mutant is in the fixed sample of this size: a hash of its name, uniform in
    [0, 1), under the fraction. Samples nest: the 10% sample is part of the 20% one."""
    if fraction >= 1:
        return True
    digest = hashlib.sha1(mutant.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < fraction


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion, in percent (sound near 0% and 100%,
    where the normal approximation is not)."""
    if trials == 0:
        return (0.0, 100.0)
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * ((p * (1 - p) / trials + z * z / (4 * trials * trials)) ** 0.5) / (1 + z * z / trials)
    return (100.0 * max(0.0, centre - half), 100.0 * min(1.0, centre + half))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="mutation/run", description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", help="src paths or dotted names (default: all core)")
    parser.add_argument("--report", action="store_true", help="only rewrite docs/mutation-results.md")
    parser.add_argument("--show", action="store_true",
                        help="print the survivors of the given modules (all: every module) "
                             "with their diff lines; run and write nothing")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("MUTATION_JOBS", "2")),
                        help="mutants tested at once (default 2, or $MUTATION_JOBS)")
    parser.add_argument("--rerun", action="store_true",
                        help="retest the given modules' mutants even when they have a result")
    parser.add_argument("--survivors", action="store_true",
                        help="retest only the given modules' survivors and mutants without "
                             "tests (after writing tests for them)")
    parser.add_argument("--budget", type=float,
                        default=float(os.environ.get("CNGLOSS_MUTATION_BUDGET", "3")),
                        metavar="SECONDS",
                        help="run a mutant's tests fastest first, only those within this many "
                             "seconds of their clean-run time (default 3; 0: all of them)")
    parser.add_argument("--sample", type=float, default=1.0, metavar="FRACTION",
                        help="test only this fraction of the mutants, the same ones each run "
                             "(default 1: all)")
    parser.add_argument("--fail-under", type=float, default=None, metavar="PERCENT")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if args.show:
        return show(args.modules)
    if not args.report:
        names = select(args.modules, args.rerun, args.survivors, args.sample, args.jobs)
        if names == []:
            print("mutation/run: nothing to test in these modules (--rerun retests every mutant)")
        code = 0 if names == [] else run_mutmut(names or [], args.jobs, args.budget)
        if code not in (0, None):
            print(f"mutation/run: mutmut exited {code}; docs/mutation-results.md not rewritten", file=sys.stderr)
            return code
    rows = write_report(only=[module_name(m) for m in args.modules] or None,
                        command=" ".join(["mutation/run", *argv]))
    if args.fail_under is not None:
        low = [r for r in rows if r["score"] is not None and r["score"] < args.fail_under]
        for r in low:
            print(f"mutation/run: {r['module']} scores {r['score']:.1f}% < {args.fail_under}%",
                  file=sys.stderr)
        return 1 if low else 0
    return 0


def module_name(arg: str) -> str:
    """``src/cngloss/render/markdown.py`` or ``cngloss.render.markdown`` -> the dotted name."""
    if arg.endswith(".py") or "/" in arg:
        path = Path(arg).with_suffix("")
        parts = path.parts[1:] if path.parts[0] == "src" else path.parts
        return ".".join(parts)
    return arg


def mutant_glob(arg: str) -> str:
    return module_name(arg) + ".*"


def select(modules: list[str], rerun: bool, survivors: bool = False,
           sample: float = 1.0, jobs: int = 2) -> list[str] | None:
    """What to hand mutmut: None (all core: mutmut itself tests only mutants without a
    result, so an interrupted run resumes), or names.

    mutmut retests every mutant it is *named*, result or not; so for a resumed subset name only
    the mutants still without a result; with ``survivors``, only those that survived or had no
    test (the ones new tests were written for: a killed mutant stays killed when tests are
    added). A module whose source is newer than its results (or
    has none yet) is named by glob: mutmut regenerates it and tests it afresh.
    """
    if sample < 1:
        return sampled(modules, rerun, survivors, sample, jobs)
    if not modules:
        return None
    if rerun:
        return [mutant_glob(m) for m in modules]
    from mutmut.mutation.data import SourceFileMutationData
    names: list[str] = []
    for arg in modules:
        path = source_path(arg)
        data = SourceFileMutationData(path=path)
        if path is None or not data.meta_path.exists() or \
                Path(path).stat().st_mtime > data.meta_path.stat().st_mtime:
            names.append(mutant_glob(arg))
            continue
        data.load()
        if survivors:
            names += [name for name, code in data.exit_code_by_key.items()
                      if code is not None and status_of(code) in RETEST]
        else:
            names += [name for name, code in data.exit_code_by_key.items() if code is None]
    return names


def sampled(modules: list[str], rerun: bool, survivors: bool, fraction: float,
            jobs: int) -> list[str]:
    """The sampled mutants of these modules (all core when none) still to test: without a
    result; with ``survivors``, those that survived, had no test or crashed; with ``rerun``,
    all of them. Mutants are generated first, so the names exist to sample from."""
    from mutmut.mutation.data import SourceFileMutationData
    generate_mutants(jobs)
    wanted = {module_name(m) for m in modules}
    names: list[str] = []
    for path in core_files():
        data = SourceFileMutationData(path=path)
        if not data.meta_path.exists():
            continue
        data.load()
        for name, code in data.exit_code_by_key.items():
            module = name.split(".x_")[0].split(".xǁ")[0]
            if wanted and module not in wanted or not in_sample(name, fraction):
                continue
            if rerun or (status_of(code) in RETEST if survivors else code is None):
                names.append(name)
    return sorted(names, key=natural)


def core_files() -> list[Path]:
    from mutmut.utils.file_utils import walk_mutatable_files
    return list(walk_mutatable_files())


def generate_mutants(jobs: int) -> None:
    """What `mutmut run` does first: copy the tree into mutants/ and write each changed core
    file's mutants (unchanged files are kept as they are)."""
    import mutmut.__main__ as mutmut_main
    from mutmut.mutation.trampoline import set_mutant_under_test
    set_mutant_under_test("mutant_generation")
    os.makedirs("mutants", exist_ok=True)
    mutmut_main.copy_src_dir()
    mutmut_main.copy_also_copy_files()
    mutmut_main.setup_source_paths()
    mutmut_main.store_lines_covered_by_tests()
    mutmut_main.create_mutants(jobs)


def source_path(arg: str) -> str | None:
    """The file of a module argument, relative to the root (as mutmut names it)."""
    if arg.endswith(".py"):
        return arg
    for base in ("src", "."):
        candidate = Path(base, *module_name(arg).split("."))
        for path in (candidate.with_suffix(".py"), candidate / "__init__.py"):
            if path.exists():
                return str(path)
    return None


def run_mutmut(names: list[str], jobs: int, budget: float) -> int:
    """mutmut, with a child `python -m cngloss` able to load mutmut's configuration, and each
    mutant's tests capped at ``budget`` seconds (tests/conftest.py reads it)."""
    env = dict(os.environ)
    env["CNGLOSS_MUTATION_BUDGET"] = str(budget)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SHIM), env.get("PYTHONPATH")) if p)
    env["CNGLOSS_MUTATION_ROOT"] = str(ROOT)
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs), *names]
    print("mutation/run:", " ".join(command[2:]), flush=True)
    return subprocess.call(command, env=env)


# --- the report ----------------------------------------------------------------------------

def load_results(wanted: set[str] | None = None) -> dict[str, list[dict]]:
    """Every mutant mutmut has on disk, by module: name, status, diff, key, file:line."""
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.utils.file_utils import walk_mutatable_files
    from mutmut.utils.format_utils import orig_function_and_class_names_from_key

    by_module: dict[str, list[dict]] = defaultdict(list)
    for path in walk_mutatable_files():
        if wanted and module_name(str(path)).removesuffix(".__init__") not in wanted:
            continue  # a survivor's diff takes a parse of its file: only the modules asked for
        data = SourceFileMutationData(path=path)
        if not data.meta_path.exists():
            continue
        data.load()
        source = Path(path).read_text(encoding="utf-8")
        spans = function_spans(source)
        seen: Counter[str] = Counter()
        for name, exit_code in sorted(data.exit_code_by_key.items(), key=lambda kv: natural(kv[0])):
            module = name.split(".x_")[0].split(".xǁ")[0]
            function, cls = orig_function_and_class_names_from_key(name)
            qualified = f"{cls}.{function}" if cls else function
            status = status_of(exit_code)
            listed = status not in KILLED and status != "not checked"
            diff = get_diff_for_mutant(name, path=path) if listed else ""
            removed = [l[1:].strip() for l in diff.splitlines()
                       if l.startswith("-") and not l.startswith("---")]
            added = [l[1:].strip() for l in diff.splitlines()
                     if l.startswith("+") and not l.startswith("+++")]
            key = ""
            if diff:
                digest = hashlib.sha1("\n".join(removed + ["\0"] + added).encode()).hexdigest()[:8]
                key = f"{module.rpartition('.')[2]}.{qualified}@{digest}"
                seen[key] += 1
                if seen[key] > 1:
                    key += f"#{seen[key]}"
            by_module[module].append({
                "name": name, "status": status, "key": key, "path": str(path),
                "line": find_line(source, spans.get(qualified), removed),
                "before": " / ".join(removed), "after": " / ".join(added),
            })
    return by_module


def show(modules: list[str]) -> int:
    wanted = {module_name(m) for m in modules}
    equivalent = load_equivalent()
    for module, mutants in sorted(load_results(wanted or None).items()):
        if wanted and module not in wanted:
            continue
        for m in mutants:
            # a crashed worker gave no verdict (the mutant is retested): nothing to kill yet
            if m["status"] in RETEST - {"crashed"} and m["key"] not in equivalent:
                print(f"{m['path']}:{m['line']} {m['status']} {m['name']} `{m['key']}`\n"
                      f"    - {m['before']}\n    + {m['after']}")
    return 0


def natural(name: str) -> tuple:
    stem, _, number = name.rpartition("_")
    return (stem, int(number) if number.isdigit() else 0)


def function_spans(source: str) -> dict[str, tuple[int, int]]:
    """``Class.method`` / ``function`` -> (first line, last line) in the source file."""
    spans: dict[str, tuple[int, int]] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                spans.setdefault(prefix + child.name, (child.lineno, child.end_lineno or child.lineno))
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")

    visit(ast.parse(source), "")
    return spans


def find_line(source: str, span: tuple[int, int] | None, removed: list[str]) -> int | None:
    if not span or not removed:
        return span[0] if span else None
    lines = source.splitlines()
    for number in range(span[0], span[1] + 1):
        if lines[number - 1].strip() == removed[0]:
            return number
    return span[0]


def mutmut_version() -> str:
    from importlib.metadata import version
    return version("mutmut")


def load_equivalent() -> dict[str, str]:
    if not EQUIVALENT.exists():
        return {}
    entries = {}
    for raw in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            key, _, reason = line.partition(" ")
            entries[key] = reason.strip()
    return entries


NO_VERDICT = {"not checked", "crashed"}


def write_report(only: list[str] | None, command: str = "mutation/run") -> list[dict]:
    by_module = load_results()
    equivalent = load_equivalent()
    used: set[str] = set()
    rows, details, unrun = [], [], {}
    for module in sorted(by_module):
        mutants = by_module[module]
        used.update(m["key"] for m in mutants if m["key"] in equivalent)
        level, tested = scored_sample(mutants)
        if level is None:
            unrun[module] = len(mutants)
            continue
        counts = Counter(m["status"] for m in tested)
        equiv = [m for m in tested if m["key"] in equivalent]
        killed = sum(1 for m in tested if m["status"] in KILLED)
        # every known survivor is listed (a missing test), scored or not
        live = [m for m in mutants if m["status"] not in KILLED | {"not checked"}
                and m["key"] not in equivalent]
        denominator = len(tested) - len(equiv)
        score = 100.0 * killed / denominator if denominator else None
        rows.append({"module": module, "score": score})
        details.append((module, mutants, counts, tested, equiv, killed, live, score, level))

    out = ["# Mutation testing", "",
           "Written by `mutation/run` (mutmut); do not edit by hand. Score = killed / (tested -",
           "equivalent); a survivor is a missing test, or an equivalent mutant argued in",
           f"`mutation/equivalent.txt`. Target: {TARGET:.0f}% on every core module. Where only",
           "some of a module's mutants were tested (`--sample`: a fixed random sample), the",
           "score estimates the whole module's, and *95% interval* gives its Wilson score",
           "interval; `exact` where every mutant was tested.", "",
           f"Written {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC by `{command}` "
           f"(mutmut {mutmut_version()}, Python {sys.version.split()[0]}).", "",
           "| module | mutants | sample | tested | killed | survived | no tests | other | "
           "equivalent | score | 95% interval |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    total_killed = total_denominator = total_mutants = total_tested = 0
    for module, mutants, counts, tested, equiv, killed, live, score, level in details:
        other = len(tested) - killed - counts["survived"] - counts["no tests"]
        notes = [f"{counts[s]} {s}" for s in ("timeout", "crashed") if counts[s]]
        other = f"{other} ({', '.join(notes)})" if notes else other
        denominator = len(tested) - len(equiv)
        total_killed += killed
        total_denominator += denominator
        total_mutants += len(mutants)
        total_tested += len(tested)
        flag = "" if score is None or score >= TARGET else " ✗"
        interval = interval_text(killed, denominator, len(tested) == len(mutants))
        out.append(f"| `{module}` | {len(mutants)} | {level:.0%} | {len(tested)} | {killed} | "
                   f"{counts['survived']} | {counts['no tests']} | {other} | {len(equiv)} | "
                   f"{'-' if score is None else f'{score:.1f}%'}{flag} | {interval} |")
    if total_denominator:
        strata = [(len(mutants), len(tested) - len(equiv), killed)
                  for _, mutants, _, tested, equiv, killed, _, _, _ in details]
        estimate, low, high = stratified(strata)
        exact = total_tested == total_mutants
        out.append(f"| **the core** (each module weighted by its mutants) | {total_mutants} | | "
                   f"{total_tested} | {total_killed} | | | | | **{estimate:.1f}%** | "
                   f"{'exact' if exact else f'{low:.0f}-{high:.0f}%'} |")
    if unrun:
        out += ["", f"**Not scored yet** (not even the smallest sample complete): {len(unrun)} "
                f"core modules, {sum(unrun.values())} mutants: "
                + ", ".join(f"`{m}` ({n})" for m, n in sorted(unrun.items())) + "."]
    for module, mutants, counts, tested, equiv, killed, live, score, level in details:
        equiv = [m for m in mutants if m["key"] in equivalent]
        if not live and not equiv:
            continue
        out += ["", f"## `{module}`", ""]
        for m in sorted(live, key=lambda m: (m["line"] or 0, m["key"])):
            out.append(f"- {m['path']}:{m['line']} **{m['status']}** `{m['key']}`: "
                       f"`{m['before']}` → `{m['after']}`")
        for m in sorted(equiv, key=lambda m: (m["line"] or 0, m["key"])):
            out.append(f"- {m['path']}:{m['line']} equivalent `{m['key']}`: {equivalent[m['key']]}")
    stale = sorted(set(equivalent) - used - {m["key"] for ms in by_module.values() for m in ms})
    if stale:
        out += ["", "## Stale entries in mutation/equivalent.txt (no such mutant now)", ""]
        out += [f"- `{key}`" for key in stale]
    REPORT.write_text("\n".join(out) + "\n", encoding="utf-8")
    for row in rows:
        if only is None or row["module"] in only:
            score = "-" if row["score"] is None else f"{row['score']:.1f}%"
            print(f"mutation/run: {row['module']}: {score}")
    print(f"mutation/run: wrote {REPORT.relative_to(ROOT)}")
    return [r for r in rows if only is None or r["module"] in only]


SAMPLES = (1.0, 0.25, 0.1, 0.05)


def scored_sample(mutants: list[dict]) -> tuple[float | None, list[dict]]:
    """The mutants a module's score counts: the largest of the fixed samples (every mutant,
    else the 25%, 10% or 5% sample) whose every member has a verdict. Its members are a uniform
    random sample of the module's mutants, which the mutants tested so far are not (mutmut tests
    the cheapest first), so the score is an unbiased estimate whatever else was tested."""
    for level in SAMPLES:
        members = [m for m in mutants if in_sample(m["name"], level)]
        if members and all(m["status"] not in NO_VERDICT for m in members):
            return level, members
    return None, []


def stratified(strata: list[tuple[int, int, int]], z: float = 1.96) -> tuple[float, float, float]:
    """The score of the whole core from per-module samples of different sizes (stratified
    sampling): each module's score weighted by its number of mutants, with a normal 95%
    interval from the per-module variances (finite population corrected). ``strata`` holds
    (mutants, scored mutants, killed) per module. Pooling the samples instead would weigh a
    module sampled at 25% more than one sampled at 10%."""
    scored = [(size, n, k) for size, n, k in strata if n]
    total = sum(size for size, _, _ in scored)
    estimate = sum(size * k / n for size, n, k in scored) / total
    variance = sum((size / total) ** 2 * (k / n) * (1 - k / n) / n * max(0.0, 1 - n / size)
                   for size, n, k in scored)
    half = z * variance ** 0.5
    return 100 * estimate, 100 * max(0.0, estimate - half), 100 * min(1.0, estimate + half)


def interval_text(killed: int, denominator: int, complete: bool) -> str:
    if complete:
        return "exact"
    if not denominator:
        return "-"
    low, high = wilson(killed, denominator)
    return f"{low:.0f}-{high:.0f}%"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
