"""The pages of how policy spreads on the spread corpus: citations both ways on a
document page and in the API, lineage of a national and of a provincial
document, similar measures and the diffusion of a wording, draft vs final, and
the question "which cities cite the 2021 national plan, and which of their
measures have a deadline?" answered in two clicks from the home page."""
import re


from .test_resolution import HUBEI, PLAN, WUHAN

SANMING_DRAFT = "004_de0660f12d225504.txt"
SANMING_FINAL = "c04_sanming_ip_power_plan_final_2024.txt"
QIANJIANG = "000_c4e0c1df15afd4a9.txt"
JIANGXIA = "d01_jiangxia_protection_plan_2022.txt"
FUJIAN = "p02_fujian_ip_power_plan_2024.txt"
FUZHOU = "c03_fuzhou_ip_power_plan_2024.txt"

STYLE_ATTR = re.compile(r"<[^>]+\sstyle\s*=", re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def section(html: str, start: str, end: str) -> str:
    return html[html.index(start):html.index(end, html.index(start))]


def test_document_page_shows_what_it_cites_and_who_cites_it(client, spread):
    plan = spread[PLAN]
    html = client.get(f"/documents/{plan.pk}/").content.decode()
    cites = text_of(section(html, 'id="cites-title"', "</section>"))
    assert "本文件依据(2)" in cites
    assert "知识产权强国建设纲要(2021—2035年)" in cites and "按标题匹配" in cites
    # the development outline is not in the corpus: kept as text, with a search link
    assert "语料中暂无此文件" in cites and "检索提及它的措施" in cites
    cited_by = text_of(section(html, 'id="citedby-title"', "</section>"))
    assert "被以下文件引用(10)" in cited_by
    assert "国家级(2)" in cited_by and "省级(3)" in cited_by and "市级(5)" in cited_by
    assert "引用本文件的城市:三明市、大连市、武汉市、西安市" in cited_by
    assert not STYLE_ATTR.search(html) and not INLINE_SCRIPT.search(html)


def test_the_api_returns_both_directions(client, spread):
    plan = spread[PLAN]
    data = client.get(f"/api/documents/{plan.pk}/citations/").json()
    assert data["counts"] == {"cites": 2, "cites_resolved": 1, "cited_by": 10}
    assert data["document"]["doc_number"] == "國發〔2021〕20號"
    assert {c["document"]["title"] for c in data["cited_by"]} >= {"武汉市人民政府关于加强知识产权保护工作的实施意见",
                                                                 "大连市知识产权保护和运用“十四五”规划"}
    outline = next(c for c in data["cites"] if c["resolved"])
    assert outline["document"]["level"] == "national" and outline["method"] == "title"
    unresolved = next(c for c in data["cites"] if not c["resolved"])
    assert unresolved["document"] is None and "第十四個五年規劃" in unresolved["title"]
    assert client.get("/api/documents/999999/citations/").status_code == 404
    # the document API carries them too
    detail = client.get(f"/api/documents/{plan.pk}/").json()
    assert detail["citation_counts"] == data["counts"] and len(detail["cited_by"]) == 10
    final = client.get(f"/api/documents/{spread[SANMING_FINAL].pk}/").json()
    assert final["draft"]["id"] == spread[SANMING_DRAFT].pk


def test_two_clicks_from_home_to_the_cities_measures_with_a_deadline(client, spread):
    """Which cities cite the 2021 national plan, and which of their measures have a deadline?"""
    plan = spread[PLAN]
    home = client.get("/").content.decode()
    most_cited = section(home, 'id="most-cited"', "</ul>")
    link = re.search(rf'href="(/documents/{plan.pk}/#citations)"', most_cited)
    assert link, most_cited                                         # click 1: the plan, most cited
    page = client.get(link.group(1).split("#")[0]).content.decode()
    assert "引用本文件的城市:三明市、大连市、武汉市、西安市" in text_of(page)
    deadline = re.search(r'href="([^"]*cites=\d+[^"]*flag=deadline[^"]*)"', page)
    assert deadline                                                  # click 2: their measures with a deadline
    url = deadline.group(1).replace("&amp;", "&")
    listing = client.get(url)
    assert listing.status_code == 200
    api = client.get("/api/measures/" + url[url.index("?"):]).json()
    assert api["count"] > 0
    from measures.models import Citation, Measure

    citing = set(Citation.objects.filter(target=plan).values_list("document_id", flat=True))
    for r in api["results"]:
        m = Measure.objects.get(pk=r["id"])
        assert m.flag_deadline and m.document_id in citing
    cities = {f["name"] for f in api["facets"]["city"]}
    assert {"武汉市", "大连市"} <= cities


def test_lineage_of_the_national_plan(client, spread):
    plan = spread[PLAN]
    html = client.get(f"/documents/{plan.pk}/lineage/").content.decode()
    text = text_of(html)
    assert "政策传导" in text and "共 13 份下级文件,涉及 6 个城市" in text
    layers = re.findall(r'<li class="layer level-(\w+)">\s*<h3>([^<]+)</h3>', html)
    assert [level for level, _ in layers] == ["national", "province", "city", "district"]
    assert "国家级(2)" in layers[0][1] and "省级(3)" in layers[1][1] and "市级(7)" in layers[2][1]
    # 沈阳 cites the demonstration-zone plan, which cites the national plan: two steps down
    assert "经由 国家知识产权保护示范区建设方案" in text
    # 江夏区 implements 武汉's opinion (根据…精神), which cites the plan by 文号
    assert "江夏区知识产权保护工作方案" in text and "根据…精神" in text
    assert not STYLE_ATTR.search(html)


def test_lineage_of_a_provincial_document_with_similar_measures(client, spread):
    from measures.selectors_diffusion import lineage

    hubei = spread[HUBEI]
    data = lineage(document_id=hubei.pk)
    below = {e.document.source for layer in data["layers"] for e in layer["entries"]}
    assert below == {QIANJIANG, WUHAN, JIANGXIA}
    assert [layer["level"] for layer in data["layers"]] == ["city", "district"]
    # its measure on 行政裁决 was taken word for word by 潜江 and 武汉
    row = next(r for r in data["measure_matches"] if r["measure"].text.startswith("创新专利侵权纠纷行政裁决"))
    places = {m["place"] for m in row["matches"]}
    assert places == {"潜江市", "武汉市"} and all(m["score"] >= 50 for m in row["matches"])
    # matches only come from the descendants
    allowed = set(data["descendant_ids"])
    assert all(m["measure"].document_id in allowed for r in data["measure_matches"] for m in r["matches"])
    html = client.get(f"/documents/{hubei.pk}/lineage/").content.decode()
    assert "本文件措施在下级文件中的相似措施" in html


def test_similar_measures_are_ranked_by_text_and_explained(client, spread):
    from measures.models import Measure

    m = Measure.objects.get(document=spread[SANMING_DRAFT], text__startswith="加强专利侵权纠纷行政裁决能力建设")
    html = client.get(f"/measures/{m.pk}/").content.decode()
    aside = section(html, 'id="similar-title"', "</aside>")
    # the province's measure and 福州's copy come first, marked as near-identical wording
    first = re.findall(r'href="/measures/(\d+)/"', aside)[:2]
    sources = {Measure.objects.get(pk=int(pk)).document.source for pk in first}
    assert sources == {FUJIAN, FUZHOU}
    assert "表述几乎相同" in aside and "共同词语" in aside and "行政裁决" in text_of(aside)
    assert "按措施文字的相似度排序" in aside
    assert f"/measures/{m.pk}/diffusion/" in aside


def test_diffusion_of_a_wording(client, spread):
    from measures.models import Measure

    m = Measure.objects.get(document=spread[FUZHOU], text__startswith="加强专利侵权纠纷行政裁决能力建设")
    html = client.get(f"/measures/{m.pk}/diffusion/").content.decode()
    rows = re.findall(r"<tr class=\"(first)?\">\s*<td class=\"nowrap\">([\d-]+)", html)
    dates = [d for _, d in rows]
    assert dates == sorted(dates) and dates[0] == "2024-05-20"       # 福建's plan first, then the copies
    assert rows[0][0] == "first"
    text = text_of(html)
    assert "3 个地区采用了这一表述,最早见于 福建省" in text
    assert '<ins class="diff-ins">' in html and '<del class="diff-del">' in html


def test_draft_and_final_are_linked_and_compared(client, spread):
    final, draft = spread[SANMING_FINAL], spread[SANMING_DRAFT]
    html = client.get(f"/documents/{final.pk}/").content.decode()
    assert "本文件有征求意见稿" in html and f"/documents/{final.pk}/draft/" in html
    html = client.get(f"/documents/{draft.pk}/").content.decode()
    assert "本文件为征求意见稿,正式版本" in html and f"/documents/{final.pk}/" in html
    page = client.get(f"/documents/{final.pk}/draft/").content.decode()
    counts = text_of(section(page, 'class="compare-counts"', "</ul>"))
    assert "修改 2 条" in counts and "新增 1 条" in counts and "删除 1 条" in counts and "未变 60 条" in counts
    assert "加强老字号传承和运用" in text_of(page)                       # removed
    assert "制定全市知识产权行政执法工作指引" in text_of(page)            # added
    assert '<ins class="diff-ins">,2025年底前实现县(市、区)专利侵权纠纷行政裁决全覆盖</ins>' in page
    # a document without a draft has no comparison
    assert client.get(f"/documents/{spread[HUBEI].pk}/draft/").status_code == 404


def test_specificity_shows_on_the_measure_page_and_sorts_the_list(client, spread):
    from measures.models import Measure

    m = Measure.objects.get(document=spread[HUBEI], ordinal=1)
    assert (m.flag_target, m.flag_deadline, m.flag_unit, m.flag_lead, m.flag_money) == (True, True, True, True, False)
    assert m.specificity == 4
    html = client.get(f"/measures/{m.pk}/").content.decode()
    assert "具体度 <span class=\"spec-score\">4/5</span>" in html
    data = client.get("/api/measures/", {"sort": "specificity", "page_size": 100}).json()
    scores = [Measure.objects.get(pk=r["id"]).specificity for r in data["results"]]
    assert scores == sorted(scores, reverse=True) and scores[0] >= 4
    counts = {f["score"]: f["count"] for f in data["facets"]["specificity"]}
    assert sum(counts.values()) == data["count"]
    only4 = client.get("/api/measures/", {"specificity": "4"}).json()
    assert only4["count"] == counts[4]


def test_export_has_the_specificity_column(client, spread):
    import csv
    import io

    response = client.get("/measures/export.csv", {"document": spread[HUBEI].pk})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    header = rows[0]
    assert "具体度" in header and "具体度依据" in header
    first = dict(zip(header, rows[1]))
    assert first["具体度"] == "4" and "有完成时限" in first["具体度依据"]


def test_heat_map_in_specificity_mode(client, spread):
    html = client.get("/compare/", {"mode": "specific"}).content.decode()
    assert "当前按<strong>具体措施的占比</strong>着色" in html
    assert "specificity=3&amp;specificity=4&amp;specificity=5" in html
    assert 'aria-current="true">按具体度' in html
