"""The portal's pages render what they promise, in Chinese, from the ORM-built corpus."""
import csv
import io
import json

import pytest

from measures.models import Measure, ResponsibleUnit


@pytest.fixture
def docs(build_corpus):
    return build_corpus(4)


def report_snippet_exists():
    """The report-error snippet belongs to the editors' part of the project."""
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template

    try:
        get_template("measures/_report_link.html")
    except TemplateDoesNotExist:
        return False
    return True


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


def text_of(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


def test_healthz_says_ok_when_the_database_answers(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):  # SELECT 1; a down database is a 503 (tests/test_database_faults.py)
        response = get(client, "/healthz")
    assert response.content == b"ok"


def test_home_shows_the_corpus_at_a_glance_and_entry_points(client, docs):
    html = text_of(get(client, "/"))
    assert 'lang="zh-Hans"' in html and "跳到正文" in html
    assert 'role="search"' in html and 'name="q"' in html
    for label in ("政策文件", "措施", "量化目标", "城市", "省份"):
        assert label in html
    assert "<strong>3</strong><span>政策文件</span>" in html
    assert "<strong>12</strong><span>措施</span>" in html
    assert "<strong>2</strong><span>城市</span>" in html
    assert "<strong>3</strong><span>省份</span>" in html
    # entry points with counts link to the filtered list
    assert "/measures/?city=210100" in html
    assert "/measures/?province=430000&amp;level=province" in html
    assert "/measures/?theme=administrative" in html
    assert "/measures/?ip_type=patent" in html
    assert "行政保护" in html and "专利" in html


def test_measure_detail_shows_context_units_neighbours_and_similar(client, docs):
    doc = docs[0]
    m = doc.measures.get(ordinal=2)
    html = text_of(get(client, f"/measures/{m.pk}/"))
    assert m.text in html
    assert "重点任务" in html and "第1组" in html                     # path
    assert f'/documents/{doc.pk}/#m-2' in html                       # exact place in the source
    assert "沈阳市市场监督管理局" in html and "牵头" in html and "配合" in html
    canonical = ResponsibleUnit.objects.get(name="市场监管局", region_id=210100)
    assert f"/units/{canonical.pk}/" in html                          # alias links to its canonical unit
    prev = doc.measures.get(ordinal=1)
    nxt = doc.measures.get(ordinal=3)
    assert f"/measures/{prev.pk}/" in html and f"/measures/{nxt.pk}/" in html
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert "商标" in html                                              # IP type label
    assert "专利质押项目1" in html                                      # its target
    # similar measures come from other places only, sharing a theme
    similar = html.split("其他地区的相似措施")[1]
    other = Measure.objects.filter(document=docs[1], ordinal=2).get()
    assert f"/measures/{other.pk}/" in similar
    for same_doc in doc.measures.exclude(pk=m.pk):
        assert f"/measures/{same_doc.pk}/" not in similar
    if report_snippet_exists():
        assert "报告错误" in html and f"?measure={m.pk}" in html


def test_first_and_last_measures_have_one_neighbour(client, docs):
    doc = docs[2]
    first, last = doc.measures.order_by("ordinal").first(), doc.measures.order_by("ordinal").last()
    html = text_of(get(client, f"/measures/{first.pk}/"))
    assert 'rel="prev"' not in html and 'rel="next"' in html
    html = text_of(get(client, f"/measures/{last.pk}/"))
    assert 'rel="prev"' in html and 'rel="next"' not in html


def test_missing_pages_are_404(client, db):
    get(client, "/measures/999999/", status=404)
    get(client, "/documents/999999/", status=404)
    get(client, "/units/999999/", status=404)


def test_document_detail_has_metadata_outline_anchors_targets_and_source(client, docs):
    doc = docs[0]
    html = text_of(get(client, f"/documents/{doc.pk}/"))
    for label in ("文号", "发布机构", "成文日期", "发布日期", "效力状态", "地区"):
        assert f'<th scope="row">{label}</th>' in html
    assert "沈阳政发〔2024〕1号" in html and "沈阳市人民政府" in html and "2024年7月9日" in html
    assert "现行有效" in html and "辽宁省" in html and "沈阳市" in html
    for ordinal in range(1, 5):
        assert f'id="m-{ordinal}"' in html and f'href="#m-{ordinal}"' in html
    assert html.count(">重点任务<") >= 1 and "第2组" in html               # chapters in the outline
    assert "全市知识产权保护社会满意度" in html and "不低于" in html           # targets table
    assert "<details" in html and "展开原文" in html                         # collapsible source
    if report_snippet_exists():
        assert "报告错误" in html and f"?document={doc.pk}" in html


def test_document_list_counts_measures_and_targets(client, docs):
    html = text_of(get(client, "/documents/"))
    assert "共 3 件文件" in html
    for d in docs:
        assert f"/documents/{d.pk}/" in html
    html = text_of(get(client, "/documents/?province=430000"))
    assert "共 1 件文件" in html and "湖南省智慧財產權強省建設實施意見" in html
    get(client, "/documents/?province=abc&status=nonsense")         # bad values are left out
    get(client, "/documents/?province=abc&status=nonsense&page=999", status=404)   # past the last page


def test_compare_matrix_cells_open_the_filtered_list(client, docs):
    html = text_of(get(client, "/compare/"))
    assert "沈阳市" in html and "湖南省" in html and "三明市" in html
    assert "行政保护" in html
    assert 'href="/measures/?city=210100&amp;theme=administrative"' in html
    assert 'href="/measures/?province=430000&amp;level=province&amp;theme=administrative"' in html
    assert "heat-20" in html                                            # the fullest cell is darkest
    share = text_of(get(client, "/compare/?mode=share"))
    assert "25%" in share                                               # 1 of 4 measures per theme


def test_compare_cell_link_really_filters(client, docs):
    html = text_of(get(client, "/measures/?city=210100&theme=administrative"))
    assert "共 <strong>1</strong> 条措施" in html


def test_targets_board_lines_up_comparable_metrics_across_places(client, docs):
    html = text_of(get(client, "/targets/"))
    # 全市知识产权保护社会满意度 (沈阳) and 智慧財產權保護社會滿意度 (湖南) fold to one metric
    group = html.split("知识产权保护社会满意度", 1)[1].split("</section>")[0]
    assert "2 地可比" in group
    assert "沈阳市" in group and "湖南省" in group
    assert ">84<" in group and ">85<" in group and "2026" in group and "2025" in group and "≥" in group
    filtered = text_of(get(client, "/targets/?q=滿意度"))
    assert "1 个指标" in filtered
    only = text_of(get(client, "/targets/?comparable=1"))
    assert "社会满意度" in only


def test_units_list_folds_aliases_and_detail_groups_roles(client, docs):
    html = text_of(get(client, "/units/"))
    canonical = ResponsibleUnit.objects.get(name="市场监管局", region_id=210100)
    alias = ResponsibleUnit.objects.get(name="沈阳市市场监督管理局")
    assert f"/units/{canonical.pk}/" in html and f"/units/{alias.pk}/" not in html
    row = html.split(f"/units/{canonical.pk}/")[1].split("</tr>")[0]
    assert '<td class="num" data-label="措施">4</td>' in row             # 2 direct + 2 through the alias
    detail = get(client, f"/units/{canonical.pk}/")
    text = text_of(detail)
    assert "牵头的措施(4)" in text and "沈阳市市场监督管理局" in text
    # an alias redirects to its canonical unit
    response = client.get(f"/units/{alias.pk}/")
    assert response.status_code == 302 and response["Location"] == f"/units/{canonical.pk}/"
    court = ResponsibleUnit.objects.get(name="中级人民法院", region_id=210100)
    assert "配合的措施(4)" in text_of(get(client, f"/units/{court.pk}/"))
    assert "共 3 个单位" in text_of(get(client, "/units/?q=监督管理"))
    assert "共 1 个单位" in text_of(get(client, "/units/?q=监督管理&region=210100"))


def test_measure_list_filters_facets_sort_and_pagination(client, docs):
    html = text_of(get(client, "/measures/"))
    assert "共 <strong>12</strong> 条措施" in html
    assert 'name="theme" value="administrative"' in html
    html = text_of(get(client, "/measures/?q=行政裁决"))
    assert "共 <strong>3</strong> 条措施" in html
    assert "<mark>行政裁决</mark>" in html
    # facet counts follow the query; options without hits are left out (issue 15)
    theme_block = html.split("<legend>工作类别</legend>")[1].split("</fieldset>")[0]
    assert 'value="administrative"' in theme_block
    admin_li = theme_block.split('value="administrative"')[1].split("</li>")[0]
    assert '<span class="count" aria-label="3 条">3</span>' in admin_li
    assert 'value="finance"' not in theme_block
    html = text_of(get(client, "/measures/?q=行政裁决&city=210100"))
    assert "共 <strong>1</strong> 条措施" in html and "城市:沈阳市" in html
    html = text_of(get(client, "/measures/?sort=date&page_size=5&page=2"))
    assert "第 2/3 页" in html and 'aria-current="page">2<' in html
    get(client, "/measures/?q=%22&page=abc&year_from=x&unit=-1&has_targets=maybe")


def test_measure_list_shows_place_document_themes_and_units(client, docs):
    html = text_of(get(client, "/measures/?q=质押融资"))
    assert "沈阳市" in html and "沈阳市国家知识产权保护示范区建设方案" in html
    assert "知识产权金融" in html and "市场监管局" in html


def test_csv_export_has_bom_and_follows_the_query(client, docs):
    response = get(client, "/measures/export.csv?q=行政裁决&city=210100")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:3] == ["ID", "链接", "省份"]
    assert len(rows) == 2
    assert rows[1][3] == "沈阳市" and "行政裁决" in rows[1][13] and "行政保护" in rows[1][14]


def test_json_export_follows_the_query(client, docs):
    response = get(client, "/measures/export.json?theme=finance")
    data = json.loads(text_of(response))
    assert len(data) == 3
    assert all("知识产权金融" in row["themes"] for row in data)
    assert {row["city"] for row in data} == {"沈阳市", "三明市", ""}
    assert data[0]["units"][0]["role"] == "lead"


def test_measure_detail_explains_its_classification(client, corpus):
    """The classifier's reasons come from the editable theme keywords."""
    from measures.models import Measure, Theme

    m = Measure.objects.filter(text__contains="行政裁决").first()
    html = text_of(get(client, f"/measures/{m.pk}/"))
    assert "分类依据" in html and "行政裁决" in html.split("分类依据")[1]
    # an editor removes the keyword from every theme: it no longer explains anything
    for theme in Theme.objects.all():
        theme.keywords = [k for k in theme.keywords if not k.startswith("行政裁决")]
        theme.save()
    html = text_of(get(client, f"/measures/{m.pk}/"))
    reasons = html.split("分类依据")[1].split("</details>")[0]
    assert "行政裁决" not in reasons
