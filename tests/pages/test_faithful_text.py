"""Issue 15: the pages show the text as the documents write it.

Folding (Traditional → Simplified, OpenCC phrase tables that turn 新增 into
添加) is for matching only; headings of untitled measures never keep a
cut-off 〔责任单位: note; a metric is never cut to nonsense (全市域 → 域).
"""
import re

import pytest
from lxml import html as lxml_html

from measures.display import measure_heading, strip_unit_notes
from measures.models import Measure, Target

pytestmark = pytest.mark.django_db


def tree(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml_html.fromstring(response.content.decode("utf-8"))


def texts(doc, xpath):
    return [re.sub(r"\s+", " ", e.text_content()).strip() for e in doc.xpath(xpath)]


BRACKETS = {"〔": "〕", "(": ")", "（": "）", "【": "】", "《": "》", "“": "”"}


def balanced(text):
    stack = []
    for ch in text:
        if ch in BRACKETS:
            stack.append(BRACKETS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
    return not stack


def test_heading_of_an_untitled_measure_drops_the_unit_note():
    text = "加强专利侵权纠纷行政裁决能力建设,加大专利侵权纠纷行政裁决办案力度。〔责任单位:市市场监管局(知识产权局)〕"
    assert measure_heading(None, text) == "加强专利侵权纠纷行政裁决能力建设,加大专利侵权纠纷行政裁决办案力度"
    assert measure_heading("已有标题", text) == "已有标题"
    # a long first sentence is cut at a clause boundary and marked, never inside a bracket
    long = "推动市、县两级知识产权快速协同保护体系建设,完善全市知识产权管理机构和队伍建设,推进知识产权治理体系和治理能力现代化。"
    heading = measure_heading(None, long)
    assert heading.endswith("…") and len(heading) <= 41 and balanced(heading)
    assert strip_unit_notes("开展行动。(责任单位:市文旅局、市公安局)") == "开展行动。"
    assert strip_unit_notes("开展行动。〔牵头单位:市市场监管局(知识产权局);配合单位:市公安局〕") == "开展行动。"


def test_no_heading_in_the_corpus_keeps_a_cut_off_unit_note(client, corpus):
    untitled = list(Measure.objects.filter(title__isnull=True).select_related("document"))
    sanming = [m for m in untitled if "三明" in m.document.title]
    assert len(sanming) >= 13
    for m in untitled:
        assert "责任单位" not in m.heading, (m.pk, m.heading)
        assert balanced(m.heading), (m.pk, m.heading)
    m13 = Measure.objects.get(document__title__contains="三明", ordinal=13)
    assert m13.heading == "加强专利侵权纠纷行政裁决能力建设,加大专利侵权纠纷行政裁决办案力度"
    # …and so read the measure page, its document page and the result list
    page = tree(client, f"/measures/{m13.pk}/")
    assert texts(page, "//h1")[0].endswith(m13.heading)
    doc_page = tree(client, f"/documents/{m13.document_id}/")
    headings = texts(doc_page, "//h5[contains(@class,'measure-heading')]")
    assert headings and not any("责任单位" in h for h in headings)
    results = tree(client, f"/measures/?document={m13.document_id}&page_size=100")
    titles = texts(results, "//h3[contains(@class,'result-title')]")
    assert titles and not any("责任单位" in t for t in titles)


def test_targets_board_shows_metrics_as_written(client, corpus):
    page = tree(client, "/targets/?page=1")
    headings = [h.split(" ")[0] for h in texts(page, "//section[contains(@class,'metric-group')]/h2")]
    written = set(Target.objects.values_list("metric", flat=True))
    # every group heading is a metric as some document writes it, never its folded key
    for h in headings:
        assert h in written, h
    board = " ".join(texts(page, "//main"))
    assert "年新增绿色、有机认证产品数" in board
    assert "添加" not in board        # OpenCC's 新增 → 添加 is for matching only
    assert "全市域" in headings and "域" not in headings
    # searching still folds: a Traditional keyword finds the Simplified spelling
    found = tree(client, "/targets/?q=滿意度")
    assert any("满意度" in h for h in texts(found, "//section[contains(@class,'metric-group')]/h2"))
