"""Issue 15: units that say where they are, facets that show what matters, and
browsing defaults (newest first without a query, the header box, a skip link)."""
import re

import pytest
from lxml import html as lxml_html

from measures.models import Document, Measure

pytestmark = pytest.mark.django_db


def tree(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml_html.fromstring(response.content.decode("utf-8"))


def clean(text):
    return re.sub(r"\s+", " ", text).strip()


def facet(doc, key):
    """(label, count) of every value of a facet group, shown first or behind 更多."""
    out = []
    for li in doc.xpath(f"//fieldset[contains(@class,'facet-{key}')]//li"):
        count = li.xpath(".//span[@class='count']")
        out.append((clean(li.xpath(".//label")[0].text_content()), int(count[0].text_content()) if count else None))
    return out


# --- units ------------------------------------------------------------------------------

def test_unit_facet_names_each_unit_with_its_place(client, corpus):
    units = facet(tree(client, "/measures/"), "unit")
    labels = [label for label, _ in units]
    assert len(labels) == len(set(labels)), [x for x in labels if labels.count(x) > 1]
    assert "三明市 · 市场监管局" in labels and "宣城市 · 市场监管局" in labels
    assert all(count is not None and count > 0 for _, count in units)


def test_units_page_finds_a_unit_by_its_merged_alias(client, corpus):
    doc = tree(client, "/units/?q=市场监督管理局")
    names = [clean(a.text_content()) for a in doc.xpath("//table//tbody//th//a")]
    assert names and all("市场监管局" in n for n in names), names
    # the Traditional spelling and a name with its place find it too
    assert tree(client, "/units/?q=市場監督管理局").xpath("//table//tbody//th//a")
    assert tree(client, "/units/?q=三明市市场监督管理局").xpath("//table//tbody//th//a")


def test_unit_page_heading_names_the_place(client, corpus):
    from measures.models import ResponsibleUnit

    unit = ResponsibleUnit.objects.get(name="市场监管局", region__name="三明市")
    assert clean(tree(client, f"/units/{unit.pk}/").xpath("//h1")[0].text_content()) == "三明市 · 市场监管局"


def test_role_filter_is_hidden_where_no_measure_has_a_role(client, corpus):
    assert set(Measure.objects.values_list("unit_links__role", flat=True)) <= {"responsible", None}
    doc = tree(client, "/measures/")
    offered = {i.get("value") for i in doc.xpath("//input[@name='role']")}
    assert not {"lead", "support"} & offered


def test_role_values_come_with_counts_where_roles_exist(client, build_corpus):
    build_corpus(4)
    roles = dict(facet(tree(client, "/measures/"), "role"))
    assert roles == {"牵头": 12, "配合": 12}


def test_every_facet_value_has_a_count_and_none_is_zero(client, corpus):
    doc = tree(client, "/measures/")
    items = doc.xpath("//div[@id='facets']//ul[contains(@class,'facet-list')]/li")
    assert items
    for li in items:
        count = li.xpath(".//span[@class='count']")
        assert count and int(count[0].text_content()) > 0, lxml_html.tostring(li)


def test_facets_show_the_largest_values_first_and_the_rest_behind_more(client, corpus):
    doc = tree(client, "/measures/")
    group = doc.xpath("//fieldset[contains(@class,'facet-theme')]")[0]
    shown = [int(c.text_content()) for c in group.xpath("./ul/li/span[@class='count']")]
    hidden = [int(c.text_content()) for c in group.xpath("./details//li/span[@class='count']")]
    assert len(shown) == 8 and hidden, (shown, hidden)
    assert shown == sorted(shown, reverse=True) and min(shown) >= max(hidden)
    assert clean(group.xpath("./details/summary")[0].text_content()) == f"更多({len(hidden)})"


# --- browsing defaults --------------------------------------------------------------------

def test_without_a_query_the_list_is_newest_first(client, corpus):
    doc = tree(client, "/measures/?page_size=50")
    titles = [clean(a.text_content()) for a in doc.xpath("//ol[@class='results']//p[@class='meta']/a[last()]")]
    assert len(set(titles)) > 1, "page 1 shows more than one document"
    newest = Document.objects.exclude(published_date=None).order_by("-published_date").first()
    assert titles[0] == newest.title
    sort = clean(doc.xpath("//p[@class='sort']")[0].text_content())
    assert "相关度" not in sort and "日期" in sort
    searched = clean(tree(client, "/measures/?q=专利").xpath("//p[@class='sort']")[0].text_content())
    assert "相关度" in searched


def test_the_api_keeps_document_order_without_a_query(client, corpus):
    body = client.get("/api/measures/?page_size=5").json()
    first = Measure.objects.order_by("document_id", "ordinal").first()
    assert body["results"][0]["id"] == first.pk


@pytest.mark.parametrize("url", ["/units/?q=法院", "/targets/?q=满意度"])
def test_header_search_box_does_not_take_another_page_q(client, corpus, url):
    box = tree(client, url).xpath("//input[@id='header-q']")[0]
    assert not box.get("value")


def test_a_skip_link_reaches_the_results(client, corpus):
    doc = tree(client, "/measures/?q=专利")
    links = [a.get("href") for a in doc.xpath("//a[contains(@class,'skip-link')]")]
    assert "#results" in links
    assert doc.xpath("//*[@id='results']")
    facets = doc.xpath("//div[@id='facets']")[0]
    # the skip link comes before the filters in the page
    assert doc.xpath("//a[@href='#results']")[0].sourceline <= facets.sourceline
