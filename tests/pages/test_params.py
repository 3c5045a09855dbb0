"""Query parameters are validated once per view family (measures.params): a
value that cannot be understood is a 400 (exports) or is left out with a
notice (HTML pages, the API's ignored_parameters), never a 500; exports are complete, streamed and
rate-limited; long lists and long documents come a page at a time."""
import csv
import io
import json

import pytest


@pytest.fixture
def docs(build_corpus):
    return build_corpus(4)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("param", ["province", "city", "unit", "document", "year_from", "level", "has_targets"])
@pytest.mark.parametrize("value", ["²", "①", "a\x00b", "x" * 10000])
def test_api_leaves_a_bad_filter_out_and_lists_it(client, docs, param, value):
    response = client.get("/api/measures/", {param: value, "q": "行政裁决"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert [p["name"] for p in data["ignored_parameters"]] == [param]
    assert data["count"] == 3 and isinstance(data["results"], list)
    assert json.loads(client.get("/api/measures/", {"q": "行政裁决"}).content)["ignored_parameters"] == []


@pytest.mark.parametrize("q", ["\x00", "x" * 10000, '"unclosed', "²", "知识产权' OR 1=1 --"])
def test_api_search_string_is_never_an_error(client, docs, q):
    response = client.get("/api/measures/", {"q": q})
    assert response.status_code == 200 and isinstance(json.loads(response.content)["results"], list)


@pytest.mark.parametrize("url", ["/measures/?province=²", "/measures/?city=①", "/measures/?unit=²",
                                 "/measures/?document=①", "/measures/?province=²&q=行政裁决"])
def test_list_page_ignores_a_bad_filter_and_says_so(client, docs, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "已忽略无法识别的参数" in html and "共 <strong>" in html
    # the export links carry only the valid parameters
    assert "%C2%B2" not in html and "%E2%91%A0" not in html


def test_list_page_applies_the_valid_filters_beside_a_bad_one(client, docs):
    html = client.get("/measures/?city=210100&unit=²").content.decode()
    assert "共 <strong>4</strong> 条措施" in html and "已忽略" in html


def test_units_search_with_nul_is_no_error(client, docs):
    response = client.get("/units/", {"q": "\x00"})
    assert response.status_code == 200
    assert client.get("/units/?q=%00%00&region=①").status_code == 200
    assert client.get("/documents/?province=①").status_code == 200
    assert client.get("/targets/?q=%00&comparable=²").status_code == 200


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("query", ["unit=²", "province=①", "year_from=x", "level=nonsense", "document=-1",
                                   "has_targets=maybe", "sort=random", "provnce=210000"])
def test_export_with_a_bad_filter_is_400_not_everything(client, docs, fmt, query):
    response = client.get(f"/measures/export.{fmt}?{query}")
    assert response.status_code == 400
    assert not response.streaming
    assert "查询参数无效" in response.content.decode()


def test_exports_are_complete_and_parse(client, docs):
    csv_response = client.get("/measures/export.csv?theme=finance")
    assert csv_response.streaming and csv_response["X-Total-Count"] == "3"
    rows = list(csv.reader(io.StringIO(body(csv_response).decode("utf-8-sig"))))
    assert len(rows) == 4
    data = json.loads(body(client.get("/measures/export.json?theme=finance")))
    assert len(data) == 3


def test_export_larger_than_the_limit_is_refused_not_cut(client, docs, monkeypatch):
    from measures import views

    monkeypatch.setattr(views, "EXPORT_LIMIT", 5)
    response = client.get("/measures/export.json")
    assert response.status_code == 400 and "超过单次导出的上限" in response.content.decode()
    assert client.get("/measures/export.json?city=210100").status_code == 200


def test_exports_are_rate_limited_per_client(client, docs, settings):
    settings.RATELIMITS = {**settings.RATELIMITS, "export": "3/60"}
    for _ in range(3):
        assert client.get("/measures/export.csv?city=210100").status_code == 200
    refused = client.get("/measures/export.json?city=210100")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    # another client is not affected
    assert client.get("/measures/export.csv?city=210100", REMOTE_ADDR="192.0.2.44").status_code == 200
    # the list page itself is never rate-limited
    assert client.get("/measures/").status_code == 200


def test_targets_board_is_paginated(client, docs, monkeypatch):
    from measures import views

    monkeypatch.setattr(views, "TARGET_GROUPS_PER_PAGE", 2)
    html = client.get("/targets/").content.decode()
    assert html.count('class="metric-group') == 2
    assert 'aria-label="分页"' in html and "page=2" in html
    html2 = client.get("/targets/?page=2").content.decode()
    assert html2.count('class="metric-group') == 2


def test_long_document_page_shows_one_page_of_measures_with_navigation(client, docs, monkeypatch):
    from measures import selectors_pages

    monkeypatch.setattr(selectors_pages, "DOCUMENT_MEASURES_PER_PAGE", 3)
    monkeypatch.setattr(selectors_pages, "SOURCE_PREVIEW_CHARS", 5)
    doc = docs[0]
    html = client.get(f"/documents/{doc.pk}/").content.decode()
    assert 'id="m-1"' in html and 'id="m-3"' in html and 'id="m-4"' not in html
    assert "4 条措施" in html and "第 1/2 页" in html and 'href="?page=2#measures-title"' in html
    assert "原文较长" in html                              # the source text is cut to its beginning
    html = client.get(f"/documents/{doc.pk}/?page=2").content.decode()
    assert 'id="m-4"' in html and 'id="m-1"' not in html
    assert ">重点任务<" in html                            # the chapter is opened again on page 2
    assert client.get(f"/documents/{doc.pk}/?page=99").status_code == 404   # past the last page (measures.paging)
    assert client.get(f"/documents/{doc.pk}/?page=①").status_code == 200
    # a measure's link into its document goes to the right page
    m4 = doc.measures.get(ordinal=4)
    assert f"/documents/{doc.pk}/?page=2#m-4" in client.get(f"/measures/{m4.pk}/").content.decode()


def test_report_posts_are_rate_limited_per_client(client, docs, settings):
    from measures.models import ErrorReport

    settings.RATELIMITS = {**settings.RATELIMITS, "report": "2/600"}
    url = f"/report/?document={docs[0].pk}"
    for i in range(2):
        assert client.post(url, {"kind": "other", "description": f"第{i}次报告的说明"}).status_code == 302
    refused = client.post(url, {"kind": "other", "description": "第三次报告的说明"})
    assert refused.status_code == 429 and "Retry-After" in refused
    assert ErrorReport.objects.count() == 2
    assert client.get(url).status_code == 200               # reading the form is not limited
    assert client.post(url, {"kind": "other", "description": "另一个来源的报告"},
                       REMOTE_ADDR="192.0.2.45").status_code == 302


def test_report_form_has_a_hidden_honeypot(client, docs):
    html = client.get(f"/report/?document={docs[0].pk}").content.decode()
    assert 'class="hp" aria-hidden="true"' in html and 'name="website"' in html and 'tabindex="-1"' in html
