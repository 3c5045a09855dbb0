"""Shapes seen on real portals that the genre set does not cover one by one."""
from pathlib import Path

from measures.parsing import default_knowledge, parse_document

VARIANTS = Path(__file__).parent / "data" / "variants"


def _parse(name):
    return parse_document((VARIANTS / name).read_bytes(), source=name, knowledge=default_knowledge())


def test_notice_without_guanyu_and_right_paren_numbering():
    d = _parse("notice_without_guanyu.txt")
    doc = d["document"]
    assert doc["title"] == "关于进一步强化全省知识产权保护的若干措施"
    assert doc["notice_title"].startswith("中共湖北省委办公厅 湖北省人民政府办公厅印发《")
    assert doc["issuer"] == "中共湖北省委办公厅、湖北省人民政府办公厅"  # joint issuers listed with 、
    assert (doc["province"], doc["level"]) == ("湖北省", "province")
    ms = d["measures"]
    assert [m["label"] for m in ms] == ["1", "2", "1", "2"]  # "1）" items
    assert ms[0]["title"] == "加大刑事打击力度"
    assert ms[2]["units"] == ["省公安厅", "省检察院", "省市场监管局"]


def test_page_whose_paragraphs_were_joined_with_spaces():
    d = _parse("space_joined_page.txt")
    ms = d["measures"]
    assert [m["label"] for m in ms] == ["1", "2", "3", "4", "5", "6"]
    assert ms[0]["path"] == ["重点行动", "知识产权高质量创造行动"]
    assert ms[0]["title"] == "培育高价值专利"
    goals = [t for t in d["targets"] if t["measure"] is None and t["year"] == 2025]
    assert len(goals) >= 5  # the 主要目标 chapter stays document-level


def test_traditional_articles_with_repealed_mark_and_unit_lines():
    d = _parse("traditional_articles_repealed.txt")
    doc = d["document"]
    assert doc["notice_title"] == "珠海市人民政府關於印發珠海市知識產權保護辦法的通知"
    assert doc["title"] == "珠海市知識產權保護辦法"
    assert doc["status"] == "expired" and doc["script"] == "hant"
    assert doc["doc_number"] == "珠府〔2018〕66號"
    ms = d["measures"]
    assert [m["label"] for m in ms] == ["二", "三"]  # purpose and entry-into-force articles are not measures
    assert ms[0]["units"] == ["市市場監管局", "市公安局"]  # "責任單位：" on its own line
    assert ms[1]["lead_units"] == ["市市場監管局"]


def test_notice_title_wrapped_over_two_lines():
    d = _parse("wrapped_notice_title.txt")
    doc = d["document"]
    assert doc["notice_title"] == "宜昌市人民政府办公室关于印发宜昌市知识产权保护和运用“十四五”规划的通知"
    assert doc["title"] == "宜昌市知识产权保护和运用“十四五”规划"
    assert doc["issuer"] == "宜昌市人民政府办公室" and doc["city"] == "宜昌市"
    assert [m["units"] for m in d["measures"]] == [["市市场监管局"], ["市中级人民法院"]]


def test_html_task_division_table_rows_are_measures():
    d = _parse("task_table.html")
    ms = d["measures"]
    assert [m["label"] for m in ms] == ["1", "2", "3"]
    assert ms[0]["path"] == ["强化知识产权保护"] and ms[2]["path"] == ["促进知识产权运用"]
    assert ms[1]["units"] == ["市司法局", "市市场监管局", "市中级人民法院"]
    assert ms[1]["lead_units"] == ["市司法局"]
    assert ms[2]["units"] == ["市地方金融监管局"]  # "/" in the support column is no unit
    assert {(t["value"], t["unit"], t["measure"]) for t in d["targets"]} >= {(50, "件", 1), (5, "亿元", 3)}


def test_heading_glued_to_its_body_without_a_stop():
    from measures.parsing.measures import split_title
    title, body = split_title("加强知识产权交流合作鼓励企业、行业协会等参加中国发明展等交流活动，支持企业参加海外展会。")
    assert title == "加强知识产权交流合作" and body.startswith("鼓励企业")
    # a one-sentence item without a heading keeps none
    assert split_title("完善知识产权法规和政策，推动出台地方性法规。")[0] is None


def test_breadcrumbs_signature_qualifiers_and_abbreviated_issuers(parse):
    text = ("首页 > 政务公开 > 政策文件 > 部门文件\n"
            "市政府关于印发昆山市知识产权强市建设若干措施的通知\n"
            "昆政发〔2023〕18号\n各区镇人民政府：\n现将《昆山市知识产权强市建设若干措施》印发给你们。\n"
            "昆山市人民政府\n2023年6月12日\n"
            "昆山市知识产权强市建设若干措施\n"
            "一、加强知识产权创造\n1.培育高价值专利。支持企业围绕主导产业布局高价值专利组合，开展专利导航。\n"
            "2.打造品牌。支持企业申请注册商标，培育知名品牌。\n")
    doc = parse(text)["document"]
    assert doc["issuer"] == "昆山市人民政府"  # the notice says 市政府; the signature names it in full
    assert doc["title"] == "昆山市知识产权强市建设若干措施"
    assert doc["signed_date"] == "2023-06-12"


def test_signature_with_a_bracketed_second_name(parse):
    text = ("关于公开征求《安徽省知识产权保护工作办法（征求意见稿）》意见的通知\n"
            "各有关单位：\n现向社会公开征求意见。\n"
            "安徽省市场监督管理局（知识产权局）\n2025年3月18日\n"
            "安徽省知识产权保护工作办法\n（征求意见稿）\n"
            "第一章 总则\n第一条 为加强知识产权保护，制定本办法。\n"
            "第二章 保护措施\n第二条 加强行政保护。开展专项执法行动，严厉打击侵权假冒行为。\n"
            "第三条 资助申请实行年度集中受理。省知识产权局每年发布申报通知。\n")
    result = parse(text)
    doc, ms = result["document"], result["measures"]
    assert doc["issuer"] == "安徽省市场监督管理局（知识产权局）"
    assert doc["status"] == "draft"
    assert [(m["label"], m["title"]) for m in ms] == [("二", "加强行政保护"), ("三", None)]
