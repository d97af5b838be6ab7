"""The HTML pages in a real browser: headless Chromium (Debian's chromium and chromium-driver,
which .ci/run installs) driven by selenium with the system's chromedriver.

selenium is the W3C WebDriver client the browsers' own projects maintain; with the driver
given by path it downloads nothing. Every test skips, with the reason, where the browser, the
driver or selenium is missing.

Expectations are independent of the renderer: the number of marks is the plain scan of the
document (``test_cli_annotate.plain_scan``), anchors are checked against the ids the page
holds, widths against the viewport the browser reports.
"""

from __future__ import annotations

import base64
import io
import shutil

import pytest

from cngloss.render.appendix import render_appendix
from cngloss.sources.glossary import load_glossary

from conftest import DATA, REPORT, run_cli
from test_cli_annotate import plain_scan

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser",
                                                "google-chrome")) if p), None)
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed "
                                "(pip install -e '.[test]')")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="needs headless Chromium and chromedriver (apt-get install chromium chromium-driver)")
NARROW = 400


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1000,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def open_page(browser, tmp_path, html: str, width: int | None = None):
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    if width is None:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    else:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    browser.get(page.as_uri())
    return browser


def overflow(browser) -> int:
    """How far the page reaches past the viewport's width (0: no horizontal scroll)."""
    return browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")


def broken_anchors(browser) -> list[str]:
    return browser.execute_script("""
        return [...document.querySelectorAll('a[href^="#"]')]
            .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
            .filter(id => !document.getElementById(id));""")


@pytest.fixture(scope="module")
def annotated() -> str:
    result = run_cli("annotate", str(REPORT), "--format", "html")
    assert result.code == 0, result.err
    return result.out


# ------------------------------------------------------------------ annotate --format html


def test_every_use_is_marked_as_often_as_a_plain_scan_finds(browser, tmp_path, annotated):
    glossary = load_glossary(DATA / "terms.yaml")
    expected = plain_scan(REPORT.read_text(encoding="utf-8"),
                          {t.id: [t.term, *t.variants] for t in glossary.terms})
    open_page(browser, tmp_path, annotated)
    marks = browser.execute_script(
        "return [...document.querySelectorAll('.term')].map(e => e.dataset.term)")
    counted: dict[str, int] = {}
    for term_id in marks:
        counted[term_id] = counted.get(term_id, 0) + 1
    assert counted == expected
    rubies = browser.execute_script("return document.querySelectorAll('.term ruby rt').length")
    assert rubies == len(marks)


def test_meaning_opens_on_keyboard_focus(browser, tmp_path, annotated):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_page(browser, tmp_path, annotated)
    first = browser.find_element("css selector", ".term")
    tip = first.find_element("css selector", ".tip")
    assert not tip.is_displayed()
    for _ in range(5):  # the summary's link to the glossary comes first in the tab order
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element == first:
            break
    assert browser.switch_to.active_element == first
    assert tip.is_displayed()
    assert "稳就业" in tip.text  # 六稳六保's definition names its items
    described = first.get_attribute("aria-describedby")
    assert browser.find_element("id", described) == tip


def test_meaning_opens_on_tap_within_a_narrow_screen(browser, tmp_path, annotated):
    from selenium.webdriver.common.actions import interaction
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.actions.pointer_input import PointerInput
    from selenium.webdriver.support.wait import WebDriverWait

    open_page(browser, tmp_path, annotated, width=NARROW)
    assert overflow(browser) <= 0
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    try:
        term = browser.find_elements("css selector", ".term")[3]
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", term)
        finger = PointerInput(interaction.POINTER_TOUCH, "finger")
        tap = ActionBuilder(browser, mouse=finger)
        tap.pointer_action.move_to(term).pointer_down().pointer_up()
        tap.perform()
        tip = term.find_element("css selector", ".tip")
        # the browser turns the touches into a tap (and the tap into focus) on its own time
        WebDriverWait(browser, 3).until(lambda _: tip.is_displayed())
        assert browser.switch_to.active_element == term
        right = browser.execute_script("return arguments[0].getBoundingClientRect().right", tip)
        assert right <= NARROW
        assert overflow(browser) <= 0
    finally:
        browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def test_annotated_page_anchors_resolve(browser, tmp_path, annotated):
    open_page(browser, tmp_path, annotated)
    assert broken_anchors(browser) == []
    assert browser.execute_script("return document.querySelectorAll('#glossary article').length") \
        == 23  # the Lianzhou report uses every term of its own glossary


# ------------------------------------------------------------------ appendix --format html


@pytest.fixture(scope="module")
def appendix_page(corpus) -> str:
    return render_appendix(corpus, "html")


def test_appendix_anchors_resolve_and_fit_a_narrow_screen(browser, tmp_path, appendix_page):
    open_page(browser, tmp_path, appendix_page, width=NARROW)
    assert broken_anchors(browser) == []
    links = browser.execute_script("return document.querySelectorAll('a[href^=\"#\"]').length")
    assert links >= 23  # the index alone links every term
    assert overflow(browser) <= 0


def test_appendix_prints_to_pdf(browser, tmp_path, appendix_page):
    pytest.importorskip("pdfminer", reason="pdfminer.six reads the printed PDF")
    from pdfminer.high_level import extract_pages, extract_text

    open_page(browser, tmp_path, appendix_page)
    printed = browser.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True})
    data = base64.b64decode(printed["data"])
    assert data.startswith(b"%PDF-")
    pages = list(extract_pages(io.BytesIO(data)))
    assert len(pages) > 1
    assert all(abs(page.width - 595) < 2 and abs(page.height - 842) < 2 for page in pages)  # A4
    text = extract_text(io.BytesIO(data))
    assert "雪亮工程" in text.replace("\u2f2f", "工")  # the last term made it onto paper


def test_appendix_for_a_document_links_only_inside_itself(browser, tmp_path):
    document = tmp_path / "doc.txt"
    document.write_text("实现两不愁三保障，落实四个不摘。\n", encoding="utf-8")
    result = run_cli("appendix", "--for", str(document), "--format", "html")
    assert result.code == 0, result.err
    open_page(browser, tmp_path, result.out, width=NARROW)
    assert broken_anchors(browser) == []
    assert browser.execute_script("return document.querySelectorAll('article.entry').length") == 2
    assert overflow(browser) <= 0
