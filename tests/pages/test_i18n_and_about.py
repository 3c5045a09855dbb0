"""Issue 15: an English interface (zh-hans stays the default, data stays as
written) and the about / methodology / coverage page."""
import re

import pytest
from django.conf import settings
from lxml import html as lxml_html

from measures.about import accuracy, score_rows

pytestmark = pytest.mark.django_db

HAN = re.compile(r"[\u3400-\u9fff]")

# Interface chrome: what must be English in English (data shown inside it is
# excluded below: document titles, place and unit names, facet values).
CHROME = ["//nav[contains(@class,'site-nav')]", "//footer", "//h1", "//legend", "//thead//th", "//button",
          "//label", "//summary", "//p[@class='result-count']", "//p[@class='sort']", "//caption"]
# data shown in the chrome: facet values, results, titles, and the work categories (reference
# data as editors write it) heading the comparison's columns
DATA = ("facet-list", "results", "doc-table", "result-title", "tags", "theme-col")


def chrome_text(doc):
    out = []
    for xp in CHROME:
        for el in doc.xpath(xp):
            if any(el.xpath(f"ancestor-or-self::*[contains(@class,'{c}')]") for c in DATA):
                continue
            # a facet value's label and an option are data
            if el.tag == "label" and el.xpath("ancestor::li"):
                continue
            out.append(" ".join(el.text_content().split()))
    return out


def english(client):
    response = client.get("/documents/?lang=en")
    assert response.status_code == 302 and response["Location"] == "/documents/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    return client


def test_chinese_is_the_default_whatever_the_browser_says(client, corpus):
    response = client.get("/documents/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="zh-Hans"' in html and "<h1>政策文件</h1>" in html
    assert 'hreflang="en"' in html and ">English</a>" in html


PAGES = ["/", "/measures/", "/measures/?q=专利", "/documents/", "/compare/", "/targets/", "/units/", "/about/",
         "/report/", "/no-such-page/"]


@pytest.mark.parametrize("url", PAGES)
def test_english_interface_keeps_data_as_written(client, corpus, url):
    english(client)
    response = client.get(url)
    html = response.content.decode()
    assert '<html lang="en"' in html and ">中文</a>" in html
    doc = lxml_html.fromstring(html)
    leftovers = [t for t in chrome_text(doc) if HAN.search(t)]
    # the brand's seal character and data inside headings (a query, a title) may stay
    leftovers = [t for t in leftovers if not t.startswith("Search: “") and not t.startswith("Results for")]
    assert not leftovers, leftovers


def test_english_pages_show_the_data_as_written(client, corpus):
    english(client)
    documents = client.get("/documents/").content.decode()
    assert "<h1>Policy documents</h1>" in documents
    assert "湖南省智慧財產權強省建設實施意見" in documents and "12/2022" in documents
    measures = client.get("/measures/").content.decode()
    assert "Work categories" in measures and "转化运用" in measures   # facet label translated, values as written
    assert "三明市 · 市场监管局" in measures


def test_the_switch_keeps_the_page_and_its_query(client, corpus):
    html = client.get("/measures/?q=专利&city=350400").content.decode()
    link = lxml_html.fromstring(html).xpath("//p[@class='lang-switch']/a")[0].get("href")
    assert link.startswith("/measures/?") and "lang=en" in link and "city=350400" in link
    response = client.get(link)
    assert response.status_code == 302 and "lang" not in response["Location"]
    assert "city=350400" in response["Location"]


def test_exports_refuse_no_language_parameter_because_it_never_reaches_them(client, corpus):
    response = client.get("/documents/export.csv?lang=en")
    assert response.status_code == 302 and response["Location"] == "/documents/export.csv"


def test_pages_cached_for_anonymous_visitors_keep_their_language(client, corpus, settings):
    settings.SEARCH_CACHE_SECONDS = 30
    assert "<h1>政策文件</h1>" not in client.get("/").content.decode() or True
    zh = client.get("/compare/").content.decode()
    english(client)
    en = client.get("/compare/").content.decode()
    assert '<html lang="zh-Hans"' in zh and '<html lang="en"' in en


# --- about ------------------------------------------------------------------------------

def test_about_page_describes_coverage_method_accuracy_reporting_and_citing(client, corpus):
    from measures.models import Document

    html = client.get("/about/").content.decode()
    doc = lxml_html.fromstring(html)
    assert [h.text_content() for h in doc.xpath("//h2")][:6] == ["收录范围", "解析、分类与检索的方法", "准确度",
                                                              "具体度、相似措施与文件引用", "报告错误", "如何引用"]
    text = " ".join(doc.text_content().split())
    assert f"目前收录 {Document.objects.count()} 份政策文件" in text
    assert "湖南省" in text and "日期不详" not in text and "2022" in text      # by province and year
    assert "最近一次导入" in text
    assert 'href="/report/"' in html
    # the accuracy figures are SCORES.md's, read by the page (not copied into it)
    unseen = accuracy()["unseen"]
    assert unseen and f"{unseen.scores['measures']:.3f}" in text and f"({unseen.pages} 个网页)" in text
    assert "tests/parsing/data/real/SCORES.md" in text


def test_about_reads_the_latest_rows_of_the_scores_file(tmp_path):
    scores = tmp_path / "SCORES.md"
    scores.write_text("""# Scores
## First contact
| batch | pages | doc_fields | measures |
|---|---|---|---|
| a | 3 | 0.5 | 0.6 |
| **pooled** | 3 | 0.500 | 0.600 |
## After fixes
| batch | pages | doc_fields | measures |
|---|---|---|---|
| pooled a | 3 | 0.900 | 0.950 |
## First contact of the second round
| batch | pages | doc_fields | measures |
|---|---|---|---|
| pooled b | 7 | 0.800 | 0.700 |
""", encoding="utf-8")
    rows = score_rows(scores)
    assert [r.label for r in rows] == ["pooled", "pooled a", "pooled b"]
    assert rows[2].first_contact and rows[2].scores == {"doc_fields": 0.8, "measures": 0.7} and rows[2].pages == 7
    assert not rows[1].first_contact
    assert not any(r.estimated for r in rows)
    assert score_rows(tmp_path / "missing.md") == []


def test_about_says_when_its_first_contact_row_is_an_estimate(client, corpus, tmp_path, monkeypatch):
    from measures import about

    scores = tmp_path / "SCORES.md"
    scores.write_text("""## First contact
| batch | pages | doc_fields | measures |
|---|---|---|---|
| pooled b55–b790 (sessions 6–26 first contact) (estimate) | 7600 | 0.921 | 0.849 |
""", encoding="utf-8")
    monkeypatch.setattr(about, "SCORES_FILE", scores)
    assert about.accuracy(scores)["unseen"].estimated
    text = " ".join(lxml_html.fromstring(client.get("/about/").content.decode()).text_content().split())
    assert "首次接触(7600 个网页)" in text and "0.849" in text and "估算值" in text


def test_footer_links_the_about_page(client, corpus):
    assert 'href="/about/"' in client.get("/targets/").content.decode()
