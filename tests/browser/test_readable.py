"""Issue 15: every page type reads on a 390 px phone and a 1366 px laptop, in
Debian's chromium through Playwright, against the live server with the seed
corpus imported by the real parser.

On each page, at each width: the page itself never scrolls sideways; no table
cell is narrower than four characters (4 × its font size: one CJK character is
1 em); no content is cut off horizontally (an element that hides overflow while
its content is wider); and a box that scrolls sideways shows that it does (the
class is-overflowing and a visible .scroll-cue line just before it). Screenshots
of every page go to $PORTAL_SCREENSHOT_DIR, by default test-artifacts/screenshots/
(git-ignored).
"""
import os
import re
from pathlib import Path

import pytest
from .conftest import goto, new_context

pytestmark = pytest.mark.browser

WIDTHS = [390, 1366]
SHOTS = Path(os.environ.get("PORTAL_SCREENSHOT_DIR") or Path(__file__).resolve().parents[2] / "test-artifacts" /
             "screenshots")

# What the layout check measures on a page (returned to Python, asserted there).
LAYOUT = """() => {
  const vw = document.documentElement.clientWidth;
  const shown = el => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && !el.closest('.visually-hidden, .hp, [hidden]');
  };
  const out = {page: document.documentElement.scrollWidth - vw, narrow: [], cut: [], silent: [], cells: 0};
  for (const c of document.querySelectorAll('td, th')) {
    if (!shown(c)) continue;
    out.cells++;
    const w = c.getBoundingClientRect().width, fs = parseFloat(getComputedStyle(c).fontSize);
    if (w + 0.5 < 4 * fs) out.narrow.push(`${c.tagName}.${c.className} ${Math.round(w)}px < ${4 * fs}px: ${c.textContent.trim().slice(0, 16)}`);
  }
  for (const el of document.querySelectorAll('body *')) {
    if (!shown(el) || el.scrollWidth - el.clientWidth <= 1) continue;
    const s = getComputedStyle(el);
    const label = `${el.tagName}.${String(el.className).slice(0, 40)}: ${el.textContent.trim().slice(0, 20)}`;
    if (s.overflowX === 'auto' || s.overflowX === 'scroll') {
      const cue = el.previousElementSibling;
      if (!(el.classList.contains('is-overflowing') && cue && cue.classList.contains('scroll-cue') && shown(cue)))
        out.silent.push(label);
    } else if (s.overflowX === 'hidden' || s.overflowX === 'clip') {
      out.cut.push(label);
    }
  }
  return out;
}"""


@pytest.fixture
def site(browser, live_server, transactional_db, django_user_model):
    """The live server with the seed corpus, a report, and an admin login."""
    from django.conf import settings
    from django.core.management import call_command

    from measures.importer import Importer
    from measures.models import Document, ErrorReport

    call_command("seed_reference", verbosity=0)
    summary = Importer().import_paths([settings.CORPUS_DIR])
    assert not summary.failed, summary.failed
    django_user_model.objects.create_superuser("root", "root@example.invalid", "root-pass-123")
    hunan = Document.objects.get(title__startswith="湖南省")
    ErrorReport.objects.create(document=hunan, kind="text", description="原文第三条有误")
    return live_server.url


def page_types():
    """(name, path) of every page type, built from the imported corpus."""
    from measures.models import Document, Measure, ResponsibleUnit

    sanming = Document.objects.get(title__contains="三明")
    hunan = Document.objects.get(title__startswith="湖南省")
    measure = Measure.objects.get(document=sanming, ordinal=13)
    unit = ResponsibleUnit.objects.get(name="市场监管局", region__name="三明市")
    return [
        ("home", "/"), ("measures", "/measures/"), ("search", "/measures/?q=知识产权"),
        ("measure", f"/measures/{measure.pk}/"), ("documents", "/documents/"),
        ("document", f"/documents/{sanming.pk}/"), ("document-hant", f"/documents/{hunan.pk}/"),
        ("compare", "/compare/"), ("targets", "/targets/"), ("units", "/units/"), ("unit", f"/units/{unit.pk}/"),
        ("report", "/report/"), ("report-measure", f"/report/?measure={measure.pk}"), ("not-found", "/no-such-page/"),
        ("about", "/about/"), ("api-docs", "/api/docs/"), ("timeline", "/timeline/"), ("map", "/map/"),
        ("lineage", f"/documents/{sanming.pk}/lineage/"), ("diffusion", f"/measures/{measure.pk}/diffusion/"),
        ("english-search", "/measures/?q=专利&lang=en"),
    ]


ADMIN_PAGES = [("admin-index", "/admin/"), ("admin-measures", "/admin/measures/measure/"),
               ("admin-reports", "/admin/measures/errorreport/")]
LANGUAGES = ["zh-hans", "en"]


def shoot(pg, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def check_layout(pg, where):
    r = pg.evaluate(LAYOUT)
    problems = []
    if r["page"] > 1:
        problems.append(f"the page scrolls sideways by {r['page']}px")
    problems += [f"narrow cell {x}" for x in r["narrow"]]
    problems += [f"cut off {x}" for x in r["cut"]]
    problems += [f"scrolls without a cue {x}" for x in r["silent"]]
    assert not problems, f"{where}: " + "; ".join(problems[:12])
    return r


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_reads_at_this_width(browser, site, width, lang):
    """Every page type in Chinese and in English (English labels are longer)."""
    from django.conf import settings

    context = new_context(browser, viewport={"width": width, "height": 900}, locale="zh-CN")
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": site}])
    suffix = "" if lang == "zh-hans" else "-en"
    pg = context.new_page()
    try:
        failures, tables = [], 0
        for name, path in page_types():
            response = goto(pg, site + path)
            assert response.status == (404 if name == "not-found" else 200), (path, response.status)
            pg.wait_for_load_state("load")
            shoot(pg, f"{width}-{name}{suffix}")
            try:
                tables += check_layout(pg, f"{path} at {width}px")["cells"]
            except AssertionError as e:
                failures.append(str(e))
        # the admin's index and lists, logged in, in the same language
        goto(pg, site + f"/?lang={lang}")
        goto(pg, site + "/admin/login/")
        pg.fill("#id_username", "root")
        pg.fill("#id_password", "root-pass-123")
        pg.click("input[type=submit]")
        pg.wait_for_url(re.compile(r"/admin/$"))
        for name, path in ADMIN_PAGES:
            goto(pg, site + path)
            shoot(pg, f"{width}-{name}{suffix}")
            assert pg.evaluate("document.documentElement.lang").lower().startswith(lang[:2]), (path, lang)
            if width >= 1366:
                heading = pg.locator("#result_list td.field-heading, #result_list th.field-heading").first
                if heading.count():
                    assert heading.bounding_box()["width"] >= 16 * 13, "a measure's title column reads"
        assert tables > 50, "the pages checked have tables"
        assert not failures, "\n".join(failures)
    finally:
        context.close()


def test_admin_document_page_fits_a_laptop(browser, site):
    from measures.models import Document

    doc = Document.objects.get(title__startswith="湖南省")
    context = new_context(browser, viewport={"width": 1366, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    try:
        goto(pg, site + "/admin/login/")
        pg.fill("#id_username", "root")
        pg.fill("#id_password", "root-pass-123")
        pg.click("input[type=submit]")
        pg.wait_for_url(re.compile(r"/admin/$"))
        goto(pg, site + f"/admin/measures/document/{doc.pk}/change/")
        shoot(pg, "1366-admin-document")
        assert pg.evaluate("document.documentElement.scrollWidth") <= 1366
        queue = goto(pg, site + "/admin/measures/errorreport/")
        assert queue.status == 200 and pg.get_by_text("原文第三条有误").count() == 1
    finally:
        context.close()


def test_phone_reads_the_documents_and_targets_tables(browser, site):
    context = new_context(browser, viewport={"width": 390, "height": 844}, locale="zh-CN")
    pg = context.new_page()
    try:
        goto(pg, site + "/documents/")
        title = pg.locator("table.doc-table tbody th").first
        assert title.bounding_box()["width"] >= 300, "a document's title gets the card's width"
        goto(pg, site + "/targets/")
        for label in ("单位", "年份", "出处"):
            cell = pg.locator(f"table.targets-table td[data-label='{label}']").first
            box = cell.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, label
    finally:
        context.close()


def test_keyboard_reaches_the_results_without_the_filters(browser, site):
    context = new_context(browser, viewport={"width": 1366, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    try:
        goto(pg, site + "/measures/?q=知识产权")
        pg.keyboard.press("Tab")
        pg.keyboard.press("Tab")
        skip = pg.get_by_role("link", name="跳到检索结果")
        assert skip.evaluate("el => el === document.activeElement")
        pg.keyboard.press("Enter")
        assert pg.evaluate("document.activeElement.id") == "results"
        pg.keyboard.press("Tab")
        assert pg.evaluate("!!document.activeElement.closest('#results')"), "the next stop is in the results"
        # facets: the largest values, the rest behind 更多 (a <details>: works without JS)
        more = pg.locator("fieldset.facet-theme details.facet-more")
        assert more.count() == 1 and not more.evaluate("d => d.open")
        more.locator("summary").click()
        assert more.evaluate("d => d.open")
    finally:
        context.close()


def test_language_switch_on_every_page(browser, site):
    context = new_context(browser, viewport={"width": 1366, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    try:
        goto(pg, site + "/documents/")
        pg.get_by_role("link", name="English").click()
        pg.wait_for_load_state("load")
        assert pg.evaluate("document.documentElement.lang") == "en"
        assert pg.get_by_role("heading", name="Policy documents").is_visible()
        # data stays as written
        assert pg.get_by_text("湖南省智慧財產權強省建設實施意見").first.is_visible()
        goto(pg, site + "/units/")
        assert pg.evaluate("document.documentElement.lang") == "en", "the choice is kept"
        shoot(pg, "1366-units-en")
        pg.get_by_role("link", name="中文").click()
        pg.wait_for_load_state("load")
        assert pg.evaluate("document.documentElement.lang") == "zh-Hans"
    finally:
        context.close()


HEADER = """() => {
  const inner = document.querySelector('.site-header .header-inner');
  const parts = [...inner.children].filter(el => el.getBoundingClientRect().width > 1);
  const tops = parts.map(el => { const r = el.getBoundingClientRect(); return Math.round(r.top + r.height / 2); });
  return {rows: new Set(tops.map(t => Math.round(t / 12))).size, spread: Math.max(...tops) - Math.min(...tops),
          parts: parts.map(el => `${el.className}@${Math.round(el.getBoundingClientRect().top)}:${Math.round(el.getBoundingClientRect().left)}+${Math.round(el.getBoundingClientRect().width)}`)};
}"""

SCROLLS = """(selector) => {
  const el = document.querySelector(selector);
  const cue = el.previousElementSibling;
  const shown = cue && cue.classList.contains('scroll-cue') && !cue.hidden && cue.getBoundingClientRect().height > 0;
  return {over: el.scrollWidth - el.clientWidth, overflowing: el.classList.contains('is-overflowing'),
          cue: shown ? cue.textContent : null, overflowX: getComputedStyle(el).overflowX};
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_header_is_one_line_and_the_admin_list_shows_that_it_scrolls(browser, site, lang):
    """At 1366 px the header (name, navigation, search box, language switch) is one line in either
    language; the admin's change list either fits or says that it scrolls sideways (in English
    its columns are wider: "Updated at", "Dec. 4, 2026, 10:30 a.m.")."""
    from django.conf import settings

    context = new_context(browser, viewport={"width": 1366, "height": 900}, locale="zh-CN")
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": site}])
    pg = context.new_page()
    try:
        for path in ("/", "/measures/?q=专利", "/documents/", "/about/"):
            goto(pg, site + path)
            header = pg.evaluate(HEADER)
            searches = path in ("/documents/", "/about/")      # the home and list pages have their own box
            assert header["spread"] <= 8 and len(header["parts"]) == (4 if searches else 3), (lang, path, header)
        goto(pg, site + "/admin/login/")
        pg.fill("#id_username", "root")
        pg.fill("#id_password", "root-pass-123")
        pg.click("input[type=submit]")
        pg.wait_for_url(re.compile(r"/admin/$"))
        for width in (1366, 1000):
            pg.set_viewport_size({"width": width, "height": 900})
            goto(pg, site + "/admin/measures/measure/")
            pg.wait_for_load_state("load")
            pg.wait_for_timeout(150)
            box = pg.evaluate(SCROLLS, "#changelist-form .results")
            assert box["overflowX"] in ("auto", "scroll"), box
            if box["over"] > 1:
                assert box["overflowing"] and box["cue"], (lang, width, box)
                assert ("scroll sideways" in box["cue"]) == (lang == "en"), box["cue"]
            if width == 1000:
                assert box["over"] > 1, "at 1000 px the list is wider than its box (so the cue is exercised)"
            shoot(pg, f"{width}-admin-measures-scroll{'-en' if lang == 'en' else ''}")
            r = pg.evaluate(LAYOUT)
            assert r["page"] <= 1 and not r["cut"] and not r["silent"], (lang, width, r)
    finally:
        context.close()
