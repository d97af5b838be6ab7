"""``cngloss serve``'s pages: each shows what its JSON says, every value escaped (an XSS
probe per page), links that lead where they say; and in a real headless Chromium (skipped
without it, as test_browser.py): type in the search box and see results, open a term, click
a year of its trend and land on that year's passages, no horizontal scroll at 400 px, a
screenshot of each page (in /tmp/cngloss-serve-*.png)."""

from __future__ import annotations

import re
import threading
import time
import warnings
from urllib.parse import unquote

import pytest

from conftest import run_cli

pytest.importorskip("starlette", reason="needs the serve extra (pip install -e '.[serve]')")
pytest.importorskip("httpx", reason="needs httpx, Starlette's test client (pip install httpx)")
with warnings.catch_warnings():  # Starlette 1.x would rather have httpx2: either works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from cngloss.web.app import create_app  # noqa: E402
from test_library import RECORDS, record, write_collection  # noqa: E402

PROBE = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
# a report whose text holds the probe next to a glossary term (六稳六保 of the bundled glossary)
HOSTILE = record("戊市", "city", 2021, [f"做好六稳六保工作{PROBE}。", "乡村振兴<img src=x onerror=alert(1)>"],
                 "e")


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lib")
    lib = folder / "lib.sqlite"
    result = run_cli("--library", str(lib), "add",
                     str(write_collection(folder / "set.jsonl", RECORDS + [HOSTILE])))
    assert result.code == 0, result.err
    return lib


@pytest.fixture(scope="module")
def client(library):
    return TestClient(create_app(library=str(library)), base_url="http://127.0.0.1:8765")


def report_id(client, place: str) -> int:
    return next(r["id"] for r in client.get("/api/reports").json()["reports"]
                if r["place"] == place)


PAGES = [f"/?q={PROBE}", f"/term/{PROBE}", f"/term/六稳六保?place={PROBE}", f"/passages?text={PROBE}",
         "/passages?text=六稳", f"/trend?text={PROBE}&text=六稳", f"/reports?place={PROBE}",
         f"/reports?year={PROBE}"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_shows_a_probe_as_text_never_as_markup(client, path):
    page = client.get(path)
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert PROBE not in page.text and "<img src=x" not in page.text
    assert ESCAPED in page.text or "/passages?text=六稳" == path, page.text[-400:]


def test_a_reports_text_is_escaped_and_its_terms_link_to_their_pages(client):
    page = client.get(f"/report/{report_id(client, '戊市')}")
    assert page.status_code == 200
    assert PROBE not in page.text and "<img src=x" not in page.text
    assert ESCAPED in page.text
    marks = re.findall(r'<a class="mark" href="([^"]+)"[^>]*>([^<]+)</a>', page.text)
    assert ("/term/liuwen-liubao", "六稳六保") in marks


def test_the_search_page_lists_what_the_api_finds(client):
    page = client.get("/?q=liuwen").text
    found = [r["id"] for r in client.get("/api/search?q=liuwen&limit=20").json()["results"]]
    assert re.findall(r'<li><a href="/term/([^"]+)"', page) == found


def test_a_term_page_has_its_definitions_trend_and_passages(client):
    page = client.get("/term/六稳六保").text
    assert "<h1>六稳六保 " in page
    assert "<svg" in page and "reports held per year" in page
    # the chart's points open the term's page for their year: 2019 (甲市) is one
    assert 'href="/term/liuwen-liubao?year=2019"' in page
    # 六稳六保 is used by 甲市 2019, 丙市 2022 (test_library's counts) and 戊市 2021 (HOSTILE)
    assert page.count('<section class="group">') == 3


def test_a_year_of_a_term_shows_that_years_passages_only(client):
    page = client.get("/term/liuwen-liubao?year=2019").text
    assert page.count('<section class="group">') == 1 and "甲市" in page
    assert 'class=on>2019</a>' in page


def test_a_trend_chart_breaks_its_line_where_the_library_holds_no_report(client):
    # reports held: 2019, 2020, 2021, 2022 (RECORDS + HOSTILE): no gap; 乡村振兴 is used in
    # 2019, 2020 and 2021 (HOSTILE): one line of 4 points
    page = client.get("/trend?text=乡村振兴").text
    assert len(re.findall(r"<polyline", page)) == 1
    assert re.findall(r'href="/passages\?text=([^&"]+)&amp;year=(\d+)"', page)[:4] == [
        ("%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4", y) for y in ("2019", "2020", "2021", "2022")]


def test_a_gap_year_breaks_the_line(tmp_path):
    lib = tmp_path / "gap.sqlite"
    records = [record("甲市", "city", 2015, ["两违。"], "a"), record("乙市", "city", 2016, ["两违。"], "b"),
               record("丙市", "city", 2019, ["两违。"], "c")]
    assert run_cli("--library", str(lib), "add", str(write_collection(tmp_path / "g.jsonl",
                                                                        records))).code == 0
    page = TestClient(create_app(library=str(lib)), base_url="http://127.0.0.1").get(
        "/trend?text=两违").text
    # 2015-2016 one line, 2019 alone (2017 and 2018: no report, a gap)
    assert len(re.findall(r"<polyline", page)) == 2


def test_the_csv_links_give_csv(client):
    for path, head in [("/csv/show?term=六稳", "report,place,year,level"),
                       ("/csv/grep?text=两违", "report,place,year,level"),
                       ("/csv/trend?text=两违", "label,year,reports"),
                       ("/csv/reports", "id,year,place,level")]:
        got = client.get(path)
        assert got.headers["content-type"] == "text/csv; charset=utf-8", path
        assert got.text.startswith(head), path
    assert len(client.get("/csv/reports").text.strip().splitlines()) == 1 + 5


def test_without_a_library_the_pages_show_the_glossarys_own_report():
    client = TestClient(create_app(), base_url="http://127.0.0.1")
    assert client.get("/term/八有一超").status_code == 200
    listing = client.get("/reports").text
    assert 'href="/report/0"' in listing
    report = client.get("/report/0")
    assert report.status_code == 200 and '<a class="mark" href="/term/' in report.text
    assert client.get("/report/5").status_code == 404


# --------------------------------------------------------------------------- the browser

try:  # test_browser.py's headless Chromium (its fixture and skip reasons), shared
    from test_browser import CHROMIUM, DRIVER, browser  # noqa: F401
except pytest.skip.Exception:  # selenium is not installed
    CHROMIUM = DRIVER = None
needs_browser = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="needs selenium, headless Chromium and chromedriver (pip install -e '.[test]'; "
           "apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def served(library):
    uvicorn = pytest.importorskip("uvicorn", reason="needs the serve extra")
    from cngloss.web.server import bind

    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(create_app(library=str(library)),
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(10)


def wait_for(check, seconds: float = 10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    return check()


def errors_of(browser) -> list[str]:
    """What the page's console said at level SEVERE (a CSP refusal, a script error)."""
    try:
        return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"
                and "favicon" not in e["message"]]
    except Exception:  # a driver without the log
        return []


@needs_browser
def test_typing_in_the_search_box_shows_results_and_a_term_opens(browser, served):
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.get(served + "/")
    box = browser.find_element(By.ID, "live")
    box.send_keys("liuwen")
    links = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#results li a"))
    assert links, "no result appeared while typing"
    assert "六稳六保" in [a.text for a in links]
    assert "matched" in browser.find_element(By.ID, "results").text
    browser.save_screenshot("/tmp/cngloss-serve-search.png")
    next(a for a in links if a.text == "六稳六保").click()
    wait_for(lambda: "/term/" in browser.current_url)
    assert unquote(browser.current_url).endswith("/term/liuwen-liubao")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("六稳六保")
    assert errors_of(browser) == []


@needs_browser
def test_clicking_a_year_of_a_terms_trend_opens_that_years_passages(browser, served):
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.get(served + "/term/六稳六保")
    browser.save_screenshot("/tmp/cngloss-serve-term.png")
    point = browser.find_element(By.CSS_SELECTOR, 'svg a.year[href$="year=2019"] circle')
    point.click()
    wait_for(lambda: "year=2019" in browser.current_url)
    assert "year=2019" in browser.current_url
    groups = browser.find_elements(By.CSS_SELECTOR, "section.group h3")
    assert [g.text.split()[:2] for g in groups] == [["甲市", "2019"]]
    assert errors_of(browser) == []


@needs_browser
@pytest.mark.parametrize("name,path", [("search", "/?q=liuwen"), ("term", "/term/六稳六保"),
                                       ("trend", "/trend?text=乡村振兴&text=两违&text=六稳"),
                                       ("passages", "/passages?text=两违"),
                                       ("reports", "/reports"), ("report", "/report/1")])
def test_no_page_scrolls_sideways_at_400_px(browser, served, name, path):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 400, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    browser.get(served + path)
    reach = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    browser.save_screenshot(f"/tmp/cngloss-serve-{name}-400.png")
    assert reach == 0, f"{path} reaches {reach} px past a 400 px viewport"
    assert errors_of(browser) == []
