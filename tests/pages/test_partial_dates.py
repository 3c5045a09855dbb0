"""Issue 15: a document dated only to the month (2022年12月) keeps its year and
month, is shown so, and counts in the year filters; undated measures have a
日期不详 bucket."""
import pytest
from lxml import html as lxml_html

from measures.models import Document, Measure
from measures.partial_dates import month_only_date
from measures.selectors import measure_search

pytestmark = pytest.mark.django_db


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(lxml_html.fromstring(response.content.decode("utf-8")).xpath("//main")[0].text_content().split())


def test_month_only_dates_that_date_the_document():
    title = "湖南省智慧財產權強省建設實施意見"
    assert month_only_date("《湖南省智慧財產權強省建設實施意見》是2022年12月湖南省委、省政府印發的意見。", title) == (2022, 12)
    assert month_only_date("正文……\n某某市人民政府\n2023年5月\n", "某某方案") == (2023, 5)
    # a full day is the parser's business; a month in a sentence citing another document is not this one's
    assert month_only_date("某某市人民政府\n2023年5月8日\n", "某某方案") is None
    assert month_only_date("为贯彻落实2021年9月印发的《知识产权强国建设纲要》,制定本方案。", "知识产权强国建设纲要") is None
    assert month_only_date("到2025年12月,建成一批示范区。", "某某方案") is None


@pytest.fixture
def hunan(corpus):
    return Document.objects.get(title__startswith="湖南省")


def test_a_document_signed_2022年12月_keeps_year_and_month(client, hunan):
    assert (hunan.signed_date, hunan.published_date) == (None, None)
    assert (hunan.date_year, hunan.date_month) == (2022, 12)
    text = page_text(client, f"/documents/{hunan.pk}/")
    assert "成文日期2022年12月" in text.replace(" ", "")
    assert "2022年12月" in page_text(client, "/documents/")
    measure = hunan.measures.order_by("ordinal").first()
    assert "2022年12月" in page_text(client, f"/measures/{measure.pk}/")


def test_its_measures_count_in_the_year_filter_and_facet(client, hunan):
    n = hunan.measures.count()
    assert n == 19
    r = measure_search(params={"year_from": "2022", "year_to": "2022"})
    assert r.count == n
    years = {row["year"]: row["count"] for row in measure_search(params={}).facets["year"]}
    assert years[2022] == n and None not in years
    # with a text query too (the engine's facet lexemes know the year)
    hit = measure_search(params={"q": "保護", "year_from": "2022", "year_to": "2022"})
    assert hit.count > 0 and all(m.document_id == hunan.pk for m in hit.page.object_list)
    assert "2022 年" in page_text(client, "/measures/")


def test_undated_measures_have_their_own_bucket(client, hunan):
    Document.objects.filter(pk=hunan.pk).update(date_year=None, date_month=None)
    n = hunan.measures.count()
    years = {row["year"]: row["count"] for row in measure_search(params={}).facets["year"]}
    assert years[None] == n
    assert measure_search(params={"undated": "true"}).count == n
    assert measure_search(params={"undated": "false"}).count == Measure.objects.count() - n
    text = page_text(client, "/measures/")
    assert "日期不详" in text
    html = client.get("/measures/").content.decode()
    assert "undated=true" in html
    assert f"共 {n} 条措施" in page_text(client, "/measures/?undated=true")
