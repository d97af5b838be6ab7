"""Report pages as government sites publish them (.html): paragraphs from block elements,
``**bold**``, ``<sup>`` footnote markers as ``[N]``, ordered lists (the notes) numbered
``N. ``, table cells as paragraphs; scripts, styles, navigation, headers and footers left
out. The page's <title> (and the ArticleTitle, PubDate and ContentSource meta tags that
gov.cn pages carry) become metadata.

Built on the standard library's ``html.parser``: on the measured pages it was as correct as
BeautifulSoup, lxml and selectolax, fast enough (docs/development.md, "Dependencies, and why"), and needs
nothing installed. Boilerplate is removed by rule: elements that never hold report text,
elements whose id or class names navigation, and blocks that are mostly link text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from .document import Document, fail, hanzi_count, join_paragraphs
from .encoding import decode

# A page with fewer hanzi than this is not a report (a work report has thousands).
MIN_REPORT_HANZI = 300

SKIPPED = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
           "form", "select", "button", "iframe", "svg", "canvas", "object", "head"}
BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "dd", "dt",
          "blockquote", "section", "article", "main", "pre", "center", "ol", "ul", "table",
          "caption", "figcaption", "address", "body", "dl"}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
        "track", "wbr", "param"}
BOLD = {"b", "strong"}
BOILERPLATE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|header|footer|breadcrumbs?|crumbs?|"
                         r"share|sidebar|toolbar|copyright|topbar|bottom|banner)(?:$|[\s_-])",
                         re.IGNORECASE)
META_FIELDS = {"articletitle": "title", "pubdate": "date", "contentsource": "source"}
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
# Browsers read GB2312 and GBK pages as GB18030, which contains both.
GB_FAMILY = {"gb2312", "gbk", "x-gbk", "gb18030", "cp936", "euc-cn", "hz-gb-2312"}
SPACES = re.compile(r"[ \t\n\r\f\u00a0\u3000]+")
CJK_OR_PUNCT = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—]"
LINE_BREAK_BESIDE_CJK = re.compile(rf"(?<={CJK_OR_PUNCT})[ \t]*[\r\n]\s*|"
                                   rf"\s*[\r\n][ \t]*(?={CJK_OR_PUNCT})")
MARKER_DIGITS = re.compile(r"\d+")
SUPERSCRIPT = {"2": "²", "3": "³"}
EMPTY_BOLD = re.compile(r"\*\*\s*\*\*")


def read_html(path: Path, data: bytes, encoding: str | None = None) -> Document:
    if not data.strip():
        raise fail(path, "is empty (no text)", "give the file that holds the report")
    text, used = decode(data, path, encoding or _declared_charset(data))
    parser = _ReportParser()
    parser.feed(text)
    parser.close()
    paragraphs = parser.paragraphs()
    body = join_paragraphs(paragraphs)
    count = hanzi_count(body)
    if count < MIN_REPORT_HANZI:
        raise fail(path, f"is not a report page: {count} Chinese characters of text "
                   f"(a report has thousands)", "save the page that shows the report "
                   "itself, or give its text as a .txt file")
    metadata: dict[str, object] = {"encoding": used, **parser.metadata}
    return Document(body, metadata, path, "html")


def _declared_charset(data: bytes) -> str | None:
    """The charset a <meta> tag declares in the first 4 KB, if Python knows it."""
    match = CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    if name in GB_FAMILY:
        return "gb18030"
    import codecs  # lazy: only pages that declare a charset

    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


class _ReportParser(HTMLParser):
    """Collects block texts, skipping what never holds report text; records for each block
    how much of it was link text, so that menus and link lists can be dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.metadata: dict[str, object] = {}
        self._blocks: list[tuple[str, int]] = []  # (text, characters inside links)
        self._parts: list[str] = []
        self._link_chars = 0
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped?)
        self._skip_depth = 0
        self._in_title = False
        self._title: list[str] = []
        self._in_link = 0
        self._in_sup = 0
        self._sup: list[str] = []
        self._lists: list[list[int | None]] = []  # per open list: [next number or None]

    # --- the tree ---------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(attributes)
            return
        if tag == "title":
            self._in_title = True
        if tag in VOID:
            if tag == "br" and not self._skip_depth:
                self._end_block()
            return
        skipped = tag in SKIPPED or bool(
            BOILERPLATE.search(" ".join((attributes.get("id", ""),
                                         attributes.get("class", "")))))
        self._stack.append((tag, skipped))
        if skipped:
            self._skip_depth += 1
        if self._skip_depth:
            return
        if tag in BLOCKS:
            self._end_block()
        if tag in ("ol", "ul"):
            start = attributes.get("start", "1")
            self._lists.append([int(start) if tag == "ol" and start.isdigit() else None])
        elif tag == "li":
            self._list_item()
        elif tag in BOLD:
            self._parts.append("**")
        elif tag == "a":
            self._in_link += 1
        elif tag == "sup":
            self._in_sup += 1
            self._sup = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in VOID or not any(open_tag == tag for open_tag, _ in self._stack):
            return
        while self._stack:
            open_tag, skipped = self._stack.pop()
            if not self._skip_depth:
                self._close(open_tag)
            if skipped:
                self._skip_depth -= 1
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in BOLD:
            self._close_bold()
        elif tag == "a":
            self._in_link = max(0, self._in_link - 1)
        elif tag == "sup":
            self._in_sup = max(0, self._in_sup - 1)
            self._parts.append(self._marker("".join(self._sup)))
        elif tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        if tag in BLOCKS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
            self.metadata["title"] = SPACES.sub(" ", "".join(self._title)).strip()
        if self._skip_depth:
            return
        if self._in_sup:
            self._sup.append(data)
            return
        self._parts.append(data)
        if self._in_link:
            self._link_chars += len(data.strip())

    # --- pieces -----------------------------------------------------------------------
    def _meta(self, attributes: dict[str, str]) -> None:
        key = META_FIELDS.get(attributes.get("name", "").lower())
        content = attributes.get("content", "").strip()
        if key and content:
            self.metadata[key] = content

    def _list_item(self) -> None:
        if self._lists and self._lists[-1][0] is not None:
            number = self._lists[-1][0]
            self._lists[-1][0] = number + 1
            self._parts.append(f"{number}. ")

    def _close_bold(self) -> None:
        # An empty bold run (<b></b>, <strong> </strong>) leaves no stray asterisks.
        if self._parts and self._parts[-1] == "**":
            self._parts.pop()
        elif self._parts and not self._parts[-1].strip() and self._parts[-2:-1] == ["**"]:
            del self._parts[-2:]
        else:
            self._parts.append("**")

    def _marker(self, raw: str) -> str:
        """A footnote marker as ``[N]``; ``m<sup>2</sup>`` stays a unit (m²); anything else
        in a <sup> is kept as it is."""
        content = raw.strip()
        digits = MARKER_DIGITS.findall(content)
        before = "".join(self._parts).rstrip()[-1:]
        if content in SUPERSCRIPT and before.isascii() and before.isalpha():
            return SUPERSCRIPT[content]
        if len(digits) == 1 and len(content) <= len(digits[0]) + 4:
            return f"[{digits[0]}]"
        return content

    def _end_block(self) -> None:
        raw = "".join(self._parts)
        self._parts = []
        text = _tidy(raw)
        if text:
            self._blocks.append((text, self._link_chars))
        self._link_chars = 0

    def paragraphs(self) -> list[str]:
        self._end_block()
        kept = []
        for text, link_chars in self._blocks:
            visible = len(text.replace("*", "").replace(" ", ""))
            if link_chars and link_chars >= 0.5 * visible:
                continue  # a menu, a link list, "上一篇/下一篇"
            kept.append(text)
        return kept


def _tidy(raw: str) -> str:
    """One paragraph's text. A source line break beside a hanzi or CJK punctuation goes (in
    Chinese it is not a word break); other whitespace runs (spaces, &nbsp;, the full-width
    space between 市长 and a name) become one space; the indent at the start goes."""
    text = LINE_BREAK_BESIDE_CJK.sub("", raw)
    text = SPACES.sub(" ", text).strip()
    return EMPTY_BOLD.sub("", text).strip()
