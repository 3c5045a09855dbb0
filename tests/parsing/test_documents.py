"""End-to-end behaviour on the test texts in data/ (one shape of document each)."""
import pytest

from measures.parsing import ParseError


def test_articles_with_lead_and_support_units(parse):
    d = parse("articles_lead_support.txt")
    doc = d["document"]
    assert doc["title"] == "杭州市知识产权保护若干措施"
    assert doc["notice_title"] == "杭州市人民政府办公室关于印发杭州市知识产权保护若干措施的通知"
    assert doc["issuer"] == "杭州市人民政府办公室"
    assert doc["doc_number"] == "杭政办〔2023〕12号"
    assert (doc["province"], doc["city"], doc["district"], doc["level"]) == ("浙江省", "杭州市", None, "city")
    assert doc["signed_date"] == "2023-05-08"
    ms = d["measures"]
    # 总则 (purpose article) and 附则 (entry into force) are not measures
    assert [m["label"] for m in ms] == ["二", "三", "四", "五"]
    assert ms[0]["path"] == ["保护措施"]
    assert ms[0]["title"] == "强化行政裁决"
    assert ms[0]["units"] == ["市市场监管局", "市司法局", "市公安局"]
    assert ms[0]["lead_units"] == ["市市场监管局"]
    assert ms[1]["lead_units"] == ["市公安局"]  # 牵头部门/配合部门
    assert ms[1]["units"] == ["市公安局", "市检察院", "市中级人民法院"]
    assert ms[2]["units"] == ["市司法局", "市市场监管局"]  # "按职责分工负责"
    assert ms[2]["lead_units"] == []
    assert ms[3]["units"] == ["市财政局"]  # "(市财政局负责)"
    assert ms[0]["units_detail"][1] == {"name": "市司法局", "role": "support"}
    assert "criminal" in ms[1]["themes"] and "trade_secret" in ms[1]["ip_types"]
    targets = {(t["measure"], t["value"], t["unit"], t["comparator"]) for t in d["targets"]}
    assert (1, 30, "个工作日", "<=") in targets
    assert (3, 10, "家", ">=") in targets
    assert (4, 50, "万元", "=") in targets


def test_dun_numbering_and_unnumbered_safeguards(parse):
    d = parse("dun_numbering.txt")
    ms = d["measures"]
    assert [m["label"] for m in ms] == ["1", "2", "3"]
    assert all(m["path"] == ["重点任务"] for m in ms)
    # the 保障措施 chapter is one unnumbered paragraph: not a measure
    assert not any("组织领导" in m["text"] for m in ms)
    t = next(t for t in d["targets"] if t["value"] == 50)
    assert (t["unit"], t["comparator"], t["year"], t["measure"]) == ("件", ">=", 2025, 1)
    assert d["document"]["city"] == "武汉市"


def test_traditional_script_is_kept_and_detected(parse):
    d = parse("traditional.txt")
    assert d["document"]["script"] == "hant"
    ms = d["measures"]
    assert len(ms) == 2  # 總體要求 items are not measures
    assert ms[0]["title"] == "加強智慧財產權行政執法"  # text stays Traditional
    assert "administrative" in ms[0]["themes"]
    assert {"patent", "trademark"} <= set(ms[0]["ip_types"])
    assert "finance" in ms[1]["themes"]
    goal = [t for t in d["targets"] if t["measure"] is None]
    assert goal and goal[0]["value"] == 15 and goal[0]["year"] == 2026
    assert "專利密集型產業" in goal[0]["metric"]


def test_pinyin_mirror_is_stripped(parse):
    d = parse("pinyin_mirror.txt")
    assert d["document"]["title"] == "关于加强知识产权保护的实施意见"
    m = d["measures"][0]
    assert m["title"] == "强化知识产权司法保护"
    assert "(ch" not in m["text"] and "(hù)" not in m["text"]
    assert "judicial" in m["themes"]
    assert "culture" in d["measures"][1]["themes"]


def test_chapters_headed_by_units(parse):
    d = parse("unit_chapters.txt")
    assert [m["units"] for m in d["measures"]] == [["县市场监督管理局"], ["县市场监督管理局"], ["县公安局"]]


def test_truncated_page_still_parses(parse):
    d = parse("truncated.txt")
    assert len(d["measures"]) == 3
    assert d["measures"][2]["anchor"].startswith("完善知识产权保护中心")


def test_html_page_with_chrome_and_metadata_table(parse):
    d = parse("html_page.html")
    doc = d["document"]
    assert doc["title"] == "沈阳市和平区知识产权保护工作方案"
    assert doc["issuer"] == "沈阳市和平区人民政府办公室"
    assert doc["doc_number"] == "沈和政办发〔2022〕5号"
    assert (doc["province"], doc["city"], doc["district"], doc["level"]) == ("辽宁省", "沈阳市", "和平区", "district")
    assert doc["signed_date"] == "2022-03-01" and doc["published_date"] == "2022-03-10"
    assert doc["status"] == "expired"
    ms = d["measures"]
    assert len(ms) == 2  # the <script> "一、" and the 保障措施 paragraph are not measures
    assert ms[1]["units"] == ["区金融局", "区财政局"]
    text = doc["body_text"]
    for chrome in ("打印本页", "关闭窗口", "扫一扫", "分享到", "我要纠错", "<p>"):
        assert chrome not in text


def test_gbk_bytes_draft_with_notice(parse):
    raw = (__import__("pathlib").Path(__file__).parent / "data" / "gbk_draft.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    d = parse("gbk_draft.txt")
    doc = d["document"]
    assert doc["status"] == "draft"
    assert doc["title"] == "宁波市商标品牌发展若干措施"
    assert doc["issuer"] == "宁波市市场监督管理局"
    assert doc["signed_date"] == "2024-03-15"
    # the numbered lines of the covering notice (how to send comments) are not measures
    assert [m["label"] for m in d["measures"]] == ["一", "二", "三"]
    assert d["measures"][1]["units"] == ["市农业农村局", "市市场监管局"]
    reward = next(t for t in d["targets"] if t["unit"] == "万元")
    assert (reward["value"], reward["comparator"], reward["measure"]) == (100, "=", 1)


def test_utf8_bom_and_str_input(parse):
    text = (__import__("pathlib").Path(__file__).parent / "data" / "dun_numbering.txt").read_text("utf-8")
    a = parse(("\ufeff" + text).encode("utf-8"))
    b = parse(text)
    assert a["measures"] == b["measures"]
    assert a["document"]["title"] == "武汉市东湖新技术开发区知识产权工作要点"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\n ", "empty"),
    (b"%PDF-1.4 binary", "PDF"),
    (b"\x00\x01\x02\x03" * 50, "binary"),
])
def test_non_text_raises_clear_error(parse, data, reason):
    with pytest.raises(ParseError) as exc:
        parse(data)
    assert reason in exc.value.reason


@pytest.mark.parametrize("data, warning", [
    ("这是一段没有任何编号的文字。" * 5, "no numbered measures found"),
    (b"hello world, no chinese here at all", "little Chinese text"),
    ("（二）加强执法。开展专项行动。\n（三）加强司法。完善审判机制。", "page starts mid-document"),
    ("某市知识产权方案\n一、重点任务\n1.加强执法。开展专项行动，严厉打击侵权假冒，推动", "text appears truncated"),
])
def test_any_text_gives_a_document_and_warnings(parse, data, warning):
    d = parse(data)
    assert warning in d["warnings"]
    assert set(d["document"]) >= {"title", "issuer", "level", "status", "script"}
    assert isinstance(d["measures"], list) and isinstance(d["targets"], list)


def test_a_complete_document_has_no_warnings(parse):
    assert parse("dun_numbering.txt")["warnings"] == []


def test_same_input_same_output_in_any_order():
    # the old module-level SIMPLIFIED_ONLY flag left a Traditional keyword unfolded when the keywords
    # were first compiled inside the parse of a Simplified document
    from measures.parsing import Knowledge, explain_themes, parse_document

    first = Knowledge(themes=[{"code": "x", "keywords": ["智慧財產權^5"]}])
    parse_document("某市知识产权保护工作方案\n一、重点任务\n1.加强执法。开展专项行动，严厉打击侵权假冒行为。", source="a.txt",
                   knowledge=first)
    fresh = Knowledge(themes=first.themes)
    assert explain_themes(first, None, "保护知识产权") == explain_themes(fresh, None, "保护知识产权")
    assert explain_themes(first, None, "保护知识产权")[0]["code"] == "x"


def test_national_issuers(parse):
    text = ("国务院办公厅关于印发知识产权强国建设纲要和“十四五”规划实施年度推进计划的通知\n"
            "国办发〔2024〕1号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
            "一、重点任务\n1.加强执法。湖北省开展专项行动，严厉打击侵权假冒。\n")
    doc = parse(text)["document"]
    assert doc["issuer"] == "国务院办公厅"
    assert (doc["level"], doc["province"], doc["city"], doc["district"]) == ("national", None, None, None)


def test_spec_keys_present(parse):
    d = parse("dun_numbering.txt")
    assert set(d) == {"source", "document", "measures", "targets", "warnings", "encoding"}
    assert d["encoding"] == "utf-8" and "encoding" not in d["document"]
    for key in ("title", "notice_title", "issuer", "doc_number", "province", "city", "district", "level",
                "signed_date", "published_date", "status", "script"):
        assert key in d["document"]
    for m in d["measures"]:
        assert {"ordinal", "path", "label", "title", "anchor", "units", "lead_units", "themes", "ip_types",
                "text", "units_detail"} <= set(m)
        assert len(m["anchor"]) >= 10 or m["anchor"] in m["text"]
        assert m["themes"], "the top theme is always assigned"
