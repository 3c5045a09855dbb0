"""The charts of how policy spreads in Debian's chromium, at a phone's 390 px and
a laptop's 1366 px: each is visible, its Chinese labels are drawn at a readable
size, the page itself never scrolls sideways (a long timeline scrolls inside its
own box), and a tile of the map opens the filtered list. Screenshots go to
$PORTAL_SCREENSHOT_DIR when set.

The corpus: the seeds plus the spread documents of tests/diffusion (a national
plan, provincial and city documents citing each other)."""
import re

import pytest

from .test_journeys import screenshot
from .conftest import goto, new_context, wait_for_server

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (390, 844), "laptop": (1366, 900)}


@pytest.fixture
def spread_portal(browser, live_server, transactional_db):
    from django.core.management import call_command

    from measures.importer import Importer
    from tests.diffusion.conftest import spread_paths

    call_command("seed_reference", verbosity=0)
    summary = Importer().import_paths(spread_paths())
    assert not summary.failed, summary.failed
    wait_for_server(live_server.url)
    return live_server.url


def open_page(browser, width_name):
    w, h = WIDTHS[width_name]
    context = new_context(browser, viewport={"width": w, "height": h}, locale="zh-CN")
    page = context.new_page()
    return context, page


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def smallest_label_px(page, selector):
    """The smallest rendered height of the chart's text labels, in CSS pixels."""
    return page.evaluate(
        """sel => Math.min(...Array.from(document.querySelectorAll(sel + ' text'))
              .filter(t => t.textContent.trim()).map(t => t.getBoundingClientRect().height))""", selector)


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_province_map_and_city_bars(browser, spread_portal, width):
    context, page = open_page(browser, width)
    goto(page, spread_portal + "/map/?province=420000")
    tile_map = page.locator("svg.tile-map")
    assert tile_map.is_visible()
    assert smallest_label_px(page, "svg.tile-map") >= 10
    assert page.locator("svg.city-bars").is_visible()
    assert smallest_label_px(page, "svg.city-bars") >= 11
    assert page.locator("#province-table").get_by_text("湖北省").is_visible()
    assert no_sideways_scroll(page)
    screenshot(page, f"diffusion-map-{width}")
    # a tile opens the measure list of its province
    page.locator('svg.tile-map a[aria-label^="福建省"]').click()
    page.wait_for_url(re.compile(r"/measures/\?.*province=350000"))
    assert page.locator(".active-filters").get_by_text("福建省").is_visible()
    context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_timeline_by_year_and_month(browser, spread_portal, width):
    context, page = open_page(browser, width)
    goto(page, spread_portal + "/timeline/?by=month")
    for chart in ("svg.timeline-chart", "svg.month-chart"):
        assert page.locator(chart).is_visible()
        assert smallest_label_px(page, chart) >= 10
    assert no_sideways_scroll(page)       # the month chart scrolls inside its box
    box = page.locator(".chart-scroll").nth(1)
    assert box.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    screenshot(page, f"diffusion-timeline-{width}")
    context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_measure_list_has_its_timeline_above_the_results(browser, spread_portal, width):
    context, page = open_page(browser, width)
    goto(page, spread_portal + "/measures/?province=420000")
    chart = page.locator("#list-timeline svg.timeline-chart")
    assert chart.is_visible()
    total = int(page.locator(".result-count strong").first.inner_text().replace(",", ""))
    foot = page.locator("#list-timeline tfoot td").first.inner_text()
    assert int(foot) == total
    chart_top = chart.bounding_box()["y"]
    first_result = page.locator(".results .result").first.bounding_box()["y"]
    assert chart_top < first_result
    assert no_sideways_scroll(page)
    screenshot(page, f"diffusion-list-timeline-{width}")
    context.close()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_document_citations_and_lineage(browser, spread_portal, width):
    from measures.models import Document

    plan = Document.objects.get(source="009_ip_14th_fyp_notice_2021_hant.txt")
    context, page = open_page(browser, width)
    goto(page, f"{spread_portal}/documents/{plan.pk}/")
    assert page.get_by_role("heading", name=re.compile("被以下文件引用")).is_visible()
    assert page.locator("#citations").get_by_text("大连市知识产权保护和运用“十四五”规划").is_visible()
    assert no_sideways_scroll(page)
    screenshot(page, f"diffusion-document-{width}")
    page.get_by_role("link", name=re.compile("政策传导:逐级查看")).click()
    page.wait_for_url(re.compile(r"/lineage/$"))
    assert page.get_by_role("heading", name=re.compile("市级")).is_visible()
    assert no_sideways_scroll(page)
    screenshot(page, f"diffusion-lineage-{width}")
    context.close()


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_spread_pages_read_at_this_width(browser, spread_portal, width, lang):
    """The pages of how policy spreads that need the spread corpus (a draft and its final
    version, copied wording, lineage) pass the layout check of tests/browser/test_readable.py:
    no sideways page scroll, no cell under four characters, nothing cut off, scroll cues."""
    from django.conf import settings

    from measures.models import Document, Measure

    from .test_readable import check_layout, shoot

    final = Document.objects.get(source="c04_sanming_ip_power_plan_final_2024.txt")
    fuzhou = Document.objects.get(source="c03_fuzhou_ip_power_plan_2024.txt")
    copied = Measure.objects.get(document=fuzhou, text__startswith="加强专利侵权纠纷行政裁决能力建设")
    plan = Document.objects.get(source="009_ip_14th_fyp_notice_2021_hant.txt")
    context, page = open_page(browser, width)
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": spread_portal}])
    suffix = "" if lang == "zh-hans" else "-en"
    try:
        failures = []
        for name, path in [("draft", f"/documents/{final.pk}/draft/"),
                           ("diffusion", f"/measures/{copied.pk}/diffusion/"), ("lineage", f"/documents/{plan.pk}/lineage/"), ("similar", f"/measures/{copied.pk}/"),
                           ("timeline-month", "/timeline/?by=month"), ("map-province", "/map/?province=420000")]:
            response = goto(page, spread_portal + path)
            assert response.status == 200, path
            assert page.evaluate("document.documentElement.lang").lower().startswith(lang[:2])
            shoot(page, f"{WIDTHS[width][0]}-spread-{name}{suffix}")
            try:
                check_layout(page, f"{path} at {width} ({lang})")
            except AssertionError as e:
                failures.append(str(e))
        assert not failures, "\n".join(failures)
    finally:
        context.close()
