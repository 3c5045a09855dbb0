"""A page past the last one is a 404 on every paginated HTML page, as in the
API (measures.paging): the portal's page saying 没有第 N 页 with a link to the
last page (the other parameters kept) — never the last page shown again."""
import re

import pytest

from measures import selectors_pages

pytestmark = pytest.mark.django_db


def links(html):
    return re.findall(r'<a rel="(last|first)" href="([^"]*)"', html)


@pytest.mark.parametrize("url", ["/measures/", "/documents/", "/targets/", "/units/"])
def test_a_page_past_the_last_is_a_404_page_with_a_link_to_the_last(client, build_corpus, url):
    build_corpus(2)
    assert client.get(url, {"page": 1}).status_code == 200
    assert client.get(url, {"page": "last"}).status_code == 200
    response = client.get(url, {"page": 7})
    assert response.status_code == 404
    html = response.content.decode()
    assert "没有第 7 页" in html and 'class="error-page"' in html and "Traceback" not in html
    assert ("last", "?page=1") in links(html) and ("first", "?") in links(html)


def test_the_measure_list_404_keeps_the_search_in_its_links(client, build_corpus):
    build_corpus(3)
    first = client.get("/api/measures/", {"q": "知识产权", "page_size": 2}).json()
    last = first["num_pages"]
    assert last >= 2
    params = {"q": "知识产权", "page_size": 2}
    page = client.get("/measures/", {**params, "page": last})
    assert page.status_code == 200 and 'class="results"' in page.content.decode()
    past = client.get("/measures/", {**params, "page": last + 1})
    api_past = client.get("/api/measures/", {**params, "page": last + 1})
    assert past.status_code == 404 and api_past.status_code == 404       # the page and the API agree
    html = past.content.decode()
    assert f"没有第 {last + 1} 页" in html and f"共有 {last} 页" in html
    found = dict((rel, href) for rel, href in links(html))
    assert f"page={last}" in found["last"] and "page_size=2" in found["last"] and "q=" in found["last"]
    assert "page=" not in found["first"] and "q=" in found["first"]
    assert client.get("/measures/" + found["last"].replace("&amp;", "&")).status_code == 200


def test_a_document_page_past_its_last_is_a_404(client, build_corpus, monkeypatch):
    monkeypatch.setattr(selectors_pages, "DOCUMENT_MEASURES_PER_PAGE", 3)
    doc = build_corpus(4)[0]
    assert client.get(f"/documents/{doc.pk}/", {"page": 2}).status_code == 200
    response = client.get(f"/documents/{doc.pk}/", {"page": 3})
    assert response.status_code == 404 and "没有第 3 页" in response.content.decode()
    assert client.get(f"/documents/{doc.pk}/", {"page": "last"}).status_code == 200


def test_the_404_page_speaks_the_interface_language(client, build_corpus):
    build_corpus(2)
    client.get("/documents/", {"lang": "en"})
    html = client.get("/units/", {"page": 5}).content.decode()
    assert "There is no page 5" in html
