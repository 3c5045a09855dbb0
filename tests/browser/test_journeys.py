"""End-to-end journeys in Debian's chromium through Playwright, against
pytest-django's live_server with the seed corpus imported by the real parser.

Skips when /usr/bin/chromium is missing, unless PORTAL_REQUIRE_BROWSER=1 (CI),
where a missing browser fails. Screenshots go to $PORTAL_SCREENSHOT_DIR when set.
"""
import csv
import io
import os
import re
from pathlib import Path

import pytest
from .conftest import goto, new_context

pytestmark = pytest.mark.browser


@pytest.fixture
def portal(browser, live_server, transactional_db):
    """The live server's URL, with reference data and the seed corpus loaded."""
    from django.conf import settings
    from django.core.management import call_command

    from measures.importer import Importer

    call_command("seed_reference", verbosity=0)  # the previous test's flush emptied the tables
    summary = Importer().import_paths([settings.CORPUS_DIR])
    assert not summary.failed, summary.failed
    return live_server.url


@pytest.fixture
def page(browser, portal):
    context = new_context(browser, viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


def screenshot(pg, name):
    folder = os.environ.get("PORTAL_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def result_count(pg) -> int:
    text = pg.locator(".result-count strong").first.inner_text()
    return int(text.replace(",", ""))


def test_search_filter_open_measure_then_its_document(page, portal):
    goto(page, portal + "/")
    page.get_by_role("searchbox", name="检索措施").fill("行政裁决")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/measures/\?q="))
    total = result_count(page)
    assert total >= 2
    assert page.locator(".results mark").first.inner_text() == "行政裁决"
    screenshot(page, "measure-list")

    # Filter by a city through its facet checkbox (the form submits on change).
    city = page.locator("fieldset:has(legend:text-is('城市')) li:not(.zero)", has_text="沈阳市")
    city.get_by_role("checkbox").check()
    page.wait_for_url(re.compile(r"city=210100"))
    assert 0 < result_count(page) < total
    assert page.locator(".active-filters").get_by_text("城市:沈阳市").is_visible()
    for place in page.locator(".result .meta a").filter(has_text=re.compile("市$|省$")).all_inner_texts():
        assert place == "沈阳市"

    # Open the first measure, then the exact place in its document.
    first = page.locator(".results .result-title a").first
    first.click()
    page.wait_for_url(re.compile(r"/measures/\d+/$"))
    assert "行政裁决" in page.locator(".measure-text").inner_text()
    page.get_by_role("link", name=re.compile("在原文件中查看此条")).click()
    page.wait_for_url(re.compile(r"/documents/\d+/#m-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"#{anchor}")
    assert target.is_visible()
    assert "行政裁决" in target.inner_text()
    assert page.locator("h1").inner_text() == "沈阳市国家知识产权保护示范区建设方案"
    assert page.locator(".meta-table").get_by_text("沈政发〔2024〕8号").is_visible()


def test_comparison_matrix_cell_opens_the_filtered_list(page, portal):
    goto(page, portal + "/compare/")
    screenshot(page, "compare-matrix")
    cell = page.locator("td.cell a[aria-label^='三明市 · 行政保护']")
    n = int(cell.inner_text())
    assert n > 0
    cell.click()
    page.wait_for_url(re.compile(r"/measures/\?city=350400&theme=administrative$"))
    assert result_count(page) == n
    checked = page.locator("input[name='theme'][value='administrative']")
    assert checked.is_checked()


def test_csv_export_downloads_with_bom_and_known_row(page, portal):
    goto(page, portal + "/measures/?q=行政裁决")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV").click()
    download = info.value
    assert download.suggested_filename == "measures.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows and set(rows[0]) >= {"ID", "城市", "文件", "标题", "正文", "工作类别"}
    shenyang = [r for r in rows if r["城市"] == "沈阳市" and r["标题"] == "深挖行政保护潜能"]
    assert shenyang, [(r["城市"], r["标题"]) for r in rows]
    assert "行政裁决" in shenyang[0]["正文"]
    assert shenyang[0]["文件"] == "沈阳市国家知识产权保护示范区建设方案"


def test_keyboard_skip_link_and_phone_layout(browser, portal):
    context = new_context(browser, viewport={"width": 390, "height": 844}, locale="zh-CN")
    pg = context.new_page()
    try:
        goto(pg, portal + "/measures/?q=知识产权")
        pg.keyboard.press("Tab")
        skip = pg.get_by_role("link", name="跳到正文")
        assert skip.evaluate("el => el === document.activeElement")
        box = skip.bounding_box()
        assert box and box["y"] >= 0, "the focused skip link must be on screen"
        # no sideways scrolling of the page on a phone
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, overflow
        # the facet panel folds behind a toggle and opens with it
        toggle = pg.get_by_role("button", name="筛选条件")
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        assert pg.locator("#facets").is_visible()
        screenshot(pg, "measure-list-phone")
        goto(pg, portal + "/compare/")
        assert pg.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    finally:
        context.close()
