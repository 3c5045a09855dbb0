"""Issue 15: documents, targets and units export as CSV (with a BOM) and JSON;
the measure CSV has the measure's targets and units in readable columns; the
document list and the measure list filter by issuer and document type."""
import csv
import io
import json

import pytest
from lxml import html as lxml_html

from measures.models import Document, Measure, Target

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content).decode("utf-8")


def read_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/csv")
    text = body(response)
    assert text.startswith("\ufeff"), "a BOM, so that Excel reads UTF-8"
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert int(response["X-Total-Count"]) == len(rows)
    return rows


def read_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/json")
    return json.loads(body(response))


def test_documents_export(client, corpus):
    rows = read_csv(client, "/documents/export.csv")
    assert len(rows) == Document.objects.count()
    hunan = next(r for r in rows if r["标题"].startswith("湖南省"))
    assert hunan["日期(仅知年月)"] == "2022年12月" and hunan["文件类型"] == "实施意见"
    assert hunan["措施数"] == "19"
    data = read_json(client, "/documents/export.json?province=430000")
    assert [d["title"] for d in data] == ["湖南省智慧財產權強省建設實施意見"]


def test_targets_export_keeps_metrics_as_written(client, corpus):
    rows = read_csv(client, "/targets/export.csv")
    assert len(rows) == Target.objects.count()
    assert "年新增绿色、有机认证产品数" in {r["指标(原文)"] for r in rows}
    data = read_json(client, "/targets/export.json?q=满意度")
    assert {d["metric"] for d in data} == {"知识产权保护社会满意度", "智慧財產權保護社會滿意度"}


def test_units_export(client, corpus):
    rows = read_csv(client, "/units/export.csv")
    names = {r["单位"] for r in rows}
    assert "三明市 · 市场监管局" in names and "宣城市 · 市场监管局" in names
    data = read_json(client, "/units/export.json?q=市场监督管理局")
    assert data and all("市场监管局" in d["name"] for d in data)


@pytest.mark.parametrize("url", ["/documents/export.csv?bogus=1", "/targets/export.json?comparable=maybe",
                                 "/units/export.csv?region=abc"])
def test_exports_refuse_bad_parameters(client, corpus, url):
    assert client.get(url).status_code == 400


def test_list_pages_link_their_exports(client, corpus):
    for url, export in [("/documents/?level=city", "/documents/export.csv?level=city"),
                        ("/targets/?q=专利", "/targets/export.csv?q="), ("/units/", "/units/export.json")]:
        assert export in client.get(url).content.decode(), url


def test_measure_csv_has_readable_target_and_unit_columns(client, build_corpus):
    build_corpus(4)
    rows = read_csv(client, "/measures/export.csv?city=210100")
    first = next(r for r in rows if r["序号"] == "1")
    assert first["量化目标"] == "专利质押项目0 等于 1个"
    assert first["牵头单位"] == "市场监管局" and first["配合单位"] == "中级人民法院"
    assert first["责任单位"] == "市场监管局(牵头)；中级人民法院(配合)"
    data = read_json(client, "/measures/export.json?city=210100")
    assert data[0]["targets"] and {"metric", "value", "unit", "year"} <= set(data[0]["targets"][0])


# --- issuer and document type ---------------------------------------------------------

def test_document_list_filters_by_type_and_issuer(client, corpus):
    page = lxml_html.fromstring(client.get("/documents/").content.decode())
    types = {o.get("value"): o.text_content() for o in page.xpath("//select[@name='doc_type']/option") if o.get("value")}
    assert "实施方案" in types and "实施意见" in types and "推进计划" in types
    assert types["方案"].startswith("方案(全部)") and "(2)" in types["方案"]
    issuers = [o.get("value") for o in page.xpath("//select[@name='issuer']/option") if o.get("value")]
    assert "沈阳市人民政府" in issuers
    html = client.get("/documents/?doc_type=实施意见").content.decode()
    assert "湖南省智慧財產權強省建設實施意見" in html and "沈阳市国家知识产权保护示范区建设方案" not in html
    html = client.get("/documents/?issuer=沈阳市人民政府").content.decode()
    assert "共 1 件文件" in html and "沈阳市国家知识产权保护示范区建设方案" in html


def test_measure_list_has_type_and_issuer_facets_with_counts(client, corpus):
    page = lxml_html.fromstring(client.get("/measures/").content.decode())
    group = page.xpath("//fieldset[contains(@class,'facet-doc_type')]")[0]
    links = {a.text_content().strip(): a.getparent().xpath(".//span[@class='count']")[0].text_content()
             for a in group.xpath(".//a[contains(@class,'facet-link')]")}
    hunan = Document.objects.get(title__startswith="湖南省")
    assert links["实施意见"] == str(hunan.measures.count())
    issuers = page.xpath("//fieldset[contains(@class,'facet-issuer')]//a[contains(@class,'facet-link')]")
    assert "湖南省委、省政府" in {a.text_content().strip() for a in issuers}
    href = next(a.get("href") for a in group.xpath(".//a") if a.text_content().strip() == "实施意见")
    filtered = client.get("/measures/" + href).content.decode()
    assert f"共 <strong>{hunan.measures.count()}</strong> 条措施" in filtered
    assert Measure.objects.filter(document=hunan).count() == hunan.measures.count()
