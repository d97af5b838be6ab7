"""A report's front matter and what its opening lines say: place, level, year, date, title,
speaker.

Markdown copies open with YAML front matter (``---`` / ``title: …`` / ``source: …`` / ``---``):
it is not report text, so it is blanked out (its lines stay, as spaces, so that line numbers
and offsets of the rest are unchanged) and kept as metadata. The opening lines of every
report name the session and the speaker:
``——2023年1月5日在孝感市第七届人民代表大会第三次会议上`` / ``市长 胡玖明``; a PDF extraction
may cut them (``——2021 年 2 月 3 日在连州市十五届`` / ``人民代表大会第七次会议上``), so they are
read with spaces and line breaks removed. Every value can be overridden by the caller.
"""

from __future__ import annotations

import re

from ...model import ReportMetadata

OPENING_CHARS = 1500  # the session and the speaker are named near the top
_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_SESSION = re.compile(
    r"(\d{4})年(\d{1,2})月(\d{1,2})日在(\S{2,12}?(?:省|市|自治区|自治州|州|地区|盟|县|区|旗))"
    r"(?:第)?[一二三四五六七八九十\d]+届人民代表大会")
_SPEAKER = re.compile(
    r"^(?:\S*?)(代理?(?:市|省|县|区|州|盟|旗)长|(?:市|省|县|区|州|盟|旗)长|主席)"
    r"[ \t\u3000]*([\u4e00-\u9fff·]{2,5})$", re.M)
_TITLE_YEAR = re.compile(r"(\d{4})\s*年")
MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
FIELDS = ("place", "level", "year", "date", "title", "speaker", "speaker_role")


def split_front_matter(text: str) -> tuple[str, dict[str, str]]:
    """The text with its front matter blanked (same lines and offsets), and its fields."""
    m = _FRONT.match(text)
    if not m:
        return text, {}
    fields = {}
    for line in m.group(1).splitlines():
        f = _FIELD.match(line)
        if f:
            fields[f.group(1)] = f.group(2).strip("'\"")
    blank = re.sub(r"[^\n]", " ", m.group(0))
    return blank + text[m.end():], fields


def read_metadata(text: str, front: dict[str, str], title_line: str | None = None,
                  overrides: dict[str, object] | None = None) -> ReportMetadata:
    """What the front matter and the opening lines say, then the caller's ``overrides``."""
    opening = text[:OPENING_CHARS]
    compact = re.sub(r"\s+", "", opening)
    values: dict[str, object] = {}
    session = _SESSION.search(compact)
    if session:
        year, month, day, place = session.groups()
        values["date"] = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        values["year"] = int(year)
        values["place"] = place
    speaker = _SPEAKER.search(opening)
    if speaker:
        values["speaker_role"], values["speaker"] = speaker.group(1), speaker.group(2)
    title = front.get("title") or title_line
    if title:
        values["title"] = title
        year = _TITLE_YEAR.search(title)
        if year and "year" not in values:
            values["year"] = int(year.group(1))
    if "place" in values:
        values["level"] = level_of(str(values["place"]))
    for key, value in (overrides or {}).items():
        if key in FIELDS and value is not None:
            values[key] = value
    extra = tuple((k, v) for k, v in front.items() if k != "title")
    return ReportMetadata(**values, front_matter=extra)


def level_of(place: str) -> str | None:
    """province, municipality, city or county, from the place name's suffix."""
    if place in MUNICIPALITIES:
        return "municipality"
    if place.endswith(("省", "自治区")):
        return "province"
    if place.endswith(("市", "州", "盟", "地区")):
        return "city"
    if place.endswith(("县", "区", "旗")):
        return "county"
    return None
