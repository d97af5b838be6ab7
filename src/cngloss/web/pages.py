"""The HTML pages, drawn on the server from the same JSON objects the API returns (so the
page and ``--json`` cannot disagree), every value escaped; a little script (static/app.js)
adds search as you type. Each page is ``render(workspace, path params, Params) -> (status,
body, content type)``; a ``CnglossError`` becomes a page saying the CLI's error line.
"""

from __future__ import annotations

import io
from collections import Counter
from html import escape
from typing import Callable, Iterable, Sequence
from urllib.parse import quote, urlencode

from ..errors import CnglossError, user_message
from ..model import Filters
from ..output import json as js
from .api import STATUS, Params
from .chart import LEAD, trend_svg

HTML = "text/html; charset=utf-8"
CSV = "text/csv; charset=utf-8"
PER_REPORT, LIMIT = 3, 60  # passages on a page: a screenful per report, a few reports
LEVELS = ("national", "province", "city", "county")


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def url(path: str, **query: object) -> str:
    """A link: the path (each segment quoted) and the query (empty values left out; a list
    repeats its name)."""
    items = [(k, v) for k, vs in query.items()
             for v in (vs if isinstance(vs, (list, tuple)) else [vs]) if v not in (None, "")]
    return quote(path) + ("?" + urlencode(items) if items else "")


def term_url(term: dict | str) -> str:
    return url("/term/" + (term if isinstance(term, str) else term["id"] or term["term"]))


def layout(title: str, body: str, query: str = "") -> str:
    return (
        '<!doctype html><html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{esc(title)} · cngloss</title>'
        '<link rel="stylesheet" href="/static/style.css">'
        '<script src="/static/app.js" defer></script></head><body>'
        '<header><a class="home" href="/">cngloss</a>'
        '<form action="/" method="get" role="search">'
        f'<input type="search" name="q" value="{esc(query)}" placeholder="六稳, liuwen, lwlb, '
        'poverty…" aria-label="search terms"></form>'
        '<nav><a href="/trend">trend</a> <a href="/reports">reports</a></nav></header>'
        f'<main>{body}</main></body></html>')


def page(render: Callable) -> Callable:
    """A page whose errors are pages: the CLI's error line, with the status of its code."""
    def guarded(ws, path, params: Params):
        try:
            return render(ws, path, params)
        except CnglossError as exc:
            status = STATUS.get(exc.exit_code, 500)
            more = ""
            if getattr(exc, "suggestions", ()):
                more = "<p>Did you mean: " + ", ".join(
                    f'<a href="{esc(term_url(s))}">{esc(s)}</a>' for s in exc.suggestions) + "?</p>"
            if getattr(exc, "candidates", ()):
                terms = {t.id: t for t in getattr(exc, "terms", ())}
                more += '<p>Which one:</p><ul class="results">' + "".join(
                    f'<li><a href="{esc(term_url(c))}">{esc(terms[c].term if c in terms else c)}'
                    f'</a> <span class="pinyin">{esc(terms[c].pinyin if c in terms else "")}'
                    f'</span></li>' for c in exc.candidates) + "</ul>"
            body = f'<h1>{status}</h1><p class="error">{esc(user_message(exc))}</p>{more}'
            return status, layout("error", body), HTML
    return guarded


# --------------------------------------------------------------------------- pieces


def marked(text: str, spans: Iterable[Sequence[int]], css: str = "") -> str:
    """``text`` escaped, each [start, end) span in a <mark>."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(esc(text[at:start]) + f"<mark{css}>" + esc(text[start:end]) + "</mark>")
        at = end
    return "".join(out) + esc(text[at:])


def safe_href(link: str | None) -> str | None:
    """An outside link only if it is http(s): never ``javascript:``."""
    return link if link and link.lower().startswith(("http://", "https://")) else None


def source_line(source: dict) -> str:
    text = " ".join(esc(v) for v in (source["place"], source["year"], source["level"]) if v)
    note = f" note {esc(source['note'])}" if source.get("note") is not None else ""
    if source.get("report") is None:
        return text + note
    return f'<a href="{esc(url("/report/" + str(source["report"])))}">{text}</a>{note}'


def report_line(report: dict) -> str:
    words = " ".join(esc(v) for v in (report["place"], report["year"], report["level"]) if v)
    target = report["id"] if report["id"] is not None else 0
    return f'<a href="{esc(url("/report/" + str(target)))}">{words or esc(report["source"])}</a>'


def passages_html(data: dict, filter_link: Callable[..., str]) -> str:
    """The passages of a ``grep``/``show`` JSON object, grouped by report."""
    head = (f'<p class="count">{data["uses"]} uses in {data["passages"]} passages of '
            f'{data["reports"]} reports; {data["shown"]} shown.</p>')
    groups = []
    for group in data["groups"]:
        report = group["report"]
        items = []
        for p in group["passages"]:
            where = " › ".join(esc(s) for s in p["section"])
            terms = " ".join(f'<a class="tag" href="{esc(term_url(t))}">{esc(t["term"])}</a>'
                             for t in p.get("terms", []))
            items.append(f'<li><span class="where">¶{esc(p["paragraph"])} {where}</span>'
                         f'<p>{marked(p["text"], p["spans"])}</p>'
                         f'{"<div class=terms>" + terms + "</div>" if terms else ""}</li>')
        more = (f'<p class="more">and {group["more"]} more in this report</p>'
                if group["more"] else "")
        year, place = report.get("year"), report.get("place")
        links = " ".join(x for x in (
            f'<a href="{esc(filter_link(year=year))}">{esc(year)}</a>' if year else "",
            f'<a href="{esc(filter_link(place=place))}">{esc(place)}</a>' if place else "") if x)
        groups.append(f'<section class="group"><h3>{report_line(report)} '
                      f'<small>only: {links}</small></h3><ol>{"".join(items)}</ol>{more}</section>')
    return head + "".join(groups)


def filter_bar(chosen: dict, link: Callable[..., str], years: Iterable[int] = (),
               places: Iterable[str] = (), levels: Iterable[str] = LEVELS) -> str:
    """Links that narrow (or widen) the passages: by year, place, level."""
    def row(name: str, values: Iterable) -> str:
        values = list(values)
        if not values:
            return ""
        cells = [f'<a href="{esc(link(**{name: None}))}"'
                 f'{" class=on" if not chosen.get(name) else ""}>all</a>']
        cells += [f'<a href="{esc(link(**{name: v}))}"'
                  f'{" class=on" if str(chosen.get(name)) == str(v) else ""}>{esc(v)}</a>'
                  for v in values]
        return f'<p class="filter"><b>{name}</b> {" ".join(cells)}</p>'

    now = ", ".join(f"{k} {v}" for k, v in chosen.items() if v and k in ("year", "place", "level"))
    return ('<div class="filters">' + (f'<p class="filter">only: {esc(now)}</p>' if now else "")
            + row("year", years) + row("place", places) + row("level", levels) + "</div>")


def linker(path: str, base: dict) -> Callable[..., str]:
    """A link to ``path`` with ``base``'s parameters, some replaced."""
    def link(**changes: object) -> str:
        return url(path, **{**base, **changes})
    return link


def csv_link(path: str, **query: object) -> str:
    return f'<a class="csv" href="{esc(url(path, **query))}" download>CSV</a>'


def has_library(ws) -> bool:
    return ws.library is not None


# --------------------------------------------------------------------------- pages


@page
def home(ws, path, params: Params):
    params.check({"q"})
    q = params.one("q") or ""
    results = ""
    if q:
        data = js.search_to_dict(ws.search(q, 20), ws.corpus.glossary)
        results = results_html(data)
    body = ('<h1>Search the glossary</h1><p class="hint">Hanzi (simplified or traditional), '
            'pinyin in any form, initials, English.</p>'
            f'<input id="live" type="search" value="{esc(q)}" autofocus autocomplete="off" '
            'placeholder="type: 六稳, liuwen, lwlb, poverty…" aria-label="search as you type">'
            f'<div id="results" aria-live="polite">{results}</div>')
    return 200, layout("search", body, q), HTML


def results_html(data: dict) -> str:
    """The results of a ``search`` JSON object (static/app.js draws the same from the API)."""
    if not data["results"]:
        return f'<p class="empty">No term matches {esc(data["query"])}.</p>'
    items = []
    for r in data["results"]:
        english = "; ".join(e["text"] for e in r["english"])
        m = r["matched"]
        items.append(f'<li><a href="{esc(term_url(r))}">{esc(r["term"])}</a> '
                     f'<span class="pinyin">{esc(r["pinyin"])}</span> '
                     f'<span class="english">{esc(english)}</span> '
                     f'<span class="matched">matched {esc(m["field"])} '
                     f'({esc(m["kind"])}): {esc(m["snippet"] or m["form"])}</span></li>')
    return f'<ol class="results">{"".join(items)}</ol>'


@page
def term(ws, path, params: Params):
    params.check({"year", "place", "level"})
    query = path["term"]
    chosen = {k: params.one(k) for k in ("year", "place", "level")}
    library = has_library(ws)
    shown = ws.show(query, "sentence" if not library else "paragraph", params.filters(),
                    PER_REPORT, LIMIT)
    data = js.show_to_dict(shown, ws.corpus.glossary)
    t = data["term"]
    link = linker("/term/" + (t["id"] or t["term"]), chosen)
    parts = [f'<h1>{esc(t["term"])} <span class="pinyin">{esc(t["pinyin"])}</span></h1>']
    if shown.guess:
        parts.append(f'<p class="note">{esc(shown.guess)}</p>')
    if t["english"]:
        items = "".join(
            f'<li>{esc(e["text"])}'
            + (f' <span class="source">— {entry_source(e)}</span>' if e["source"] else "")
            + "</li>" for e in t["english"])
        parts.append(f'<h2>English</h2><ul class="english">{items}</ul>')
    if t["definition"]:
        parts.append(f'<p class="definition">{esc(t["definition"])}</p>')
    for part in t["parts"]:
        items = "".join(f"<li>{esc(i)}</li>" for i in part["items"])
        parts.append(f'<h3>{esc(part["name"])}</h3><ul class="parts">{items}</ul>')
    if t["related"]:
        parts.append("<p class=related><b>related</b> " + " ".join(
            f'<a href="{esc(term_url(r))}">{esc(r["term"])}</a>' for r in t["related"]) + "</p>")
    if data["definitions"]:
        cards = "".join(
            f'<div class="card"><p>{esc(d["definition"])}</p><p class="sources">'
            + ", ".join(source_line(s) for s in d["sources"]) + "</p></div>"
            for d in data["definitions"])
        parts.append(f'<h2>Definitions in the reports ({len(data["definitions"])})</h2>'
                     f'<div class="cards">{cards}</div>')
    years, places = [], []
    if library:
        trends = ws.trend([t["term"]], None, Filters())
        series = js.trend_to_dict(trends)["terms"][0]
        years = [p["year"] for p in series["series"][0]["points"] if p["using"]]
        places = [p["place"] for p in series["top_places"]]
        parts.append(f'<h2>Trend</h2>{trend_svg(series["series"], lambda _, y: link(year=y), 640, 200)}'
                     f'<p><a href="{esc(url("/trend", text=t["term"]))}">the whole trend</a></p>')
    else:
        years = sorted({g["report"]["year"] for g in data["passages"]["groups"]
                        if g["report"]["year"]})
    parts.append(f'<h2>Passages {csv_link("/csv/show", term=t["id"] or t["term"], **chosen)}</h2>'
                 + filter_bar(chosen, link, years, places)
                 + passages_html(data["passages"], link))
    return 200, layout(t["term"], "".join(parts)), HTML


def entry_source(english: dict) -> str:
    href = safe_href(english.get("url"))
    text = esc(english["source"])
    return f'<a href="{esc(href)}" rel="noreferrer">{text}</a>' if href else text


@page
def passages(ws, path, params: Params):
    params.check({"text", "year", "place", "level"})
    text = params.one("text", required=True)
    chosen = {"text": text, **{k: params.one(k) for k in ("year", "place", "level")}}
    data = js.grep_to_dict(ws.grep(text, params.filters(), PER_REPORT, LIMIT))
    link = linker("/passages", chosen)
    years = sorted({g["report"]["year"] for g in data["groups"] if g["report"]["year"]})
    places = Counter(g["report"]["place"] for g in data["groups"] if g["report"]["place"])
    body = (f'<h1>Passages: {esc(text)} {csv_link("/csv/grep", **chosen)}</h1>'
            + filter_bar(chosen, link, years, [p for p, _ in places.most_common(8)])
            + passages_html(data, link))
    return 200, layout(text, body, ""), HTML


@page
def trend(ws, path, params: Params):
    params.check({"text", "by", "year", "place", "level"})
    texts = [t for t in params.all("text") if t]
    form = ('<form class="trend" action="/trend" method="get">'
            + "".join(f'<input name="text" value="{esc(t)}" aria-label="text">'
                      for t in (texts + [""])[:6])
            + '<button>draw</button></form>')
    if not texts:
        return 200, layout("trend", "<h1>Trend</h1><p>Texts to compare, one a box:</p>" + form), HTML
    by = params.one("by")
    chosen = {"text": texts, "by": by, **{k: params.one(k) for k in ("year", "place", "level")}}
    trends = ws.trend(texts, by, params.filters())
    data = js.trend_to_dict(trends)
    series = [s for t in data["terms"] for s in t["series"]]
    base = {k: v for k, v in chosen.items() if k not in ("text", "by", "year")}

    def year_link(label: str, year: int) -> str:
        text = next((t["label"] for t in data["terms"] if any(s["label"] == label
                                                               for s in t["series"])), label)
        return url("/passages", text=text, year=year, **base)

    used = [p["year"] for s in series for p in s["points"] if p["using"]]
    start = min(used) - LEAD if used else None  # the years the chart shows (the CSV: all)
    rows = "".join(
        f'<tr><td>{esc(s["label"])}</td><td><a href="{esc(year_link(s["label"], p["year"]))}">'
        f'{esc(p["year"])}</a></td><td>{p["reports"]}</td><td>{p["using"]}</td>'
        f'<td>{p["occurrences"]}</td><td>{p["rate"]}</td></tr>'
        for s in series for p in s["points"] if start is None or p["year"] >= start)
    table = ('<div class="scroll"><table><thead><tr><th>series</th><th>year</th>'
             '<th>reports</th><th>using</th><th>uses</th><th>per 100,000</th></tr></thead>'
             f'<tbody>{rows}</tbody></table></div>')
    summary = "".join(f'<li>{esc(t["label"])}: {t["occurrences"]} uses in {t["reports"]} '
                      f'reports, {esc(t["first_year"])}–{esc(t["last_year"])}</li>'
                      for t in data["terms"])
    body = (f'<h1>Trend: {esc(", ".join(texts))} {csv_link("/csv/trend", **chosen)}</h1>{form}'
            f'<ul>{summary}</ul>{trend_svg(series, year_link)}'
            '<p class="hint">Uses per 100,000 characters; the grey bars are the reports the '
            'library holds each year (a year without reports is a gap). A point opens that '
            f'year\'s passages.</p>{table}')
    return 200, layout("trend", body), HTML


@page
def reports(ws, path, params: Params):
    params.check({"year", "place", "level"})
    chosen = {k: params.one(k) for k in ("year", "place", "level")}
    if has_library(ws):
        data = js.reports_to_dict(ws.reports(params.filters()))["reports"]
    else:  # the glossary's own report, as report 0
        data = [dict(r, id=0) for r in (js.report_info_to_dict(ws._one),) if ws._one]
    link = linker("/reports", chosen)
    rows = "".join(f'<tr><td>{report_line(r)}</td><td>{esc(r["title"])}</td>'
                   f'<td>{r["characters"]}</td></tr>' for r in data)
    years = sorted({r["year"] for r in data if r["year"]}, reverse=True)
    body = (f'<h1>Reports ({len(data)}) {csv_link("/csv/reports", **chosen)}</h1>'
            + filter_bar(chosen, link, years)
            + '<div class="scroll"><table><thead><tr><th>report</th><th>title</th>'
            f'<th>characters</th></tr></thead><tbody>{rows}</tbody></table></div>')
    return 200, layout("reports", body), HTML


@page
def report(ws, path, params: Params):
    params.check(set())
    text = ws.report_text(path["id"])
    info = text.info
    out, section = [], None
    for number, where, paragraph in text.paragraphs:
        if where != section:
            section = where
            out.append(f"<h2>{esc(where)}</h2>" if where else "")
        found = ws.mark_terms(paragraph)
        out.append(f'<p id="p{number}"><a class="n" href="#p{number}">¶{number}</a> '
                   + linked_marks(paragraph, found) + "</p>")
    title = info.title or info.source
    head = (f'<h1>{esc(title)}</h1><p class="meta">{esc(info.place)} {esc(info.year)} '
            f'{esc(info.level)} · {info.paragraphs} paragraphs · {esc(info.source)}</p>')
    return 200, layout(title, head + '<div class="report">' + "".join(out) + "</div>"), HTML


def linked_marks(text: str, found) -> str:
    """``text`` escaped, each term found in it a mark linking to the term's page."""
    out, at = [], 0
    for o in found:
        if o.start < at:
            continue
        out.append(esc(text[at:o.start]) + f'<a class="mark" href="{esc(term_url(o.term.id or o.term.term))}"'
                   f' title="{esc(o.term.term)}">' + esc(text[o.start:o.end]) + "</a>")
        at = o.end
    return "".join(out) + esc(text[at:])


# --------------------------------------------------------------------------- CSV


def csv_page(write: Callable[[io.StringIO], None]):
    out = io.StringIO()
    write(out)
    return 200, out.getvalue(), CSV


@page
def show_csv(ws, path, params: Params):
    from ..output.tables import write_passages_csv  # lazy: the csv writer, CSV links only

    params.check({"term", "year", "place", "level"})
    shown = ws.show(params.one("term", required=True), "paragraph", params.filters())
    return csv_page(lambda out: write_passages_csv(shown.passages, out))


@page
def grep_csv(ws, path, params: Params):
    from ..output.tables import write_passages_csv  # lazy: the csv writer, CSV links only

    params.check({"text", "year", "place", "level"})
    found = ws.grep(params.one("text", required=True), params.filters())
    return csv_page(lambda out: write_passages_csv(found, out))


@page
def trend_csv(ws, path, params: Params):
    from ..output.tables import write_trend_csv  # lazy: the csv writer, CSV links only

    params.check({"text", "by", "year", "place", "level"})
    trends = ws.trend([t for t in params.all("text") if t], params.one("by"), params.filters())
    return csv_page(lambda out: write_trend_csv(trends, out))


@page
def reports_csv(ws, path, params: Params):
    from ..output.tables import write_reports_csv  # lazy: the csv writer, CSV links only

    params.check({"year", "place", "level"})
    infos = ws.reports(params.filters())
    return csv_page(lambda out: write_reports_csv(infos, out))


ROUTES = [("/", home), ("/term/{term:path}", term), ("/passages", passages),
          ("/trend", trend), ("/reports", reports), ("/report/{id:int}", report),
          ("/csv/show", show_csv), ("/csv/grep", grep_csv), ("/csv/trend", trend_csv),
          ("/csv/reports", reports_csv)]
