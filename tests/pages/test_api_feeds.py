"""The JSON API beyond measure search (/api/, documents, targets, units, the
API page) and the Atom feeds of any search state (issue 13)."""
from xml.etree import ElementTree

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_api_index_lists_the_endpoints(client, build_corpus):
    build_corpus(2)
    body = client.get("/api/").json()
    assert set(body["endpoints"]) >= {"measures", "documents", "document", "targets", "units", "feed"}
    for name in ("measures", "documents", "targets", "units"):
        url = body["endpoints"][name]["url"].replace("http://testserver", "")
        assert client.get(url).status_code == 200, url
    assert client.get(body["docs"].replace("http://testserver", "")).status_code == 200


def test_documents_list_and_detail(client, build_corpus):
    docs = build_corpus(3)
    body = client.get("/api/documents/").json()
    assert body["count"] == 3 and {d["id"] for d in body["results"]} == {d.pk for d in docs}
    by_id = {d["id"]: d for d in body["results"]}
    first = by_id[docs[0].pk]
    assert first["title"] == docs[0].title and first["n_measures"] == 3 and first["doc_type"] == "建设方案"
    assert first["city"]["name"] == "沈阳市" and first["doc_number"]
    # the filters of the documents page, and the advanced ones
    assert client.get("/api/documents/", {"province": "430000"}).json()["count"] == 1
    assert client.get("/api/documents/", {"level": "province"}).json()["count"] == 1
    assert client.get("/api/documents/", {"doc_type": "意见"}).json()["count"] == 1      # 實施意見
    assert client.get("/api/documents/", {"q": "沈阳"}).json()["count"] == 1
    assert client.get("/api/documents/", {"issuer": "沈阳市人民政府"}).json()["count"] == 1
    assert client.get("/api/documents/", {"date_from": "2024-12-03"}).json()["count"] == 0
    detail = client.get(f"/api/documents/{docs[0].pk}/").json()
    assert detail["id"] == docs[0].pk and detail["title"] == docs[0].title
    kinds = [e["kind"] for e in detail["outline"]]
    assert kinds.count("measure") == 3 and "heading" in kinds
    assert len(detail["targets"]) == 4       # one per measure and the document's own
    assert sum(1 for t in detail["targets"] if t["measure"]) == 3
    assert client.get("/api/documents/999999/").status_code == 404


def test_targets_and_units(client, build_corpus):
    build_corpus(2)
    body = client.get("/api/targets/").json()
    assert body["count"] >= 6 and {"metric", "value", "comparator", "group", "document"} <= set(body["results"][0])
    assert client.get("/api/targets/", {"q": "满意度"}).json()["count"] == 2
    assert all(t["comparable"] for t in client.get("/api/targets/", {"comparable": "true"}).json()["results"])
    units = client.get("/api/units/").json()
    assert units["count"] >= 1 and units["results"][0]["n_measures"] >= 1
    names = {u["name"] for u in client.get("/api/units/", {"q": "市场监管"}).json()["results"]}
    assert names == {"市场监管局"}
    unit = units["results"][0]
    assert client.get(unit["measures_url"]).json()["count"] == unit["n_measures"]


@pytest.mark.parametrize("url", ["/api/measures/", "/api/documents/", "/api/targets/", "/api/units/"])
def test_a_page_past_the_end_is_a_404_never_the_last_page(client, build_corpus, url):
    build_corpus(2)
    first = client.get(url, {"page_size": 1}).json()
    assert first["num_pages"] >= 2
    last = client.get(url, {"page_size": 1, "page": first["num_pages"]})
    assert last.status_code == 200 and last.json()["results"]
    past = client.get(url, {"page_size": 1, "page": first["num_pages"] + 1})
    assert past.status_code == 404 and past.json()["error"] == "page_out_of_range"
    assert client.get(url, {"page_size": 1, "page": "last"}).json()["page"] == first["num_pages"]


def test_api_docs_page_documents_every_parameter(client):
    from measures import api_resources as A
    from measures import params as P

    html = client.get("/api/docs/").content.decode()
    assert "数据接口" in html
    for spec in (P.MEASURES, A.API_DOCUMENTS, A.API_TARGETS, A.API_UNITS):
        for name in (spec() if callable(spec) else spec):
            assert f"<code>{name}</code>" in html, name


def test_api_docs_page_documents_every_field_of_a_search_response(client, build_corpus, settings):
    # every key of /api/measures/'s answer is named on the page, estimated_facets (the facets still
    # estimated; a sampled set's facets counted exactly are not) with when it is non-empty and an example
    build_corpus(1)
    body = client.get("/api/measures/", {"q": "行政裁决"}).json()
    assert body["estimated_facets"] == [] and not body["facets_are_estimates"]
    html = client.get("/api/docs/").content.decode()
    for key in body:
        assert f"<code>{key}</code>" in html or f'"{key}"' in html, key
    assert "超过一万条、按抽样计数时非空" in html and '"estimated_facets": []' in html
    # and in English, through the catalogue
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/api/docs/").content.decode()
    assert "<code>estimated_facets</code>: the names of the facets whose counts are still estimates" in english
    assert "按抽样计数" not in english


def _feed(client, params):
    resp = client.get("/measures/feed/", params)
    assert resp.status_code == 200 and resp["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(resp.content)
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{tag}") is not None, tag
    return root


def test_every_search_state_has_a_valid_atom_feed(client, build_corpus):
    build_corpus(3)
    root = _feed(client, {"q": "行政裁决", "city": "沈阳市"})
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1 and "行政裁决" in root.find(f"{ATOM}title").text
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http://testserver/measures/")
    assert "行政裁决" in entries[0].find(f"{ATOM}summary").text
    everything = _feed(client, {})
    assert len(everything.findall(f"{ATOM}entry")) == 9
    # newest document first
    updated = [e.find(f"{ATOM}published").text for e in everything.findall(f"{ATOM}entry")]
    assert updated == sorted(updated, reverse=True)
    assert not _feed(client, {"q": "区块链"}).findall(f"{ATOM}entry")
    _feed(client, {"q": "((( 专利 OR", "fuzzy": "1", "theme": "x" * 300, "page": "9"})


def test_result_page_links_its_feed(client, build_corpus):
    build_corpus(2)
    html = client.get("/measures/", {"q": "行政裁决", "city": "沈阳市", "page": "1"}).content.decode()
    assert 'type="application/atom+xml"' in html and ">订阅</a>" in html
    assert "/measures/feed/?q=%E8%A1%8C%E6%94%BF%E8%A3%81%E5%86%B3&amp;city=" in html
