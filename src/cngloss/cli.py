"""The ``cngloss`` command: parse arguments, call the core, render. The only typer import.

``main()`` is the one error boundary: core errors, usage errors, Ctrl-C and a closed pipe
become one line on stderr and a documented exit code (README, "Exit codes"). Everything
heavier than Typer itself (rich, rapidfuzz, pypinyin, the converters) is imported inside
the command that needs it.

No ``from __future__ import annotations`` here: Typer reads every command's parameter
annotations at start-up, and string annotations are each compiled and evaluated again
(400 evals: a seventh of a cold start); real ones are built once, from the bytecode.
"""

import os
import sys
from pathlib import Path
from typing import Annotated, Any, List, Optional

import typer
from typer.core import TyperCommand


from . import __version__
from .corpus.load import Corpus, load_corpus
from .errors import (
    AmbiguousError,
    ChoiceError,
    CnglossError,
    DataError,
    ExitCode,
    NotFoundError,
    UsageError,
)
from .output.console import print_error, print_message, print_view
from .output.environment import Environment

# How the command line names what the core calls a choice (ChoiceError.name).
OPTION_NAMES = {"format": "--format", "sort": "--sort", "context": "--context", "by": "--by",
                "measure": "--measure"}


class _PipeClosed(Exception):
    """The reader of stdout went away (``cngloss … | head``): not an OSError, so that Typer,
    which turns EPIPE into exit 1 ("nothing found"), lets it through to ``main``."""


class _Command(TyperCommand):
    """A command whose usage line shows its arguments as named (``show [OPTIONS] TERM``):
    Typer wraps required ones in braces (``{TERM}``), a notation help readers do not know.
    A closed pipe leaves it as ``_PipeClosed``."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _PipeClosed() from None

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        return [piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
                for piece in super().collect_usage_pieces(ctx)]


class _Typer(typer.Typer):
    """Every command of the app is a ``_Command``."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", _Command)
        return super().command(*args, **kwargs)


# Examples in help texts are aligned by terminal columns: a CJK character takes two.
app = _Typer(
    name="cngloss",
    help="A glossary of Chinese policy terms: search, show, and glossary appendices.\n\n"
         "\b\nExamples:\n"
         "  cngloss search liuwen         find a term from pinyin, hanzi or English\n"
         "  cngloss show 八有一超         definition, parts, related terms, passages\n"
         "  cngloss appendix --format html --output glossary.html\n"
         "  cngloss list --json           every term, for scripts",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


class State:
    """What the global options set up for the commands: the environment and the corpus."""

    def __init__(self, env: Optional[Environment] = None):
        self.env = Environment() if env is None else env
        self.glossary: Optional[Path] = None
        self.library: Optional[Path] = None
        self._corpus: Optional[Corpus] = None

    def corpus(self) -> Corpus:
        if self._corpus is None:
            self._corpus = load_corpus(self.glossary, self.env.environ)
        return self._corpus

    def library_path(self, required: bool = False) -> Optional[Path]:
        """The library to use: --library, $CNGLOSS_LIBRARY, or the default one if it exists
        (None: no library, commands work on the glossary's report as before)."""
        from .library.location import library_path  # lazy: only commands that may use a library

        path, named = library_path(self.library, self.env.environ)
        return path if named or required or path.exists() else None


def _state(ctx: typer.Context) -> State:
    if not isinstance(ctx.obj, State):
        ctx.obj = State()
    return ctx.obj


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"cngloss {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    glossary: Annotated[Optional[Path], typer.Option(
        "--glossary", "-g", metavar="PATH",
        # Not checked here: the loader says what is wrong in the documented words (exit 3).
        readable=False,
        help="Glossary file (YAML). Default: $CNGLOSS_GLOSSARY, else the bundled "
             "Lianzhou 2021 glossary.")] = None,
    library: Annotated[Optional[Path], typer.Option(
        "--library", "-L", metavar="PATH", readable=False,
        help="Library of reports (SQLite). Default: $CNGLOSS_LIBRARY, else library.sqlite in "
             "the user data folder.")] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """A glossary of Chinese policy terms."""
    _state(ctx).glossary = glossary
    _state(ctx).library = library


def _complete_term(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: headwords and ids that start with what was typed."""
    from .lookup.search import completions  # lazy: only a completion request needs it

    try:
        path = ctx.find_root().params.get("glossary") if ctx else None
        return completions(load_corpus(path).glossary, incomplete)
    except (CnglossError, OSError):
        return []


def _emit_json(env: Environment, data: object) -> None:
    from .output.json import dumps  # lazy: for --json only
    env.stdout.write(dumps(data) + "\n")
    env.stdout.flush()


# --------------------------------------------------------------------------- library options

PlaceOption = Annotated[Optional[str], typer.Option(
    "--place", metavar="PLACE", help="Only reports of places whose name contains PLACE.")]
YearOption = Annotated[Optional[str], typer.Option(
    "--year", metavar="YEARS", help="Only reports of these years: 2021, 2019..2023, 2019.., ..2010.")]
LevelOption = Annotated[Optional[str], typer.Option(
    "--level", metavar="LEVEL", help="Only reports of this level: national, province, city...")]
LimitOption = Annotated[Optional[int], typer.Option(
    "--limit", "-n", min=0, metavar="N",
    help="At most N paragraphs in all (terminal default 20; --json/--csv: all).")]
PerReportOption = Annotated[Optional[int], typer.Option(
    "--per-report", min=1, metavar="N",
    help="At most N paragraphs of each report (terminal default 3; --json/--csv: all).")]
CsvOption = Annotated[bool, typer.Option(
    "--csv", help="Print the uses as CSV, one row a use (library only).")]


# --------------------------------------------------------------------------- list


ReviewedOption = Annotated[bool, typer.Option(
    "--reviewed", help="Only reviewed entries: the curated glossary and added glossary files "
                       "(library only).")]


def _selection(state: "State", place: Optional[str], year: Optional[str],
               reviewed: bool) -> Optional[list]:
    """The entries of every glossary in use that --place/--year/--reviewed select, or None
    when none of them is given (the command then works on the curated glossary alone)."""
    if not (place or year or reviewed):
        return None
    library = state.library_path()
    if library is None:
        given = [n for n, v in (("--place", place), ("--year", year), ("--reviewed", reviewed))
                 if v]
        raise UsageError(f"{', '.join(given)}: only with a library (add reports with "
                         "'cngloss add', or name one with --library)")
    from .library.glossary_queries import select  # lazy: the core call, library only

    return select(library, state.corpus(), _filters(place, year, None), reviewed)


@app.command("list")
def list_command(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print JSON: {\"terms\": [...]}.")] = False,
    place: PlaceOption = None,
    year: YearOption = None,
    reviewed: ReviewedOption = False,
) -> None:
    """List every term: note, headword, pinyin, English, number of passages.

    With a library, --place, --year and --reviewed list the entries of every glossary in
    use that the notes of those reports define (one row per headword, with its reports).

    \b
    Examples:
      cngloss list
      cngloss list --json | jq '.terms[].term'
      cngloss list --place 广东 --year 2021
    """
    state = _state(ctx)
    rows = _selection(state, place, year, reviewed)
    if rows is not None:
        if json:
            from .output.json import glossary_list_to_dict  # lazy: --json only

            _emit_json(state.env, glossary_list_to_dict(rows, state.corpus().glossary))
        elif rows:
            from .output.views import glossary_list_view  # lazy: terminal only

            print_view(glossary_list_view(rows), state.env)
        if not rows:
            raise NotFoundError("no entry of the glossaries in use is selected (see: "
                                "cngloss reports)")
        return
    corpus = state.corpus()
    counts = corpus.passage_counts()
    if json:
        from .output.json import list_to_dict  # lazy: the JSON builders, for --json only

        _emit_json(state.env, list_to_dict(corpus.glossary, counts))
        return
    from .output.views import list_view  # lazy, as every view: not on a --json path

    print_view(list_view(corpus.glossary, counts), state.env)


# --------------------------------------------------------------------------- check


@app.command()
def check(
    ctx: typer.Context,
    json: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Check the glossary against itself and its report; report every problem at once.

    Checks YAML syntax, the schema, duplicate ids/notes/headwords, cross-references,
    definitions (verbatim from the report's notes), variants (used in the report body),
    numbered slogans (六稳 has six items), corrections, and pinyin (against pypinyin,
    as warnings). Exits 3 if there is any error.

    \b
    Examples:
      cngloss check
      cngloss --glossary my-terms.yaml check --json
    """
    from .corpus.checks import run_checks  # lazy: pypinyin, for check only

    state = _state(ctx)
    result = run_checks(state.glossary, environ=state.env.environ)
    failed = bool(result.errors) or (strict and bool(result.warnings))
    if json:
        from .output.json import check_to_dict  # lazy: the JSON builders, for --json only

        _emit_json(state.env, check_to_dict(result))
    else:
        for problem in result.problems:
            print_message(str(problem), state.env)
        from .output.views import check_view  # lazy: the views, for terminal output only

        print_view(check_view(result), state.env)
    if failed:
        raise typer.Exit(ExitCode.BAD_DATA)


TERMINAL_LIMIT = 20
TERMINAL_PER_REPORT = 3


def _filters(place: Optional[str], year: Optional[str], level: Optional[str]) -> Any:
    from .library.queries import parse_years  # lazy: library commands only
    from .library.search import Filters  # lazy: library commands only

    return Filters(place, parse_years(year), level)


def _library_only(place: Optional[str], year: Optional[str], level: Optional[str],
                  csv: bool, limit: Optional[int] = None,
                  per_report: Optional[int] = None) -> None:
    """Without a library these options have nothing to act on: say so, do not ignore them."""
    given = [name for name, value in (("--place", place), ("--year", year), ("--level", level),
                                      ("--csv", csv), ("--limit", limit),
                                      ("--per-report", per_report)) if value]
    if given:
        raise UsageError(f"{', '.join(given)}: only with a library (add reports with "
                         "'cngloss add', or name one with --library)")


def _print_library_passages(state: "State", found: Any, json: bool, csv: bool) -> None:
    if json:
        from .output.json import library_passages_to_dict  # lazy: the JSON builders, --json only

        _emit_json(state.env, library_passages_to_dict(found))
    elif csv:
        from .output.tables import write_passages_csv  # lazy: the csv writer, --csv only

        write_passages_csv(found, state.env.stdout)
        state.env.stdout.flush()
    elif found.groups:
        from .output.views import library_passages_view  # lazy: the views, terminal only

        print_view(library_passages_view(found, state.env.columns), state.env)


def _limits(json: bool, csv: bool, limit: Optional[int],
            per_report: Optional[int]) -> tuple[Optional[int], Optional[int]]:
    if json or csv:
        return limit, per_report
    return (TERMINAL_LIMIT if limit is None else limit,
            TERMINAL_PER_REPORT if per_report is None else per_report)


# --------------------------------------------------------------------------- show


@app.command()
def show(
    ctx: typer.Context,
    term: Annotated[str, typer.Argument(
        metavar="TERM", help="Headword, variant, id, pinyin, initials, English...",
        autocompletion=_complete_term)],
    json: Annotated[bool, typer.Option("--json", help="Print the term and its passages as JSON.")] = False,
    context: Annotated[str, typer.Option(
        "--context", "-c", metavar="sentence|paragraph",
        help="Show each passage as the sentence that uses the term, or the whole paragraph.")]
        = "sentence",
    place: Annotated[Optional[str], typer.Option(
        "--place", "--from", metavar="PLACE",
        help="Only reports (and their notes) of places whose name contains PLACE.")] = None,
    year: YearOption = None,
    level: LevelOption = None,
    limit: LimitOption = None,
    per_report: PerReportOption = None,
    csv: CsvOption = False,
) -> None:
    """Show a term: definition, parts, related terms, and every passage that uses it.

    With a library, the passages come from every report in it, grouped by report, newest
    first (filters --place, --year, --level; --csv for spreadsheets).

    \b
    Examples:
      cngloss show 八有一超
      cngloss show liuwen --context paragraph
      cngloss show "zombie" --json
      cngloss show 六稳 --year 2019..2021 --place 广东
    """
    state = _state(ctx)
    corpus = state.corpus()
    library = state.library_path()
    if library is not None:
        _show_library(state, corpus, library, term, json, csv, place, year, level, limit,
                      per_report)
        return
    _library_only(place, year, level, csv, limit, per_report)
    # lazy: the command's core call, for this command only
    from .corpus.queries import show as show_term

    shown = show_term(corpus, term, context)
    if shown.guess:  # a typo or homophone: say which term is shown instead
        print_message(f"cngloss: {shown.guess}", state.env)
    if json:
        from .output.json import show_to_dict  # lazy: the JSON builders, for --json only

        _emit_json(state.env, show_to_dict(shown, corpus.glossary))
        return
    from .output.views import term_view  # lazy: the views, for terminal output only

    print_view(term_view(shown.term, corpus.glossary, shown.passages, shown.report_name),
               state.env)


def _show_library(state: "State", corpus: Corpus, library: Path, term: str, json: bool,
                  csv: bool, place: Optional[str], year: Optional[str], level: Optional[str],
                  limit: Optional[int], per_report: Optional[int]) -> None:
    from .library.glossary_queries import entry_with_passages  # lazy: library only

    limit, per_report = _limits(json, csv, limit, per_report)
    shown, found = entry_with_passages(library, corpus, term, _filters(place, year, level),
                                       per_report, limit)
    if found.guess:
        print_message(f"cngloss: {found.guess}", state.env)
    glossary = corpus.glossary if shown.curated else None
    if json:
        # lazy: the JSON builders, --json only
        from .output.json import definitions_to_dict, library_passages_to_dict, term_to_dict

        _emit_json(state.env, {"term": term_to_dict(shown.term, glossary or _lone(shown.term)),
                               **definitions_to_dict(shown),
                               "library": library_passages_to_dict(found)})
    elif csv:
        _print_library_passages(state, found, json, csv)
    else:
        from .output.views import library_passages_view, term_view  # lazy: terminal only
        from .output.views import Blank, definitions_view, line  # lazy: terminal only

        label = "Definition" if shown.reviewed else "Definition (the newest note's)"
        view = term_view(shown.term, glossary or _lone(shown.term), None,
                         definition_label=label)
        view += definitions_view(shown)
        view += [Blank(), line(("Passages in the library", "heading"))]
        view += library_passages_view(found, state.env.columns) if found.groups else \
            [line((f"none ({found.missing})", "dim"))]
        print_view(view, state.env)


def _lone(term: Any) -> Any:
    """A glossary of one term, for a term from the library (its cross-references are by
    headword, across the glossaries, and not shown here yet)."""
    from .model import Glossary  # lazy: library terms only

    return Glossary(Path("library"), (term,))


# --------------------------------------------------------------------------- search


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[List[str], typer.Argument(
        metavar="QUERY...", help="Hanzi (simplified or traditional), pinyin in any form, initials, English.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N",
                                       help="At most N results.")] = 10,
    json: Annotated[bool, typer.Option("--json", help="Print JSON: {\"query\", \"results\"}.")] = False,
) -> None:
    """Find terms from whatever you type; each result says what it matched on.

    \b
    Examples:
      cngloss search liuwen          pinyin, run together or spaced, any case
      cngloss search "liu4 wen3"     tone numbers (or marks: liù wěn)
      cngloss search lwlb            initials
      cngloss search 兩不愁三保障    traditional characters
      cngloss search zombie          English
    """
    from .corpus.queries import find  # lazy: the command's core call, for this command only

    state = _state(ctx)
    corpus = state.corpus()
    library = state.library_path()
    if library is not None:
        _search_library(state, corpus, library, " ".join(query), limit, json)
        return
    found = find(corpus, " ".join(query), limit)
    if json:
        from .output.json import search_to_dict  # lazy: the JSON builders, for --json only

        _emit_json(state.env, search_to_dict(found, corpus.glossary))
    elif found.hits:
        from .output.views import search_view  # lazy: the views, for terminal output only

        print_view(search_view(found.hits, found.query), state.env)
    if found.missing:
        raise found.missing


def _search_library(state: "State", corpus: Corpus, library: Path, query: str, limit: int,
                    json: bool) -> None:
    """search over every glossary in use: one row per headword, with its reports."""
    from .library.glossary_queries import find  # lazy: the core call, library only

    found = find(library, corpus, query, limit)
    if json:
        from .output.json import glossary_search_to_dict  # lazy: --json only

        _emit_json(state.env, glossary_search_to_dict(found, corpus.glossary))
    elif found.rows:
        from .output.views import glossary_search_view  # lazy: terminal only

        print_view(glossary_search_view(found.rows, found.query), state.env)
    if found.missing:
        raise found.missing


# --------------------------------------------------------------------------- grep


@app.command()
def grep(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT",
                                        help="A word or phrase (any text, not only terms).")],
    json: Annotated[bool, typer.Option("--json", help="Print the uses as JSON.")] = False,
    place: PlaceOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    limit: LimitOption = None,
    per_report: PerReportOption = None,
    csv: CsvOption = False,
) -> None:
    """Show where a word or phrase is used in the report body, in context.

    Each use is a keyword-in-context line under its paragraph number and section;
    glossary terms nearby are highlighted. Exits 1 when the text is not found. With a
    library, every report in it is searched (grouped by report, newest first).

    \b
    Examples:
      cngloss grep 扶贫
      cngloss grep 乡村振兴 --json
      cngloss grep 两违 --year 2019.. --csv > uses.csv
    """
    state = _state(ctx)
    library = state.library_path()
    if library is not None:
        from .library.queries import grep as grep_library  # lazy: the core call, library only

        low, per = _limits(json, csv, limit, per_report)
        found = grep_library(library, text, _filters(place, year, level), per, low)
        _print_library_passages(state, found, json, csv)
        if found.missing:
            raise found.missing
        return
    _library_only(place, year, level, csv, limit, per_report)
    # lazy: the command's core call, for this command only
    from .corpus.queries import grep as grep_text

    result = grep_text(state.corpus(), text)
    if json:
        from .output.json import grep_to_dict  # lazy: the JSON builders, for --json only

        _emit_json(state.env, grep_to_dict(result))
    elif result.passages:
        from .output.views import grep_view  # lazy: the views, for terminal output only

        print_view(grep_view(result, state.env.columns), state.env)
    if result.missing:
        raise result.missing


# --------------------------------------------------------------------------- related


@app.command()
def related(
    ctx: typer.Context,
    term: Annotated[str, typer.Argument(metavar="TERM", help="Headword, id, pinyin, English...",
                                        autocompletion=_complete_term)],
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=5, metavar="N",
                                       help="Levels of cross-references to follow.")] = 2,
    json: Annotated[bool, typer.Option("--json", help="Print the tree as JSON.")] = False,
) -> None:
    """Draw a term's cross-references as a tree, with each related term's tags.

    \b
    Examples:
      cngloss related 八有一超
      cngloss related liuwen --depth 1 --json
    """
    # lazy: the command's core call, for this command only
    from .corpus.queries import related as related_terms

    state = _state(ctx)
    library = state.library_path()
    if library is not None:
        from .library.glossary_queries import related as related_across  # lazy: library only

        tree, guess = related_across(library, state.corpus(), term, depth)
    else:
        found = related_terms(state.corpus(), term, depth)
        tree, guess = found.tree, found.guess
    if guess:
        print_message(f"cngloss: {guess}", state.env)
    if json:
        from .output.json import related_to_dict  # lazy: the JSON builders, for --json only

        _emit_json(state.env, related_to_dict(tree))
        return
    from .output.views import related_view  # lazy: the views, for terminal output only

    print_view(related_view(tree), state.env)


# --------------------------------------------------------------------------- appendix


def _complete_choice(name: str, incomplete: str) -> list[str]:
    """Shell completion for --format and --sort: the choices appendix.py accepts."""
    from .render import appendix  # lazy: the appendix module, for completion only

    return [choice for choice in getattr(appendix, name) if choice.startswith(incomplete)]


@app.command()
def appendix(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar="md|html|tex|txt|json|csv", help="Output format.",
        autocompletion=lambda incomplete: _complete_choice("FORMATS", incomplete))] = "md",
    sort: Annotated[Optional[str], typer.Option(
        "--sort", "-s", metavar="note|pinyin|appearance",
        help="Order: by note number (default), or by pinyin (toneless, then tone, then "
             "headword); with --for, by first use in FILE (default).",
        autocompletion=lambda incomplete: _complete_choice("SORTS_FOR", incomplete))] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write to FILE (atomically) instead of stdout ('-': stdout).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing FILE.")] = False,
    width: Annotated[Optional[int], typer.Option(
        "--width", "-w", min=20, metavar="COLUMNS",
        help="Wrap txt to this many columns (CJK counts two). Default: the terminal, or 80.")]
        = None,
    standalone: Annotated[bool, typer.Option(
        "--standalone", help="tex: a complete ctexart document, not just the body.")] = False,
    all_formats: Annotated[Optional[Path], typer.Option(
        "--all-formats", metavar="DIR",
        help="Write appendix.md, .html, .tex (standalone), .txt (80 columns), .json and "
             ".csv into DIR (created if missing; its parent must exist).")] = None,
    place: PlaceOption = None,
    year: YearOption = None,
    reviewed: ReviewedOption = False,
    for_document: Annotated[Optional[str], typer.Option(
        "--for", metavar="FILE",
        help="Only the terms FILE uses (any format; '-': stdin), in order of first use "
             "(--sort note|pinyin also), each with the lines of FILE that use it.")] = None,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME",
        help="--for: the encoding of FILE (default: UTF-8 or GB18030, detected).")] = None,
) -> None:
    """Print a glossary appendix: every term with pinyin, English, definition, parts,
    see-also links and where the report uses it.

    \b
    Examples:
      cngloss appendix                                 Markdown on stdout
      cngloss appendix --format html -o glossary.html  a printable web page
      cngloss appendix --format tex --standalone       a complete XeLaTeX document
      cngloss appendix --format csv --sort pinyin      for spreadsheets and flashcards
      cngloss appendix --all-formats glossary --force  regenerate glossary/
      cngloss appendix --for speech.docx -f html -o speech-glossary.html
    """
    # lazy: the renderers, for appendix only
    from .render.appendix import render_appendix, write_all_formats

    state = _state(ctx)
    corpus = state.corpus()
    rows = _selection(state, place, year, reviewed)
    if rows is not None:
        from .library.glossary_queries import selected_glossary  # lazy: a selection only

        if not rows:
            raise NotFoundError("no entry of the glossaries in use is selected (see: "
                                "cngloss reports)")
        chosen = [x for x in (place, year, "reviewed entries" if reviewed else None) if x]
        title = "Glossary of the library: " + ", ".join(chosen)
        corpus = Corpus(selected_glossary(rows, title), None)
    if all_formats is not None:
        if output is not None or for_document is not None:
            raise UsageError("use --output or --for, or --all-formats, not both")
        for path in write_all_formats(corpus, all_formats, sort or "note", width or 80, force):
            print_message(f"wrote {path}", state.env)
        return
    document = None
    if for_document is not None:
        from .corpus.annotate import annotate as annotate_document  # lazy: --for only

        if rows is None:
            corpus = Corpus(_annotating_glossary(state), corpus.report)
        document = annotate_document(corpus.glossary.terms, for_document,
                                     encoding=encoding, stdin=_stdin_bytes())
        if document.missing:
            raise document.missing
    elif encoding is not None:
        raise UsageError("--encoding goes with --for FILE")
    text = render_appendix(corpus, fmt, sort, width or state.env.columns, standalone, document)
    _write_output(state.env, text, output, force)


# --------------------------------------------------------------------------- annotate


ANNOTATE_FORMATS = ("text", "html")


@app.command()
def annotate(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(
        metavar="FILE", help="The document: .txt, .md, .html, .docx, .pdf; '-': stdin.")],
    json: Annotated[bool, typer.Option(
        "--json", help="Print JSON: the terms used and every occurrence with offsets.")] = False,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar="text|html",
        help="text (default), or html: one page, terms with pinyin and meaning on hover, "
             "focus or tap, and a glossary of them at the end.")] = "text",
    parts: Annotated[bool, typer.Option(
        "--parts", help="Also find a term's parts (六稳, 稳就业) where they stand alone.")]
        = False,
    terms_only: Annotated[bool, typer.Option(
        "--terms", help="Only the table of the terms used, not the text.")] = False,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write to FILE (atomically) instead of stdout ('-': stdout).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing FILE.")] = False,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME",
        help="The document's text encoding (default: UTF-8 or GB18030, detected).")] = None,
) -> None:
    """Mark every glossary term a document uses, with a table of them (count, first line,
    English). Exits 1 when the document uses none.

    \b
    Examples:
      cngloss annotate speech.txt
      cngloss annotate report.pdf --terms
      cngloss annotate report.docx --format html -o report.html
      pbpaste | cngloss annotate - --json
    """
    from .corpus.annotate import annotate as annotate_document  # lazy: annotate only

    if fmt not in ANNOTATE_FORMATS:
        raise ChoiceError("format", fmt, ANNOTATE_FORMATS)
    state = _state(ctx)
    glossary = _annotating_glossary(state)
    found = annotate_document(glossary.terms, document, parts, encoding, _stdin_bytes())
    if json:
        from .output.json import annotation_to_dict, dumps  # lazy: the JSON builders, --json

        text = dumps(annotation_to_dict(found, glossary)) + "\n"
    elif fmt == "html":
        from .render.annotated import render  # lazy: the page, for --format html only

        text = render(found)
    elif output is not None and str(output) != "-":
        from .output.console import plain_text  # lazy: a file gets plain text
        from .output.views import annotate_view  # lazy: the views, for text output only

        text = plain_text(annotate_view(found, glossary, not terms_only))
    else:
        from .output.views import annotate_view  # lazy: the views, for text output only

        print_view(annotate_view(found, glossary, not terms_only), state.env)
        text = None
    if text is not None:
        _write_output(state.env, text, output, force)
    if found.missing:
        raise found.missing


def _annotating_glossary(state: "State") -> Any:
    """The terms ``annotate`` and ``appendix --for`` look for: the glossary in use, and with
    a library every glossary in it too (its glossary files and the notes of its reports),
    the curated terms first, so that a curated term owns its forms."""
    glossary = state.corpus().glossary
    library = state.library_path()
    if library is None:
        return glossary
    # lazy: the library's glossaries, with a library only
    from .library.glossary_queries import select, selected_glossary

    return selected_glossary(select(library, state.corpus()), glossary.title)


def _write_output(env: Environment, text: str, output: Optional[Path], force: bool) -> None:
    """``text`` to stdout, or (``--output FILE``) to FILE, whole or not at all."""
    if output is None or str(output) == "-":
        env.stdout.write(text)
        env.stdout.flush()
        return
    from .sources.files import write_atomically  # lazy: for --output only

    write_atomically(output, text, force)
    print_message(f"wrote {output}", env)


def _stdin_bytes():
    """Standard input as bytes, for ``-`` (None when there is none)."""
    return getattr(sys.stdin, "buffer", None)


# --------------------------------------------------------------------------- import


@app.command("import")
def import_command(
    ctx: typer.Context,
    reports: Annotated[List[Path], typer.Argument(
        metavar="REPORT...",
        help="Report files with a notes section: .txt, .md, .html, .docx, .pdf.")],
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write the glossary to FILE (atomically; default: stdout). One report only.")]
        = None,
    output_dir: Annotated[Optional[Path], typer.Option(
        "--output-dir", "-d", metavar="DIR",
        help="Write one glossary per report into DIR, named after the report.")] = None,
    english_from: Annotated[Optional[Path], typer.Option(
        "--english-from", metavar="GLOSSARY",
        help="Take English renderings from GLOSSARY's terms with the same headword.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
    encoding: Annotated[Optional[str], typer.Option(
        "--encoding", metavar="NAME",
        help="The text encoding of the reports (default: UTF-8 or GB18030, detected).")]
        = None,
) -> None:
    """Make a glossary from the notes (名词解释) of a report: every note a term, with its
    definition verbatim and suggested pinyin, parts, variants and related terms, ready for
    `cngloss check`.

    \b
    Examples:
      cngloss import report.txt --output terms.yaml
      cngloss import reports/*.txt --output-dir glossaries
      cngloss import report.txt --english-from my-terms.yaml > terms.yaml
    """
    from .corpus.importer import import_reports  # lazy: the importer, for import only

    state = _state(ctx)
    many = len(reports) > 1

    def done(imported: Any, report: Path, error: Optional[Exception]) -> None:
        if error is not None:
            print_error(str(error), state.env)
            return
        for flag in imported.flags:
            print_message(f"{report}: review: {flag}", state.env)
        if imported.output is not None or many:
            print_message(f"imported {report}: {imported.terms} terms -> "
                          f"{imported.output or 'stdout'}", state.env)

    results = import_reports(reports, output, output_dir, english_from, force, encoding, done)
    for imported in results:
        if imported.output is None:
            state.env.stdout.write(imported.text)
            state.env.stdout.flush()


# --------------------------------------------------------------------------- the library


@app.command()
def add(
    ctx: typer.Context,
    paths: Annotated[List[Path], typer.Argument(
        metavar="PATH...", readable=False,
        help="Report files (.txt .md .html .docx .pdf), folders of them, .jsonl(.gz) "
             "collections.")],
    json: Annotated[bool, typer.Option("--json", help="Print what was added as JSON.")] = False,
) -> None:
    """Add reports to the library (created if missing). The same content twice is added
    once; a changed file replaces the report it gave before. A report that cannot be read
    or parsed is skipped and named; the rest go in, and the exit code is then 3.

    \b
    Examples:
      cngloss add report.txt
      cngloss add reports/ government-work-reports.jsonl.gz
      cngloss --library demo.sqlite add report.pdf
    """
    from .library.queries import add_all  # lazy: the command's core call

    state = _state(ctx)
    path = state.library_path(required=True)
    with _progress(state.env, "adding reports") as progress:
        result, glossaries = add_all(path, paths, progress)
    for skipped in result.skipped:
        print_message(f"cngloss: skipped {skipped.source}: {skipped.reason}", state.env)
    for failure in result.failures:
        print_error(f"{failure.source}: not added: {failure.reason}", state.env)
    if json:
        from .output.json import add_to_dict  # lazy: the JSON builders, for --json only

        _emit_json(state.env, add_to_dict(result, glossaries))
    else:
        if glossaries is not None:
            state.env.stdout.write(
                f"added {glossaries.added} glossar{'ies' if glossaries.added != 1 else 'y'}"
                f" ({glossaries.terms} terms; {glossaries.replaced} replacing an older "
                f"version, {glossaries.unchanged} already there) to {path}\n")
        if glossaries is None or result.added or result.unchanged or result.failures \
                or result.skipped:
            state.env.stdout.write(
                f"added {result.added} report{'s' * (result.added != 1)}"
                f" ({result.replaced} replacing an older version, {result.unchanged} already "
                f"there, {len(result.failures)} failed{_not_reports(len(result.skipped))}) to "
                f"{path}\n")
        state.env.stdout.flush()
    if result.failures:
        raise typer.Exit(ExitCode.BAD_DATA)


def _not_reports(n: int) -> str:
    """The files of a folder skipped as not reports, in add's summary (only when any)."""
    return f", {n} not {'a report' if n == 1 else 'reports'}" if n else ""


class _progress:
    """A rich progress bar on stderr when it is a terminal, nothing otherwise: the share of
    the input read (its size is known before reading: compressed bytes for a .gz
    collection), the reports dealt with and the time left."""

    def __init__(self, env: Environment, label: str):
        self.env, self.label, self.bar = env, label, None

    def __enter__(self) -> Any:
        isatty = getattr(self.env.stderr, "isatty", None)
        if not (isatty and isatty()):
            return None
        # lazy: rich's progress bar, only on a terminal
        from rich.console import Console
        from rich.progress import (BarColumn, Progress, TaskProgressColumn, TextColumn,
                                   TimeRemainingColumn)

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(),
                            TaskProgressColumn(), TextColumn("{task.fields[reports]:,} reports"),
                            TimeRemainingColumn(), transient=True,
                            console=Console(file=self.env.stderr, force_terminal=True))
        self.bar.start()
        task = self.bar.add_task(self.label, total=None, reports=0)
        return lambda reports, done, total: self.bar.update(task, completed=done, total=total,
                                                            reports=reports)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command()
def reports(
    ctx: typer.Context,
    place: PlaceOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
) -> None:
    """List the library's reports, newest first: id, year, place, level, size, source.

    \b
    Examples:
      cngloss reports --year 2019..2023 --level city
      cngloss reports --place 广东 --json
    """
    from .library.queries import reports as list_reports  # lazy: the command's core call

    state = _state(ctx)
    infos = list_reports(state.library_path(required=True), _filters(place, year, level))
    if json:
        from .output.json import reports_to_dict  # lazy: the JSON builders, for --json only

        _emit_json(state.env, reports_to_dict(infos))
        return
    from .output.views import reports_view  # lazy: the views, for terminal output only

    print_view(reports_view(infos), state.env)


@app.command()
def remove(
    ctx: typer.Context,
    selectors: Annotated[Optional[List[str]], typer.Argument(
        metavar="[ID|PATH]...", help="Report ids (see 'cngloss reports') or the paths they "
                                     "were added from.")] = None,
    place: PlaceOption = None,
    year: YearOption = None,
    level: LevelOption = None,
) -> None:
    """Take reports out of the library: by id, by the path they were added from (a
    collection: all its reports), or all the reports the filters select.

    \b
    Examples:
      cngloss remove 12 13
      cngloss remove reports/old-report.txt
      cngloss remove --place 连州 --year 2021
      cngloss remove terms.yaml            an added glossary file
    """
    from .library.queries import remove as remove_reports  # lazy: the command's core call

    state = _state(ctx)
    selectors = list(selectors or [])
    glossaries = [s for s in selectors if Path(s).suffix.lower() in (".yaml", ".yml")]
    if glossaries:
        from .library.queries import remove_glossaries  # lazy: glossary files only

        count = remove_glossaries(state.library_path(required=True), glossaries)
        state.env.stdout.write(f"removed {count} glossar{'y' if count == 1 else 'ies'}\n")
        selectors = [s for s in selectors if s not in glossaries]
        if not selectors and not (place or year or level):
            state.env.stdout.flush()
            return
    removed = remove_reports(state.library_path(required=True), selectors,
                             _filters(place, year, level))
    if not removed:
        raise NotFoundError("no report in the library matches (see: cngloss reports)")
    state.env.stdout.write(f"removed {len(removed)} report{'s' * (len(removed) != 1)}\n")
    state.env.stdout.flush()


@app.command()
def trend(
    ctx: typer.Context,
    texts: Annotated[List[str], typer.Argument(
        metavar="TERM|TEXT...", help="Terms or any texts; one series each.")],
    by: Annotated[Optional[str], typer.Option(
        "--by", metavar="level|place", help="One series per level or per place.")] = None,
    place: PlaceOption = None,
    year: YearOption = None,
    level: LevelOption = None,
    json: Annotated[bool, typer.Option("--json", help="Print the series as JSON.")] = False,
    csv: Annotated[bool, typer.Option("--csv", help="Print the series as CSV.")] = False,
    measure: Annotated[str, typer.Option(
        "--measure", "-m", metavar="rate|reports|occurrences",
        help="What the chart shows: uses per 100,000 characters (default), reports using "
             "the text, or uses.")] = "rate",
    svg: Annotated[Optional[Path], typer.Option(
        "--svg", metavar="FILE", help="Also draw the chart as SVG into FILE (needs the "
                                      "chart extra: pip install 'cngloss[chart]').")] = None,
    png: Annotated[Optional[Path], typer.Option(
        "--png", metavar="FILE", help="Also draw the chart as PNG into FILE (chart extra).")]
        = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing FILE.")] = False,
) -> None:
    """How texts are used in the library over the years: per year the reports it holds,
    those using the text, the uses, and the rate per 100,000 characters. Years without
    reports are left out (gaps); years with reports but no use are 0.

    \b
    Examples:
      cngloss trend 六稳 六保 乡村振兴
      cngloss trend 乡村振兴 --measure reports --png trend.png
      cngloss trend 雪亮工程 --by level --csv > trend.csv
    """
    from .library.queries import trend as trend_of  # lazy: the command's core call

    state = _state(ctx)
    trends = trend_of(state.library_path(required=True), texts, by, _filters(place, year, level))
    if json:
        from .output.json import trend_to_dict  # lazy: the JSON builders, for --json only

        _emit_json(state.env, trend_to_dict(trends))
    elif csv:
        from .output.tables import write_trend_csv  # lazy: the csv writer, --csv only

        write_trend_csv(trends, state.env.stdout)
        state.env.stdout.flush()
    else:
        # lazy: the views and the chart, for terminal output only
        from .output.chart import chart_view
        from .output.views import Blank, trend_view

        series = [s for t in trends for s in t.series]
        print_view(trend_view(trends) + [Blank()]
                   + chart_view(series, measure, state.env.columns), state.env)
    series = [s for t in trends for s in t.series]
    for path, fmt in ((svg, "svg"), (png, "png")):
        if path is not None:
            from .render.chart_image import write_image  # lazy: matplotlib, for images only

            write_image(series, path, fmt, measure, force=force)
            print_message(f"wrote {path}", state.env)
    if not any(t.occurrences for t in trends):
        raise NotFoundError("none of these texts occurs in the library's reports"
                            + (" (with these filters)" if place or year or level else ""))


# --------------------------------------------------------------------------- main


def main(argv: List[str] | None = None, env: Environment | None = None) -> int:
    """Run the command line; return the exit code (the console script exits with it)."""
    env = env or Environment()
    state = State(env=env)
    command = typer.main.get_command(app)
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:  # bare `cngloss` is `cngloss --help`, not a usage error (README, "Exit codes")
        args = ["--help"]
    try:
        result = command.main(args=args, prog_name="cngloss", standalone_mode=False, obj=state)
        return int(result) if isinstance(result, int) else ExitCode.OK
    except AmbiguousError as exc:
        print_error(str(exc), env)
        _print_candidates(exc.candidates, state, env, exc)
        return exc.exit_code
    except ChoiceError as exc:  # worded with the option that made the choice
        print_error(exc.describe(OPTION_NAMES.get(exc.name, f"the {exc.name}")), env)
        return exc.exit_code
    except NotFoundError as exc:
        print_error(str(exc), env)
        if exc.suggestions:
            print_message("did you mean: " + ", ".join(exc.suggestions) + "?", env)
        if exc.hint:
            print_message(exc.hint, env)
        return exc.exit_code
    except DataError as exc:
        more = len(exc.problems) - 1
        print_error(str(exc) + (f" [and {more} more problem(s); to see them all, run: "
                                f"{_check_command(state)}]" if more > 0 else ""), env)
        return exc.exit_code
    except CnglossError as exc:
        print_error(str(exc), env)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):  # Ctrl-C: quietly (Typer itself exits 130 too)
        return ExitCode.INTERRUPTED
    except (BrokenPipeError, _PipeClosed):  # the reader stopped: quietly, and not a failure
        _silence_stdout()
        return ExitCode.OK
    except typer.TyperException as exc:  # usage errors: bad option, missing argument
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        ctx = getattr(exc, "ctx", None)
        where = f"{ctx.command_path} --help" if ctx is not None else "cngloss --help"
        print_error(message, env, hint=f"see '{where}'")
        return getattr(exc, "exit_code", ExitCode.USAGE)
    except Exception as exc:  # a bug: one line, not a traceback, unless asked for
        if env.environ.get("CNGLOSS_DEBUG"):
            raise
        print_error(f"internal error: {type(exc).__name__}: {exc}", env,
                    hint="this is a bug in cngloss; CNGLOSS_DEBUG=1 shows the traceback")
        return ExitCode.INTERNAL


def _check_command(state: State) -> str:
    """The command that checks the glossary this run used (plain ``cngloss check`` checks
    the bundled one), its path quoted for the shell where it needs to be."""
    import shlex  # lazy: for a data error's hint only
    from .sources.paths import ENV_VAR, resolve_glossary_path  # lazy: for a data error's hint only

    if state.glossary is None and not state.env.environ.get(ENV_VAR):
        return "cngloss check"
    path = resolve_glossary_path(state.glossary, state.env.environ)
    return f"cngloss --glossary {shlex.quote(str(path))} check"


def _print_candidates(ids: tuple[str, ...], state: State, env: Environment,
                      exc: Exception | None = None) -> None:
    from .output.console import plain_text  # lazy: for an ambiguous term only
    from .output.views import candidates_view  # lazy: the views, for terminal output only

    glossary = state.corpus().glossary
    terms = list(getattr(exc, "terms", ())) or \
        [t for t in (glossary.get(i) for i in ids) if t is not None]
    env.stderr.write(plain_text(candidates_view(terms)))
    env.stderr.flush()


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run() -> None:  # pragma: no cover - called by the console script (entry.run)
    for stream in (sys.stdout, sys.stderr):
        try:  # an odd locale or PYTHONIOENCODING must not turn Chinese into a traceback
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.exit(code)
